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
    # WARC, ARC and WACZ files larger than this are scanned and imported page by page, so
    # their size is bounded by the disk, not by memory (``max_file_bytes`` does not apply).
    stream_crawls_over: int = 64 * 1024 * 1024
    max_crawl_bytes: int = 1024 * 1024 * 1024 * 1024
    max_pages_per_crawl: int = 2_000_000
    max_image_bytes: int = 16 * 1024 * 1024  # one image of a crawl
