"""Trimming an extraction to the span readability's container agrees on."""

from __future__ import annotations

from reader.core.extract.container import trim_to_container
from reader.core.extract.text import PendingBlock
from reader.core.model import BlockKind

ARTICLE = [
    "The council voted on Tuesday to close the old bridge to cars from next spring onwards.",
    "Engineers found cracks in two of the supporting piers during the summer inspection.",
    "A new crossing is planned further downstream, with work starting in three years.",
    "Residents said the closure would add twenty minutes to their daily commute to town.",
    "The council will hold a public meeting about the detour routes next month.",
]
NEWSLETTER = "Sign up for our morning newsletter to get the day's top stories in your inbox."


def _paragraphs(texts: list[str]) -> list[PendingBlock]:
    return [PendingBlock(BlockKind.PARAGRAPH, text) for text in texts]


def test_a_trailing_block_outside_the_container_is_dropped() -> None:
    blocks = _paragraphs([*ARTICLE, NEWSLETTER])
    kept = trim_to_container(blocks, " ".join(ARTICLE))
    assert [b.text for b in kept] == ARTICLE


def test_blocks_inside_the_agreed_span_are_kept_even_if_the_container_lacks_them() -> None:
    table = PendingBlock(BlockKind.TABLE_ROW, "Pier | Crack length")
    blocks = [*_paragraphs(ARTICLE[:3]), table, *_paragraphs(ARTICLE[3:])]
    assert trim_to_container(blocks, " ".join(ARTICLE)) == blocks


def test_a_container_holding_little_of_the_extraction_changes_nothing() -> None:
    blocks = _paragraphs([*ARTICLE, NEWSLETTER])
    # readability chose a sidebar box: what lies outside it is most of the extraction.
    assert trim_to_container(blocks, ARTICLE[4]) == blocks
    assert trim_to_container(blocks, "") == blocks


def test_a_large_outside_part_is_kept() -> None:
    related = [
        f"Another long story about the town, number {n}, with many words in it." for n in range(6)
    ]
    blocks = _paragraphs([*ARTICLE, *related])
    # Outside the container lies more than a small part: no trimming on such evidence.
    assert trim_to_container(blocks, " ".join(ARTICLE)) == blocks


def test_a_long_lead_outside_the_container_is_kept_but_a_short_label_is_not() -> None:
    lead = (
        "In a vote that surprised many residents, the council decided late on Tuesday evening "
        "to close the old bridge, which has carried traffic across the river for more than a "
        "century, to all cars and lorries from next spring, citing two safety reports."
    )
    body = ARTICLE * 3
    with_lead = _paragraphs([lead, *body])
    assert trim_to_container(with_lead, " ".join(body)) == with_lead
    with_label = _paragraphs(["Sponsored story from our partners", *body])
    assert [b.text for b in trim_to_container(with_label, " ".join(body))] == body


def test_long_paragraphs_after_the_container_are_the_articles_own_sections() -> None:
    article = [f"{text} Part {part}." for part in range(6) for text in ARTICLE]
    notes = [
        f"Note {n}: the inspection report of the summer lists every crack found in the piers, "
        "with its length, its depth and the date it was first seen, and the view of the "
        "engineers on whether it will grow when water freezes inside the concrete."
        for n in range(4)
    ]
    blocks = _paragraphs([*article, *notes])
    # readability left the notes out; four long paragraphs are not a box or a teaser list.
    assert trim_to_container(blocks, " ".join(article)) == blocks
    # Three of them are not enough evidence: they go, as a closing box would.
    fewer = _paragraphs([*article, *notes[:3]])
    assert [b.text for b in trim_to_container(fewer, " ".join(article))] == article


def test_a_summary_list_before_the_container_is_the_articles_lead() -> None:
    summary = [
        PendingBlock(
            BlockKind.LIST_ITEM, f"Takeaway {n}: the old bridge closes to cars next spring"
        )
        for n in range(3)
    ]
    blocks = [*summary, *_paragraphs(ARTICLE)]
    assert trim_to_container(blocks, " ".join(ARTICLE)) == blocks
    # A menu of short labels before the container is furniture.
    menu = [PendingBlock(BlockKind.LIST_ITEM, label) for label in ("News", "Sport", "Weather")]
    assert trim_to_container([*menu, *_paragraphs(ARTICLE)], " ".join(ARTICLE)) == _paragraphs(
        ARTICLE
    )
