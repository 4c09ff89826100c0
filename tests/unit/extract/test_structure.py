"""trafilatura's XML body to blocks: text between blocks is kept, nested blocks stay apart."""

from __future__ import annotations

from lxml import etree

from reader.core.extract.structure import convert_body
from reader.core.model import BlockKind


def _blocks(xml: str) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text) for b in convert_body(etree.fromstring(xml)).blocks]


def test_text_left_between_blocks_of_the_body_becomes_paragraphs() -> None:
    # A page that writes a paragraph straight into a section after an image link: trafilatura
    # keeps it as the tail of the heading before it.
    body = (
        "<body>Opening words of the section."
        '<head rend="h2">First deal</head>The price dropped to a new low this week.'
        "<p>Regular paragraph.</p></body>"
    )
    assert _blocks(body) == [
        (BlockKind.PARAGRAPH, "Opening words of the section."),
        (BlockKind.HEADING, "First deal"),
        (BlockKind.PARAGRAPH, "The price dropped to a new low this week."),
        (BlockKind.PARAGRAPH, "Regular paragraph."),
    ]


def test_text_after_a_list_item_is_kept() -> None:
    body = '<body><list rend="ul"><item>One</item>Loose words after the item.</list></body>'
    assert _blocks(body) == [
        (BlockKind.LIST_ITEM, "One"),
        (BlockKind.PARAGRAPH, "Loose words after the item."),
    ]


def test_blocks_inside_a_list_item_are_words_apart() -> None:
    # An events list: date, title and place as blocks of one item, with no space between.
    body = (
        '<body><list rend="ul"><item><p>March 16, 2026</p><head rend="h2">FABCON</head>'
        "<p>Atlanta, <hi>United</hi> States</p></item></list></body>"
    )
    assert _blocks(body) == [(BlockKind.LIST_ITEM, "March 16, 2026 FABCON Atlanta, United States")]
