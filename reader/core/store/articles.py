"""Reading and writing articles, their text and their originals' records.

Functions take an open connection and never commit: the caller owns the transaction, so
everything written for one import batch lands together or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from reader.core.errors import ArticleNotFound
from reader.core.model import (
    Article,
    ArticleSummary,
    Block,
    BlockKind,
    ExtractedArticle,
    Provenance,
    Resource,
)
from reader.core.store.blobs import sha256_of_bytes

SUMMARY_COLUMNS = "id, title, file_name, site, authors, published, added_at"

ORDERINGS: dict[str, str] = {
    "added": "added_at DESC, id DESC",
    "published": "published IS NULL, published DESC, id DESC",
    "title": "COALESCE(title, file_name) COLLATE NOCASE, id",
    "site": "site IS NULL, site COLLATE NOCASE, id",
}


def url_key(url: str | None) -> str | None:
    """The key that identifies versions of one page: scheme-less, no fragment, no "www."."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, parts.query, "")).removeprefix("//")


def encode_blocks(blocks: Sequence[Block]) -> str:
    return json.dumps(
        [
            [block.kind.value, block.start, block.end, block.level, block.ordered, block.source]
            for block in blocks
        ],
        separators=(",", ":"),
    )


def decode_blocks(encoded: str) -> tuple[Block, ...]:
    return tuple(
        Block(BlockKind(kind), start, end, level, bool(ordered), source)
        for kind, start, end, level, ordered, source in json.loads(encoded)
    )


def find_original(connection: sqlite3.Connection, sha256: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = connection.execute(
        "SELECT * FROM originals WHERE sha256 = ?", (sha256,)
    ).fetchone()
    return row


def insert_original(
    connection: sqlite3.Connection,
    *,
    sha256: str,
    size: int,
    file_name: str,
    source_format: str,
    added_at: str,
    pages: int,
    skipped: int,
    complete: bool = True,
) -> None:
    """Records an imported file; ``complete=False`` while a crawl's pages are still coming
    (see ``migrations.upgrade_to_3``)."""
    connection.execute(
        "INSERT OR IGNORE INTO originals (sha256, size, file_name, source_format, added_at,"
        " pages, skipped, complete) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (sha256, size, file_name, source_format, added_at, pages, skipped, int(complete)),
    )


def restart_original(connection: sqlite3.Connection, sha256: str) -> None:
    """Marks a known original incomplete, with no skipped pages, before it is read again."""
    connection.execute("UPDATE originals SET complete = 0, skipped = 0 WHERE sha256 = ?", (sha256,))


def mark_original_complete(connection: sqlite3.Connection, sha256: str) -> None:
    connection.execute("UPDATE originals SET complete = 1 WHERE sha256 = ?", (sha256,))


def add_to_original_counts(
    connection: sqlite3.Connection,
    sha256: str,
    *,
    pages: int,
    skipped: int,
    replace_skipped: bool = True,
) -> None:
    """Adds ``pages`` more articles to a known original's count; ``skipped`` replaces the
    count of pages not kept (a file read again), or adds to it (a crawl's next pages)."""
    skipped_value = "?" if replace_skipped else "skipped + ?"
    connection.execute(
        f"UPDATE originals SET pages = pages + ?, skipped = {skipped_value} WHERE sha256 = ?",
        (pages, skipped, sha256),
    )


def stored_parts_of_original(connection: sqlite3.Connection, sha256: str) -> dict[str, int]:
    """The article id of each part of an original already stored (trashed ones included)."""
    rows = connection.execute(
        "SELECT part, id FROM articles WHERE original_sha256 = ? ORDER BY id", (sha256,)
    )
    return {str(row[0]): int(row[1]) for row in rows}


def article_ids_of_original(connection: sqlite3.Connection, sha256: str) -> list[int]:
    rows = connection.execute(
        "SELECT id FROM articles WHERE original_sha256 = ? ORDER BY id", (sha256,)
    )
    return [row[0] for row in rows]


# The columns extraction fills, in the order ``_extracted_values`` gives them.
EXTRACTED_COLUMNS = (
    "title",
    "authors",
    "published",
    "modified",
    "site",
    "url",
    "language",
    "description",
    "keywords",
    "credits",
    "metadata_sources",
    "extractor_version",
)


def _extracted_values(extracted: ExtractedArticle) -> tuple[object, ...]:
    return (
        extracted.title,
        json.dumps(list(extracted.authors)),
        extracted.published,
        extracted.modified,
        extracted.site,
        extracted.url,
        extracted.language,
        extracted.description,
        json.dumps(list(extracted.keywords)),
        json.dumps(list(extracted.credits)),
        json.dumps(extracted.metadata_sources),
        extracted.extractor_version,
    )


def insert_article(
    connection: sqlite3.Connection, extracted: ExtractedArticle, provenance: Provenance
) -> int:
    """Inserts an article and its text; returns the new id."""
    columns = (
        "original_sha256",
        "part",
        "source_format",
        "file_name",
        "saved_url",
        "url_key",
        "captured_at",
        "captured_source",
        "added_at",
        *EXTRACTED_COLUMNS,
    )
    values = (
        provenance.original_sha256,
        provenance.part,
        provenance.source_format,
        provenance.file_name,
        provenance.saved_url,
        url_key(extracted.url or provenance.saved_url),
        provenance.captured_at,
        provenance.captured_source,
        provenance.added_at,
        *_extracted_values(extracted),
    )
    cursor = connection.execute(
        f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        values,
    )
    article_id = int(cursor.lastrowid or 0)
    write_text(connection, article_id, extracted)
    return article_id


def write_text(connection: sqlite3.Connection, article_id: int, extracted: ExtractedArticle) -> str:
    """Stores (or replaces) an article's canonical text and blocks; returns the text's hash."""
    text_sha256 = sha256_of_bytes(extracted.text.encode("utf-8"))
    connection.execute(
        "INSERT OR REPLACE INTO article_texts (article_id, text, text_sha256, blocks)"
        " VALUES (?, ?, ?, ?)",
        (article_id, extracted.text, text_sha256, encode_blocks(extracted.blocks)),
    )
    return text_sha256


def insert_resources(
    connection: sqlite3.Connection, article_id: int, resources: Iterable[tuple[Resource, str]]
) -> None:
    """Records resources already written to the blob store (with their hashes)."""
    connection.executemany(
        "INSERT OR IGNORE INTO resources (article_id, location, media_type, sha256, size)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (article_id, resource.location, resource.media_type, sha256, len(resource.data))
            for resource, sha256 in resources
        ],
    )


