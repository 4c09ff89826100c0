"""Creating, editing, deleting and re-anchoring annotations, inside the caller's transaction.

An annotation is never dropped or moved to the wrong text: when an article's text changes,
each annotation is re-anchored (position, then quote with context, then a bounded fuzzy
match); one that cannot be placed becomes an orphan that keeps its old selectors, stays
listed, and can be re-attached.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from reader.core.annotations.anchoring import anchor, reanchor_all, refresh_selectors
from reader.core.annotations.create import create_annotation, delete_annotation, edit_annotation
from reader.core.annotations.model import Anchor, AnchorStatus, Annotation, hash_text
from reader.core.annotations.palette import DEFAULT_PALETTE, Palette, palette_from_json
from reader.core.annotations.selectors import describe
from reader.core.errors import ReaderError
from reader.core.store import annotations as annotation_rows
from reader.core.store.annotations import StoredAnnotation
from reader.core.store.settings import ANNOTATION_PALETTE, get_setting
from reader.core.timestamps import utc_now


class AnnotationNotFound(ReaderError):
    def __init__(self, annotation_id: str) -> None:
        super().__init__(f"no annotation with id {annotation_id}")


def palette(connection: sqlite3.Connection) -> Palette:
    stored = get_setting(connection, ANNOTATION_PALETTE)
    return palette_from_json(stored) if stored else DEFAULT_PALETTE


def _check_colour(connection: sqlite3.Connection, color: str) -> str:
    colours = palette(connection)
    for colour in colours.colours:
        if color.lower() in (colour.id, colour.code.lower()):
            return colour.id
    names = ", ".join(f"{c.id} ({c.code})" for c in colours.colours)
    raise ReaderError(f"unknown colour {color!r}; choose one of: {names}")


def find_occurrence(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """The code-point range of the ``occurrence``-th (1-based) appearance of ``quote``.

    Raises:
        ReaderError: the quote does not appear that many times.
    """
    if not quote:
        raise ReaderError("the quote is empty")
    start = -1
    for _ in range(max(1, occurrence)):
        start = text.find(quote, start + 1)
        if start < 0:
            count = text.count(quote)
            raise ReaderError(
                f"the quote appears {count} time{'s' if count != 1 else ''} in this article"
                + (f", not {occurrence}" if count else "")
            )
    return start, start + len(quote)


def create(
    connection: sqlite3.Connection,
    article_id: int,
    text: str,
    start: int,
    end: int,
    *,
    color: str,
    note: str = "",
    tags: tuple[str, ...] = (),
) -> StoredAnnotation:
    annotation = create_annotation(
        article_id,
        text,
        start,
        end,
        color=_check_colour(connection, color),
        note=note,
        tags=tags,
        now=utc_now(),
    )
    placed = Anchor(start, end, AnchorStatus.EXACT_POSITION, 1.0)
    annotation_rows.save(connection, annotation, placed)
    return StoredAnnotation(annotation, placed)


def _existing(connection: sqlite3.Connection, annotation_id: str) -> StoredAnnotation:
    stored = annotation_rows.load(connection, annotation_id)
    if stored is None:
        raise AnnotationNotFound(annotation_id)
    return stored


def update(
    connection: sqlite3.Connection,
    annotation_id: str,
    *,
    color: str | None = None,
    note: str | None = None,
    tags: tuple[str, ...] | None = None,
) -> StoredAnnotation:
    stored = _existing(connection, annotation_id)
    checked = _check_colour(connection, color) if color is not None else None
    edited = edit_annotation(stored.annotation, color=checked, note=note, tags=tags, now=utc_now())
    annotation_rows.save(connection, edited, stored.anchor)
    return StoredAnnotation(edited, stored.anchor)


def set_deleted(connection: sqlite3.Connection, annotation_id: str, deleted: bool) -> Annotation:
    """Deletes (as a tombstone) or restores an annotation; returns it."""
    stored = _existing(connection, annotation_id)
    if deleted:
        changed = delete_annotation(stored.annotation, now=utc_now())
    else:
        changed = replace(stored.annotation, deleted=False, modified=utc_now())
    annotation_rows.save(connection, changed, stored.anchor)
    return changed


def reattach(
    connection: sqlite3.Connection, annotation_id: str, text: str, start: int, end: int
) -> StoredAnnotation:
    """Points an (orphaned) annotation at new text chosen by the user."""
    stored = _existing(connection, annotation_id)
    position, quote = describe(text, start, end)
    moved = replace(
        stored.annotation,
        selectors=(position, quote),
        text_sha256=hash_text(text),
        modified=utc_now(),
    )
    placed = Anchor(start, end, AnchorStatus.EXACT_POSITION, 1.0)
    annotation_rows.save(connection, moved, placed)
    return StoredAnnotation(moved, placed)


def reanchor_article(connection: sqlite3.Connection, article_id: int, text: str) -> dict[str, int]:
    """Re-anchors every annotation of an article after its text changed; counts by status.

    Anchored annotations get fresh selectors for the new text; orphans keep their old ones.
    """
    counts: dict[str, int] = {}
    stored = [s.annotation for s in annotation_rows.of_article(connection, article_id)]
    for annotation, found in reanchor_all(text, stored):
        annotation_rows.save(connection, refresh_selectors(annotation, text, found), found)
        counts[found.status.value] = counts.get(found.status.value, 0) + 1
    return counts


def anchor_imported(
    connection: sqlite3.Connection, annotation: Annotation, text: str
) -> StoredAnnotation:
    """Stores an imported annotation, anchored in the article's current text."""
    found = anchor(text, annotation.selectors, text_sha256=annotation.text_sha256)
    placed = refresh_selectors(annotation, text, found)
    annotation_rows.save(connection, placed, found)
    return StoredAnnotation(placed, found)
