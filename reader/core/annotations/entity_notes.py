"""Notes on entities (a person, a place...), kept archive-wide as one JSON setting.

An entity note belongs to the entity, not to a passage: it has no selectors and never
needs re-anchoring. The key is the entity's type and canonical name (after the user's
renames and merges), so a note follows a renamed entity only if the caller passes the new
canonical name. Notes are Markdown, like annotation notes; an empty note removes the entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from reader.core.errors import ReaderError

#: The ``archive_settings`` key holding every entity note.
ENTITY_NOTES = "entity_notes"


@dataclass(frozen=True)
class EntityNote:
    """The user's note on one entity."""

    label: str
    name: str
    note: str
    modified: str


def _key(label: str, name: str) -> str:
    return f"{label}\t{name}"


def notes_from_json(data: str | None) -> dict[str, EntityNote]:
    """Parses the stored setting (None: no notes yet).

    Raises:
        ReaderError: the setting is not the JSON ``notes_to_json`` writes.
    """
    if not data:
        return {}
    try:
        raw = json.loads(data)
        notes = [EntityNote(**item) for item in raw]
    except (json.JSONDecodeError, TypeError) as error:
        raise ReaderError(f"entity notes settings are damaged: {error}") from error
    return {_key(note.label, note.name): note for note in notes}


def notes_to_json(notes: dict[str, EntityNote]) -> str:
    """Serialises the notes, sorted by key so the setting changes only where a note did."""
    return json.dumps(
        [
            {"label": n.label, "name": n.name, "note": n.note, "modified": n.modified}
            for _key_, n in sorted(notes.items())
        ],
        ensure_ascii=False,
    )


def find_note(notes: dict[str, EntityNote], label: str, name: str) -> EntityNote | None:
    """The note on this entity, if there is one."""
    return notes.get(_key(label, name))


def with_note(
    notes: dict[str, EntityNote], label: str, name: str, note: str, *, now: str
) -> dict[str, EntityNote]:
    """Returns the notes with this entity's note set (or removed, when ``note`` is blank)."""
    changed = dict(notes)
    if note.strip():
        changed[_key(label, name)] = EntityNote(label, name, note, now)
    else:
        changed.pop(_key(label, name), None)
    return changed
