"""The archive's store: the SQLite database plus the blob folder of originals.

Guarantees: each thread gets its own connection (SQLite connections must not be shared),
and so does a forked process (it never touches the connections it inherited);
``transaction()`` is all-or-nothing and serialises writers (``BEGIN IMMEDIATE``); blobs are
written before the rows that name them, so a crash leaves at most an unreferenced blob,
never a row pointing at a missing file.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from reader.core.store.blobs import BlobStore
from reader.core.store.db import DATABASE_NAME, connect

ORIGINALS_FOLDER = "originals"


class Store:
    def __init__(self, root: Path, *, read_only: bool = False) -> None:
        self.root = root
        self.read_only = read_only
        self.blobs = BlobStore(root / ORIGINALS_FOLDER)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._write_lock = threading.RLock()
        self.connection()  # create and migrate now, so errors surface at open time

    @property
    def database_path(self) -> Path:
        return self.root / DATABASE_NAME

    def connection(self) -> sqlite3.Connection:
        """This thread's connection."""
        existing: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if existing is not None and self._local.pid != os.getpid():
            # A forked child (the index rebuild's workers): the parent's connection is not
            # ours to use, nor to close; start afresh.
            existing = None
            self._connections = []
            self._connections_lock = threading.Lock()
        if existing is None:
            existing = connect(self.database_path, read_only=self.read_only)
            self._local.connection = existing
            self._local.pid = os.getpid()
            with self._connections_lock:
                self._connections.append(existing)
        return existing

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction on this thread's connection; commits on success."""
        with self._write_lock:
            connection = self.connection()
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def close(self) -> None:
        with self._connections_lock:
            for connection in self._connections:
                with suppress(sqlite3.Error):
                    connection.close()
            self._connections.clear()
        self._local = threading.local()
