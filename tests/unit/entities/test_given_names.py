"""The person-name rule: "<given name> <Surname>" spans of the model become people, unless a
head word or the list's exclusions say organisation or place."""

from __future__ import annotations

from reader.core.entities.given_names import apply_given_names, read_given_names
from reader.core.model import EntitySpan

NAMES = frozenset({"Federico", "Alice", "Brice", "Andre"})


def spans_of(*items: tuple[str, str, str]) -> list[EntitySpan]:
    return [EntitySpan(0, len(text), label, text, raw) for text, label, raw in items]


def test_a_given_name_and_surname_is_a_person() -> None:
    spans = spans_of(
        ("Federico Fellini", "ORG", "ORG"),
        ("Brice Hortefeux", "PLACE", "LOC"),
        ("Andre Price III", "ORG", "ORG"),
    )
    result, changed = apply_given_names(spans, NAMES)
    assert changed
    assert [span.label for span in result] == ["PERSON"] * 3


def test_head_words_lists_and_other_types_are_left_alone() -> None:
    spans = spans_of(
        ("Alice Springs", "PLACE", "GPE"),  # a place head word
        ("Federico Fellini", "ORG", "GAZETTEER"),  # not the model's span
        ("Alice", "ORG", "ORG"),  # one word: no surname to go by
        ("Federico Fellini Foundation", "ORG", "ORG"),
        ("Brice Hortefeux", "GROUP", "NORP"),
        ("Federico and", "ORG", "ORG"),  # not all capitalised
    )
    result, changed = apply_given_names(spans, NAMES)
    assert not changed and result == spans


def test_the_shipped_list_has_given_names_but_not_place_words() -> None:
    names = read_given_names()
    assert {"Donald", "Federico", "Mehmet"} <= names
    assert not {"Jordan", "Georgia", "Crystal", "Morgan"} & names
