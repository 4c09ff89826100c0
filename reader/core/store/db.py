"""Opening the archive's SQLite database with the settings every connection needs.

Guarantees: WAL journal (readers never block the writer), ``synchronous=FULL`` (a committed
transaction survives a power cut), foreign keys on, and the schema migrated to the current
version before the connection is returned. Callers must not share one connection between
threads: ``Store`` keeps one per thread.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.errors import StoreError
from reader.core.store.migrations import migrate

DATABASE_NAME = "library.sqlite3"


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Opens (and, unless read-only, creates and migrates) the database at ``path``.

    Raises:
        StoreError: the file is not a database, is newer than this program, or cannot be opened.
    """
    try:
        if read_only:
            connection = sqlite3.connect(
                f"{path.as_uri()}?mode=ro",
                uri=True,
                isolation_level=None,
                timeout=30,
                check_same_thread=False,
            )
        else:
            connection = sqlite3.connect(
                path, isolation_level=None, timeout=30, check_same_thread=False
            )
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        if not read_only:
            migrate(connection)
        return connection
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open the archive database {path}: {error}") from error
