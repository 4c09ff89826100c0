"""Trains the text-dump cleaner's two logistic models and writes their weights.

Usage::

    .venv/bin/python scripts/train_textdump.py [--corpus ../shared/corpus] [--cache DIR]

The renderings are read from (and added to) the benchmark's cache of dump renderings
(``benchmarks/.cache/dumps``, see ``textdump_sets.cached_render``).

Data: the pages of half A (``benchmarks/extraction.py``'s hash split; half B is never
read) of the ScrapingHub and WCXB sets, each rendered to text the three ways of
``benchmarks/textdump_sets.py``. A unit is labelled article text when most of its word
trigrams occur in the page's reference text (units of one or two words: when they occur
in it and a labelled neighbour within three units is article text).

Training: the unit model is fitted on ``features.unit_features``; the context model on
``model.context_features`` computed from unit-model probabilities that were predicted by
four-fold cross-fitting over pages, so that it learns how far to trust probabilities on
pages the unit model has not seen. Both are L2-regularised logistic regressions fitted by
Newton's method; every page weighs the same, and its units weigh by their words (the
benchmarks score words per page). Everything is deterministic: the same corpus gives the
same weights.

Writes ``reader/core/extract/textdump/weights.py``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from extraction import (  # noqa: E402
    DEFAULT_CORPUS,
    DEFAULT_DUMP_CACHE,
    Reference,
    author_correct,
    half_of,
    load_scrapinghub,
    load_wcxb,
    title_correct,
)
from textdump_sets import RENDERERS, cached_render  # noqa: E402

from reader.core.extract.textdump.candidates import (  # noqa: E402
    Candidate,
    author_candidates,
    date_candidates,
    title_candidates,
)
from reader.core.extract.textdump.cleaner import prepare_units, select_units  # noqa: E402
from reader.core.extract.textdump.features import Features, unit_features  # noqa: E402
from reader.core.extract.textdump.headers import TITLE_THRESHOLD, best_candidate  # noqa: E402
from reader.core.extract.textdump.model import (  # noqa: E402
    article_probabilities,
    context_rows,
    score,
)
from reader.core.extract.textdump.units import Unit  # noqa: E402

WEIGHTS = REPO / "reader" / "core" / "extract" / "textdump" / "weights.py"
_TOKEN = re.compile(r"\w+")
FOLDS = 4
# L2 penalty, in units of one page's total weight.
PENALTY = 1.0
# Words become features ("w:", "h:") when they occur in the lines of this many source
# pages; rarer words are topics, not the vocabulary of page furniture.
MIN_WORD_PAGES = 15
MAX_WORDS = 300
# Share of a unit's trigrams found in the reference for it to count as article text.
LABEL_SHARE = 0.5


def _tokens(text: str) -> list[str]:
    return [token.lower() for token in _TOKEN.findall(text)]


def label_units(units: list[Unit], reference: str) -> list[int]:
    """1 for units that are part of the reference text, 0 for the others."""
    tokens = _tokens(reference)
    joined = " " + " ".join(tokens) + " "
    trigrams = set(zip(tokens, tokens[1:], tokens[2:], strict=False))
    shares: list[float | None] = []
    for unit in units:
        words = _tokens(unit.text)
        if len(words) < 3:
            shares.append(None if not words else float(f" {' '.join(words)} " in joined))
            continue
        grams = list(zip(words, words[1:], words[2:], strict=False))
        shares.append(sum(gram in trigrams for gram in grams) / len(grams))
    labels = []
    for index, share in enumerate(shares):
        if share is None or share < LABEL_SHARE:
            labels.append(0)
            continue
        if len(_tokens(units[index].text)) >= 3:
            labels.append(1)
            continue
        # A short line found in the reference counts only next to article text.
        near = [
            shares[other]
            for other in range(max(0, index - 3), min(len(units), index + 4))
            if other != index and len(_tokens(units[other].text)) >= 3
        ]
        labels.append(1 if any(value is not None and value >= LABEL_SHARE for value in near) else 0)
    return labels


class Page:
    """One rendered dump with its units, labels, weights and unit features."""

    def __init__(
        self, key: str, units: list[Unit], labels: list[int], reference: Reference
    ) -> None:
        self.key = key
        self.units = units
        self.labels = labels
        self.reference = reference
        self.words = [unit.words for unit in units]
        total = sum(word + 1 for word in self.words)
        self.weights = [(word + 1) / total for word in self.words]
        self.features: list[Features] = unit_features(units)


def load_pages(corpus: Path, cache: Path | None) -> list[Page]:
    pages: list[Page] = []
    sets = {"scrapinghub": load_scrapinghub(corpus), "wcxb": load_wcxb(corpus)}
    for base, entries in sets.items():
        for key in sorted(entries):
            if half_of(key) != "A":
                continue
            path, _, reference = entries[key]
            with gzip.open(path) as handle:
                html = handle.read()
            for renderer in RENDERERS:
                dump = cached_render(renderer, key, html, cache)
                units = prepare_units(dump, [])
                if units:
                    labels = label_units(units, reference.text)
                    pages.append(Page(f"{renderer}/{base}/{key}", units, labels, reference))
    return pages


class Table:
    """Feature dicts as one matrix, with labels and weights."""

    def __init__(self, rows: list[Features], labels: list[int], weights: list[float]) -> None:
        self.names = sorted({name for row in rows for name in row})
        column = {name: index for index, name in enumerate(self.names)}
        self.matrix = np.zeros((len(rows), len(self.names)), dtype=np.float32)
        for row_index, row in enumerate(rows):
            for name, value in row.items():
                self.matrix[row_index, column[name]] = value
        self.labels = np.array(labels, dtype=float)
        self.weights = np.array(weights)


def fit(table: Table, rows: np.ndarray | None = None) -> dict[str, float]:
    """Weighted L2-regularised logistic regression by Newton's method.

    Args:
        table: the training data.
        rows: the rows to fit on (all when None).

    Returns:
        The weight of each feature name.
    """
    matrix, target, weight = table.matrix, table.labels, table.weights
    if rows is not None:
        matrix, target, weight = matrix[rows], target[rows], weight[rows]
    penalty = np.full(len(table.names), PENALTY)
    penalty[table.names.index("bias")] = 0.0
    coefficients = np.zeros(len(table.names))
    for _ in range(50):
        probability = 1 / (1 + np.exp(-np.clip(matrix @ coefficients, -30, 30)))
        gradient = matrix.T @ (weight * (probability - target)) + penalty * coefficients
        curvature = (weight * probability * (1 - probability)).astype(np.float32)
        hessian = ((matrix.T * curvature) @ matrix).astype(float) + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        coefficients -= step
        if np.max(np.abs(step)) < 1e-7:
            break
    return {name: float(value) for name, value in zip(table.names, coefficients, strict=True)}


def word_vocabulary(pages: list[Page]) -> set[str]:
    """The word features frequent enough to learn: by the source pages they occur in."""
    sources: dict[str, set[str]] = {}
    for page in pages:
        source = page.key.split("/", 1)[1]
        for features in page.features:
            for name in features:
                if ":" in name:
                    sources.setdefault(name, set()).add(source)
    frequent = [(len(found), name) for name, found in sources.items()]
    frequent = [item for item in frequent if item[0] >= MIN_WORD_PAGES]
    return {name for _, name in sorted(frequent, reverse=True)[:MAX_WORDS]}


def unit_table(pages: list[Page]) -> Table:
    vocabulary = word_vocabulary(pages)
    rows: list[Features] = []
    labels: list[int] = []
    weights: list[float] = []
    for page in pages:
        rows += [
            {
                name: value
                for name, value in features.items()
                if ":" not in name or name in vocabulary
            }
            for features in page.features
        ]
        labels += page.labels
        weights += page.weights
    return Table(rows, labels, weights)


def context_table(pages: list[Page], first: dict[str, list[float]]) -> Table:
    rows: list[Features] = []
    labels: list[int] = []
    weights: list[float] = []
    for page in pages:
        rows += context_rows(page.features, page.words, first[page.key])
        labels += page.labels
        weights += page.weights
    return Table(rows, labels, weights)


def fold_of(page: Page) -> int:
    """The page's cross-fitting fold; the renderings of one source page share it."""
    return sum(page.key.split("/", 1)[1].encode()) % FOLDS


