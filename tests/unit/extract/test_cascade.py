"""The staged trafilatura cascade: same result as bare_extraction, plus readability's container."""

from __future__ import annotations

from copy import copy, deepcopy
from pathlib import Path

import trafilatura
from lxml import etree
from trafilatura.external import try_readability
from trafilatura.settings import Extractor

from reader.core.extract.cascade import _options, _readability_again, run_balanced, run_recall
from reader.core.extract.loader import parse_html
from tests.unit.extract.benchmark_pages import BenchmarkPages

DATA = Path(__file__).resolve().parents[2] / "data" / "extract"


def _bare(tree: etree._Element, *, recall: bool) -> bytes | None:
    document = trafilatura.bare_extraction(
        tree,
        fast=recall,
        favor_recall=recall,
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    return etree.tostring(body) if body is not None and len(body) else None


def test_balanced_and_recall_results_equal_bare_extraction() -> None:
    tree = parse_html((DATA / "article.html").read_text(encoding="utf-8"))
    assert tree is not None
    result = run_balanced(deepcopy(tree), None)
    assert result.body is not None
    assert etree.tostring(result.body) == _bare(tree, recall=False)
    recalled = run_recall(result.pruned, None)
    assert recalled is not None
    assert etree.tostring(recalled) == _bare(tree, recall=True)


def test_readability_container_is_kept_whether_or_not_it_was_chosen() -> None:
    tree = parse_html((DATA / "article.html").read_text(encoding="utf-8"))
    assert tree is not None
    result = run_balanced(tree, None)
    assert result.readability is not None
    container = " ".join(result.readability.itertext())
    assert "glaciers" in container.lower()


def test_copied_options_equal_options_built_for_the_page() -> None:
    for url in (None, "https://example.org/a/story", "https://example.org/caf\u00e9"):
        for recall in (False, True):
            built = Extractor(
                output_format="python",
                fast=recall,
                recall=recall,
                comments=False,
                formatting=True,
                links=False,
                images=False,
                tables=True,
                url=url,
            )
            copied = _options(url, recall=recall)
            assert copied is not _options(url, recall=recall)
            for name in Extractor.__slots__:
                assert getattr(copied, name) == getattr(built, name), name


def test_the_container_reused_by_the_recall_retry_is_readability_run_again(
    benchmark_pages: BenchmarkPages,
) -> None:
    # The retry reuses the first container instead of running readability on the pruned
    # page again: that is only right if running it again gives the same container, at
    # the end of the cascade (so no stage in between changed the pruned page).
    pages = with_text = 0
    for name, tree in benchmark_pages():
        pages += 1
        result = run_balanced(tree, None)
        again = try_readability(copy(result.pruned))
        reused = _readability_again(result.readability)
        assert reused is not result.readability
        assert etree.tostring(reused) == etree.tostring(again) or (
            result.readability is None and not etree.tostring(again, method="text").strip()
        ), name
        with_text += result.readability is not None
    assert pages and with_text > pages // 2, (with_text, pages)