def resource_hashes(connection: sqlite3.Connection, article_id: int) -> dict[str, str]:
    rows = connection.execute(
        "SELECT location, sha256 FROM resources WHERE article_id = ?", (article_id,)
    )
    return {row[0]: row[1] for row in rows}


def _json_tuple(value: str | None) -> tuple[Any, ...]:
    return tuple(json.loads(value)) if value else ()


def load_article(connection: sqlite3.Connection, article_id: int) -> Article:
    """Raises:
    ArticleNotFound: no such id.
    """
    row = connection.execute(
        "SELECT a.*, t.text, t.text_sha256, t.blocks FROM articles a"
        " JOIN article_texts t ON t.article_id = a.id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise ArticleNotFound(article_id)
    extracted = ExtractedArticle(
        text=row["text"],
        blocks=decode_blocks(row["blocks"]),
        title=row["title"],
        authors=_json_tuple(row["authors"]),
        published=row["published"],
        modified=row["modified"],
        site=row["site"],
        url=row["url"],
        language=row["language"],
        description=row["description"],
        keywords=_json_tuple(row["keywords"]),
        credits=_json_tuple(row["credits"]),
        metadata_sources=json.loads(row["metadata_sources"]),
        extractor_version=row["extractor_version"],
    )
    provenance = Provenance(
        original_sha256=row["original_sha256"],
        file_name=row["file_name"],
        source_format=row["source_format"],
        part=row["part"],
        saved_url=row["saved_url"],
        captured_at=row["captured_at"],
        captured_source=row["captured_source"],
        added_at=row["added_at"],
    )
    return Article(
        id=row["id"], extracted=extracted, provenance=provenance, text_sha256=row["text_sha256"]
    )


def _summary(row: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(
        id=row["id"],
        title=row["title"] or row["file_name"],
        site=row["site"],
        authors=_json_tuple(row["authors"]),
        published=row["published"],
        added_at=row["added_at"],
    )


def load_summaries(connection: sqlite3.Connection, ids: Sequence[int]) -> dict[int, ArticleSummary]:
    """Summaries of the given ids (missing ids are absent from the result)."""
    found: dict[int, ArticleSummary] = {}
    # SQLite limits bound parameters; 500 at a time stays far below it.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE id IN ({marks})", tuple(chunk)
        )
        for row in rows:
            found[row["id"]] = _summary(row)
    return found


# An article is superseded when a later capture of the same page (same URL key) exists.
SUPERSEDED = """EXISTS (SELECT 1 FROM articles newer WHERE newer.url_key = articles.url_key
    AND newer.trashed_at IS NULL AND newer.id != articles.id
    AND (COALESCE(newer.captured_at, '') > COALESCE(articles.captured_at, '')
         OR (COALESCE(newer.captured_at, '') = COALESCE(articles.captured_at, '')
             AND newer.id > articles.id)))"""


def article_ids(
    connection: sqlite3.Connection,
    order: str = "added",
    *,
    include_trashed: bool = False,
    all_versions: bool = False,
) -> list[int]:
    """Article ids in the given order ("added", "published", "title", "site"): by default
    only the newest capture of each page and nothing from the trash."""
    ordering = ORDERINGS.get(order)
    if ordering is None:
        raise ValueError(f"unknown order {order!r}; choose one of {', '.join(ORDERINGS)}")
    clauses = ["1 = 1"]
    if not include_trashed:
        clauses.append("trashed_at IS NULL")
    if not all_versions:
        clauses.append(f"(url_key IS NULL OR NOT {SUPERSEDED})")
    rows = connection.execute(
        f"SELECT id FROM articles WHERE {' AND '.join(clauses)} ORDER BY {ordering}"
    )
    return [row[0] for row in rows]


def versions(connection: sqlite3.Connection, article_id: int) -> list[tuple[int, str | None]]:
    """Every capture of the article's page (same URL key), newest first: (id, captured_at)."""
    rows = connection.execute(
        """SELECT b.id, b.captured_at FROM articles a JOIN articles b ON b.url_key = a.url_key
           WHERE a.id = ? AND a.url_key IS NOT NULL AND b.trashed_at IS NULL
           ORDER BY COALESCE(b.captured_at, '') DESC, b.id DESC""",
        (article_id,),
    )
    found = [(row[0], row[1]) for row in rows]
    return found or [(article_id, None)]


def count_articles(connection: sqlite3.Connection) -> int:
    """How many articles ``article_ids`` lists by default."""
    row = connection.execute(
        f"SELECT COUNT(*) FROM articles WHERE trashed_at IS NULL"
        f" AND (url_key IS NULL OR NOT {SUPERSEDED})"
    ).fetchone()
    return int(row[0])


def load_texts(connection: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in connection.execute(
            f"SELECT article_id, text FROM article_texts WHERE article_id IN ({marks})",
            tuple(chunk),
        ):
            found[row[0]] = row[1]
    return found


def update_extraction(
    connection: sqlite3.Connection, article_id: int, extracted: ExtractedArticle
) -> bool:
    """Replaces what extraction found for an article (metadata, text, blocks).

    Returns whether the canonical text changed. The user's own metadata edits
    (``user_metadata``) are not touched.
    """
    before = connection.execute(
        "SELECT text_sha256 FROM article_texts WHERE article_id = ?", (article_id,)
    ).fetchone()
    assignments = ", ".join(f"{column} = ?" for column in EXTRACTED_COLUMNS)
    connection.execute(
        f"UPDATE articles SET {assignments}, url_key = COALESCE(?, url_key) WHERE id = ?",
        (*_extracted_values(extracted), url_key(extracted.url), article_id),
    )
    after = write_text(connection, article_id, extracted)
    return before is None or before[0] != after