def _page_rows(pages: list[Page], chosen: set[str]) -> np.ndarray:
    rows: list[int] = []
    start = 0
    for page in pages:
        if page.key in chosen:
            rows.extend(range(start, start + len(page.labels)))
        start += len(page.labels)
    return np.array(rows, dtype=int)


def train(
    pages: list[Page], table: Table | None = None, rows: set[str] | None = None
) -> tuple[dict[str, float], dict[str, float]]:
    """Fits both models on ``pages`` (or on the pages named in ``rows`` of ``table``).

    Args:
        pages: all pages of the table, in its order.
        table: ``unit_table(pages)``, when already built.
        rows: keys of the pages to train on (all when None).

    Returns:
        The unit model's and the context model's weights.
    """
    table = table or unit_table(pages)
    chosen = rows if rows is not None else {page.key for page in pages}
    training = [page for page in pages if page.key in chosen]
    unit_weights = fit(table, _page_rows(pages, chosen))
    first: dict[str, list[float]] = {}
    for fold in range(FOLDS):
        inner = {page.key for page in training if fold_of(page) != fold}
        fold_weights = fit(table, _page_rows(pages, inner))
        for page in training:
            if fold_of(page) == fold:
                first[page.key] = [score(features, fold_weights) for features in page.features]
    context_weights = fit(context_table(training, first))
    return unit_weights, context_weights


