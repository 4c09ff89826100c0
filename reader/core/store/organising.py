"""Collections, tags, the trash and saved searches: how a researcher organises articles.

Functions take a connection and never commit: the caller (``Library``) owns the transaction
and re-queues the touched articles for indexing in it, so ``tag:`` and ``collection:``
queries see the change at once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Collection:
    id: int
    name: str
    parent_id: int | None
    count: int


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str
    created_at: str


def normalise_tag(tag: str) -> str:
    """Tags are case-insensitive and single-spaced; commas would split them in the index."""
    return " ".join(tag.replace(",", " ").split()).lower()


# -- collections ---------------------------------------------------------------------------


def list_collections(connection: sqlite3.Connection) -> list[Collection]:
    rows = connection.execute(
        """SELECT c.id, c.name, c.parent_id, COUNT(a.id) AS count
           FROM collections c
           LEFT JOIN collection_articles ca ON ca.collection_id = c.id
           LEFT JOIN articles a ON a.id = ca.article_id AND a.trashed_at IS NULL
           GROUP BY c.id ORDER BY c.name COLLATE NOCASE"""
    )
    return [Collection(row[0], row[1], row[2], row[3]) for row in rows]


def create_collection(
    connection: sqlite3.Connection, name: str, parent_id: int | None, now: str
) -> int:
    name = name.strip()
    if not name:
        raise ValueError("a collection needs a name")
    cursor = connection.execute(
        "INSERT INTO collections (name, parent_id, created_at) VALUES (?, ?, ?)",
        (name, parent_id, now),
    )
    return int(cursor.lastrowid or 0)


def rename_collection(connection: sqlite3.Connection, collection_id: int, name: str) -> None:
    if not name.strip():
        raise ValueError("a collection needs a name")
    connection.execute(
        "UPDATE collections SET name = ? WHERE id = ?", (name.strip(), collection_id)
    )


def collection_subtree(connection: sqlite3.Connection, collection_id: int) -> list[int]:
    """The collection and all its descendants."""
    rows = connection.execute(
        """WITH RECURSIVE tree(id) AS (
               SELECT ? UNION ALL SELECT c.id FROM collections c JOIN tree t ON c.parent_id = t.id)
           SELECT id FROM tree""",
        (collection_id,),
    )
    return [row[0] for row in rows]


def articles_in_collections(
    connection: sqlite3.Connection, collection_ids: Sequence[int]
) -> list[int]:
    marks = ",".join("?" * len(collection_ids))
    rows = connection.execute(
        f"""SELECT DISTINCT ca.article_id FROM collection_articles ca
            JOIN articles a ON a.id = ca.article_id AND a.trashed_at IS NULL
            WHERE ca.collection_id IN ({marks}) ORDER BY a.added_at DESC, a.id DESC""",
        tuple(collection_ids),
    )
    return [row[0] for row in rows]


def add_to_collection(
    connection: sqlite3.Connection, collection_id: int, article_ids: Iterable[int], now: str
) -> None:
    connection.executemany(
        "INSERT OR IGNORE INTO collection_articles (collection_id, article_id, added_at)"
        " VALUES (?, ?, ?)",
        [(collection_id, article_id, now) for article_id in article_ids],
    )


def remove_from_collection(
    connection: sqlite3.Connection, collection_id: int, article_ids: Iterable[int]
) -> None:
    connection.executemany(
        "DELETE FROM collection_articles WHERE collection_id = ? AND article_id = ?",
        [(collection_id, article_id) for article_id in article_ids],
    )


def collection_names_of(connection: sqlite3.Connection, article_id: int) -> list[str]:
    rows = connection.execute(
        "SELECT c.name FROM collections c JOIN collection_articles ca ON ca.collection_id = c.id"
        " WHERE ca.article_id = ? ORDER BY c.name",
        (article_id,),
    )
    return [row[0] for row in rows]


# -- tags ----------------------------------------------------------------------------------


def tags_of(connection: sqlite3.Connection, article_id: int) -> list[str]:
    rows = connection.execute(
        "SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag", (article_id,)
    )
    return [row[0] for row in rows]


def set_tags(connection: sqlite3.Connection, article_id: int, tags: Iterable[str]) -> list[str]:
    cleaned = sorted({normalise_tag(tag) for tag in tags} - {""})
    connection.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
    connection.executemany(
        "INSERT INTO article_tags (article_id, tag) VALUES (?, ?)",
        [(article_id, tag) for tag in cleaned],
    )
    return cleaned


def all_tags(connection: sqlite3.Connection) -> dict[str, int]:
    rows = connection.execute(
        "SELECT t.tag, COUNT(*) FROM article_tags t JOIN articles a ON a.id = t.article_id"
        " WHERE a.trashed_at IS NULL GROUP BY t.tag ORDER BY t.tag"
    )
    return {row[0]: row[1] for row in rows}


def articles_with_tag(connection: sqlite3.Connection, tag: str) -> list[int]:
    rows = connection.execute(
        "SELECT a.id FROM article_tags t JOIN articles a ON a.id = t.article_id"
        " WHERE t.tag = ? AND a.trashed_at IS NULL ORDER BY a.added_at DESC, a.id DESC",
        (normalise_tag(tag),),
    )
    return [row[0] for row in rows]


# -- trash ---------------------------------------------------------------------------------


def trash(connection: sqlite3.Connection, article_ids: Iterable[int], now: str) -> None:
    connection.executemany(
        "UPDATE articles SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL",
        [(now, article_id) for article_id in article_ids],
    )


def restore(connection: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    connection.executemany(
        "UPDATE articles SET trashed_at = NULL WHERE id = ?", [(i,) for i in article_ids]
    )


def trashed_ids(connection: sqlite3.Connection) -> list[int]:
    rows = connection.execute(
        "SELECT id FROM articles WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, id DESC"
    )
    return [row[0] for row in rows]


def is_trashed(connection: sqlite3.Connection, article_id: int) -> bool:
    row = connection.execute(
        "SELECT trashed_at FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return row is not None and row[0] is not None


def delete_unused_originals(connection: sqlite3.Connection) -> list[str]:
    """Forgets originals no article comes from and no resource uses; returns their hashes
    (the caller removes the files after the transaction commits)."""
    rows = connection.execute(
        """SELECT sha256 FROM originals o
           WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.original_sha256 = o.sha256)
             AND o.pages > 0"""
    )
    unused = [row[0] for row in rows]
    connection.executemany("DELETE FROM originals WHERE sha256 = ?", [(s,) for s in unused])
    still_used = {row[0] for row in connection.execute("SELECT DISTINCT sha256 FROM resources")}
    return [sha256 for sha256 in unused if sha256 not in still_used]


# -- saved searches and history ------------------------------------------------------------


def saved_searches(connection: sqlite3.Connection) -> list[SavedSearch]:
    rows = connection.execute("SELECT name, query, created_at FROM saved_searches ORDER BY name")
    return [SavedSearch(row[0], row[1], row[2]) for row in rows]


def save_search(connection: sqlite3.Connection, name: str, query: str, now: str) -> None:
    if not name.strip():
        raise ValueError("a saved search needs a name")
    connection.execute(
        "INSERT OR REPLACE INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)",
        (name.strip(), query, now),
    )


def delete_saved_search(connection: sqlite3.Connection, name: str) -> None:
    connection.execute("DELETE FROM saved_searches WHERE name = ?", (name,))


HISTORY_LENGTH = 200


def remember_search(connection: sqlite3.Connection, query: str, now: str) -> None:
    if not query.strip():
        return
    connection.execute("DELETE FROM search_history WHERE query = ?", (query,))
    connection.execute(
        "INSERT INTO search_history (query, searched_at) VALUES (?, ?)", (query, now)
    )
    connection.execute(
        "DELETE FROM search_history WHERE id NOT IN"
        " (SELECT id FROM search_history ORDER BY id DESC LIMIT ?)",
        (HISTORY_LENGTH,),
    )


def search_history(connection: sqlite3.Connection, limit: int = 50) -> list[str]:
    rows = connection.execute("SELECT query FROM search_history ORDER BY id DESC LIMIT ?", (limit,))
    return [row[0] for row in rows]
