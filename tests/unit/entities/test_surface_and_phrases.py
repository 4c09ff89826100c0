"""Name keys (normalise_surface) and the list matcher (PhraseMatcher)."""

from __future__ import annotations

import pytest

from reader.core.entities.phrases import PhraseMatcher
from reader.core.entities.surface import display_surface, normalise_surface


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("U.S.", "US"),
        ("the U.S.", "US"),
        ("Qala-e-Naw", "Qala-e Naw"),
        ("Qala\u2013e\u2013Naw", "qala e naw"),
        ("NATO's", "NATO"),
        ("the Taliban\u2019s", "Taliban"),
        ("\u201cTaliban\u201d", "Taliban"),
        ("al-Qaida", "al Qaida"),
        ("  New   York ", "new york"),
    ],
)
def test_variants_share_a_key(first: str, second: str) -> None:
    assert normalise_surface(first) == normalise_surface(second)


@pytest.mark.parametrize(("first", "second"), [("Iran", "Iraq"), ("US", "UN"), ("Paris", "Parise")])
def test_different_names_keep_different_keys(first: str, second: str) -> None:
    assert normalise_surface(first) != normalise_surface(second)


def test_display_surface_drops_the_and_possessive() -> None:
    assert display_surface("the Taliban's") == "Taliban"
    assert display_surface("Qala-e Naw") == "Qala-e Naw"


def test_matcher_finds_hyphen_and_space_variants_at_word_boundaries() -> None:
    matcher = PhraseMatcher(["Qala-e-Naw", "Iran"])
    text = "In Qala-e Naw and Qala-e-Naw; Iranian officials met Iran's envoy."
    found = [(match.text, match.key) for match in matcher.find(text)]
    assert found == [("Qala-e Naw", "qala e naw"), ("Qala-e-Naw", "qala e naw"), ("Iran", "iran")]


def test_matcher_offsets_point_into_the_text() -> None:
    text = "Troops left the U.S. base; US officials spoke."
    for match in PhraseMatcher(["U.S."]).find(text):
        assert text[match.start : match.end] == match.text
        assert match.key == "us"


def test_matcher_skips_lower_case_words_and_mixed_case_short_acronyms() -> None:
    matcher = PhraseMatcher(["Bath", "AP", "NATO", "dpa"])
    text = "a bath in Bath, Ap and AP, Nato and NATO, and dpa reported"
    assert [match.text for match in matcher.find(text)] == ["Bath", "AP", "Nato", "NATO", "dpa"]


def test_matcher_prefers_the_longest_name() -> None:
    matcher = PhraseMatcher(["New York", "New York City"])
    assert [match.text for match in matcher.find("in New York City today")] == ["New York City"]


def test_empty_matcher_finds_nothing() -> None:
    assert PhraseMatcher([]).find("Anything at all") == []


def test_names_sharing_prefixes_match_whole_and_longest() -> None:
    matcher = PhraseMatcher(
        ["Guinea", "Guinea-Bissau", "Equatorial Guinea", "Gui", "C\u00f4te d'Ivoire", "St. Louis"]
    )
    text = (
        "Guinea-Bissau, Guinea and Equatorial Guinea; Guinean troops; "
        "C\u00f4te d\u2019Ivoire and St Louis"
    )
    assert [match.text for match in matcher.find(text)] == [
        "Guinea-Bissau",
        "Guinea",
        "Equatorial Guinea",
        "C\u00f4te d\u2019Ivoire",
        "St Louis",
    ]
