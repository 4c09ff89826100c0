"""Splitting author strings into family and given names, and telling people from bodies.

Extracted bylines hold people ("Kathy Gannon", "Smith, John", "Ludwig van Beethoven"),
organisations ("Reuters", "DW staff", "The Associated Press") and noise. Citation formats
want people split (family/given) but organisations kept whole: splitting "Associated Press"
into family "Press", given "Associated" is the classic reference-manager bug. When unsure,
a name is kept literal, which every format and importer handles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "du",
    "la",
    "le",
    "dos",
    "das",
    "ter",
    "ten",
    "bin",
    "ibn",
    "al",
    "el",
    "st.",
}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_ORGANISATION_WORDS = {
    "agency",
    "associated",
    "afp",
    "ap",
    "bureau",
    "board",
    "committee",
    "company",
    "corp",
    "corporation",
    "council",
    "department",
    "desk",
    "editorial",
    "editors",
    "foundation",
    "group",
    "inc",
    "inc.",
    "institute",
    "ltd",
    "ltd.",
    "media",
    "ministry",
    "news",
    "newsroom",
    "office",
    "press",
    "reporters",
    "reuters",
    "service",
    "staff",
    "team",
    "times",
    "university",
    "writers",
    "dpa",
    "kna",
    "epd",
}


@dataclass(frozen=True)
class PersonName:
    """A parsed author: ``literal`` is set for organisations and unparseable names."""

    family: str = ""
    given: str = ""
    suffix: str = ""
    literal: str = ""

    @property
    def is_literal(self) -> bool:
        return bool(self.literal)

    def display(self) -> str:
        """The name as "Family, Given" (or the literal)."""
        if self.literal:
            return self.literal
        name = f"{self.family}, {self.given}" if self.given else self.family
        return f"{name}, {self.suffix}" if self.suffix else name


def parse_name(raw: str) -> PersonName:
    """Parses one author string.

    Args:
        raw: a byline entry such as "Kathy Gannon", "Gannon, Kathy" or "Reuters".

    Returns:
        A split name for a person, a literal for organisations and anything doubtful.
    """
    name = re.sub(r"\s+", " ", raw).strip().strip(",;")
    name = re.sub(r"^(by|von|par|por)\s+", "", name, flags=re.IGNORECASE)
    if not name:
        return PersonName(literal=raw.strip())
    words = name.replace(",", " ").split()
    lowered = {word.lower().strip(".,") for word in words}
    if (
        lowered & _ORGANISATION_WORDS
        or any(char.isdigit() for char in name)
        or "@" in name
        or len(words) == 1
        or len(words) > 5
        or name.isupper()
    ):
        return PersonName(literal=name)
    if "," in name:
        family, _, rest = name.partition(",")
        given, _, suffix = rest.strip().partition(",")
        if not family.strip() or not given.strip():
            return PersonName(literal=name)
        return PersonName(family.strip(), given.strip(), suffix.strip())
    suffix = ""
    if words[-1].lower() in _SUFFIXES:
        suffix = words.pop()
    # The family name starts at the first lowercase particle after the first word
    # ("Ludwig van Beethoven"), else it is the last word.
    family_start = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].lower() in _PARTICLES:
            family_start = index
            break
    return PersonName(" ".join(words[family_start:]), " ".join(words[:family_start]), suffix)
