"""A page kept whole: visible text in document order, block by block, nothing else."""

from __future__ import annotations

import pytest

from reader.core.errors import NotAnArticle
from reader.core.extract.whole_page import extract_whole_page
from reader.core.model import BlockKind, SavedPage


def html_page(body: str, head: str = "<title>Port index</title>") -> SavedPage:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return SavedPage(content=html.encode(), media_type="text/html", source_format="html")


def test_headings_items_and_paragraphs_become_blocks_in_order() -> None:
    article = extract_whole_page(
        html_page(
            "<nav><a href='/'>Home</a></nav><h2>Latest</h2><ul><li>First <b>story</b></li>"
            "<li>Second story</li></ul><p>Footer text</p>"
        ),
        "test",
    )
    kinds = [(block.kind, article.text[block.start : block.end]) for block in article.blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, "Home"),
        (BlockKind.HEADING, "Latest"),
        (BlockKind.LIST_ITEM, "First story"),
        (BlockKind.LIST_ITEM, "Second story"),
        (BlockKind.PARAGRAPH, "Footer text"),
    ]
    assert article.title == "Port index"


def test_scripts_styles_and_comments_are_not_text() -> None:
    article = extract_whole_page(
        html_page("<script>var hidden = 1;</script><style>p {}</style><!-- note --><p>Shown</p>"),
        "test",
    )
    assert article.text == "Shown"


def test_nesting_as_deep_as_the_parser_keeps_is_read_without_recursion() -> None:
    # libxml2 keeps 256 levels; Python's recursion limit (1,000 frames) is not what bounds us.
    body = "<div><span>" * 120 + "Deep text" + "</span></div>" * 120
    assert extract_whole_page(html_page(body), "test").text == "Deep text"


def test_a_page_without_visible_text_is_still_no_article() -> None:
    with pytest.raises(NotAnArticle):
        extract_whole_page(html_page("<script>only()</script>"), "test")


def test_a_text_file_keeps_its_paragraphs() -> None:
    page = SavedPage(
        content=b"User-agent: *\nDisallow: /private\n\nSitemap: /map.xml",
        media_type="text/plain",
        source_format="text",
    )
    article = extract_whole_page(page, "test")
    assert article.text == "User-agent: *\nDisallow: /private\n\nSitemap: /map.xml"
