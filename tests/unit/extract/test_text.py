"""Canonical text layout and text repairs."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reader.core.extract.text import BlockBuilder, normalize_space, repair_text
from reader.core.model import BlockKind


def test_blocks_are_joined_by_one_blank_line_and_point_at_their_text() -> None:
    builder = BlockBuilder()
    builder.add(BlockKind.HEADING, "  A   heading ", level=2)
    builder.add(BlockKind.PARAGRAPH, "First\nparagraph\u00a0here.")
    builder.add_table_row(["cell one", " ", "cell two"])
    builder.add(BlockKind.PREFORMATTED, "line 1\n\n\n  line 2\n")
    text, blocks = builder.build()
    assert text == "A heading\n\nFirst paragraph here.\n\ncell one | cell two\n\nline 1\n  line 2"
    assert [text[b.start : b.end] for b in blocks] == [
        "A heading",
        "First paragraph here.",
        "cell one | cell two",
        "line 1\n  line 2",
    ]
    assert blocks[0].level == 2


def test_empty_blocks_are_dropped_but_images_without_alt_are_kept() -> None:
    builder = BlockBuilder()
    builder.add(BlockKind.PARAGRAPH, "   ")
    builder.add(BlockKind.IMAGE, "", source="a.jpg")
    text, blocks = builder.build()
    assert [b.kind for b in blocks] == [BlockKind.IMAGE]
    assert blocks[0].source == "a.jpg"
    assert text == ""


@given(st.lists(st.tuples(st.sampled_from(list(BlockKind)), st.text(max_size=40)), max_size=12))
def test_blocks_always_tile_the_text(items: list[tuple[BlockKind, str]]) -> None:
    builder = BlockBuilder()
    for kind, value in items:
        builder.add(kind, value, source="x" if kind is BlockKind.IMAGE else None)
    text, blocks = builder.build()
    assert "\n\n".join(text[b.start : b.end] for b in blocks) == text
    for block in blocks:
        if block.kind is not BlockKind.PREFORMATTED:
            assert "\n" not in text[block.start : block.end]


def test_repair_text_unescapes_twice_escaped_entities() -> None:
    assert repair_text("It&amp;#39;s &amp; more") == "It's & more"


def test_repair_text_fixes_mojibake_but_not_real_accents() -> None:
    assert repair_text("Investorâ€™s Guide") == "Investor’s Guide"
    assert repair_text("Café naïve Ãgua") == "Café naïve Ãgua"


@given(
    st.text(
        alphabet=st.sampled_from(list("ab \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u3000\u00ad\u200b"))
    )
)
def test_normalize_space_collapses_exactly_what_the_whitespace_class_matches(text: str) -> None:
    # The definition it replaced: every run of ``\s`` becomes one space, ends stripped.
    expected = re.sub(r"\s+", " ", text.replace("\u00ad", "").replace("\u200b", "")).strip()
    assert normalize_space(text) == expected
