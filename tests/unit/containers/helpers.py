"""Small helpers shared by the container tests."""

from __future__ import annotations

from pathlib import Path

from reader.core.containers import ImportSource, Limits, read_pages
from reader.core.model import SavedPage


def source(path: Path, companion_dir: Path | None = None) -> ImportSource:
    return ImportSource(path=path, companion_dir=companion_dir, display_name=path.name)


def read(path: Path, limits: Limits | None = None) -> list[SavedPage]:
    return read_pages(source(path), limits or Limits())


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
