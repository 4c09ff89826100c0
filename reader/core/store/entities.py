"""Entity mentions per article: character spans into the article's canonical text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from reader.core.model import EntitySpan


def replace_mentions(
    connection: sqlite3.Connection, article_id: int, spans: Iterable[EntitySpan]
) -> None:
    connection.execute("DELETE FROM entity_mentions WHERE article_id = ?", (article_id,))
    connection.executemany(
        "INSERT OR IGNORE INTO entity_mentions (article_id, start, end, label, raw_label, text)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(article_id, s.start, s.end, s.label, s.raw_label, s.text) for s in spans],
    )


def load_mentions(connection: sqlite3.Connection, article_id: int) -> list[EntitySpan]:
    rows = connection.execute(
        "SELECT start, end, label, raw_label, text FROM entity_mentions"
        " WHERE article_id = ? ORDER BY start, end",
        (article_id,),
    )
    return [EntitySpan(row[0], row[1], row[2], row[4], row[3]) for row in rows]
