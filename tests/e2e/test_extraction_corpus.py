"""Extraction on real pages of the shared corpus: snippet expectations and a score floor.

The pages are fixed subsets (every fifth or eighth page, by sorted id) so the run stays short; the
full measurement is ``benchmarks/extraction.py``. Floors sit a little under the scores
measured when they were set, so that a regression fails while noise does not.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from reader.core.errors import NotAnArticle
from reader.core.extract.pipeline import extract_page
from reader.core.extract.scoring import shingle_counts, shingle_summary, word_scores
from reader.core.model import BlockKind, ExtractedArticle, SavedPage

pytestmark = pytest.mark.corpus

SCRAPINGHUB = Path("boilerplate/scrapinghub-article-extraction-benchmark")
WCXB = Path("boilerplate/wcxb-dev-articles")
SCRAPINGHUB_STEP = 5
WCXB_STEP = 8

# Measured on these subsets when the floors were last raised (branch body, after extractor
# 1.4.2): ScrapingHub F1 0.965, WCXB word F1 0.933, with-snippets found 0.982,
# without-snippets avoided 0.972.
SCRAPINGHUB_F1_FLOOR = 0.955
WCXB_F1_FLOOR = 0.92
WITH_FLOOR = 0.97
WITHOUT_FLOOR = 0.96
# Metadata on the same WCXB subset, scored as benchmarks/extraction.py scores it (title:
# exact after normalising spaces and quotes; date: same day; author: same words, or our
# names open the reference). Measured when last raised (metadata rules of the metadata
# branch, after extractor 1.4.2): title 0.880, date 0.905, author 0.910.
TITLE_FLOOR = 0.86
DATE_FLOOR = 0.885
AUTHOR_FLOOR = 0.89

_WORDS = re.compile(r"\w+")


def _extract(path: Path, url: str | None) -> ExtractedArticle | None:
    with gzip.open(path) as handle:
        data = handle.read()
    page = SavedPage(content=data, media_type="text/html", source_format="html", url=url)
    try:
        return extract_page(page)
    except NotAnArticle:
        return None


def _body(article: ExtractedArticle | None) -> str:
    if article is None:
        return ""
    return "\n".join(
        article.text[block.start : block.end]
        for block in article.blocks
        if block.kind is not BlockKind.IMAGE
    )


def _normal(text: str) -> str:
    return " ".join(word.lower() for word in _WORDS.findall(text))


@pytest.fixture(scope="module")
def wcxb_articles(corpus_dir: Path) -> list[tuple[dict[str, Any], ExtractedArticle | None]]:
    folder = corpus_dir / WCXB
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    results = []
    for path in sorted((folder / "ground-truth").glob("*.json"))[::WCXB_STEP]:
        data = json.loads(path.read_text(encoding="utf-8"))
        article = _extract(folder / "html" / f"{path.stem}.html.gz", data.get("url"))
        results.append((data["ground_truth"], article))
    return results


@pytest.fixture(scope="module")
def wcxb_results(
    wcxb_articles: list[tuple[dict[str, Any], ExtractedArticle | None]],
) -> list[tuple[dict[str, Any], str]]:
    return [(truth, _body(article)) for truth, article in wcxb_articles]


def test_scrapinghub_score_floor(corpus_dir: Path) -> None:
    folder = corpus_dir / SCRAPINGHUB
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    counts = []
    for key in sorted(truth)[::SCRAPINGHUB_STEP]:
        article = _extract(folder / "html" / f"{key}.html.gz", truth[key].get("url"))
        counts.append(shingle_counts(truth[key]["articleBody"], _body(article)))
    f1, _, _ = shingle_summary(counts)
    assert f1 >= SCRAPINGHUB_F1_FLOOR


def test_wcxb_score_floor(wcxb_results: list[tuple[dict[str, Any], str]]) -> None:
    scores = [word_scores(truth.get("main_content") or "", text)[0] for truth, text in wcxb_results]
    assert sum(scores) / len(scores) >= WCXB_F1_FLOOR


def test_wcxb_with_snippets_are_found(wcxb_results: list[tuple[dict[str, Any], str]]) -> None:
    checks = [
        _normal(snippet) in _normal(text)
        for truth, text in wcxb_results
        for snippet in truth.get("with") or []
    ]
    assert sum(checks) / len(checks) >= WITH_FLOOR


def test_wcxb_without_snippets_are_left_out(wcxb_results: list[tuple[dict[str, Any], str]]) -> None:
    checks = [
        _normal(snippet) not in _normal(text)
        for truth, text in wcxb_results
        for snippet in truth.get("without") or []
    ]
    assert sum(checks) / len(checks) >= WITHOUT_FLOOR


def _normal_title(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).replace("’", "'").replace("‘", "'")
    return " ".join(value.replace("“", '"').replace("”", '"').split())


def _author_matches(expected: str, found: tuple[str, ...]) -> bool:
    expected_words = _normal(expected).split()
    found_words = _normal(" ".join(found)).split()
    if not found or sorted(expected_words) == sorted(found_words):
        return bool(found)
    first = _normal(found[0]).split()
    joined = f" {' '.join(expected_words)} "
    return expected_words[: len(first)] == first and all(
        f" {_normal(name)} " in joined for name in found
    )


def _share(checks: list[bool]) -> float:
    return sum(checks) / len(checks)


def test_wcxb_metadata_floors(
    wcxb_articles: list[tuple[dict[str, Any], ExtractedArticle | None]],
) -> None:
    titles = [
        article is not None
        and article.title is not None
        and _normal_title(article.title) == _normal_title(truth["title"])
        for truth, article in wcxb_articles
        if truth.get("title")
    ]
    dates = [
        article is not None and (article.published or "")[:10] == truth["publish_date"]
        for truth, article in wcxb_articles
        if truth.get("publish_date")
    ]
    authors = [
        article is not None and _author_matches(truth["author"], article.authors)
        for truth, article in wcxb_articles
        if truth.get("author")
    ]
    assert _share(titles) >= TITLE_FLOOR
    assert _share(dates) >= DATE_FLOOR
    assert _share(authors) >= AUTHOR_FLOOR


# Pages whose article a general rule recovers: content streamed in by React (4503), a summary
# list above readability's container (0455, 4067), long closing sections after it (4601), an
# opening paragraph between the headline and the first extracted block (0133, 0150, 4249).
RECOVERED_PAGES = ("0133", "0150", "0455", "4067", "4249", "4503", "4601")


@pytest.mark.parametrize("page_id", RECOVERED_PAGES)
def test_wcxb_recovered_pages_hold_every_with_snippet(corpus_dir: Path, page_id: str) -> None:
    folder = corpus_dir / WCXB
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    data = json.loads((folder / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))
    text = _normal(_body(_extract(folder / "html" / f"{page_id}.html.gz", data.get("url"))))
    for snippet in data["ground_truth"]["with"]:
        assert _normal(snippet) in text


def test_wcxb_sign_up_consent_lines_are_left_out(corpus_dir: Path) -> None:
    folder = corpus_dir / WCXB
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    data = json.loads((folder / "ground-truth" / "0477.json").read_text(encoding="utf-8"))
    text = _body(_extract(folder / "html" / "0477.html.gz", data.get("url")))
    assert "MacBook Pro" in text
    assert "By signing up, you agree" not in text
