"""How the curated lists combine with the model's spans."""

from __future__ import annotations

from reader.core.entities.gazetteer import GAZETTEER_DIR, Gazetteer, apply_gazetteer, read_gazetteer
from reader.core.entities.types import ENTITY_LABELS
from reader.core.model import EntitySpan

LISTS = Gazetteer.from_entries(
    [
        ("Tehran", "PLACE"),
        ("Chicago", "PLACE"),
        ("Jordan", "PLACE"),
        ("Reuters", "ORG", True),
        ("U.S.", "PLACE"),
    ]
)


def find(text: str, surface: str, label: str) -> EntitySpan:
    start = text.index(surface)
    return EntitySpan(start, start + len(surface), label, surface, "TEST")


def test_missed_names_are_added() -> None:
    text = "Talks in Tehran, Reuters said."
    result = apply_gazetteer(text, [], LISTS)
    assert [(s.text, s.label) for s in result] == [("Tehran", "PLACE"), ("Reuters", "ORG")]


def test_places_do_not_overrule_people_or_organisations() -> None:
    text = "Jordan scored as Chicago won."
    spans = [find(text, "Jordan", "PERSON"), find(text, "Chicago", "ORG")]
    assert apply_gazetteer(text, spans, LISTS) == spans


def test_forced_entries_overrule_the_model() -> None:
    text = "Reuters reported."
    result = apply_gazetteer(text, [find(text, "Reuters", "PERSON")], LISTS)
    assert [(s.text, s.label) for s in result] == [("Reuters", "ORG")]


def test_group_label_is_corrected_to_place() -> None:
    text = "Envoys in Tehran."
    result = apply_gazetteer(text, [find(text, "Tehran", "GROUP")], LISTS)
    assert [s.label for s in result] == ["PLACE"]


def test_listed_names_inside_longer_model_spans_are_not_added() -> None:
    text = "At the U.S. Open today."
    spans = [find(text, "U.S. Open", "EVENT")]
    assert apply_gazetteer(text, spans, LISTS) == spans


def test_shipped_lists_parse_and_use_known_types() -> None:
    assert GAZETTEER_DIR.is_dir()
    gazetteer = read_gazetteer()
    assert len(gazetteer.labels) > 500
    assert set(gazetteer.labels.values()) <= ENTITY_LABELS


def test_a_listed_name_replaces_the_model_pieces_it_contains() -> None:
    lists = Gazetteer.from_entries([("USA Today", "ORG", True), ("Bank of England", "ORG")])
    text = "USA Today said the Bank of England acted."
    spans = [
        find(text, "USA", "PLACE"),
        find(text, "Today", "DATE"),
        find(text, "England", "PLACE"),
    ]
    assert [(s.text, s.label) for s in apply_gazetteer(text, spans, lists)] == [
        ("USA Today", "ORG"),
        ("Bank of England", "ORG"),
    ]


def test_a_sentence_stop_after_an_undotted_abbreviation_is_not_part_of_the_name() -> None:
    text = "Opinion in the US.\n\nTroops left the U.S. on Monday."
    result = apply_gazetteer(text, [], LISTS)
    assert [(s.text, s.label) for s in result] == [("US", "PLACE"), ("U.S.", "PLACE")]
    # The model's "US" keeps its extent (and is not replaced by a longer "US.").
    model = [find(text, "US", "PLACE")]
    assert apply_gazetteer(text, model, LISTS)[0] == model[0]
