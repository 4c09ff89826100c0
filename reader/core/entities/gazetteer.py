"""Curated name lists (countries, capitals, provinces, agencies, international bodies).

The lists live in ``resources/entities/gazetteer/*.tsv`` as ``name<TAB>TYPE[<TAB>force]`` lines
(``#`` comments allowed), where TYPE is a user-facing label. They are general reference lists
written by ``scripts/ner/write_gazetteer.py``, not names picked from test articles.

How they combine with the model (``apply_gazetteer``): a listed name the model missed is added
(unless the model saw another kind of name there, such as the "U.S." of "U.S. Open");
where the model found exactly a listed name but gave it another type, the list's type wins,
except over ``PERSON`` (a listed place that is also a surname, "Jordan", "Chad", stays with the
model, which sees the context) unless the entry is marked ``force`` (places that are not
personal names, "Chechnya"; agencies and companies, "Reuters", "Uber"), and a place list never
turns an ``ORG`` into a place (sports teams and governments are named after places: "Chicago
beat Boston").
A listed name that contains model spans replaces them ("USA" + "Today" -> "USA Today"); a model
span that extends beyond a listed name is kept: it is usually a longer name ("Kabul
University", "U.S. Open").
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.entities.phrases import PhraseMatch, PhraseMatcher
from reader.core.entities.spanindex import SpanIndex
from reader.core.entities.surface import normalise_surface
from reader.core.entities.types import parse_label
from reader.core.model import EntitySpan

log = logging.getLogger(__name__)

GAZETTEER_DIR = Path(__file__).resolve().parents[3] / "resources" / "entities" / "gazetteer"
GAZETTEER_RAW_LABEL = "GAZETTEER"


@dataclass(frozen=True)
class Gazetteer:
    """Normalised name -> label, with a matcher over every listed spelling."""

    labels: Mapping[str, str]
    matcher: PhraseMatcher
    forced: frozenset[str] = frozenset()  # keys whose label wins over the model's PERSON

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, str] | tuple[str, str, bool]]) -> Gazetteer:
        """Builds a gazetteer from ``(name, label[, force])``; a later entry wins for one name."""
        labels: dict[str, str] = {}
        forced: set[str] = set()
        names: list[str] = []
        for entry in entries:
            name, label = entry[0], entry[1]
            key = normalise_surface(name)
            if key:
                labels[key] = label
                names.append(name)
                if len(entry) > 2 and entry[2]:
                    forced.add(key)
                else:
                    forced.discard(key)
        return cls(labels, PhraseMatcher(names), frozenset(forced))


def read_gazetteer(folder: Path = GAZETTEER_DIR) -> Gazetteer:
    """Reads every ``*.tsv`` list in ``folder``; a missing folder gives an empty gazetteer.

    Args:
        folder: The folder of lists.

    Raises:
        ValueError: On a line with an unknown type (a broken resource file is a bug).
    """
    entries: list[tuple[str, str, bool]] = []
    if not folder.is_dir():
        log.warning("gazetteer folder %s not found; recognising without it", folder)
        return Gazetteer.from_entries(())
    for path in sorted(folder.glob("*.tsv")):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            name, label, flag = ([*line.split("\t"), "", ""])[:3]
            try:
                entries.append(
                    (name.strip(), parse_label(label or "PLACE"), flag.strip() == "force")
                )
            except ValueError as error:
                raise ValueError(f"{path.name}:{number}: {error}") from None
    return Gazetteer.from_entries(entries)


def _may_relabel(model_label: str, list_label: str, forced: bool) -> bool:
    if list_label == "PLACE" and model_label == "ORG":
        return False
    return model_label != "PERSON" or forced


def _without_sentence_stop(match: PhraseMatch) -> PhraseMatch:
    """Drops a final full stop from a match written without inner stops ("in the US."):
    the listed "U.S." matches with optional stops, but "US" ends before the sentence's."""
    if match.text.endswith(".") and "." not in match.text[:-1]:
        return replace(match, end=match.end - 1, text=match.text[:-1])
    return match


def apply_gazetteer(
    text: str, spans: Sequence[EntitySpan], gazetteer: Gazetteer
) -> list[EntitySpan]:
    """Adds listed names the model missed and fixes the type of exact matches.

    Args:
        text: The text the spans point into.
        spans: Sorted, non-overlapping spans.
        gazetteer: The lists.

    Returns:
        Sorted, non-overlapping spans.
    """
    index = SpanIndex(spans)
    by_extent = {(span.start, span.end): span for span in spans}
    relabelled: dict[tuple[int, int], EntitySpan] = {}
    removed: set[tuple[int, int]] = set()
    added: list[EntitySpan] = []
    # List matches never overlap each other, so each is checked against the model's spans only.
    for found in gazetteer.matcher.find(text):
        label = gazetteer.labels.get(found.key)
        if label is None:
            continue
        match = _without_sentence_stop(found)
        current = by_extent.get((match.start, match.end))
        if current is not None:
            if current.label != label and _may_relabel(
                current.label, label, match.key in gazetteer.forced
            ):
                relabelled[(current.start, current.end)] = replace(current, label=label)
            continue
        touching = index.overlapping(match.start, match.end)
        # A listed name that contains the model's pieces replaces them ("USA" + "Today" ->
        # "USA Today", "England" -> "Bank of England"); one that cuts across a model span
        # does not ("U.S." in "U.S. Open").
        if any(span.start < match.start or span.end > match.end for span in touching):
            continue
        removed.update((span.start, span.end) for span in touching)
        added.append(EntitySpan(match.start, match.end, label, match.text, GAZETTEER_RAW_LABEL))
    result = [
        relabelled.get((span.start, span.end), span)
        for span in spans
        if (span.start, span.end) not in removed
    ]
    result.extend(added)
    return sorted(result, key=lambda span: (span.start, span.end))
