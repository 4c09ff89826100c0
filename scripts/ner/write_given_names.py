"""Writes ``resources/entities/given-names.txt``: given names used by the person-name rule.

Usage::

    .venv/bin/python scripts/ner/write_given_names.py

The names are Faker's given-name lists (MIT, Copyright (c) 2012 Daniele Faraglia) for the
Latin-script locales that ``augment.py`` uses, so English, European, Turkish, Vietnamese,
Indonesian, Nigerian... names are all covered. Faker is needed only to run this script.

Left out: names that are also the first word of a listed place ("Jordan", "Georgia", "Paris",
"Sydney", from ``resources/entities/gazetteer/places-*``), and ``AMBIGUOUS`` below: given
names that are also common capitalised words at the start of organisation or place names.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from augment import PERSON_LOCALES, REPO, ROMANISED_LOCALES, _is_latin, place_names  # noqa: E402

OUTPUT = REPO / "resources" / "entities" / "given-names.txt"
AMBIGUOUS = frozenset(
    """Crystal Royal Liberty Independence Unity Victory Grace Hope Faith Justice Star Sun
    Ocean River Summit Sky Golden Silver Amber Ruby Pearl Jade Diamond China Asia Africa
    America Europe Holland Wales England Ireland Scotland German French British Christian
    Catholic Baptist Saint Santa San Fort Mount Lake Cape Port Union Mercy Trinity Angel
    Major General Bishop King Prince Duke Earl Marshal Sterling Morgan Palace Villa
    Ford Lincoln Washington Jackson Madison Harrison Wilson""".split()  # noqa: SIM905
)


def given_names() -> list[str]:
    """Faker's given names (Latin script, one word), minus place words and ``AMBIGUOUS``."""
    from faker import Faker

    places = {name.split()[0] for name in place_names()}
    names: set[str] = set()
    for locale in PERSON_LOCALES:
        if locale in ROMANISED_LOCALES:
            continue  # their lists are in Chinese or Japanese script
        provider = Faker(locale).provider("faker.providers.person")
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            values = getattr(provider, attribute, None) or ()
            for name in values:  # a tuple, or a dict of name -> frequency
                if " " not in name and name[:1].isupper() and _is_latin(name) and len(name) > 2:
                    names.add(name)
    return sorted(names - places - AMBIGUOUS)


def main() -> int:
    names = given_names()
    header = [
        "# Given names for the person-name rule (reader/core/entities/given_names.py).",
        "# Written by scripts/ner/write_given_names.py from Faker's person lists",
        "# (MIT licence, Copyright (c) 2012 Daniele Faraglia); one name per line.",
    ]
    OUTPUT.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
