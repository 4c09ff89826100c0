"""The person-name rule: "<given name> <Surname>" is a person, whatever type the model gave it.

A news model trained on 1996 text types unfamiliar full names by their spelling: "Federico
Fellini" or "Rocco Catalano" come out as organisations, "Brice Hortefeux" as a place. A span of
two or three capitalised words whose first word is a given name is almost always a person;
the exceptions are organisation and place names that start with a given name ("Crystal Palace",
"Alice Springs", "Morgan Stanley"), kept out by

* a list of head words that make a name an organisation or a place ("Springs", "Palace",
  "Bank", "University"...): a span containing one is left alone;
* the given-name list itself, which leaves out names that are also the first word of a listed
  place ("Jordan", "Georgia", "Sydney") and a few common name-starting words ("Crystal",
  "Morgan"; see ``scripts/ner/write_given_names.py``);
* the gazetteer, which runs afterwards and whose forced entries (companies, agencies) win over
  ``PERSON``.

Only spans the model found are relabelled (never list or watch-list names), and only from
``ORG`` or ``PLACE``. The list is ``resources/entities/given-names.txt`` (from Faker, MIT).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from reader.core.model import EntitySpan

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parents[3] / "resources" / "entities"
GIVEN_NAMES_FILE = RESOURCES / "given-names.txt"
_RELABELLED = frozenset({"ORG", "PLACE"})
_MODEL_LABELS = frozenset({"ORG", "LOC", "GPE", "FAC"})  # raw labels of the model's spans
# Words that make a name an organisation or a place even after a given name.
_HEAD_WORDS = frozenset(
    """inc ltd llc corp co plc ag sa gmbh group bank party ministry university college
    institute council committee agency association union company corporation foundation
    fund forces army police court office department school hospital airlines airways
    network news media times post herald journal tribune daily weekly radio tv television
    street road avenue square springs falls island islands county city town tower centre
    center hall park bridge station hotel palace villa castle abbey cathedral church
    stadium arena airport port bay beach river valley mountain mountains hill hills tech
    brands energy capital partners holdings motors studios records pictures games labs
    systems club united fc athletic rovers wanderers foods pharmaceuticals industries
    international global museum gallery library prize award awards cup open festival
    foundation trust fire rescue navy""".split()  # noqa: SIM905 - a word list
)


@lru_cache(maxsize=4)
def read_given_names(path: Path = GIVEN_NAMES_FILE) -> frozenset[str]:
    """Reads the given-name list (one name per line, ``#`` comments); missing: empty."""
    if not path.is_file():
        log.warning("given-name list %s not found; the person-name rule is off", path)
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _is_personal_name(words: Sequence[str], given_names: frozenset[str]) -> bool:
    return (
        2 <= len(words) <= 3
        and words[0] in given_names
        and all(word[:1].isupper() for word in words)
        and not any(word.strip(".,").casefold() in _HEAD_WORDS for word in words)
    )


def apply_given_names(
    spans: Sequence[EntitySpan], given_names: frozenset[str]
) -> tuple[list[EntitySpan], bool]:
    """Relabels the model's ORG/PLACE spans that read "<given name> <Surname>" as PERSON.

    Args:
        spans: Spans with user-facing labels (after the post-rules).
        given_names: From ``read_given_names``.

    Returns:
        The spans, and whether any changed (callers re-harmonise lone surnames then).
    """
    result: list[EntitySpan] = []
    changed = False
    for span in spans:
        if (
            span.label in _RELABELLED
            and span.raw_label in _MODEL_LABELS
            and _is_personal_name(span.text.split(), given_names)
        ):
            span = replace(span, label="PERSON")
            changed = True
        result.append(span)
    return result, changed
