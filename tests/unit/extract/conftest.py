"""Fixtures for the extraction tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.extract.benchmark_pages import BenchmarkPages, benchmark_reader

# The tests that compare our code with trafilatura's on benchmark pages spend most of their
# time in trafilatura's own XPath evaluation (about 3 minutes for all 974 pages): the normal
# run checks every other page, ``--stress`` every page.
NORMAL_RUN_STEP = 2


@pytest.fixture(scope="session")
def benchmark_pages(corpus_dir: Path, request: pytest.FixtureRequest) -> BenchmarkPages:
    """Reads the boilerplate benchmark pages one at a time; skips when they are absent."""
    step = 1 if request.config.getoption("--stress") else NORMAL_RUN_STEP
    return benchmark_reader(corpus_dir, step)
