"""Headings and lists put back between two consecutive extracted blocks."""

from __future__ import annotations

from reader.core.extract.loader import parse_html
from reader.core.extract.restore import restore_blocks, survey_page
from reader.core.extract.text import PendingBlock
from reader.core.model import BlockKind

FIRST = "The first section explains how the survey was run across the region."
SECOND = "The second section gives the results, district by district, for the year."
THIRD = "A closing paragraph sums up what the council plans to do about it."
PAGE = f"""<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/a">About</a></li></ul></nav>
<article><p>{FIRST}</p>
<h2><a href="#results">2. Results by district</a></h2>
<p>{SECOND}</p>
<ol><li>North: more rain than usual</li><li>South: a dry summer</li></ol>
<p>{THIRD}</p>
<ul><li><a href="/x">Related story one</a></li><li><a href="/y">Related story two</a></li></ul>
<p>Footer-like paragraph that the extraction did not keep at all.</p>
</article></body></html>"""


def _paragraphs(*texts: str) -> list[PendingBlock]:
    return [PendingBlock(BlockKind.PARAGRAPH, text) for text in texts]


def _restore(blocks: list[PendingBlock]) -> list[tuple[BlockKind, str]]:
    tree = parse_html(PAGE)
    assert tree is not None
    return [(b.kind, b.text) for b in restore_blocks(blocks, survey_page(tree), title=None)]


def test_a_heading_and_a_list_between_kept_blocks_are_put_back() -> None:
    assert _restore(_paragraphs(FIRST, SECOND, THIRD)) == [
        (BlockKind.PARAGRAPH, FIRST),
        (BlockKind.HEADING, "2. Results by district"),
        (BlockKind.PARAGRAPH, SECOND),
        (BlockKind.LIST_ITEM, "North: more rain than usual"),
        (BlockKind.LIST_ITEM, "South: a dry summer"),
        (BlockKind.PARAGRAPH, THIRD),
    ]


def test_nothing_is_put_back_between_blocks_that_are_not_neighbours_in_the_page() -> None:
    # FIRST and THIRD are not neighbours: what lies between them was dropped on purpose.
    assert _restore(_paragraphs(FIRST, THIRD)) == [
        (BlockKind.PARAGRAPH, FIRST),
        (BlockKind.PARAGRAPH, THIRD),
    ]


def test_a_list_of_links_is_not_put_back() -> None:
    blocks = _paragraphs(THIRD, "Footer-like paragraph that the extraction did not keep at all.")
    assert [kind for kind, _ in _restore(blocks)] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_a_list_partly_kept_is_left_as_it_is() -> None:
    blocks = [
        *_paragraphs(SECOND),
        PendingBlock(BlockKind.LIST_ITEM, "North: more rain than usual"),
        *_paragraphs(THIRD),
    ]
    assert len(_restore(blocks)) == 3
