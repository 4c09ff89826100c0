"""Fixtures for the core's tests (no Qt here)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.library import Library


@pytest.fixture
def seed_library(tmp_path: Path, seed_page: Path) -> Iterator[Library]:
    """A fresh archive holding only the seed page."""
    with Library.open(tmp_path / "archive") as opened:
        assert len(opened.import_paths([seed_page]).imported) == 1
        yield opened


@pytest.fixture
def seed_id(seed_library: Library) -> int:
    return seed_library.article_ids()[0]
