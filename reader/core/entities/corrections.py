"""User corrections to entity recognition, as plain data and pure functions.

A ``Corrections`` value holds everything the user told the archive about entities:

* ``aliases``: normalised surface -> canonical name. Renaming "Nato" to "NATO" and merging "U.S."
  and "United States" are both aliases (the canonical name maps to itself implicitly).
* ``type_overrides``: normalised canonical name -> user-facing label.
* ``rejected``: ``(normalised surface, label)`` pairs that are not entities; an empty label
  rejects the surface whatever its type.
* ``watch_list``: names the user wants found even when the model misses them.

Corrections are archive-wide and keyed by normalised text, never by offsets, so they survive
re-extraction, re-import and a new recognizer version. They serialise to JSON
(``to_json``/``from_json``) for storage and export. Every "edit" returns a new value: never
mutate the mappings of a shared ``Corrections``.

The archive-wide identity of an entity is ``entity_key(span, corrections)``: the normalised
canonical name plus the (possibly overridden) label.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from reader.core.entities.phrases import PhraseMatcher
from reader.core.entities.spanindex import SpanIndex
from reader.core.entities.surface import display_surface, normalise_surface
from reader.core.entities.types import ENTITY_LABELS, parse_label
from reader.core.model import EntitySpan

FORMAT_VERSION = 1
WATCH_RAW_LABEL = "WATCHLIST"


@dataclass(frozen=True)
class WatchEntry:
    """A name the user wants found, with its type and other spellings."""

    name: str
    label: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Corrections:
    """The archive's entity corrections (immutable; edits return a new value)."""

    aliases: Mapping[str, str] = field(default_factory=dict)
    type_overrides: Mapping[str, str] = field(default_factory=dict)
    rejected: frozenset[tuple[str, str]] = frozenset()
    watch_list: tuple[WatchEntry, ...] = ()

    # -- edits ---------------------------------------------------------------------------

    def rename(self, surface: str, canonical: str) -> Corrections:
        """Shows ``surface`` (and every mention already merged with it) as ``canonical``."""
        old = self.canonical_for(surface)
        aliases = {
            key: (canonical if value == old else value) for key, value in self.aliases.items()
        }
        aliases[normalise_surface(surface)] = canonical
        aliases[normalise_surface(old)] = canonical
        overrides = dict(self.type_overrides)
        if normalise_surface(old) in overrides and normalise_surface(old) != normalise_surface(
            canonical
        ):
            overrides[normalise_surface(canonical)] = overrides.pop(normalise_surface(old))
        return replace(self, aliases=aliases, type_overrides=overrides)

    def merge(self, names: Iterable[str], canonical: str) -> Corrections:
        """Makes every name in ``names`` an alias of ``canonical`` ("U.S." = "US" = ...)."""
        result = self
        for name in (*names, canonical):
            result = result.rename(name, canonical)
        return result

    def set_type(self, name: str, label: str) -> Corrections:
        """Gives the entity ``name`` (any of its aliases) the type ``label``."""
        label = parse_label(label)
        overrides = dict(self.type_overrides)
        overrides[normalise_surface(self.canonical_for(name))] = label
        return replace(self, type_overrides=overrides)

    def reject(self, surface: str, label: str | None = None) -> Corrections:
        """Marks ``surface`` as not an entity (only with ``label`` when given), archive-wide."""
        key = (normalise_surface(surface), parse_label(label) if label else "")
        return replace(self, rejected=self.rejected | {key})

    def unreject(self, surface: str, label: str | None = None) -> Corrections:
        """Undoes ``reject`` for the same arguments."""
        key = (normalise_surface(surface), parse_label(label) if label else "")
        return replace(self, rejected=self.rejected - {key})

    def watch(self, entries: Iterable[WatchEntry]) -> Corrections:
        """Adds watch-list entries; an entry with an already listed name replaces it."""
        merged = {normalise_surface(entry.name): entry for entry in self.watch_list}
        for entry in entries:
            merged[normalise_surface(entry.name)] = entry
        return replace(self, watch_list=tuple(merged.values()))

    # -- lookups -------------------------------------------------------------------------

    def canonical_for(self, surface: str) -> str:
        """The canonical name for a written name (the cleaned name itself when unaliased)."""
        return self.aliases.get(normalise_surface(surface)) or display_surface(surface)

    def is_rejected(self, surface: str, label: str) -> bool:
        key = normalise_surface(surface)
        return (key, "") in self.rejected or (key, label) in self.rejected

    @cached_property
    def _watch_matcher(self) -> PhraseMatcher:
        return PhraseMatcher(name for entry in self.watch_list for name in entry.spellings)

    @cached_property
    def _watch_labels(self) -> Mapping[str, tuple[str, str]]:
        labels: dict[str, tuple[str, str]] = {}
        for entry in self.watch_list:
            for spelling in entry.spellings:
                labels[normalise_surface(spelling)] = (entry.name, entry.label)
        return labels

    # -- serialisation -------------------------------------------------------------------

    def to_json(self) -> str:
        """Serialises to a stable, human-readable JSON document (sorted keys)."""
        data: dict[str, Any] = {
            "format": "archival-reader-entity-corrections",
            "version": FORMAT_VERSION,
            "aliases": dict(sorted(self.aliases.items())),
            "type_overrides": dict(sorted(self.type_overrides.items())),
            "rejected": [
                {"surface": surface, "label": label or None}
                for surface, label in sorted(self.rejected)
            ],
            "watch_list": [
                {"name": entry.name, "label": entry.label, "aliases": list(entry.aliases)}
                for entry in self.watch_list
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, document: str) -> Corrections:
        """Reads what ``to_json`` wrote.

        Raises:
            ValueError: When the document is not a corrections file or has bad values.
        """
        try:
            data = json.loads(document)
        except json.JSONDecodeError as error:
            raise ValueError(f"not a JSON document: {error}") from None
        if not isinstance(data, dict) or data.get("format") != (
            "archival-reader-entity-corrections"
        ):
            raise ValueError("not an entity corrections file")
        if int(data.get("version", 0)) > FORMAT_VERSION:
            raise ValueError("corrections file written by a newer version")
        aliases = {
            normalise_surface(str(key)): str(value)
            for key, value in dict(data.get("aliases", {})).items()
        }
        overrides = {
            normalise_surface(str(key)): parse_label(str(value))
            for key, value in dict(data.get("type_overrides", {})).items()
        }
        rejected = frozenset(
            (
                normalise_surface(str(item["surface"])),
                parse_label(str(item["label"])) if item.get("label") else "",
            )
            for item in data.get("rejected", [])
        )
        watch = tuple(
            WatchEntry(
                str(item["name"]),
                parse_label(str(item["label"])),
                tuple(str(alias) for alias in item.get("aliases", [])),
            )
            for item in data.get("watch_list", [])
        )
        return cls(aliases, overrides, rejected, watch)


def canonical_name(span: EntitySpan, corrections: Corrections) -> str:
    """The name under which a mention is listed archive-wide ("U.S." -> "United States").

    Args:
        span: A recognised mention.
        corrections: The archive's corrections.

    Returns:
        The user's canonical name when the surface is aliased or on the watch list, else the
        surface without "the", quotes or possessive.
    """
    canonical = corrections.aliases.get(normalise_surface(span.text))
    if canonical:
        return canonical
    watched = corrections._watch_labels.get(normalise_surface(span.text))
    if watched:
        return corrections.aliases.get(normalise_surface(watched[0])) or watched[0]
    return display_surface(span.text)


def entity_key(span: EntitySpan, corrections: Corrections) -> tuple[str, str]:
    """The archive-wide identity of a mention: ``(normalised canonical name, label)``."""
    return normalise_surface(canonical_name(span, corrections)), span.label


def apply_corrections(
    text: str, spans: Sequence[EntitySpan], corrections: Corrections
) -> list[EntitySpan]:
    """Applies the user's corrections to recognised spans.

    Order: watch-list names found in ``text`` replace any span they overlap; then type
    overrides (by canonical name); then rejected surfaces are removed. Span text and offsets
    are never changed by renames: the canonical name is for lists and keys
    (``canonical_name``).

    Args:
        text: The text the spans point into.
        spans: Recognised spans.
        corrections: The archive's corrections.

    Returns:
        Sorted, non-overlapping spans.
    """
    result = list(spans)
    watched = corrections._watch_matcher.find(text) if corrections.watch_list else []
    if watched:
        watched_index = SpanIndex(watched)
        kept = [span for span in result if not watched_index.overlapping(span.start, span.end)]
        for match in watched:
            _, label = corrections._watch_labels.get(match.key, ("", ""))
            if label:
                kept.append(EntitySpan(match.start, match.end, label, match.text, WATCH_RAW_LABEL))
        result = kept
    corrected: list[EntitySpan] = []
    for span in result:
        label = corrections.type_overrides.get(
            normalise_surface(canonical_name(span, corrections)), span.label
        )
        if label not in ENTITY_LABELS:
            label = span.label
        # Rejecting a name rejects its aliases too ("U.S." when "United States" is rejected).
        if corrections.is_rejected(span.text, label) or corrections.is_rejected(
            canonical_name(span, corrections), label
        ):
            continue
        corrected.append(span if label == span.label else replace(span, label=label))
    return sorted(corrected, key=lambda span: (span.start, span.end))
