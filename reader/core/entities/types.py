"""The entity types shown to users, and how model labels map onto them.

Models speak in their own label sets (OntoNotes ``GPE``/``FAC``/``NORP``..., CoNLL ``PER``/``LOC``);
users see ten types. ``label_for_raw`` is the one place that mapping lives. Raw labels with no
user-facing type (``CARDINAL``, ``ORDINAL``, ``MISC``, ``PRODUCT``, ``LANGUAGE``) are dropped:
bare numbers and the CoNLL catch-all class are noise in an entity list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityType:
    """Display information for one user-facing entity type."""

    label: str
    display_name: str
    hidden_by_default: bool = False


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("PERSON", "Person"),
    EntityType("ORG", "Organisation"),
    EntityType("PLACE", "Place"),
    EntityType("GROUP", "Group"),
    EntityType("DATE", "Date"),
    EntityType("EVENT", "Event"),
    EntityType("WORK", "Work of art"),
    EntityType("LAW", "Law"),
    EntityType("MONEY", "Money", hidden_by_default=True),
    EntityType("QUANTITY", "Quantity", hidden_by_default=True),
)

ENTITY_LABELS: frozenset[str] = frozenset(entity_type.label for entity_type in ENTITY_TYPES)

_RAW_TO_LABEL: dict[str, str] = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "LOC": "PLACE",
    "GPE": "PLACE",
    "FAC": "PLACE",
    "NORP": "GROUP",
    "DATE": "DATE",
    # A time of day is a point in time: users look for it with the dates, not the amounts.
    "TIME": "DATE",
    "EVENT": "EVENT",
    "WORK_OF_ART": "WORK",
    "LAW": "LAW",
    "MONEY": "MONEY",
    "QUANTITY": "QUANTITY",
    "PERCENT": "QUANTITY",
}

# Spellings users write in watch-list files and type-change dialogs.
_LABEL_ALIASES: dict[str, str] = {
    "organization": "ORG",
    "organisation": "ORG",
    "org": "ORG",
    "company": "ORG",
    "person": "PERSON",
    "people": "PERSON",
    "per": "PERSON",
    "place": "PLACE",
    "location": "PLACE",
    "loc": "PLACE",
    "gpe": "PLACE",
    "fac": "PLACE",
    "group": "GROUP",
    "norp": "GROUP",
    "date": "DATE",
    "event": "EVENT",
    "work": "WORK",
    "work of art": "WORK",
    "work_of_art": "WORK",
    "law": "LAW",
    "money": "MONEY",
    "quantity": "QUANTITY",
}


def label_for_raw(raw_label: str) -> str | None:
    """Maps a model's label to the user-facing type, or ``None`` when it is not shown at all.

    Args:
        raw_label: A label as the model emits it ("GPE", "PER", "CARDINAL"...).

    Returns:
        One of ``ENTITY_LABELS``, or ``None``.
    """
    return _RAW_TO_LABEL.get(raw_label)


def parse_label(value: str) -> str:
    """Reads a type name as users write it ("Person", "organization", "GPE", "PLACE").

    Args:
        value: The type as written.

    Returns:
        One of ``ENTITY_LABELS``.

    Raises:
        ValueError: When the name matches no type.
    """
    cleaned = value.strip()
    if cleaned.upper() in ENTITY_LABELS:
        return cleaned.upper()
    label = _LABEL_ALIASES.get(cleaned.casefold())
    if label is None:
        raise ValueError(f"unknown entity type {value!r}")
    return label


def entity_type(label: str) -> EntityType:
    """Returns the display information of a user-facing label.

    Raises:
        KeyError: When ``label`` is not one of ``ENTITY_LABELS``.
    """
    for candidate in ENTITY_TYPES:
        if candidate.label == label:
            return candidate
    raise KeyError(label)
