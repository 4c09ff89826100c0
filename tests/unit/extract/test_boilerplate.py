"""Content selection helpers: when the second trafilatura run is worth it, link teasers."""

from __future__ import annotations

from lxml import html

from reader.core.extract.boilerplate import (
    choose_candidate,
    drop_inert,
    is_doubtful,
    prune_hidden,
    running_words,
)
from reader.core.extract.cleanup import clean_blocks, link_keys
from reader.core.extract.text import PendingBlock
from reader.core.model import BlockKind

PAGE = """<html><body>
<nav><a href="/">Home</a> <a href="/news">News and more news here</a></nav>
<article><p>First paragraph of the story has seven words.</p>
<p>GET OUR APP FOR FREE BY CLICKING HERE <a href="/app">GET OUR APP FOR FREE BY CLICKING HERE</a></p>
<p><a href="/other">Another story everyone is talking about today</a></p>
<p><a href="#part-two">Part two of this story</a></p></article>
<footer>Footer words that nobody reads</footer>
</body></html>"""


def test_running_words_leave_out_links_navigation_and_footers() -> None:
    tree = html.document_fromstring(PAGE)
    with_links = len(tree.find("body").text_content().split())
    assert 0 < running_words(tree) < with_links
    # The paragraph's own text counts; its link does not.
    own_words = "First paragraph of the story has seven words"
    assert running_words(tree) >= len(own_words.split(" "))


def test_running_words_count_the_tails_of_skipped_elements_and_comments() -> None:
    parser = html.HTMLParser(remove_comments=False, remove_pis=False)
    tree = html.document_fromstring(
        "<html><body><p>one two<!-- not text -->three four<?pi no?>five <a>link</a> six</p>"
        "seven<nav>menu</nav> eight<form><p>field</p></form></body></html>",
        parser=parser,
    )
    assert running_words(tree) == 8


def test_a_result_far_shorter_than_the_running_text_is_doubtful() -> None:
    assert is_doubtful(0, 500)
    assert is_doubtful(100, 500)
    assert not is_doubtful(450, 500)
    # Running text inside links only: the measure says nothing, so doubt.
    assert is_doubtful(450, 10)


def test_recall_wins_only_when_it_finds_much_more() -> None:
    assert choose_candidate(300, 1000) == "recall"
    assert choose_candidate(720, 1000) == "recall"
    assert choose_candidate(900, 1000) == "balanced"
    assert choose_candidate(300, 0) == "balanced"


def test_a_paragraph_that_is_a_whole_link_is_dropped_but_in_page_links_are_not() -> None:
    keys = link_keys(html.document_fromstring(PAGE))
    blocks = [
        PendingBlock(BlockKind.PARAGRAPH, "First paragraph of the story has seven words."),
        PendingBlock(BlockKind.PARAGRAPH, "Another story everyone is talking about today"),
        PendingBlock(BlockKind.HEADING, "Another story everyone is talking about today"),
        PendingBlock(BlockKind.PARAGRAPH, "Part two of this story"),
    ]
    kept = clean_blocks(blocks, title=None, authors=(), credits=[], links=keys)
    assert [(b.kind, b.text) for b in kept] == [
        (BlockKind.PARAGRAPH, "First paragraph of the story has seven words."),
        (BlockKind.HEADING, "Another story everyone is talking about today"),
        (BlockKind.PARAGRAPH, "Part two of this story"),
    ]


def test_closing_calls_to_action_are_dropped_and_contributor_credits_moved() -> None:
    story = [
        PendingBlock(BlockKind.PARAGRAPH, f"Paragraph {n} of a story about a new bridge in town.")
        for n in range(10)
    ]
    closing = [
        PendingBlock(BlockKind.PARAGRAPH, "Additional reporting by Jane Doe"),
        PendingBlock(BlockKind.PARAGRAPH, "Like this story? Share it with a friend!"),
        PendingBlock(
            BlockKind.PARAGRAPH, "Sign up for our daily newsletter to get the news first."
        ),
    ]
    credits: list[str] = []
    kept = clean_blocks([*story, *closing], title=None, authors=(), credits=credits)
    assert kept == story
    assert credits == ["Additional reporting by Jane Doe"]


