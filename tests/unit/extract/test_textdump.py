"""Text dumps: the article ends where the reader comments start."""

from __future__ import annotations

from reader.core.extract.textdump import clean_dump

PARAGRAPH = (
    "The council approved the new budget on Tuesday after a long debate about schools, "
    "roads and the cost of keeping the public library open on weekends."
)
COMMENT = (
    "I have lived here for thirty years and I have never seen the council waste so much "
    "money on consultants, roads and studies that nobody ever reads or acts upon."
)


def _dump(marker: str) -> str:
    article = "\n\n".join(f"{PARAGRAPH} Part {n}." for n in range(1, 5))
    # Comments without "Jane says:" headers read like more paragraphs of the article.
    comments = "\n\n".join(f"{COMMENT} Number {n}." for n in range(1, 9))
    return f"Home\n\nNews\n\nCouncil passes budget\n\n{article}\n\n{marker}\n\n{comments}\n"


def _body(text: str) -> str:
    return " ".join(block.text for block in clean_dump(text).builder.blocks)


def test_comments_after_a_leave_a_reply_marker_are_not_the_article() -> None:
    body = _body(_dump("Leave a Reply"))
    assert "Part 4." in body
    assert "Number" not in body


def test_comments_after_a_responses_marker_are_not_the_article() -> None:
    body = _body(_dump("8 responses to “Council passes budget”"))
    assert "Part 1." in body
    assert "Number" not in body


def test_a_bare_comment_count_near_the_top_does_not_cut_the_article() -> None:
    text = "Council passes budget\n\n12 Comments\n\n" + "\n\n".join(
        f"{PARAGRAPH} Part {n}." for n in range(1, 4)
    )
    body = _body(text)
    assert "Part 1." in body
    assert "Part 3." in body


def test_comment_headers_keep_comments_out_even_without_a_marker() -> None:
    comments = "\n\n".join(f"Reader{n} says:\n\n{COMMENT} Number {n}." for n in range(1, 4))
    article = "\n\n".join(f"{PARAGRAPH} Part {n}." for n in range(1, 5))
    body = _body(f"Council passes budget\n\n{article}\n\n{comments}\n")
    assert "Part 4." in body
    assert "Number" not in body
