"""Entity substitution for NER training documents: new names in the same sentences.

A model trained on 1996 Reuters memorises its names (Yeltsin, Arafat, the football clubs of the
day) and then types unfamiliar ones by their spelling rather than their context: on recent
news it calls "Federico Fellini" an organisation and "Tarlo" a place. Copies of the training
documents whose person and place names are swapped for other plausible ones make the context
("said", "Mr", "in", "the mayor of") carry the label instead.

* People: names from Faker's person lists in many Latin-script locales (MIT), so the model
  meets Turkish, Vietnamese, Nigerian, Polish... names, not only English ones. The swap is
  consistent inside a document: "Boris Yeltsin" -> "Emre Aydin" also turns a later "Yeltsin"
  into "Aydin", as news repeats a surname after the full name.
* Places: names from the project's own gazetteer (``resources/entities/gazetteer/places-*``),
  also consistent inside a document.
* Organisations are left alone by default: their names carry their type in their words
  ("Bank", "United", "Party"). ``org_rate`` replaces that share of them with names from the
  gazetteer's organisation lists (agencies, companies, media), for one-word company names.
* MISC and the silver types are never replaced.

Only training documents are augmented; the originals are kept too. Everything is seeded.
"""

from __future__ import annotations

import random
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.core.entities.corpora import GoldDocument, GoldEntity  # noqa: E402

GAZETTEER = REPO / "resources" / "entities" / "gazetteer"
# Latin-script locales only: article text is English, and names in other scripts are
# transliterated in it. zh_CN and ja_JP give romanised names through ``romanized_name``.
PERSON_LOCALES = (
    "en_US",
    "en_GB",
    "en_AU",
    "en_CA",
    "en_IE",
    "en_IN",
    "en_NG",
    "en_PH",
    "de_DE",
    "fr_FR",
    "es_ES",
    "es_MX",
    "it_IT",
    "pt_BR",
    "pt_PT",
    "nl_NL",
    "pl_PL",
    "cs_CZ",
    "hu_HU",
    "ro_RO",
    "sv_SE",
    "da_DK",
    "fi_FI",
    "no_NO",
    "tr_TR",
    "az_AZ",
    "id_ID",
    "vi_VN",
    "yo_NG",
    "sw",
    "hr_HR",
    "sk_SK",
    "lt_LT",
    "et_EE",
    "zu_ZA",
    "tw_GH",
    "zh_CN",
    "ja_JP",
)
ROMANISED_LOCALES = frozenset({"zh_CN", "ja_JP"})
NAMES_PER_LOCALE = 150


def _is_latin(name: str) -> bool:
    return all(
        not character.isalpha() or "LATIN" in unicodedata.name(character, "") for character in name
    )


def person_names(seed: int) -> list[tuple[str, str]]:
    """Returns ``(given, family)`` pairs from Faker's person lists (Latin script only)."""
    from faker import Faker  # a build-time dependency of this script only

    names: list[tuple[str, str]] = []
    for number, locale in enumerate(PERSON_LOCALES):
        fake = Faker(locale)
        fake.seed_instance(seed + number)
        for _ in range(NAMES_PER_LOCALE):
            if locale in ROMANISED_LOCALES:
                given, _, family = fake.romanized_name().partition(" ")
            else:
                given, family = fake.first_name(), fake.last_name()
            if given and family and " " not in family and _is_latin(given + family):
                names.append((given, family))
    return names


def place_names(pattern: str = "places-*.tsv") -> list[str]:
    """Returns the gazetteer's place names (one spelling per line, comments skipped)."""
    names: list[str] = []
    for path in sorted(GAZETTEER.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                names.append(line.split("\t", 1)[0])
    return names


class Substituter:
    """Makes copies of documents with their PER and LOC names replaced."""

    def __init__(self, seed: int, place_rate: float = 0.5, org_rate: float = 0.0) -> None:
        self._random = random.Random(seed)
        self._people = person_names(seed)
        self._places = place_names()
        self._organisations = place_names("orgs-*.tsv")
        self._place_rate = place_rate
        self._org_rate = org_rate

    def _new_person(self, tokens: Sequence[str], mapping: dict[str, str]) -> str:
        if len(tokens) == 1:
            # A lone surname repeats an earlier full name's, or stands on its own.
            return mapping.get(tokens[0]) or self._random.choice(self._people)[1]
        given, family = self._random.choice(self._people)
        mapping.setdefault(tokens[-1], family)
        return f"{given} {family}"

    def substitute(self, document: GoldDocument, suffix: str = "-sub") -> GoldDocument:
        """Returns a copy of ``document`` with new person and place names, offsets shifted."""
        replacements: dict[str, str] = {}  # old surface -> new, for this document
        surnames: dict[str, str] = {}  # old surname -> new surname
        pieces: list[str] = []
        entities: list[GoldEntity] = []
        position = 0
        shift = 0
        for entity in sorted(document.entities, key=lambda entity: entity.start):
            if entity.start < position:  # overlapping spans are not expected; keep as is
                continue
            surface = document.text[entity.start : entity.end]
            new = replacements.get(surface)
            if new is None and entity.label == "PER":
                new = self._new_person(surface.split(), surnames)
            elif new is None and entity.label == "LOC" and self._random.random() < self._place_rate:
                new = self._random.choice(self._places)
            elif new is None and entity.label == "ORG" and self._random.random() < self._org_rate:
                new = self._random.choice(self._organisations)
            if new is None:
                new = surface
            elif surface.isupper() and not new.isupper():
                new = new.upper()  # datelines and headlines are in capitals
            replacements[surface] = new
            pieces.append(document.text[position : entity.start])
            start = entity.start + shift
            pieces.append(new)
            shift += len(new) - len(surface)
            entities.append(GoldEntity(start, start + len(new), entity.label))
            position = entity.end
        pieces.append(document.text[position:])
        return GoldDocument(document.doc_id + suffix, "".join(pieces), tuple(entities))
