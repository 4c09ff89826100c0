"""Pure merge and sort functions for annotations (no storage, no clock).

Merging follows "last writer wins" per annotation id, with tombstones as ordinary versions:
a deletion newer than an edit wins, an edit newer than a deletion resurrects. Timestamps are
ISO 8601 UTC strings of one format, so they compare as strings; on a tie the local copy
stays, so merging twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.annotations.model import Anchor, Annotation


def merge(local: Iterable[Annotation], incoming: Iterable[Annotation]) -> list[Annotation]:
    """Merges two sets of annotations by id; newer ``modified`` wins, ties keep local.

    Args:
        local: the archive's annotations (tombstones included).
        incoming: annotations from an import or another device.

    Returns:
        One annotation per id: local ones in their order, then new ones in theirs.
    """
    merged: dict[str, Annotation] = {}
    for annotation in local:
        merged[annotation.id] = annotation
    for annotation in incoming:
        current = merged.get(annotation.id)
        if current is None or annotation.modified > current.modified:
            merged[annotation.id] = annotation
    return list(merged.values())


def sort_by_position(pairs: Iterable[tuple[Annotation, Anchor]]) -> list[tuple[Annotation, Anchor]]:
    """Orders anchored annotations by where they start (then end, then creation); orphans
    last, oldest first, so a list never hides them among placed ones."""
    return sorted(
        pairs,
        key=lambda pair: (
            pair[1].is_orphan,
            pair[1].start,
            pair[1].end,
            pair[0].created,
            pair[0].id,
        ),
    )


def sort_by_created(annotations: Iterable[Annotation]) -> list[Annotation]:
    """Orders annotations oldest first (ties by id, so the order is stable everywhere)."""
    return sorted(annotations, key=lambda annotation: (annotation.created, annotation.id))


def live(annotations: Iterable[Annotation]) -> list[Annotation]:
    """The annotations that are not tombstones."""
    return [annotation for annotation in annotations if not annotation.deleted]
