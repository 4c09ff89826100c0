"""The user-facing entity types and the mapping from model labels."""

from __future__ import annotations

import pytest

from reader.core.entities import ENTITY_TYPES, entity_type, label_for_raw, parse_label


def test_types_are_ordered_as_the_contract_lists_them() -> None:
    assert [entity.label for entity in ENTITY_TYPES] == [
        "PERSON",
        "ORG",
        "PLACE",
        "GROUP",
        "DATE",
        "EVENT",
        "WORK",
        "LAW",
        "MONEY",
        "QUANTITY",
    ]


def test_money_and_quantity_are_hidden_by_default_and_names_are_not() -> None:
    assert entity_type("MONEY").hidden_by_default
    assert entity_type("QUANTITY").hidden_by_default
    assert not any(entity_type(label).hidden_by_default for label in ("PERSON", "ORG", "PLACE"))
    assert entity_type("ORG").display_name == "Organisation"


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("PER", "PERSON"),
        ("PERSON", "PERSON"),
        ("GPE", "PLACE"),
        ("LOC", "PLACE"),
        ("FAC", "PLACE"),
        ("NORP", "GROUP"),
        ("WORK_OF_ART", "WORK"),
        ("PERCENT", "QUANTITY"),
        ("CARDINAL", None),
        ("ORDINAL", None),
        ("MISC", None),
    ],
)
def test_raw_labels_map_to_user_types(raw: str, label: str | None) -> None:
    assert label_for_raw(raw) == label


def test_parse_label_accepts_what_users_write() -> None:
    assert parse_label("Organization") == "ORG"
    assert parse_label(" place ") == "PLACE"
    assert parse_label("GPE") == "PLACE"
    with pytest.raises(ValueError):
        parse_label("Vehicle")
