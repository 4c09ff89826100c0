"""The cheap tests that let most blocks skip the disclosure and author-note expressions."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reader.core.extract.cleanup import (
    CASE_VARIANTS,
    _author_note_pattern,
    _AuthorNote,
    _may_disclose,
)
from reader.core.extract.rules import AFFILIATE_DISCLOSURE

# Pieces of the expression's phrases, with the letters Python's case-insensitive matching
# equates with ASCII ones ("ı", "İ", "ſ", the Kelvin sign), in every case.
_PIECES = [
    "this post", "contains", "CONTAINS", "affiliate", "links", "LINKS", "lınks", "LİNKS",
    "linkſ", "lin\u212as", "we may earn", "a", "commission", "COMMISSION", "commiſſion",
    "compensation", "advertiser disclosure", "As an Amazon Associate", "amazon", "through",
    "our", "links,", "we", "earn", "the", "news", " ", "\n",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_texts_the_prefilter_rejects_never_match_the_expression(pieces: list[str]) -> None:
    for text in (" ".join(pieces), "".join(pieces)):
        if not _may_disclose(text):
            assert AFFILIATE_DISCLOSURE.search(text) is None


def test_disclosures_pass_and_ordinary_text_is_rejected() -> None:
    assert _may_disclose("This post contains affiliate links.")
    assert _may_disclose("We may earn a COMMISSION on purchases.")
    assert _may_disclose("Ce texte contient des lınks affiliés.")
    assert not _may_disclose("The council met on Tuesday to discuss the budget.")


def test_outside_the_case_variants_ignoring_case_is_comparing_lower_cased_letters() -> None:
    letters = [chr(code) for code in range(0x10000) if not CASE_VARIANTS.fullmatch(chr(code))]
    for name_letter in "abcdefghijklmnopqrstuvwxyzK\u00e9\u00df\u0444":
        expression = re.compile(re.escape(name_letter), re.IGNORECASE)
        for letter in letters:
            if expression.fullmatch(letter):
                assert letter.lower() == name_letter.lower(), (letter, name_letter)


_NAMES = st.sampled_from(["Jane Doe", "JOSÉ ÁLVAREZ", "Ivan Petrov", "Σωκράτης Παππάς", "Ada"])
_NOTE_PIECES = [
    "Jane Doe", "jane doe", "JANE DOE", "Jane Doe,", "J\u0131ne Doe", "Jane Do\u0435",
    "José Álvarez", "josé álvarez", "Ivan Petrov", "\u0130van Petrov", "\u0131van petrov",
    "ΣΩΚΡΆΤΗΣ ΠΑΠΠΆΣ", "σωκράτης παππάς", "Ada", "is a writer", "writes about", "about the author:",
    "written by", "The", "report", ".", " ",
]  # fmt: skip


@given(st.lists(_NAMES, max_size=3), st.lists(st.sampled_from(_NOTE_PIECES), max_size=8))
def test_author_notes_match_as_the_expression_does(names: list[str], pieces: list[str]) -> None:
    authors = tuple(names)
    pattern = _author_note_pattern(authors)
    note = _AuthorNote(authors)
    for text in (" ".join(pieces), "".join(pieces)):
        expected = pattern is not None and pattern.match(text) is not None
        assert note.match(text) == expected
