"""Facet counts (site, year, language, tags, entities, colours) over a set of articles.

The set comes from the index (every article a query matches); counting happens here, in
SQL, over a temporary table of those ids, so it costs one pass however large the set.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

FACET_LIMIT = 25

# facet name -> SQL selecting (value, count) from the temp table ``facet_ids``
FACET_QUERIES: dict[str, str] = {
    "site": """SELECT a.site, COUNT(*) FROM facet_ids f JOIN articles a ON a.id = f.id
               WHERE a.site IS NOT NULL GROUP BY a.site""",
    "year": """SELECT substr(a.published, 1, 4), COUNT(*) FROM facet_ids f
               JOIN articles a ON a.id = f.id WHERE a.published IS NOT NULL
               GROUP BY substr(a.published, 1, 4)""",
    "language": """SELECT a.language, COUNT(*) FROM facet_ids f JOIN articles a ON a.id = f.id
                   WHERE a.language IS NOT NULL GROUP BY a.language""",
    "tag": """SELECT t.tag, COUNT(*) FROM facet_ids f JOIN article_tags t ON t.article_id = f.id
              GROUP BY t.tag""",
    "color": """SELECT n.color, COUNT(DISTINCT n.article_id) FROM facet_ids f
                JOIN annotations n ON n.article_id = f.id AND n.deleted_at IS NULL
                GROUP BY n.color""",
}
ENTITY_FACETS = {"person": "PERSON", "org": "ORG", "place": "PLACE"}
# Driven by the matched articles (CROSS JOIN keeps ``facet_ids`` the outer loop): left to
# itself, SQLite walked every mention of a label through its (label, text) index and
# probed the matches for each, 3.6 s per label at 2.6 million mentions even when nothing
# matched. All three labels in one pass over the matched articles' mentions.
ENTITY_QUERY = f"""SELECT m.label, m.text, COUNT(DISTINCT m.article_id) FROM facet_ids f
                  CROSS JOIN entity_mentions m ON m.article_id = f.id
                  WHERE m.label IN ({", ".join("?" * len(ENTITY_FACETS))})
                  GROUP BY m.label, m.text"""


def facet_counts(
    connection: sqlite3.Connection, ids: Sequence[int], limit: int = FACET_LIMIT
) -> dict[str, list[tuple[str, int]]]:
    """For each facet, its most frequent values with their article counts."""
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS facet_ids (id INTEGER PRIMARY KEY)")
    # One transaction for the inserts: autocommit would make each row its own.
    connection.execute("BEGIN")
    connection.execute("DELETE FROM facet_ids")
    connection.executemany("INSERT OR IGNORE INTO facet_ids (id) VALUES (?)", ((i,) for i in ids))
    connection.execute("COMMIT")
    try:
        facets: dict[str, list[tuple[str, int]]] = {}
        for name, sql in FACET_QUERIES.items():
            facets[name] = _top(connection.execute(sql).fetchall(), limit)
        by_label: dict[str, list[tuple[str, int]]] = {label: [] for label in ENTITY_FACETS.values()}
        for label, text, count in connection.execute(ENTITY_QUERY, tuple(ENTITY_FACETS.values())):
            by_label[label].append((text, count))
        for name, label in ENTITY_FACETS.items():
            facets[name] = _top(by_label[label], limit)
        return facets
    finally:
        connection.execute("DELETE FROM facet_ids")


def _top(rows: list[sqlite3.Row] | list[tuple[str, int]], limit: int) -> list[tuple[str, int]]:
    pairs = [(str(row[0]), int(row[1])) for row in rows if row[0]]
    pairs.sort(key=lambda pair: (-pair[1], pair[0].lower()))
    return pairs[:limit]
