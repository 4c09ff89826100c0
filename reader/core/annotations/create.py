"""Making a new annotation from a selection in an article's canonical text."""

from __future__ import annotations

import uuid
from dataclasses import replace

from reader.core.annotations.model import Annotation, hash_text
from reader.core.annotations.selectors import describe
from reader.core.timestamps import utc_now


def create_annotation(
    article_id: int,
    text: str,
    start: int,
    end: int,
    *,
    color: str,
    note: str = "",
    tags: tuple[str, ...] = (),
    now: str | None = None,
) -> Annotation:
    """Builds an annotation for ``text[start:end]`` (code-point offsets) with a new uuid4.

    Args:
        article_id: the article the selection was made in.
        text: that article's canonical text.
        start: first code point of the selection.
        end: one past the last.
        color: a palette colour id.
        note: Markdown note.
        tags: tags, kept in the given order without duplicates or blanks.
        now: the creation time (``utc_now()`` by default; pass one for reproducible tests).

    Raises:
        SelectorError: an empty or out-of-range selection.
    """
    position, quote = describe(text, start, end)
    stamp = now or utc_now()
    clean_tags = tuple(dict.fromkeys(tag.strip() for tag in tags if tag.strip()))
    return Annotation(
        id=str(uuid.uuid4()),
        article_id=article_id,
        text_sha256=hash_text(text),
        selectors=(position, quote),
        color=color,
        note=note,
        tags=clean_tags,
        created=stamp,
        modified=stamp,
    )


def edit_annotation(
    annotation: Annotation,
    *,
    color: str | None = None,
    note: str | None = None,
    tags: tuple[str, ...] | None = None,
    now: str | None = None,
) -> Annotation:
    """Returns the annotation with new colour/note/tags and a fresh ``modified`` time."""
    return replace(
        annotation,
        color=annotation.color if color is None else color,
        note=annotation.note if note is None else note,
        tags=annotation.tags if tags is None else tuple(dict.fromkeys(t for t in tags if t)),
        modified=now or utc_now(),
    )


def delete_annotation(annotation: Annotation, *, now: str | None = None) -> Annotation:
    """Returns the annotation's tombstone (kept for export and merge, hidden elsewhere)."""
    return replace(annotation, deleted=True, modified=now or utc_now())
