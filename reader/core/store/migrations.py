"""Schema versions of the archive database: ``PRAGMA user_version`` plus one step per version.

Each ``upgrade_to_N`` takes a database at version N-1 to version N. All pending steps run in
one transaction, so a crash mid-upgrade leaves the previous version intact. Never edit a step
once it has been released: add a new one, and a fixture archive of the old version under
``tests/data/archives/`` with a test that opens it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from reader.core.errors import StoreError


def upgrade_to_1(connection: sqlite3.Connection) -> None:
    """The first schema: originals, articles and their text, resources, the index queue."""
    run_statements(
        connection,
        """
        CREATE TABLE originals (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            file_name TEXT NOT NULL,
            source_format TEXT NOT NULL,
            added_at TEXT NOT NULL,
            pages INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            original_sha256 TEXT NOT NULL REFERENCES originals(sha256),
            part TEXT NOT NULL DEFAULT '',
            source_format TEXT NOT NULL,
            file_name TEXT NOT NULL,
            saved_url TEXT,
            url_key TEXT,
            captured_at TEXT,
            captured_source TEXT,
            added_at TEXT NOT NULL,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            modified TEXT,
            site TEXT,
            url TEXT,
            language TEXT,
            description TEXT,
            keywords TEXT NOT NULL DEFAULT '[]',
            credits TEXT NOT NULL DEFAULT '[]',
            metadata_sources TEXT NOT NULL DEFAULT '{}',
            extractor_version TEXT NOT NULL,
            -- the recognizer that found the stored entity mentions (NULL: not run yet)
            entities_version TEXT,
            user_metadata TEXT NOT NULL DEFAULT '{}',
            trashed_at TEXT,
            UNIQUE (original_sha256, part)
        );
        CREATE INDEX articles_by_added ON articles (added_at);
        CREATE INDEX articles_by_published ON articles (published);
        CREATE INDEX articles_by_url_key ON articles (url_key);
        -- The text lives apart so that listing articles never reads it.
        CREATE TABLE article_texts (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,
            blocks TEXT NOT NULL
        );
        CREATE TABLE resources (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            location TEXT NOT NULL,
            media_type TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            PRIMARY KEY (article_id, location)
        );
        CREATE TABLE entity_mentions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            label TEXT NOT NULL,
            raw_label TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            -- normalise_surface(text): finds the mentions a user correction touches
            key TEXT NOT NULL,
            PRIMARY KEY (article_id, start, end, label)
        );
        CREATE INDEX entity_mentions_by_key ON entity_mentions (key);
        CREATE INDEX entity_mentions_by_text ON entity_mentions (label, text);
        CREATE TABLE collections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            parent_id INTEGER REFERENCES collections(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE collection_articles (
            collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            added_at TEXT NOT NULL,
            PRIMARY KEY (collection_id, article_id)
        );
        CREATE INDEX collection_articles_by_article ON collection_articles (article_id);
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (article_id, tag)
        );
        CREATE INDEX article_tags_by_tag ON article_tags (tag);
        CREATE TABLE saved_searches (
            name TEXT PRIMARY KEY,
            query TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE search_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            query TEXT NOT NULL,
            searched_at TEXT NOT NULL
        );
        -- Annotations: the W3C JSON in ``data``, plus the columns that lists and searches need.
        -- Deleted ones stay as tombstones (``deleted_at``) until the trash is emptied.
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            color TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            quote TEXT NOT NULL,
            start INTEGER,
            end INTEGER,
            anchor_status TEXT NOT NULL,
            deleted_at TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX annotations_by_article ON annotations (article_id);
        CREATE INDEX annotations_by_modified ON annotations (modified);
        -- Archive-wide settings stored as JSON values: entity corrections, colour names...
        CREATE TABLE archive_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        -- Durable queue of articles whose index entry is missing or stale.
        CREATE TABLE index_queue (
            article_id INTEGER PRIMARY KEY,
            queued_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT
        );
        """,
    )


def upgrade_to_2(connection: sqlite3.Connection) -> None:
    """Finds stored texts by hash with an index.

    Every imported page is checked against the texts already stored (the same article saved
    twice in different files); without an index that check read every stored text, so an
    import slowed down as the archive grew.
    """
    connection.execute(
        "CREATE INDEX IF NOT EXISTS article_texts_by_sha256 ON article_texts (text_sha256)"
    )


def upgrade_to_3(connection: sqlite3.Connection) -> None:
    """Marks originals whose import is not finished.

    A large crawl is imported page by page: its original is recorded before its first page,
    as ``complete = 0``, and marked complete after its last. An import that was cancelled or
    killed in between leaves it incomplete, and importing the file again carries on with the
    pages still missing instead of calling the file a duplicate. Every earlier original was
    imported in one transaction, so it is complete.
    """
    connection.execute("ALTER TABLE originals ADD COLUMN complete INTEGER NOT NULL DEFAULT 1")


def run_statements(connection: sqlite3.Connection, script: str) -> None:
    """Runs each statement of ``script`` inside the caller's transaction.

    ``executescript`` would commit the pending transaction first, which breaks the
    all-or-nothing upgrade.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            connection.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:80]}")


UPGRADES: tuple[Callable[[sqlite3.Connection], None], ...] = (
    upgrade_to_1,
    upgrade_to_2,
    upgrade_to_3,
)
CURRENT_VERSION = len(UPGRADES)


def schema_version(connection: sqlite3.Connection) -> int:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    return int(version)


def migrate(connection: sqlite3.Connection) -> int:
    """Brings the database to ``CURRENT_VERSION``; returns the version it was at.

    Raises:
        StoreError: the database was written by a newer version of the program.
    """
    found = schema_version(connection)
    if found > CURRENT_VERSION:
        raise StoreError(
            f"this archive was written by a newer Archival Reader (schema {found}, "
            f"this program knows up to {CURRENT_VERSION}); please upgrade"
        )
    if found == CURRENT_VERSION:
        return found
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have upgraded while we waited for the lock.
        found = schema_version(connection)
        for version in range(found + 1, CURRENT_VERSION + 1):
            UPGRADES[version - 1](connection)
        connection.execute(f"PRAGMA user_version = {CURRENT_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return found
