"""Carrying annotations over from an earlier capture of the same page to a newer one.

A new capture of a URL is a new article with its own text; the user's annotations on the
earlier capture are copied to it (new ids, same colour, note, tags and creation time) and
anchored in the new text with the usual rules, so a passage that changed becomes an orphan
of the new capture rather than a wrong highlight. The earlier capture keeps its own
annotations untouched. Carrying twice copies nothing new: each candidate is compared with
what the newer capture already holds (same quote, note and creation time).
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import replace

from reader.core.annotations.anchoring import anchor, refresh_selectors
from reader.core.annotations.model import Annotation
from reader.core.store import annotations as annotation_rows
from reader.core.timestamps import utc_now


def _fingerprint(annotation: Annotation) -> tuple[str, str, str]:
    quote = annotation.quote
    return (quote.exact if quote is not None else "", annotation.note, annotation.created)


def pending_carry(
    connection: sqlite3.Connection, source_id: int, target_id: int
) -> list[Annotation]:
    """The live annotations of ``source_id`` that ``target_id`` does not have a copy of yet."""
    present = {
        _fingerprint(stored.annotation)
        for stored in annotation_rows.of_article(connection, target_id, include_deleted=True)
    }
    return [
        stored.annotation
        for stored in annotation_rows.of_article(connection, source_id)
        if _fingerprint(stored.annotation) not in present
    ]


def carry_annotations(
    connection: sqlite3.Connection, source_id: int, target_id: int, target_text: str
) -> dict[str, int]:
    """Copies the source article's annotations onto the target article, anchored in its text.

    Args:
        connection: inside the caller's transaction.
        source_id: the earlier capture holding the annotations.
        target_id: the newer capture receiving copies.
        target_text: the target's canonical text.

    Returns:
        How many copies were placed, by anchor status ("exact_position", "fuzzy", "orphan"...).
    """
    counts: dict[str, int] = {}
    now = utc_now()
    for original in pending_carry(connection, source_id, target_id):
        found = anchor(target_text, original.selectors)
        copy = replace(original, id=str(uuid.uuid4()), article_id=target_id, modified=now)
        annotation_rows.save(connection, refresh_selectors(copy, target_text, found), found)
        counts[found.status.value] = counts.get(found.status.value, 0) + 1
    return counts
