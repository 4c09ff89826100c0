"""User corrections: aliases, renames, type changes, rejections, watch lists, JSON."""

from __future__ import annotations

import pytest

from reader.core.entities import (
    Corrections,
    WatchEntry,
    apply_corrections,
    canonical_name,
    entity_key,
)
from reader.core.model import EntitySpan

TEXT = "The U.S. and the United States: US troops left Qala-e Naw. WednesdayImage was seen."


def span_of(text: str, surface: str, label: str, occurrence: int = 0) -> EntitySpan:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return EntitySpan(start, start + len(surface), label, surface, "TEST")


def test_merged_aliases_share_one_canonical_name_and_key() -> None:
    corrections = Corrections().merge(["U.S.", "US"], "United States")
    spans = [
        span_of(TEXT, "U.S.", "PLACE"),
        span_of(TEXT, "United States", "PLACE"),
        span_of(TEXT, "US", "PLACE"),
    ]
    assert {canonical_name(span, corrections) for span in spans} == {"United States"}
    assert len({entity_key(span, corrections) for span in spans}) == 1


def test_unaliased_names_show_their_cleaned_surface() -> None:
    span = EntitySpan(0, 14, "ORG", "the Taliban's", "ORG")
    assert canonical_name(span, Corrections()) == "Taliban"


def test_hyphen_variants_are_one_entity_without_any_correction() -> None:
    first = EntitySpan(0, 10, "PLACE", "Qala-e-Naw")
    second = EntitySpan(20, 30, "PLACE", "Qala-e Naw")
    assert entity_key(first, Corrections()) == entity_key(second, Corrections())


def test_rename_follows_earlier_merges() -> None:
    corrections = Corrections().merge(["U.S.", "US"], "United States").rename("US", "USA")
    assert canonical_name(EntitySpan(0, 4, "PLACE", "U.S."), corrections) == "USA"


def test_type_override_applies_to_every_alias() -> None:
    corrections = Corrections().merge(["U.S."], "United States").set_type("U.S.", "ORG")
    spans = apply_corrections(TEXT, [span_of(TEXT, "United States", "PLACE")], corrections)
    assert [span.label for span in spans] == ["ORG"]


def test_rejection_is_archive_wide_and_can_be_limited_to_a_type() -> None:
    corrections = Corrections().reject("WednesdayImage").reject("Naw", "PERSON")
    other_text = "A WednesdayImage caption; Naw spoke."
    spans = [span_of(other_text, "WednesdayImage", "ORG"), span_of(other_text, "Naw", "PERSON")]
    assert apply_corrections(other_text, spans, corrections) == []
    as_place = [span_of(other_text, "Naw", "PLACE")]
    assert apply_corrections(other_text, as_place, corrections) == as_place


def test_unreject_restores_the_entity() -> None:
    corrections = Corrections().reject("Naw").unreject("Naw")
    spans = [span_of(TEXT, "Naw", "PLACE")]
    assert apply_corrections(TEXT, spans, corrections) == spans


def test_watch_list_finds_names_the_model_missed_and_wins_overlaps() -> None:
    corrections = Corrections().watch(
        [WatchEntry("Qala-e-Naw", "PLACE", ("Qala-i-Naw",)), WatchEntry("US", "PLACE")]
    )
    model_spans = [span_of(TEXT, "Naw", "PERSON")]  # a wrong partial span
    spans = apply_corrections(TEXT, model_spans, corrections)
    found = {(span.text, span.label) for span in spans}
    assert ("Qala-e Naw", "PLACE") in found
    assert ("US", "PLACE") in found
    assert ("Naw", "PERSON") not in found
    for span in spans:
        assert TEXT[span.start : span.end] == span.text


def test_watch_list_aliases_have_the_entry_name_as_canonical_name() -> None:
    corrections = Corrections().watch([WatchEntry("Islamic State", "ORG", ("ISIS", "ISIL"))])
    text = "ISIS fighters"
    spans = apply_corrections(text, [], corrections)
    assert [canonical_name(span, corrections) for span in spans] == ["Islamic State"]


def test_corrections_survive_re_recognition_with_different_offsets() -> None:
    """Corrections key on names, so they apply to spans from a new run or a new text."""
    corrections = Corrections().set_type("Herat", "PLACE").reject("Getty Images")
    first_run = "Herat fell. Getty Images."
    second_run = "Refugees fled toward Herat, a province. Photo by Getty Images."
    for text in (first_run, second_run):
        spans = [span_of(text, "Herat", "ORG"), span_of(text, "Getty Images", "ORG")]
        assert [(s.text, s.label) for s in apply_corrections(text, spans, corrections)] == [
            ("Herat", "PLACE")
        ]


def test_json_round_trip_keeps_everything() -> None:
    corrections = (
        Corrections()
        .merge(["U.S.", "US"], "United States")
        .set_type("Taliban", "ORG")
        .reject("WednesdayImage")
        .reject("Naw", "PERSON")
        .watch([WatchEntry("Nishank Motwani", "PERSON", ("N. Motwani",))])
    )
    restored = Corrections.from_json(corrections.to_json())
    assert restored == corrections
    assert restored.to_json() == corrections.to_json()


@pytest.mark.parametrize(
    "document",
    [
        "",
        "[]",
        '{"format": "something else"}',
        '{"format": "archival-reader-entity-corrections", "type_overrides": {"x": "Vehicle"}}',
    ],
)
def test_bad_json_is_a_value_error(document: str) -> None:
    with pytest.raises(ValueError):
        Corrections.from_json(document)


def test_edits_return_new_values() -> None:
    original = Corrections()
    original.reject("X").merge(["A"], "B").set_type("B", "ORG")
    assert original == Corrections()


def test_rejecting_a_canonical_name_rejects_its_aliases() -> None:
    corrections = Corrections().merge(["U.S."], "United States").reject("United States")
    spans = [span_of(TEXT, "U.S.", "PLACE"), span_of(TEXT, "Qala-e Naw", "PLACE")]
    assert [s.text for s in apply_corrections(TEXT, spans, corrections)] == ["Qala-e Naw"]
