"""Extraction benchmark: our extractor next to trafilatura on the shared corpus.

Sets (paths relative to the repository's parent, or ``--corpus``):

- ``scrapinghub``: ``boilerplate/scrapinghub-article-extraction-benchmark/``, scored with
  that benchmark's method (4-token shingles, per-page normalised counts, precision and
  recall averaged over pages, F1 from the averages);
- ``wcxb``: ``boilerplate/wcxb-dev-articles/``, word-level F1 per page (bag of lower-cased
  words) averaged over pages, plus title/author/date accuracy and the share of ``with``
  snippets found and ``without`` snippets avoided;
- ``dump-<renderer>-<set>``: the same pages rendered to whole-page text
  (``textdump_sets.py``: html2text, inscriptis, "select all, copy"), given to the extractor
  as ``text/plain`` and scored against the same ground truth. Renderings are cached in
  ``benchmarks/.cache/dumps`` (``--dump-cache``), keyed by renderer, its version, the
  renderer module's source and a hash of the page, so repeated runs only pay for
  extraction.

Pages are split into two halves by a hash of their id: rules are developed on half A and
checked on half B; the table reports both. Extractors run in a process pool (``--workers``,
2 by default); per-page times are measured inside the workers, as wall time and as CPU
time of the worker process (``time.process_time``): on a shared machine only the CPU
columns compare runs, and pages/CPU-s is pages per CPU-second of one core.

Usage::

    .venv/bin/python benchmarks/extraction.py                    # everything, markdown table
    .venv/bin/python benchmarks/extraction.py --sets wcxb --extractors ours --limit 100
    .venv/bin/python benchmarks/extraction.py --output benchmarks/results/extraction.md
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SH_DIR = Path("boilerplate/scrapinghub-article-extraction-benchmark")
WCXB_DIR = Path("boilerplate/wcxb-dev-articles")
EXTRACTORS = ("ours", "trafilatura", "trafilatura-precision")
DUMP_RENDERERS = ("html2text", "inscriptis", "copy")
# Renderings of the pages as text dumps, kept between runs (git-ignored).
DEFAULT_DUMP_CACHE = REPO / "benchmarks" / ".cache" / "dumps"


@dataclass(frozen=True)
class Task:
    """One page for one extractor."""

    set_name: str  # "scrapinghub", "wcxb", "dump-copy-wcxb", ...
    page_id: str
    path: str
    url: str | None
    extractor: str
    renderer: str | None = None
    # Folder of cached dump renderings (``textdump_sets.cached_render``); None: no cache.
    dump_cache: str | None = None


@dataclass
class Outcome:
    task: Task
    text: str = ""
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    milliseconds: float = 0.0
    cpu_milliseconds: float = 0.0
    error: str | None = None


def half_of(page_id: str) -> str:
    """Half "A" (development) or "B" (check) of a page, from a hash of its id."""
    return "A" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "B"


def _read_html(path: str) -> bytes:
    with gzip.open(path) as handle:
        return handle.read()


_WARM = False
_WARM_UP_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up page</h1>"
    + "<p>This paragraph only loads what the extractors load on their first page. </p>" * 8
    + "</article></body></html>"
)


def _warm_up() -> None:
    """Runs both extractors once per worker, so no timed page pays for first-use loading
    (imports, trafilatura's stop lists, htmldate's patterns)."""
    global _WARM
    if _WARM:
        return
    _WARM = True
    import trafilatura
    from trafilatura.external import jt_stoplist_init

    trafilatura.bare_extraction(_WARM_UP_PAGE, with_metadata=True)
    # justext's stop lists load on first use (about a second); both extractors use justext.
    jt_stoplist_init()
    outcome = Outcome(Task("warm-up", "warm-up", "", None, "ours"))
    _run_ours(outcome, _WARM_UP_PAGE.encode(), "text/html", None)


def run_task(task: Task) -> Outcome:
    """Runs one extractor on one page (in a worker process)."""
    outcome = Outcome(task)
    data = _read_html(task.path)
    _warm_up()
    try:
        if task.renderer is not None:
            from textdump_sets import cached_render

            cache = Path(task.dump_cache) if task.dump_cache else None
            dump = cached_render(task.renderer, task.page_id, data, cache).encode("utf-8")
            start, cpu_start = time.perf_counter(), time.process_time()
            if task.extractor == "whole-dump":
                # Baseline: the dump as saved, nothing removed.
                outcome.text = dump.decode("utf-8")
            else:
                _run_ours(outcome, dump, "text/plain", task.url)
        elif task.extractor == "ours":
            start, cpu_start = time.perf_counter(), time.process_time()
            _run_ours(outcome, data, "text/html", task.url)
        else:
            start, cpu_start = time.perf_counter(), time.process_time()
            _run_trafilatura(outcome, data, task.url, task.extractor == "trafilatura-precision")
        outcome.cpu_milliseconds = (time.process_time() - cpu_start) * 1000
        outcome.milliseconds = (time.perf_counter() - start) * 1000
    except Exception as error:  # noqa: BLE001 - a benchmark records failures and goes on
        outcome.error = f"{type(error).__name__}: {error}"[:200]
    return outcome


def _run_ours(outcome: Outcome, data: bytes, media_type: str, url: str | None) -> None:
    from reader.core.errors import NotAnArticle
    from reader.core.extract.pipeline import extract_page
    from reader.core.model import BlockKind, SavedPage

    page = SavedPage(content=data, media_type=media_type, source_format="html", url=url)
    try:
        article = extract_page(page)
    except NotAnArticle as error:
        outcome.error = f"NotAnArticle: {error}"
        return
    # Image alt texts are not part of what a reader reads as the article body.
    outcome.text = "\n".join(
        article.text[block.start : block.end]
        for block in article.blocks
        if block.kind is not BlockKind.IMAGE
    )
    outcome.title = article.title
    outcome.authors = article.authors
    outcome.published = article.published


def _run_trafilatura(outcome: Outcome, data: bytes, url: str | None, precision: bool) -> None:
    import trafilatura

    document = trafilatura.bare_extraction(
        data.decode("utf-8", "replace"),
        url=url,
        with_metadata=True,
        favor_precision=precision,
        include_comments=False,
    )
    if document is None:
        return
    outcome.text = document.text or ""
    outcome.title = document.title
    outcome.authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    outcome.published = document.date


# --- loading the sets -----------------------------------------------------------------


@dataclass
class Reference:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)


def load_scrapinghub(corpus: Path) -> dict[str, tuple[str, str | None, Reference]]:
    folder = corpus / SH_DIR
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return {
        key: (
            str(folder / "html" / f"{key}.html.gz"),
            value.get("url"),
            Reference(value["articleBody"]),
        )
        for key, value in truth.items()
    }


def load_wcxb(corpus: Path) -> dict[str, tuple[str, str | None, Reference]]:
    folder = corpus / WCXB_DIR
    pages: dict[str, tuple[str, str | None, Reference]] = {}
    for path in sorted((folder / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        truth = data["ground_truth"]
        reference = Reference(
            text=truth.get("main_content") or "",
            title=truth.get("title"),
            author=truth.get("author"),
            date=truth.get("publish_date"),
            with_snippets=list(truth.get("with") or []),
            without_snippets=list(truth.get("without") or []),
        )
        pages[path.stem] = (
            str(folder / "html" / f"{path.stem}.html.gz"),
            data.get("url"),
            reference,
        )
    return pages


# --- scoring --------------------------------------------------------------------------

_WORDS = re.compile(r"\w+")


def _tokens(text: str | None) -> list[str]:
    return [t.lower() for t in _WORDS.findall(unicodedata.normalize("NFKC", text or ""))]


def title_correct(expected: str, found: str | None) -> bool:
    """Exact match after whitespace and Unicode normalisation (case and punctuation kept)."""
    if found is None:
        return False

    def norm(value: str) -> str:
        value = unicodedata.normalize("NFKC", value).replace("’", "'").replace("‘", "'")
        return " ".join(value.replace("“", '"').replace("”", '"').split())

    return norm(expected) == norm(found)


def author_correct(expected: str, found: tuple[str, ...]) -> bool:
    """Our authors match the reference author string.

    The reference keeps credentials and roles ("Jane Doe, MS, RD", "Jane Doe, Senior Editor")
    while we keep names only, so a match is: the same words in any order, or our first name
    opens the reference and every one of our names occurs in it.
    """
    if not found:
        return False
    expected_tokens = _tokens(expected)
    if sorted(expected_tokens) == sorted(_tokens(" ".join(found))):
        return True
    joined = " " + " ".join(expected_tokens) + " "
    first = _tokens(found[0])
    if not first or expected_tokens[: len(first)] != first:
        return False
    return all(" " + " ".join(_tokens(name)) + " " in joined for name in found)


def _snippet_found(snippet: str, text: str) -> bool:
    return " ".join(_tokens(snippet)) in " ".join(_tokens(text))


@dataclass
class Row:
    set_name: str
    extractor: str
    half: str
    pages: int
    f1: float
    precision: float
    recall: float
    median_ms: float
    mean_ms: float
    median_cpu_ms: float
    mean_cpu_ms: float
    pages_per_second: float
    failures: int
    extra: dict[str, float] = field(default_factory=dict)


def summarise(
    set_name: str,
    extractor: str,
    half: str,
    outcomes: list[Outcome],
    references: dict[str, Reference],
    shingles: bool,
) -> Row:
    from reader.core.extract.scoring import shingle_counts, shingle_summary, word_scores

    if shingles:
        f1, precision, recall = shingle_summary(
            shingle_counts(references[o.task.page_id].text, o.text) for o in outcomes
        )
    else:
        scores = [word_scores(references[o.task.page_id].text, o.text) for o in outcomes]
        f1 = statistics.mean(s[0] for s in scores)
        precision = statistics.mean(s[1] for s in scores)
        recall = statistics.mean(s[2] for s in scores)
    times = [o.milliseconds for o in outcomes if o.error is None]
    median = statistics.median(times) if times else 0.0
    mean = statistics.mean(times) if times else 0.0
    cpu_times = [o.cpu_milliseconds for o in outcomes if o.error is None]
    median_cpu = statistics.median(cpu_times) if cpu_times else 0.0
    mean_cpu = statistics.mean(cpu_times) if cpu_times else 0.0
    total_seconds = sum(o.cpu_milliseconds for o in outcomes) / 1000
    row = Row(
        set_name,
        extractor,
        half,
        len(outcomes),
        f1,
        precision,
        recall,
        median,
        mean,
        median_cpu,
        mean_cpu,
        len(outcomes) / total_seconds if total_seconds else 0.0,
        sum(1 for o in outcomes if o.error and not o.error.startswith("NotAnArticle")),
    )
    row.extra["empty"] = sum(1 for o in outcomes if not o.text.strip())
    metadata_pages = [o for o in outcomes if references[o.task.page_id].title is not None]
    if metadata_pages:
        with_title = [o for o in outcomes if references[o.task.page_id].title]
        with_author = [o for o in outcomes if references[o.task.page_id].author]
        with_date = [o for o in outcomes if references[o.task.page_id].date]
        row.extra["title"] = _share(
            with_title, lambda o, r: title_correct(r.title or "", o.title), references
        )
        row.extra["author"] = _share(
            with_author, lambda o, r: author_correct(r.author or "", o.authors), references
        )
        row.extra["date"] = _share(
            with_date, lambda o, r: (o.published or "")[:10] == r.date, references
        )
        snippets_with = [(s, o) for o in outcomes for s in references[o.task.page_id].with_snippets]
        snippets_without = [
            (s, o) for o in outcomes for s in references[o.task.page_id].without_snippets
        ]
        if snippets_with:
            row.extra["with"] = sum(_snippet_found(s, o.text) for s, o in snippets_with) / len(
                snippets_with
            )
        if snippets_without:
            row.extra["without"] = sum(
                not _snippet_found(s, o.text) for s, o in snippets_without
            ) / len(snippets_without)
    return row


def _share(
    outcomes: list[Outcome],
    check: Callable[[Outcome, Reference], bool],
    references: dict[str, Reference],
) -> float:
    if not outcomes:
        return 0.0
    return sum(check(o, references[o.task.page_id]) for o in outcomes) / len(outcomes)


# --- main -----------------------------------------------------------------------------


def build_tasks(args: argparse.Namespace) -> tuple[list[Task], dict[str, dict[str, Reference]]]:
    corpus = Path(args.corpus)
    loaded = {}
    if "scrapinghub" in args.sets or "dumps" in args.sets:
        loaded["scrapinghub"] = load_scrapinghub(corpus)
    if "wcxb" in args.sets or "dumps" in args.sets:
        loaded["wcxb"] = load_wcxb(corpus)
    tasks: list[Task] = []
    references: dict[str, dict[str, Reference]] = {}
    for base, pages in loaded.items():
        chosen = [k for k in sorted(pages) if args.half == "all" or half_of(k) == args.half]
        if args.limit:
            chosen = chosen[: args.limit]
        if base in args.sets:
            references[base] = {k: pages[k][2] for k in chosen}
            for key in chosen:
                path, url, _ = pages[key]
                for extractor in args.extractors:
                    tasks.append(Task(base, key, path, url, extractor))
        if "dumps" in args.sets:
            for renderer in args.renderers:
                name = f"dump-{renderer}-{base}"
                references[name] = {k: pages[k][2] for k in chosen}
                for key in chosen:
                    path, url, _ = pages[key]
                    for extractor in ("ours", "whole-dump"):
                        tasks.append(
                            Task(name, key, path, None, extractor, renderer, args.dump_cache)
                        )
    return tasks, references


def format_table(rows: list[Row]) -> str:
    lines = [
        "| set | extractor | half | pages | F1 | precision | recall | title | author | date |"
        " with | without | empty | failures | median ms | mean ms | median CPU ms |"
        " mean CPU ms | pages/CPU-s |",
        "| --- | --- | --- |" + " ---: |" * 16,
    ]

    def cell(row: Row, key: str) -> str:
        return f"{row.extra[key]:.3f}" if key in row.extra else ""

    for row in rows:
        lines.append(
            f"| {row.set_name} | {row.extractor} | {row.half} | {row.pages} | {row.f1:.3f} | "
            f"{row.precision:.3f} | {row.recall:.3f} | {cell(row, 'title')} | "
            f"{cell(row, 'author')} | "
            f"{cell(row, 'date')} | {cell(row, 'with')} | {cell(row, 'without')} | "
            f"{int(row.extra.get('empty', 0))} | {row.failures} | {row.median_ms:.1f} | "
            f"{row.mean_ms:.1f} | {row.median_cpu_ms:.1f} | {row.mean_cpu_ms:.1f} | "
            f"{row.pages_per_second:.1f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--sets", default="scrapinghub,wcxb,dumps", type=lambda v: v.split(","))
    parser.add_argument("--extractors", default=",".join(EXTRACTORS), type=lambda v: v.split(","))
    parser.add_argument(
        "--renderers", default=",".join(DUMP_RENDERERS), type=lambda v: v.split(",")
    )
    parser.add_argument("--half", default="all", choices=("A", "B", "all"))
    parser.add_argument("--limit", type=int, default=0, help="pages per set (0: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", help="write the markdown table to this file")
    parser.add_argument("--details", help="write per-page scores (JSON lines) to this file")
    parser.add_argument(
        "--dump-cache",
        default=str(DEFAULT_DUMP_CACHE),
        help="folder of cached text-dump renderings ('' renders every time)",
    )
    args = parser.parse_args()

    tasks, references = build_tasks(args)
    started = time.time()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        outcomes = list(pool.map(run_task, tasks, chunksize=8))
    elapsed = time.time() - started

    groups: dict[tuple[str, str], list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault((outcome.task.set_name, outcome.task.extractor), []).append(outcome)
    rows: list[Row] = []
    for (set_name, extractor), group in groups.items():
        shingles = set_name.endswith("scrapinghub")
        halves = ("A", "B", "all") if args.half == "all" else (args.half,)
        for half in halves:
            chosen = [o for o in group if half == "all" or half_of(o.task.page_id) == half]
            if chosen:
                rows.append(
                    summarise(set_name, extractor, half, chosen, references[set_name], shingles)
                )

    if args.details:
        from reader.core.extract.scoring import shingle_counts, word_scores

        with open(args.details, "w", encoding="utf-8") as handle:
            for outcome in outcomes:
                reference = references[outcome.task.set_name][outcome.task.page_id]
                if outcome.task.set_name.endswith("scrapinghub"):
                    tp, fp, fn = shingle_counts(reference.text, outcome.text)
                    score = {"tp": tp, "fp": fp, "fn": fn}
                else:
                    f1, p, r = word_scores(reference.text, outcome.text)
                    score = {"f1": f1, "p": p, "r": r}
                record: dict[str, Any] = {
                    "set": outcome.task.set_name,
                    "extractor": outcome.task.extractor,
                    "id": outcome.task.page_id,
                    "half": half_of(outcome.task.page_id),
                    **score,
                    "title": outcome.title,
                    "ref_title": reference.title,
                    "authors": outcome.authors,
                    "ref_author": reference.author,
                    "date": outcome.published,
                    "ref_date": reference.date,
                    "error": outcome.error,
                }
                handle.write(json.dumps(record) + "\n")

    from reader.core.extract.pipeline import EXTRACTOR_VERSION

    header = (
        f"Extraction benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"extractor {EXTRACTOR_VERSION} (commit {_commit()}); machine: {platform.machine()}, "
        f"{_cpu_name()}, Python {platform.python_version()}; {args.workers} workers; "
        f"run took {elapsed:.0f} s; load average at the end {_load()}."
    )
    table = format_table(rows)
    print(header + "\n\n" + table)
    if args.output:
        Path(args.output).write_text(
            f"# Extraction benchmark\n\n{header}\n\n{table}\n", encoding="utf-8"
        )
    return 0


def _load() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def _commit() -> str:
    """The repository's current commit (short), so a table names the code it measured."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        )
    except OSError:
        return "unknown"
    return done.stdout.strip() or "unknown"


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    raise SystemExit(main())
