"""The boilerplate benchmark pages, read one at a time, for tests that compare our code with
trafilatura's on every page (the fixture is ``benchmark_pages`` in this folder's conftest)."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lxml.html import HtmlElement

from reader.core.extract.loader import decode_html, parse_html

BenchmarkPages = Callable[[], Iterator[tuple[str, HtmlElement]]]


def benchmark_reader(corpus_dir: Path, step: int = 1) -> BenchmarkPages:
    """Reads the boilerplate benchmark pages (ScrapingHub and WCXB), one at a time, as
    (file name, parsed page), every ``step``-th page of their sorted names; the test skips
    when they are absent."""
    folders = [
        corpus_dir / "boilerplate" / "scrapinghub-article-extraction-benchmark" / "html",
        corpus_dir / "boilerplate" / "wcxb-dev-articles" / "html",
    ]
    pages = sorted(path for folder in folders for path in folder.glob("*.html.gz"))[::step]
    if not pages:
        pytest.skip(f"no benchmark pages under {corpus_dir / 'boilerplate'}")

    def read() -> Iterator[tuple[str, HtmlElement]]:
        for path in pages:
            tree = parse_html(decode_html(gzip.decompress(path.read_bytes()), None))
            if tree is not None:
                yield path.name, tree

    return read
