"""Fixtures for the container tests: corpus folders and a few real article pages."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "containers"


@pytest.fixture(scope="session")
def containers_dir(corpus_dir: Path) -> Path:
    folder = corpus_dir / "containers"
    if not folder.is_dir():
        pytest.skip(f"container samples not found at {folder}")
    return folder


@pytest.fixture(scope="session")
def article_pages(corpus_dir: Path) -> list[bytes]:
    """Three real article pages (ScrapingHub benchmark), decompressed, in a fixed order."""
    folder = corpus_dir / "boilerplate" / "scrapinghub-article-extraction-benchmark" / "html"
    files = sorted(folder.glob("*.html.gz"))[:3]
    if len(files) < 3:
        pytest.skip(f"ScrapingHub pages not found at {folder}")
    return [gzip.decompress(path.read_bytes()) for path in files]


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA_DIR