def _candidate_table(groups: list[tuple[list[Candidate], list[int]]]) -> Table:
    """Candidates of all pages; every page's candidates weigh one in total."""
    rows: list[Features] = []
    labels: list[int] = []
    weights: list[float] = []
    for candidates, page_labels in groups:
        rows += [candidate.features for candidate in candidates]
        labels += page_labels
        weights += [1 / len(candidates)] * len(candidates)
    return Table(rows, labels, weights)


def train_header(
    pages: list[Page], unit_weights: dict[str, float], context_weights: dict[str, float]
) -> dict[str, dict[str, float]]:
    """Fits the title, date and author models on the pages with reference metadata.

    The article's start comes from the trained unit and context models, and the date
    and author candidates are placed relative to the title the trained title model picks,
    as at extraction time.
    """
    starts: list[tuple[Page, int, list[float]]] = []
    for page in pages:
        if page.reference.title is None:
            continue
        probabilities = article_probabilities(
            page.features, page.words, unit_weights, context_weights
        )
        kept = [i for i, keep in enumerate(select_units(page.units, probabilities)) if keep]
        if kept:
            starts.append((page, kept[0], probabilities))
    title_groups = []
    for page, start, probabilities in starts:
        candidates = title_candidates(page.units, start, probabilities)
        if candidates and page.reference.title:
            expected = page.reference.title
            labels = [int(title_correct(expected, str(c.value))) for c in candidates]
            title_groups.append((candidates, labels))
    title_weights = fit(_candidate_table(title_groups))
    date_groups = []
    author_groups = []
    for page, start, probabilities in starts:
        title = best_candidate(
            title_candidates(page.units, start, probabilities), title_weights, TITLE_THRESHOLD
        )
        title_index = title.index if title is not None else None
        reference = page.reference
        dates = date_candidates(page.units, start, title_index)
        if dates and reference.date:
            date_groups.append((dates, [int(c.value == reference.date) for c in dates]))
        authors = author_candidates(page.units, start, title_index)
        if authors and reference.author:
            expected_author = reference.author
            labels = [
                int(isinstance(c.value, tuple) and author_correct(expected_author, c.value))
                for c in authors
            ]
            author_groups.append((authors, labels))
    return {
        "TITLE_WEIGHTS": title_weights,
        "DATE_WEIGHTS": fit(_candidate_table(date_groups)),
        "AUTHOR_WEIGHTS": fit(_candidate_table(author_groups)),
    }


def write_weights(models: dict[str, dict[str, float]], pages: int) -> None:
    def literal(weights: dict[str, float]) -> str:
        lines = [
            f"    {json.dumps(name)}: {value:.4f},"
            for name, value in sorted(weights.items())
            if abs(value) >= 5e-5
        ]
        return "{\n" + "\n".join(lines) + "\n}"

    WEIGHTS.write_text(
        '"""Weights of the text-dump models, written by scripts/train_textdump.py.\n\n'
        f"Trained on {pages} rendered dumps of half A of the ScrapingHub and WCXB sets. Do not\n"
        'edit by hand: change the features or the script, and train again.\n"""\n\n'
        + "\n\n".join(
            f"{name}: dict[str, float] = {literal(weights)}" for name, weights in models.items()
        )
        + "\n",
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument(
        "--cache",
        default=str(DEFAULT_DUMP_CACHE),
        help="folder of cached dump renderings, shared with the benchmark ('' renders anew)",
    )
    args = parser.parse_args()
    pages = load_pages(Path(args.corpus), Path(args.cache) if args.cache else None)
    unit_weights, context_weights = train(pages)
    models = {"UNIT_WEIGHTS": unit_weights, "CONTEXT_WEIGHTS": context_weights}
    models.update(train_header(pages, unit_weights, context_weights))
    write_weights(models, len(pages))
    positives = sum(sum(page.labels) for page in pages)
    units = sum(len(page.labels) for page in pages)
    print(f"{len(pages)} dumps, {units} units ({positives} article text); wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
