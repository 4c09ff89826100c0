"""The durable "needs indexing" queue: written in the same transaction as the change it
follows, drained into the index by ``Library.sync_index``; a crash in between loses nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from reader.core.timestamps import utc_now


def queue_for_indexing(connection: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    now = utc_now()
    connection.executemany(
        "INSERT OR REPLACE INTO index_queue (article_id, queued_at) VALUES (?, ?)",
        [(article_id, now) for article_id in article_ids],
    )


def queue_everything(connection: sqlite3.Connection) -> None:
    connection.execute(
        "INSERT OR IGNORE INTO index_queue (article_id, queued_at) SELECT id, ? FROM articles",
        (utc_now(),),
    )


def queued(connection: sqlite3.Connection, limit: int) -> list[int]:
    rows = connection.execute(
        "SELECT article_id FROM index_queue ORDER BY article_id LIMIT ?", (limit,)
    )
    return [row[0] for row in rows]


def dequeue(connection: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    connection.executemany(
        "DELETE FROM index_queue WHERE article_id = ?", [(i,) for i in article_ids]
    )


def queue_length(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT COUNT(*) FROM index_queue").fetchone()[0])
