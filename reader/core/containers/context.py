"""State shared by the readers while one file is read: its name, the limits and a byte budget.

Nested containers (a WARC inside a zip inside a zip) all draw from the same ``Budget``, so a
bomb is caught however deep it is hidden. Readers must charge every decompressed or decoded
byte they keep to the budget before keeping it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.containers.sources import Limits
from reader.core.errors import ImportRejected

# Deeper nesting than this is not something a browser or crawler writes; it is an attack.
MAX_NESTING_DEPTH = 6


class LimitExceeded(ImportRejected):
    """A size or count limit was hit: the whole file is rejected, never just one member."""


def format_size(size: int) -> str:
    """Formats a byte count for messages ("210 MB", "512 KB", "17 bytes")."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


class Budget:
    """Counts the bytes produced by decompression and decoding against one limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)

    def charge(self, size: int) -> None:
        """Records ``size`` more bytes.

        Raises:
            LimitExceeded: when the total passes the limit (a decompression bomb or a huge file).
        """
        self.used += size
        if self.used > self.limit:
            raise LimitExceeded(
                f"more than {format_size(self.limit)} once decompressed "
                "(decompression bomb or oversized archive)"
            )


@dataclass(frozen=True)
class ReadContext:
    """What a reader knows besides the bytes: where they came from and what it may spend."""

    name: str  # file or member name; its extension picks the reader
    limits: Limits
    budget: Budget
    depth: int = 0
    companion_dir: Path | None = None  # only for a top-level "complete" page

    def nested(self, name: str) -> ReadContext:
        """The context for a member of this container (a zip member, a gunzipped payload).

        Raises:
            ImportRejected: when containers are nested deeper than any real tool writes them.
        """
        if self.depth + 1 > MAX_NESTING_DEPTH:
            raise LimitExceeded(f"containers nested more than {MAX_NESTING_DEPTH} deep")
        return replace(self, name=name, depth=self.depth + 1, companion_dir=None)
