"""The archive-wide entity table and the user's corrections, stored as archive settings.

Mentions are stored as recognised; corrections (renames, merges, types, false positives,
watch lists) are applied when they are read, so every correction is reversible and applies
to the whole archive at once, including articles imported later.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from reader.core.entities import Corrections, canonical_name, normalise_surface
from reader.core.model import EntitySpan
from reader.core.store import entities as mention_rows
from reader.core.store.settings import ENTITY_CORRECTIONS, get_setting, set_setting


@dataclass(frozen=True)
class EntitySummary:
    """One entity across the archive.

    ``article_count`` is exact for spellings that normalise alike ("Qala-e-Naw", "Qala-e Naw");
    for names the user merged, it sums over them, so an article that uses two merged names
    counts once per name (an upper bound).
    """

    name: str
    label: str
    aliases: tuple[str, ...]
    article_count: int
    mention_count: int
    first_seen: str | None
    last_seen: str | None


def load_corrections(connection: sqlite3.Connection) -> Corrections:
    stored = get_setting(connection, ENTITY_CORRECTIONS)
    return Corrections.from_json(stored) if stored else Corrections()


def save_corrections(connection: sqlite3.Connection, corrections: Corrections) -> None:
    set_setting(connection, ENTITY_CORRECTIONS, corrections.to_json())


def _corrected(label: str, text: str, corrections: Corrections) -> tuple[str, str] | None:
    """(canonical name, label) of a stored mention after corrections; None if rejected."""
    span = EntitySpan(0, len(text), label, text)
    name = canonical_name(span, corrections)
    corrected_label = corrections.type_overrides.get(normalise_surface(name), label)
    if corrections.is_rejected(text, corrected_label):
        return None
    return name, corrected_label


@dataclass
class _Tally:
    name: str
    spellings: set[str] = field(default_factory=set)
    articles: int = 0
    mentions: int = 0
    first: str | None = None
    last: str | None = None

    def add(
        self,
        spellings: tuple[str, ...],
        articles: int,
        mentions: int,
        first: str | None,
        last: str | None,
    ) -> None:
        self.spellings.update(spellings)
        self.articles += articles
        self.mentions += mentions
        if first and (self.first is None or first < self.first):
            self.first = first
        if last and (self.last is None or last > self.last):
            self.last = last


def entity_table(
    connection: sqlite3.Connection, corrections: Corrections, label: str | None = None
) -> list[EntitySummary]:
    """Every entity with its counts, those in most articles first."""
    tallies: dict[tuple[str, str], _Tally] = {}
    groups = mention_rows.mention_groups(connection)
    for raw_label, text, spellings, articles, mentions, first, last in groups:
        corrected = _corrected(raw_label, text, corrections)
        if corrected is None or (label and corrected[1] != label):
            continue
        name, entity_label = corrected
        tally = tallies.setdefault((normalise_surface(name), entity_label), _Tally(name))
        tally.add(spellings, articles, mentions, first, last)
    summaries = [
        EntitySummary(
            name=tally.name,
            label=entity_label,
            aliases=tuple(sorted(tally.spellings - {tally.name})),
            article_count=tally.articles,
            mention_count=tally.mentions,
            first_seen=tally.first,
            last_seen=tally.last,
        )
        for (_, entity_label), tally in tallies.items()
    ]
    summaries.sort(key=lambda s: (-s.article_count, -s.mention_count, s.name.lower()))
    return summaries


def articles_for_entity(
    connection: sqlite3.Connection, corrections: Corrections, name: str, label: str
) -> list[int]:
    """Articles mentioning the entity under any of its spellings, newest first."""
    wanted = (normalise_surface(corrections.canonical_for(name)), label)
    pairs = []
    for raw_label, text, *_ in mention_rows.mention_groups(connection):
        corrected = _corrected(raw_label, text, corrections)
        if corrected and (normalise_surface(corrected[0]), corrected[1]) == wanted:
            pairs.append((raw_label, normalise_surface(text)))
    return mention_rows.articles_with_mentions(connection, pairs)
