"""The index of a large crawl: where each page and image record lies in the file.

A crawl too large to read in one go (a WARC of several gigabytes, a WACZ package) is scanned
once, record by record, into this index, a temporary SQLite file. Pages are then read and
extracted a few at a time, each by seeking to its record, in any worker process: memory
stays flat however large the crawl, both cores work on it, and a crash costs one page.

A ``RecordRef`` is what it takes to read one record again: the offset of the WARC data in the
file (0 for a plain WARC, the member's data for a WACZ), the record's offset and length within
it (warcio's, as CDX indexes give them), and whether it is an ARC record.

The index is written by one process (the scan) and then only read; it is derived data and
is deleted after the import.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE pages (
    number INTEGER PRIMARY KEY,
    part TEXT NOT NULL UNIQUE,
    uri TEXT NOT NULL,
    captured_at TEXT,
    charset TEXT,
    start INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL,
    arc INTEGER NOT NULL
);
CREATE TABLE captures (
    uri_date TEXT,
    digest TEXT,
    charset TEXT,
    payload TEXT NOT NULL,
    start INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL,
    arc INTEGER NOT NULL
);
CREATE INDEX captures_by_uri_date ON captures (uri_date);
CREATE INDEX captures_by_digest ON captures (digest);
CREATE TABLE seen (uri TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (uri, payload));
CREATE TABLE images (
    key TEXT PRIMARY KEY,
    uri TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    start INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL,
    arc INTEGER NOT NULL
);
CREATE INDEX images_by_file_name ON images (file_name);
"""


@dataclass(frozen=True)
class RecordRef:
    """Where one record lies: see the module docstring."""

    start: int
    offset: int
    length: int
    arc: bool = False


@dataclass(frozen=True)
class CrawlPage:
    """One page of the crawl, in crawl order (``number``); its record may be the original of
    a revisit, while ``uri`` and ``captured_at`` are the visit's."""

    number: int
    part: str
    uri: str
    captured_at: str | None
    charset: str | None
    record: RecordRef


@dataclass(frozen=True)
class CrawlImage:
    key: str  # the URL without its scheme, as pages are matched to images
    uri: str  # as captured
    media_type: str
    record: RecordRef


def _ref(row: sqlite3.Row) -> RecordRef:
    return RecordRef(int(row["start"]), int(row["offset"]), int(row["length"]), bool(row["arc"]))


class CrawlIndex:
    """One crawl's index file. Open it with ``create`` (the scan) or ``open`` (readers)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._connection.row_factory = sqlite3.Row

    @classmethod
    def create(cls, path: Path) -> CrawlIndex:
        path.unlink(missing_ok=True)
        connection = sqlite3.connect(path, isolation_level=None)
        # Derived and temporary: a crash loses it and the import scans again.
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        connection.execute("BEGIN")
        return cls(connection)

    @classmethod
    def open(cls, path: Path) -> CrawlIndex:
        return cls(sqlite3.connect(f"file:{path}?mode=ro", uri=True))

    def close(self) -> None:
        if self._connection.in_transaction:
            self._connection.execute("COMMIT")
        self._connection.close()

    # -- written by the scan ------------------------------------------------------------------

    def first_sighting(self, uri: str, payload_hash: str) -> bool:
        """True the first time this URI is seen with this payload (later copies are dropped)."""
        cursor = self._connection.execute(
            "INSERT OR IGNORE INTO seen (uri, payload) VALUES (?, ?)", (uri, payload_hash)
        )
        return cursor.rowcount == 1

    def has_part(self, part: str) -> bool:
        row = self._connection.execute("SELECT 1 FROM pages WHERE part = ?", (part,)).fetchone()
        return row is not None

    def add_page(
        self, part: str, uri: str, captured_at: str | None, charset: str | None, ref: RecordRef
    ) -> None:
        self._connection.execute(
            "INSERT INTO pages (part, uri, captured_at, charset, start, offset, length, arc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (part, uri, captured_at, charset, ref.start, ref.offset, ref.length, ref.arc),
        )

    def remember_capture(
        self,
        uri_date: str | None,
        digest: str | None,
        charset: str | None,
        payload_hash: str,
        ref: RecordRef,
    ) -> None:
        """Records an HTML capture that later revisit records may refer to."""
        self._connection.execute(
            "INSERT INTO captures (uri_date, digest, charset, payload, start, offset, length, arc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (uri_date, digest, charset, payload_hash, ref.start, ref.offset, ref.length, ref.arc),
        )

    def find_capture(
        self, uri_date: str | None, digest: str | None
    ) -> tuple[RecordRef, str | None, str] | None:
        """The capture a revisit refers to: by URI and date, else by payload digest."""
        for column, value in (("uri_date", uri_date), ("digest", digest)):
            if not value:
                continue
            row = self._connection.execute(
                f"SELECT * FROM captures WHERE {column} = ? ORDER BY rowid LIMIT 1", (value,)
            ).fetchone()
            if row is not None:
                return _ref(row), row["charset"], str(row["payload"])
        return None

    def add_image(
        self, key: str, uri: str, file_name: str, media_type: str, ref: RecordRef
    ) -> bool:
        """Records an image record unless one with the same key is known; True when added."""
        cursor = self._connection.execute(
            "INSERT OR IGNORE INTO images"
            " (key, uri, file_name, media_type, start, offset, length, arc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, uri, file_name, media_type, ref.start, ref.offset, ref.length, ref.arc),
        )
        return cursor.rowcount == 1

    def drop_pages_except(self, numbers: Iterable[int]) -> None:
        """Keeps only the given pages (a WACZ's list of the pages the user browsed)."""
        self._connection.execute("CREATE TEMP TABLE kept (number INTEGER PRIMARY KEY)")
        self._connection.executemany(
            "INSERT INTO kept (number) VALUES (?)", ((number,) for number in numbers)
        )
        self._connection.execute("DELETE FROM pages WHERE number NOT IN (SELECT number FROM kept)")
        self._connection.execute("DROP TABLE kept")

    # -- read by the importer and the workers -------------------------------------------------

    def page_uris(self) -> Iterator[tuple[int, str]]:
        """``(number, uri)`` of every page."""
        for row in self._connection.execute("SELECT number, uri FROM pages ORDER BY number"):
            yield int(row[0]), str(row[1])

    def page_count(self) -> int:
        return int(self._connection.execute("SELECT COUNT(*) FROM pages").fetchone()[0])

    def iter_pages(self, batch: int = 500) -> Iterator[CrawlPage]:
        """Every page in crawl order, read ``batch`` rows at a time (memory stays flat)."""
        last = 0
        while True:
            rows = self._connection.execute(
                "SELECT * FROM pages WHERE number > ? ORDER BY number LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield CrawlPage(
                    int(row["number"]),
                    row["part"],
                    row["uri"],
                    row["captured_at"],
                    row["charset"],
                    _ref(row),
                )
            last = int(rows[-1]["number"])

    def images_named(self, file_names: Iterable[str]) -> list[CrawlImage]:
        """The images whose URL ends in one of ``file_names``."""
        names = sorted(set(file_names))
        found: list[CrawlImage] = []
        for start in range(0, len(names), 500):  # SQLite's limit on bound parameters
            chunk = names[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._connection.execute(
                f"SELECT * FROM images WHERE file_name IN ({marks})", chunk
            )
            found.extend(
                CrawlImage(row["key"], row["uri"], row["media_type"], _ref(row)) for row in rows
            )
        return found
