"""Entity mentions per article, as the recognizer found them (before user corrections).

Corrections are applied when mentions are read (``reader.core.entities.apply_corrections``),
so a correction changes nothing stored here and can be undone. ``key`` is the normalised
surface, which lets a correction find the articles it touches.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from reader.core.entities.surface import normalise_surface
from reader.core.model import EntitySpan


def replace_mentions(
    connection: sqlite3.Connection,
    article_id: int,
    spans: Iterable[EntitySpan],
    recognizer_version: str,
) -> None:
    connection.execute("DELETE FROM entity_mentions WHERE article_id = ?", (article_id,))
    connection.executemany(
        "INSERT OR IGNORE INTO entity_mentions"
        " (article_id, start, end, label, raw_label, text, key) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, s.start, s.end, s.label, s.raw_label, s.text, normalise_surface(s.text))
            for s in spans
        ],
    )
    connection.execute(
        "UPDATE articles SET entities_version = ? WHERE id = ?", (recognizer_version, article_id)
    )


def load_mentions(connection: sqlite3.Connection, article_id: int) -> list[EntitySpan]:
    rows = connection.execute(
        "SELECT start, end, label, raw_label, text FROM entity_mentions"
        " WHERE article_id = ? ORDER BY start, end",
        (article_id,),
    )
    return [EntitySpan(row[0], row[1], row[2], row[4], row[3]) for row in rows]


def articles_mentioning(connection: sqlite3.Connection, keys: Sequence[str]) -> list[int]:
    """Articles with a mention whose normalised surface is one of ``keys``."""
    found: set[int] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(
            f"SELECT DISTINCT article_id FROM entity_mentions WHERE key IN ({marks})", tuple(chunk)
        )
        found.update(row[0] for row in rows)
    return sorted(found)


def mention_groups(
    connection: sqlite3.Connection, label: str | None = None
) -> list[tuple[str, str, tuple[str, ...], int, int, str | None, str | None]]:
    """Per (label, normalised surface): a spelling, all spellings, the article count (exact),
    the mention count, and the first and last publication dates."""
    only_label = "AND m.label = ?" if label else ""
    rows = connection.execute(
        f"""SELECT m.label, MIN(m.text), GROUP_CONCAT(m.text, char(31)),
                   COUNT(DISTINCT m.article_id), COUNT(*), MIN(a.published), MAX(a.published)
            FROM entity_mentions m JOIN articles a ON a.id = m.article_id
            WHERE a.trashed_at IS NULL {only_label} GROUP BY m.label, m.key""",
        (label,) if label else (),
    )
    return [
        (r[0], r[1], tuple(sorted(set(r[2].split("\x1f")))), r[3], r[4], r[5], r[6]) for r in rows
    ]


def articles_with_mentions(
    connection: sqlite3.Connection, pairs: Iterable[tuple[str, str]]
) -> list[int]:
    """Articles (newest first) mentioning any of the (label, normalised surface) pairs."""
    found: set[int] = set()
    for label, key in pairs:
        rows = connection.execute(
            "SELECT DISTINCT article_id FROM entity_mentions WHERE label = ? AND key = ?",
            (label, key),
        )
        found.update(row[0] for row in rows)
    if not found:
        return []
    marks = ",".join("?" * len(found))
    rows = connection.execute(
        f"SELECT id FROM articles WHERE id IN ({marks}) AND trashed_at IS NULL"
        " ORDER BY added_at DESC, id DESC",
        tuple(found),
    )
    return [row[0] for row in rows]
