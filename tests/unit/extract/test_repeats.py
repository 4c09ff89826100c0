"""Second copies of content and the readability container as a fuller candidate."""

from __future__ import annotations

from lxml import etree, html

from reader.core.extract.boilerplate import ContentCandidate, prefer_container
from reader.core.extract.cleanup import drop_repeats
from reader.core.extract.text import PendingBlock
from reader.core.model import BlockKind


def _paragraph(topic: str) -> PendingBlock:
    words = " ".join(f"{topic}{n}" for n in range(40))
    return PendingBlock(BlockKind.PARAGRAPH, f"About {topic}: {words}.")


def test_a_second_copy_of_the_article_is_dropped_with_its_headings() -> None:
    article = [
        PendingBlock(BlockKind.HEADING, "Why bridges sway"),
        _paragraph("wind"),
        PendingBlock(BlockKind.HEADING, "What engineers do"),
        _paragraph("dampers"),
    ]
    kept = drop_repeats([*article, *article])
    assert kept == article


def test_a_few_repeated_steps_in_a_long_plan_are_kept() -> None:
    step = _paragraph("oats")
    plan = [
        PendingBlock(BlockKind.HEADING, "Week 1"),
        step,
        *[_paragraph(f"day{n}x") for n in range(8)],
        PendingBlock(BlockKind.HEADING, "Week 2"),
        step,
    ]
    assert drop_repeats(plan) == plan


def test_short_repeated_lines_are_kept() -> None:
    blocks = [
        PendingBlock(BlockKind.PARAGRAPH, "Eat every 2-3 hours"),
        _paragraph("lunch"),
        PendingBlock(BlockKind.PARAGRAPH, "Eat every 2-3 hours"),
        _paragraph("dinner"),
    ]
    assert drop_repeats(blocks) == blocks


def _body(*texts: str) -> etree._Element:
    body = etree.Element("body")
    for text in texts:
        etree.SubElement(body, "p").text = text
    return body


SECTIONS = [" ".join(f"{topic}{n}" for n in range(30)) + "." for topic in ("lead", "middle", "end")]
CONTAINER = html.fragment_fromstring(
    "<div>" + "".join(f"<p>{text}</p>" for text in SECTIONS) + "</div>"
)


def test_a_container_holding_clearly_more_replaces_the_choice() -> None:
    chosen = ContentCandidate(_body(SECTIONS[1]), container=" ".join(SECTIONS))
    result = prefer_container(chosen, 30, CONTAINER, running=120, url=None)
    assert result.mode == "container"
    text = " ".join(result.body.itertext())
    assert all(section[:20] in text for section in SECTIONS)
    # The replaced choice becomes the second opinion on the article's edges.
    assert result.container.strip() == SECTIONS[1]


def test_a_container_larger_than_the_running_text_is_not_taken() -> None:
    chosen = ContentCandidate(_body(SECTIONS[1]), container=" ".join(SECTIONS))
    assert prefer_container(chosen, 30, CONTAINER, running=60, url=None) is chosen
    # Nor one that holds about as much as the choice.
    assert prefer_container(chosen, 88, CONTAINER, running=120, url=None) is chosen
