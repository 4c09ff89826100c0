"""A consistent copy of an open archive, made while it is in use.

The database is copied with SQLite's online backup API (one consistent snapshot, the WAL
included); then the originals are copied. Originals are never modified and are written
before the rows that name them, so every file the snapshot refers to exists by then. The
index is not copied: it is derived data, rebuilt when the copy is first opened.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.progress import Progress, ProgressCallback
from reader.core.store.db import DATABASE_NAME
from reader.core.store.store import ORIGINALS_FOLDER, Store


def backup_archive(
    store: Store, root: Path, destination: Path, progress: ProgressCallback | None = None
) -> int:
    """Copies the archive into ``destination`` (a new or empty folder, or an earlier backup,
    which is brought up to date); returns the number of originals copied.

    Raises:
        ReaderError: the destination is not usable.
    """
    destination = destination.expanduser().resolve()
    if destination == root or root in destination.parents:
        raise ReaderError("the backup cannot go inside the archive itself")
    destination.mkdir(parents=True, exist_ok=True, mode=0o700)
    target_database = destination / DATABASE_NAME
    temporary = target_database.with_suffix(".backup-tmp")
    source = store.connection()
    copy = sqlite3.connect(temporary)
    try:
        source.backup(copy)
    finally:
        copy.close()
    os.replace(temporary, target_database)
    snapshot = sqlite3.connect(target_database)
    try:
        wanted = [
            row[0]
            for row in snapshot.execute(
                "SELECT sha256 FROM originals UNION SELECT sha256 FROM resources"
            )
        ]
    finally:
        snapshot.close()
    blobs = store.blobs
    copied = 0
    for number, sha256 in enumerate(wanted, 1):
        target = destination / ORIGINALS_FOLDER / sha256[:2] / sha256
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(blobs.path_of(sha256), target)
            copied += 1
        if progress is not None and number % 50 == 0:
            progress(Progress("Copying originals", number, len(wanted)))
    return copied
