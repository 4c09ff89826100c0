"""Fixtures for the extraction tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.extract.benchmark_pages import BenchmarkPages, benchmark_reader


@pytest.fixture(scope="session")
def benchmark_pages(corpus_dir: Path) -> BenchmarkPages:
    """Reads the boilerplate benchmark pages one at a time; skips when they are absent."""
    return benchmark_reader(corpus_dir)
