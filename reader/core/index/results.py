"""What a search returns (kept apart from ``search``, which needs NumPy: the library
imports these types when it opens an archive, and NumPy waits for the first search)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawHit:
    article_id: int
    score: float
    snippet: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class RawResults:
    total: int
    hits: tuple[RawHit, ...]