def test_a_newsletter_mentioned_early_in_an_article_is_text() -> None:
    blocks = [
        PendingBlock(
            BlockKind.PARAGRAPH,
            "Sign up for our newsletter, the editors wrote in 2009, and the readers came in "
            "their thousands within a year.",
        ),
        *[PendingBlock(BlockKind.PARAGRAPH, f"Paragraph {n} of the story.") for n in range(10)],
    ]
    assert clean_blocks(blocks, title=None, authors=(), credits=[]) == blocks


def test_hidden_elements_go_but_their_tail_text_stays_in_place() -> None:
    tree = html.document_fromstring(
        "<html><body><div><p>Before.</p><span hidden>Hidden copy</span> tail words"
        "<p>After.</p><p style='Display: None'>Styled away</p></div></body></html>"
    )
    prune_hidden(tree)
    paragraphs = tree.findall(".//p")
    assert [p.text for p in paragraphs] == ["Before.", "After."]
    # The hidden element's tail now follows the element that came before it.
    assert paragraphs[0].tail.strip() == "tail words"


def test_scripts_and_styles_are_dropped_but_structured_data_stays() -> None:
    tree = html.document_fromstring(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        "<style>p {}</style></head><body><p>Text<script>var x;</script> more</p>"
        "<svg><text>icon</text></svg></body></html>"
    )
    drop_inert(tree)
    assert [e.tag for e in tree.iter("script", "style", "svg")] == ["script"]
    assert tree.find(".//p").text_content() == "Text more"


def test_an_author_box_at_the_end_is_dropped_but_the_name_in_the_story_is_not() -> None:
    story = [
        PendingBlock(BlockKind.PARAGRAPH, "Jane Doe is the mayor's rival, the council heard."),
        *[PendingBlock(BlockKind.PARAGRAPH, f"Paragraph {n} of the story.") for n in range(10)],
    ]
    closing = [
        PendingBlock(BlockKind.HEADING, "About the author: Jane Doe"),
        PendingBlock(BlockKind.PARAGRAPH, "Jane Doe is a reporter covering city hall since 2015."),
    ]
    kept = clean_blocks([*story, *closing], title=None, authors=("Jane Doe",), credits=[])
    assert kept == story


def test_advertisement_labels_are_not_text() -> None:
    story = [PendingBlock(BlockKind.PARAGRAPH, f"Paragraph {n} of the story.") for n in range(3)]
    label = PendingBlock(BlockKind.PARAGRAPH, "Advertisement - Continue Reading Below")
    kept = clean_blocks([story[0], label, *story[1:]], title=None, authors=(), credits=[])
    assert kept == story


def test_pointers_to_other_articles_and_affiliate_disclosures_are_not_text() -> None:
    story = [
        PendingBlock(BlockKind.PARAGRAPH, f"Paragraph {n} of a guide to buying a used bike.")
        for n in range(4)
    ]
    notices = [
        PendingBlock(
            BlockKind.PARAGRAPH,
            "This post contains affiliate links. If you buy through them, we may earn a "
            "small commission at no extra cost to you.",
        ),
        PendingBlock(BlockKind.PARAGRAPH, "Related: How to Fix a Flat Tyre in Ten Minutes"),
        PendingBlock(BlockKind.PARAGRAPH, "See also: The Best Bike Locks of the Year"),
        PendingBlock(BlockKind.PARAGRAPH, "Also read: Why Steel Frames Are Back"),
        PendingBlock(
            BlockKind.PARAGRAPH,
            "By signing up, you agree to receive our emails and accept our privacy policy.",
        ),
    ]
    blocks = [
        notices[0],
        story[0],
        notices[1],
        story[1],
        notices[2],
        story[2],
        notices[3],
        story[3],
    ]
    assert clean_blocks(blocks, title=None, authors=(), credits=[]) == story


def test_paragraphs_about_affiliate_marketing_and_related_topics_are_text() -> None:
    blocks = [
        PendingBlock(
            BlockKind.PARAGRAPH,
            "Affiliate programs: streamers earn a share when viewers buy games or gear "
            "through their links.",
        ),
        PendingBlock(
            BlockKind.PARAGRAPH,
            "Related costs such as permits and inspections add about a tenth to the budget.",
        ),
        PendingBlock(
            BlockKind.PARAGRAPH,
            "Related: " + " ".join(f"word{n}" for n in range(40)),
        ),
    ]
    assert clean_blocks(blocks, title=None, authors=(), credits=[]) == blocks
