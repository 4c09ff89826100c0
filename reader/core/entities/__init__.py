"""Named-entity recognition on clean article text, and the user's corrections to it.

Parts: ``types`` (the ten user-facing types), ``recognizer`` (model + post-rules + gazetteer),
``rules`` (span-edge and designator rules), ``gazetteer`` (curated name lists), ``corrections``
and ``watchlist`` (user data, pure functions), ``phrases`` and ``surface`` (name matching and
keys), ``loading`` (offline model loading), ``corpora`` and ``scoring`` (evaluation helpers).

Importing this package is cheap: spaCy and the model load on the first recognition.
"""

from __future__ import annotations

from reader.core.entities.corrections import (
    Corrections,
    WatchEntry,
    apply_corrections,
    canonical_name,
    entity_key,
)
from reader.core.entities.loading import EntityModelMissing
from reader.core.entities.recognizer import RECOGNIZER_VERSION, Recognizer, get_recognizer
from reader.core.entities.surface import normalise_surface
from reader.core.entities.types import (
    ENTITY_LABELS,
    ENTITY_TYPES,
    EntityType,
    entity_type,
    label_for_raw,
    parse_label,
)
from reader.core.entities.watchlist import WatchListResult, parse_watch_list

__all__ = [
    "ENTITY_LABELS",
    "ENTITY_TYPES",
    "RECOGNIZER_VERSION",
    "Corrections",
    "EntityModelMissing",
    "EntityType",
    "Recognizer",
    "WatchEntry",
    "WatchListResult",
    "apply_corrections",
    "canonical_name",
    "entity_key",
    "entity_type",
    "get_recognizer",
    "label_for_raw",
    "normalise_surface",
    "parse_label",
    "parse_watch_list",
]
