"""Code-point <-> UTF-16 conversion (no Qt needed, but it is the UI's own module)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.ui.text_spans import OffsetMap, from_qt, to_qt, utf16_length


def test_astral_characters_count_two() -> None:
    text = "a😀b"
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2
    assert to_qt(text, 2) == 3  # "b" comes after the two halves of the emoji
    assert from_qt(text, 3) == 2


def test_position_inside_a_surrogate_pair_maps_to_its_character() -> None:
    assert from_qt("x😀y", 2) == 1


@given(st.text(), st.data())
def test_offsets_round_trip(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    mapping = OffsetMap(text)
    position = mapping.to_qt(offset)
    # Qt's position equals the UTF-16 length of the prefix, whatever the text.
    assert position == len(text[:offset].encode("utf-16-le")) // 2
    assert mapping.from_qt(position) == offset
    assert to_qt(text, offset) == position
