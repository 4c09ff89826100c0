"""Our main content pass returns what trafilatura's ``extract_content`` returns: on every
benchmark page, in the balanced and the recall-oriented mode the cascade runs."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from lxml import etree
from trafilatura.main_extractor import extract_content as trafilatura_extract_content

from reader.core.extract.cascade import _options, _prepare, prune
from reader.core.extract.content_pass import extract_content
from reader.core.extract.loader import parse_html
from tests.unit.extract.benchmark_pages import BenchmarkPages

DATA = Path(__file__).resolve().parents[2] / "data" / "extract"


def _both(tree: etree._Element, *, recall: bool) -> tuple[tuple[bytes, str], tuple[bytes, str]]:
    options = _options(None, recall=recall)
    prepared = _prepare(prune(deepcopy(tree)), options, None)
    ours, our_text = extract_content(deepcopy(prepared), options)
    theirs, their_text = trafilatura_extract_content(prepared, options)
    return (etree.tostring(ours), our_text), (etree.tostring(theirs), their_text)


def test_the_sample_article_is_extracted_as_trafilatura_extracts_it() -> None:
    tree = parse_html((DATA / "article.html").read_text(encoding="utf-8"))
    assert tree is not None
    for recall in (False, True):
        ours, theirs = _both(tree, recall=recall)
        assert ours == theirs
        assert "glaciers" in ours[1].lower()


def test_every_benchmark_page_is_extracted_as_trafilatura_extracts_it(
    benchmark_pages: BenchmarkPages,
) -> None:
    empty = pages = 0
    for name, tree in benchmark_pages():
        pages += 1
        for recall in (False, True):
            ours, theirs = _both(tree, recall=recall)
            assert ours == theirs, (name, recall)
            empty += not ours[1]
    # Not vacuous: almost every page yields text.
    assert pages and empty < pages // 10, (empty, pages)
