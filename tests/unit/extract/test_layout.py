"""Sidebar layout names on the headline's containers and embed names on own content go."""

from __future__ import annotations

from lxml import html

from reader.core.extract.layout import clear_embed_names, clear_sidebar_names, clear_ying_names


def _classes(page: str) -> list[str]:
    tree = html.document_fromstring(page)
    clear_sidebar_names(tree)
    return [element.get("class") or "" for element in tree.iter("div", "aside")]


def test_the_headlines_containers_lose_their_sidebar_names() -> None:
    page = (
        '<html><body><div class="main main-with-sidebar">'
        '<div class="content-sidebar-wrap post"><h1>Title</h1><p>Text.</p></div>'
        '</div><div class="sidebar"><p>Popular posts</p></div></body></html>'
    )
    assert _classes(page) == ["main", "post", "sidebar"]


def test_a_headline_in_the_page_header_changes_nothing() -> None:
    page = (
        '<html><body><header><div class="sidebar-toggle"><h1>Site name</h1></div></header>'
        '<div class="layout-with-sidebar"><p>Text.</p></div></body></html>'
    )
    assert _classes(page) == ["sidebar-toggle", "layout-with-sidebar"]


PROSE = " ".join(["The plan covers doctor visits and hospital stays in all fifty states."] * 3)


def test_embed_names_go_from_tables_and_prose_but_not_from_embedded_posts() -> None:
    page = (
        "<html><body>"
        '<div class="w-embed"><table><tr><td>Plan</td><td>Price</td></tr></table></div>'
        f'<div class="entry embed"><p>{PROSE}</p></div>'
        '<div class="w-embed"><iframe src="https://video.example/1"></iframe></div>'
        f'<div class="embed-twitter"><p>{PROSE}</p></div>'
        '<div class="w-embed"><p>Two words.</p></div>'
        "</body></html>"
    )
    tree = html.document_fromstring(page)
    clear_embed_names(tree)
    assert [element.get("class") for element in tree.find("body")] == [
        "",
        "entry",
        "w-embed",
        "embed-twitter",
        "w-embed",
    ]


def test_names_with_a_ying_word_go_unless_named_after_furniture() -> None:
    tree = html.document_fromstring(
        '<html><body><div class="buying-guide-table wide"><p>Specs</p></div>'
        '<div class="sidebar-paying-members"><p>Join</p></div></body></html>'
    )
    clear_ying_names(tree)
    assert [element.get("class") for element in tree.find("body")] == [
        "wide",
        "sidebar-paying-members",
    ]
