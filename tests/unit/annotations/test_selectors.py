"""describe() and the W3C JSON form of selectors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.annotations.model import (
    CONTEXT_LENGTH,
    TextPositionSelector,
    TextQuoteSelector,
)
from reader.core.annotations.selectors import (
    SelectorError,
    describe,
    selector_from_json,
    selectors_from_json,
    selectors_to_json,
)


def test_describe_quotes_the_selection_with_context_on_both_sides(seed_page: Path) -> None:
    text = seed_page.read_text(encoding="utf-8")
    start = text.index("Qala-e-Naw")
    end = start + len("Qala-e-Naw")

    position, quote = describe(text, start, end)

    assert (position.start, position.end) == (start, end)
    assert quote.exact == "Qala-e-Naw"
    assert text[start - CONTEXT_LENGTH : start] == quote.prefix
    assert text[end : end + CONTEXT_LENGTH] == quote.suffix


def test_describe_shortens_context_at_the_edges_of_the_text() -> None:
    text = "Short text here."
    _, quote = describe(text, 0, 5)
    assert quote.prefix == ""
    assert quote.suffix == text[5:]


def test_describe_counts_code_points_not_utf16_units() -> None:
    text = "emoji \N{GRINNING FACE} then word"
    start = text.index("word")
    position, quote = describe(text, start, start + 4)
    assert quote.exact == "word"
    assert position.start == len("emoji \N{GRINNING FACE} then ")


@pytest.mark.parametrize("span", [(3, 3), (-1, 2), (0, 99), (5, 2)])
def test_describe_rejects_empty_or_out_of_range_selections(span: tuple[int, int]) -> None:
    with pytest.raises(SelectorError):
        describe("some text", *span)


def test_selectors_round_trip_through_json_with_w3c_field_names() -> None:
    selectors = describe("The quick brown fox jumps", 4, 9)

    data = json.loads(json.dumps(selectors_to_json(selectors)))

    assert data[0] == {"type": "TextPositionSelector", "start": 4, "end": 9}
    assert set(data[1]) == {"type", "exact", "prefix", "suffix"}
    assert selectors_from_json(data) == selectors


def test_a_single_selector_object_is_accepted_as_well_as_a_list() -> None:
    parsed = selectors_from_json({"type": "TextQuoteSelector", "exact": "fox"})
    assert parsed == (TextQuoteSelector("fox", "", ""),)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"type": "TextPositionSelector", "start": 1}, "integer start and end"),
        ({"type": "TextPositionSelector", "start": True, "end": 3}, "integer start and end"),
        ({"type": "TextPositionSelector", "start": 5, "end": 3}, "start <= end"),
        ({"type": "TextQuoteSelector", "exact": ""}, "non-empty 'exact'"),
        ({"type": "TextQuoteSelector", "exact": "x", "prefix": 3}, "must be strings"),
        ({"type": "XPathSelector", "value": "/p[1]"}, "unsupported selector type"),
        ("TextQuoteSelector", "expected an object"),
    ],
)
def test_invalid_selectors_name_the_problem(data: object, message: str) -> None:
    with pytest.raises(SelectorError, match=message):
        selector_from_json(data, "target.selector[0]")


def test_position_selector_json_keeps_offsets() -> None:
    assert selector_from_json({"type": "TextPositionSelector", "start": 0, "end": 7}) == (
        TextPositionSelector(0, 7)
    )
