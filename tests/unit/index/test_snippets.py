"""Snippets: passages around the matched words, with the matches' spans in the snippet."""

from __future__ import annotations

from reader.core.index.analysis import TermAnalyzer
from reader.core.index.snippets import SEPARATOR, make_snippet

FILLER = "Nothing of interest happens in this sentence at all. " * 12
TEXT = (
    "Energy prices rose.\n\n"
    + FILLER
    + "The minister spoke about energy and the energy market, and prices again.\n"
    + FILLER
    + "A last mention of energy."
)


def _snippet(text: str, terms: set[str]) -> tuple[str, list[tuple[int, int]]]:
    return make_snippet(text, TermAnalyzer().find_terms(text, terms))


def test_spans_point_at_the_matched_words() -> None:
    snippet, spans = _snippet(TEXT, {"energi", "price"})
    assert spans
    assert {snippet[a:b].lower() for a, b in spans} <= {"energy", "prices"}


def test_the_passage_with_most_distinct_words_comes_first_in_the_choice() -> None:
    snippet, _ = _snippet(TEXT, {"energi", "price", "market"})
    assert "energy market" in snippet
    assert "A last mention" not in snippet  # one word only: a weaker passage
    assert snippet.count(SEPARATOR) <= 1


def test_white_space_is_folded_and_passages_stay_short() -> None:
    snippet, _ = _snippet(TEXT, {"energi"})
    assert "\n" not in snippet and "  " not in snippet
    assert all(len(part) <= 240 + 60 for part in snippet.split(SEPARATOR))


def test_near_matches_join_into_one_passage() -> None:
    text = "energy " + "word " * 10 + "energy"
    snippet, spans = _snippet(text, {"energi"})
    assert SEPARATOR not in snippet
    assert len(spans) == 2


def test_no_match_gives_an_empty_snippet() -> None:
    assert make_snippet(TEXT, []) == ("", [])
