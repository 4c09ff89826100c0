"""Lead paragraphs lost between the headline and the extraction's first block."""

from __future__ import annotations

from reader.core.extract.lead import lost_lead, survey_lead
from reader.core.extract.loader import parse_html
from reader.core.extract.text import PendingBlock
from reader.core.model import BlockKind

LEAD = (
    "The council voted on Tuesday to close the old river bridge to cars for good, "
    "after engineers found cracks in two of its piers. The bridge, which opened in 1921, "
    "carried about four thousand cars a day until last spring, when a lorry struck its "
    "railing and the first inspection in a decade was ordered. Traders on both banks say "
    "they were not asked before the vote."
)
LOOSE_LEAD = (
    "Winter came early to the valley this year, and the farmers who still grow apples "
    "there say they have never seen a harvest like it. Frost reached the orchards in the "
    "second week of September, a month before anyone expected it, and the pickers who "
    "usually arrive in October were still working in the south. Most of the fruit was "
    "left on the trees."
)
BODY = "The decision ends a debate that has gone on for more than ten years in the town."
LATER = "Work on a footbridge in its place is to start next spring, the mayor said."
TEASER = "Read our full coverage of the town's bridges and roads in one place, updated daily."


def _paragraphs(*texts: str) -> list[PendingBlock]:
    return [PendingBlock(BlockKind.PARAGRAPH, text) for text in texts]


def _lead(page: str, blocks: list[PendingBlock]) -> list[str]:
    tree = parse_html(page)
    assert tree is not None
    return [block.text for block in lost_lead(blocks, survey_lead(tree))]


def test_a_lead_paragraph_between_the_headline_and_the_first_block_is_found() -> None:
    page = f"""<html><body><nav><a href="/">Home</a></nav>
    <header><h1>Bridge to close</h1><p class="standfirst">{LEAD}</p>
    <p>By Jane Doe, 3 March 2024</p></header>
    <article><p>{BODY}</p><p>{LATER}</p></article></body></html>"""
    assert _lead(page, _paragraphs(BODY, LATER)) == [LEAD]


def test_loose_text_of_a_wrapper_counts_as_a_piece() -> None:
    page = f"""<html><body><h1>Apples</h1>
    <div class="intro">{LOOSE_LEAD}<div><span>5 min read</span></div></div>
    <div><p>{BODY}</p></div></body></html>"""
    assert _lead(page, _paragraphs(BODY)) == [LOOSE_LEAD]


def test_short_pieces_links_and_furniture_stay_out() -> None:
    page = f"""<html><body><h1>Bridge to close</h1>
    <p>Updated 3 March 2024</p>
    <p class="standfirst">{TEASER}</p>
    <p><a href="/bridges">{LEAD}</a></p>
    <aside><p>{LEAD} Sidebar.</p></aside>
    <p>{BODY}</p></body></html>"""
    assert _lead(page, _paragraphs(BODY)) == []


def test_a_table_of_contents_run_together_stays_out() -> None:
    entries = "".join(
        f'<a href="#s{n}">{word} section of the report</a> '
        for n, word in enumerate(("First", "Second", "Third", "Fourth"))
    )
    page = f"""<html><body><h1>Bridge to close</h1>
    <div class="toc">{LEAD} {entries}</div><p>{BODY}</p></body></html>"""
    assert _lead(page, _paragraphs(BODY)) == []


def test_captions_players_and_author_boxes_stay_out() -> None:
    for box in ("wp-caption", "video-transcript", "author-bio", "promo-box"):
        page = f"""<html><body><h1>Bridge to close</h1>
        <div class="{box}"><p>{LEAD}</p></div><p>{BODY}</p></body></html>"""
        assert _lead(page, _paragraphs(BODY)) == [], box


def test_a_piece_the_site_keeps_out_of_search_snippets_stays_out() -> None:
    # Sites mark bylines and author bios under the headline data-nosnippet.
    page = f"""<html><body><h1>Bridge to close</h1>
    <div class="article-meta"><div data-nosnippet><p>{LEAD}</p></div></div>
    <p>{BODY}</p></body></html>"""
    assert _lead(page, _paragraphs(BODY)) == []


def test_a_piece_repeated_by_a_carousel_is_put_back_once() -> None:
    page = f"""<html><body><h1>Bridge to close</h1>
    <div><p>{LEAD}</p></div><div><p>{LEAD}</p></div><p>{BODY}</p></body></html>"""
    assert _lead(page, _paragraphs(BODY)) == [LEAD]


def test_nothing_is_added_when_the_first_block_is_not_after_the_headline() -> None:
    page = f"""<html><body><p>{BODY}</p><h1>Bridge to close</h1><p>{LEAD}</p>
    <p>{LATER}</p></body></html>"""
    # The first block comes before the headline: the extraction chose its own start.
    assert _lead(page, _paragraphs(BODY, LATER)) == []


def test_a_piece_already_extracted_is_not_added_twice() -> None:
    page = f"""<html><body><h1>Bridge to close</h1><p>{LEAD}</p><p>{BODY}</p>
    </body></html>"""
    assert _lead(page, _paragraphs(LEAD, BODY)) == []
    assert _lead(page, [PendingBlock(BlockKind.IMAGE, ""), *_paragraphs(BODY, LEAD)]) == []


def test_a_page_without_a_headline_gets_nothing() -> None:
    page = f"<html><body><p>{LEAD}</p><p>{BODY}</p></body></html>"
    assert _lead(page, _paragraphs(BODY)) == []
