"""The matcher's word lookup finds exactly what the regex that defines the matches finds."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from reader.core.entities import phrases
from reader.core.entities.gazetteer import GAZETTEER_DIR, read_gazetteer
from reader.core.entities.phrases import PhraseMatcher
from reader.core.extract.pipeline import extract_page
from reader.core.model import SavedPage

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"

TRICKY_NAMES = [
    "U.S.",
    "U.S",
    "US",
    "St. Louis",
    "Washington D.C.",
    "J.K. Rowling",
    "Côte d'Ivoire",
    "Qala-e-Naw",
    "Guinea",
    "Guinea-Bissau",
    "New York",
    "New York City",
    "York",
    "AP",
    "Ap",
    "dpa",
    "Bath",
    "Zürich",
    "São Paulo",
    "Ελλάδα",
    "Sinn Féin",
    "AT&T",
    "Hewlett-Packard",
    "O'Brien",
    "Trump",
    "Donald Trump",
    "Kim Jong Un",
    "Jong",
    "Straße",
    "Ali",
    "al-Qaida",
    "Qaida",
    "42nd Street",
    "3M",
    "Mr. Smith",
    "Smith",
]
TRICKY_TEXT = (
    "In the U.S. and the US, U.S officials in St Louis and St. Louis met J. K. Rowling and "
    "J.K. Rowling. Côte d\u2019Ivoire and COTE D'IVOIRE; Qala-e Naw, Qala\u2013e\u2013Naw and "
    "Qala-e\n\nNaw. Guinea-Bissau, Guinea and Guineas; New York City, New  York, NEW YORK, "
    "new york and New-York. AP, Ap, ap, DPA, dpa, Dpa; a bath in Bath. ZÜRICH and zürich, Sao "
    "Paulo and São Paulo, ΕΛΛΆΔΑ and Ελλάδα; Sinn Fein and Sinn Féin, AT&T and AT & T, "
    "Hewlett Packard, O\u2019Brien and O'Brien's; Donald Trump's aide Trump; Kim Jong Un, "
    "Jong-un. STRASSE and Straße; \u0130zmir and Izmir; Ali Ali-Khan al-Qaida al Qaida; "
    "42nd Street, 3M and 3m; Mr. Smith, Mr Smith and Smith_Jones. \u212aelvin in Washington "
    "D.C. and Washington DC."
)


def _same(names: list[str], text: str) -> None:
    assert PhraseMatcher(names).find(text) == PhraseMatcher(names, use_regex=True).find(text)


def test_lookup_matches_the_regex_on_tricky_names() -> None:
    assert PhraseMatcher(TRICKY_NAMES)._fallback is None  # the lookup is what is tested
    _same(TRICKY_NAMES, TRICKY_TEXT)
    rng = random.Random(7)
    for _ in range(300):
        _same(rng.sample(TRICKY_NAMES, rng.randint(1, 12)), TRICKY_TEXT)


def test_lists_the_lookup_cannot_describe_use_the_regex() -> None:
    for names in (["\u212aelvin"], ["\u0130zmir", "Izmir"], ["#MeToo"], [". Smith"]):
        assert PhraseMatcher(names)._fallback is not None
        _same(names, TRICKY_TEXT)


def test_lower_casing_keeps_word_runs_and_only_the_kelvin_sign_becomes_ascii() -> None:
    # What the word list (``phrases._words``) relies on, checked on this Python's Unicode data.
    lowering = [code for code in range(128, sys.maxunicode + 1) if chr(code).lower().isascii()]
    assert [chr(code) for code in lowering] == [phrases._LOWERS_TO_ASCII]
    word = re.compile(r"\w")
    changed = [
        code
        for code in range(sys.maxunicode + 1)
        if len(chr(code).lower()) == 1
        and bool(word.match(chr(code))) != bool(word.match(chr(code).lower()))
    ]
    assert changed == []


def _page_texts() -> list[str]:
    return [
        extract_page(SavedPage(path.read_bytes(), "text/html", "html")).text
        for path in sorted(PAGES.glob("*.html"))
    ]


def test_lookup_matches_the_regex_with_the_gazetteer_on_real_pages(seed_page: Path) -> None:
    if not GAZETTEER_DIR.is_dir():
        pytest.skip("gazetteer not found")
    gazetteer = read_gazetteer()
    texts = [seed_page.read_text(encoding="utf-8"), *_page_texts(), TRICKY_TEXT]
    names = [
        line.split("\t")[0]
        for path in sorted(GAZETTEER_DIR.glob("*.tsv"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    reference = PhraseMatcher(names, use_regex=True)
    for text in texts:
        assert gazetteer.matcher.find(text) == reference.find(text)


def test_lookup_matches_the_regex_with_each_texts_own_names(seed_page: Path) -> None:
    # Lists like the ones the document-level rules build: capitalised word sequences of the
    # text, some with stops, hyphens or apostrophes, some only a surname.
    rng = random.Random(3)
    for text in [seed_page.read_text(encoding="utf-8"), *_page_texts()]:
        candidates = re.findall(r"[A-Z][\w.'\u2019-]+(?:\s[A-Z][\w.'\u2019-]+){0,2}", text)
        for _ in range(40):
            _same(rng.sample(candidates, min(len(candidates), rng.randint(1, 60))), text)


def test_trie_order_is_the_order_the_regex_tries_keys() -> None:
    from reader.core.entities.phrase_regex import trie_order

    def walk(node: dict[str, dict], prefix: str, order: list[str]) -> None:  # type: ignore[type-arg]
        for character, child in sorted(node.items()):
            if character:
                walk(child, prefix + character, order)
        if "" in node:
            order.append(prefix)

    keys = {name.casefold() for name in TRICKY_NAMES} | {
        "new",
        "new york",
        "newark",
        "ne",
        "n",
        "new york city",
        "new y",
    }
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for key in keys:
        node = trie
        for character in key:
            node = node.setdefault(character, {})
        node[""] = {}
    expected: list[str] = []
    walk(trie, "", expected)
    assert trie_order(keys) == expected
