"""Storing annotations: the whole annotation as JSON, plus the columns lists and searches use.

Guarantees: an annotation is written in the caller's transaction and committed at once
(``Library`` commits each change); a deleted annotation stays as a tombstone
(``deleted_at``) until the trash is emptied; the anchor columns (``start``, ``end``,
``anchor_status``) record where it was last placed in the article's current text.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reader.core.annotations.model import Anchor, AnchorStatus, Annotation
from reader.core.annotations.selectors import selectors_from_json, selectors_to_json


@dataclass(frozen=True)
class StoredAnnotation:
    """An annotation with where it lies in its article's current text."""

    annotation: Annotation
    anchor: Anchor


def encode(annotation: Annotation) -> str:
    data: dict[str, Any] = {
        "id": annotation.id,
        "article_id": annotation.article_id,
        "text_sha256": annotation.text_sha256,
        "selector": selectors_to_json(annotation.selectors),
        "color": annotation.color,
        "note": annotation.note,
        "tags": list(annotation.tags),
        "created": annotation.created,
        "modified": annotation.modified,
        "deleted": annotation.deleted,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode(data: str) -> Annotation:
    raw = json.loads(data)
    return Annotation(
        id=raw["id"],
        article_id=int(raw["article_id"]),
        text_sha256=raw["text_sha256"],
        selectors=selectors_from_json(raw["selector"]),
        color=raw["color"],
        note=raw["note"],
        tags=tuple(raw["tags"]),
        created=raw["created"],
        modified=raw["modified"],
        deleted=bool(raw.get("deleted", False)),
    )


def save(connection: sqlite3.Connection, annotation: Annotation, anchor: Anchor) -> None:
    quote = annotation.quote
    connection.execute(
        """INSERT OR REPLACE INTO annotations (id, article_id, created, modified, color, note,
               tags, quote, start, end, anchor_status, deleted_at, data)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            annotation.id,
            annotation.article_id,
            annotation.created,
            annotation.modified,
            annotation.color,
            annotation.note,
            json.dumps(list(annotation.tags), ensure_ascii=False),
            quote.exact if quote else "",
            None if anchor.is_orphan else anchor.start,
            None if anchor.is_orphan else anchor.end,
            anchor.status.value,
            annotation.modified if annotation.deleted else None,
            encode(annotation),
        ),
    )


def _stored(row: sqlite3.Row) -> StoredAnnotation:
    status = AnchorStatus(row["anchor_status"])
    if status is AnchorStatus.ORPHAN or row["start"] is None:
        anchor = Anchor(-1, -1, AnchorStatus.ORPHAN, 0.0)
    else:
        exact = status in (AnchorStatus.EXACT_POSITION, AnchorStatus.EXACT_QUOTE)
        anchor = Anchor(row["start"], row["end"], status, 1.0 if exact else 0.5)
    return StoredAnnotation(decode(row["data"]), anchor)


def load(connection: sqlite3.Connection, annotation_id: str) -> StoredAnnotation | None:
    row = connection.execute(
        "SELECT data, start, end, anchor_status FROM annotations WHERE id = ?", (annotation_id,)
    ).fetchone()
    return _stored(row) if row else None


def of_article(
    connection: sqlite3.Connection, article_id: int, *, include_deleted: bool = False
) -> list[StoredAnnotation]:
    """An article's annotations in text order (orphans last)."""
    deleted = "" if include_deleted else "AND deleted_at IS NULL"
    rows = connection.execute(
        f"""SELECT data, start, end, anchor_status FROM annotations
            WHERE article_id = ? {deleted} ORDER BY start IS NULL, start, created""",
        (article_id,),
    )
    return [_stored(row) for row in rows]


def everywhere(
    connection: sqlite3.Connection,
    *,
    article_ids: Iterable[int] | None = None,
    color: str | None = None,
    tag: str | None = None,
    orphans_only: bool = False,
    include_deleted: bool = False,
) -> list[StoredAnnotation]:
    """Annotations across the archive, newest first, filtered as asked."""
    clauses = ["1 = 1"]
    parameters: list[Any] = []
    if not include_deleted:
        clauses.append("n.deleted_at IS NULL")
    if color:
        clauses.append("n.color = ?")
        parameters.append(color)
    if orphans_only:
        clauses.append("n.anchor_status = 'orphan'")
    if article_ids is not None:
        ids = list(article_ids)
        clauses.append(f"n.article_id IN ({','.join('?' * len(ids)) or 'NULL'})")
        parameters.extend(ids)
    rows = connection.execute(
        f"""SELECT n.data, n.start, n.end, n.anchor_status FROM annotations n
            JOIN articles a ON a.id = n.article_id AND a.trashed_at IS NULL
            WHERE {" AND ".join(clauses)} ORDER BY n.modified DESC, n.id""",
        parameters,
    )
    found = [_stored(row) for row in rows]
    if tag:
        wanted = tag.strip().lower()
        found = [s for s in found if wanted in (t.lower() for t in s.annotation.tags)]
    return found


def articles_with_annotations(connection: sqlite3.Connection, *, orphans_only: bool) -> list[int]:
    status = "AND n.anchor_status = 'orphan'" if orphans_only else ""
    rows = connection.execute(
        f"""SELECT a.id FROM articles a WHERE a.trashed_at IS NULL AND EXISTS (
                SELECT 1 FROM annotations n WHERE n.article_id = a.id
                AND n.deleted_at IS NULL {status})
            ORDER BY a.added_at DESC, a.id DESC"""
    )
    return [row[0] for row in rows]


def counts_by_article(connection: sqlite3.Connection, ids: Iterable[int]) -> dict[int, int]:
    wanted = list(ids)
    counts: dict[int, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = connection.execute(
            f"""SELECT article_id, COUNT(*) FROM annotations WHERE deleted_at IS NULL
                AND article_id IN ({",".join("?" * len(chunk))}) GROUP BY article_id""",
            chunk,
        )
        counts.update({row[0]: row[1] for row in rows})
    return counts


def purge_deleted(connection: sqlite3.Connection) -> int:
    """Removes tombstones for good (when the user empties the trash)."""
    return connection.execute("DELETE FROM annotations WHERE deleted_at IS NOT NULL").rowcount
