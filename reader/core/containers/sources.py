"""What the import layer hands to the container readers: a file to read and the limits to obey."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ImportSource:
    """One file to import, as found by ``discover_sources``.

    ``path`` is the file to hash and keep as the original; for a "Save page as, complete" page
    it is the main ``.html`` file and ``companion_dir`` its ``page_files/`` folder.
    """

    path: Path
    companion_dir: Path | None
    display_name: str  # what reports show: the path relative to what the user picked


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile or broken files from exhausting memory or time."""

    max_file_bytes: int = 200 * 1024 * 1024  # bigger files are rejected before reading
    max_decompressed_bytes: int = 500 * 1024 * 1024  # gzip/zip/chunked bombs
    max_pages_per_file: int = 20_000
    max_zip_members: int = 10_000
