"""Class names that trafilatura's furniture rules misread are removed from own content."""

from __future__ import annotations

from lxml import html

from reader.core.extract.layout import clear_misread_names, clear_sidebar_names

PROSE = " ".join(["The plan covers doctor visits and hospital stays in all fifty states."] * 4)


def _body_classes(body: str) -> list[str | None]:
    tree = html.document_fromstring(f"<html><body>{body}</body></html>")
    clear_misread_names(tree)
    return [element.get("class") for element in tree.find("body")]


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


def test_embed_names_go_from_tables_and_prose_but_not_from_embedded_posts() -> None:
    assert _body_classes(
        '<div class="w-embed"><table><tr><td>Plan</td><td>Price</td></tr></table></div>'
        f'<div class="entry embed"><p>{PROSE}</p></div>'
        '<div class="w-embed"><iframe src="https://video.example/1"></iframe></div>'
        f'<div class="embed-twitter"><p>{PROSE}</p></div>'
        '<div class="w-embed"><p>Two words.</p></div>'
    ) == ["", "entry", "w-embed", "embed-twitter", "w-embed"]


def test_names_with_a_ying_word_go_unless_named_after_furniture() -> None:
    assert _body_classes(
        '<div class="buying-guide-table wide"><p>Specs</p></div>'
        '<div class="sidebar-paying-members"><p>Join</p></div>'
    ) == ["wide", "sidebar-paying-members"]


def test_interface_names_go_from_prose_but_not_from_link_lists_or_sidebars() -> None:
    links = " ".join(
        f'<a href="/{n}">Another story about the plan number {n}</a>' for n in range(8)
    )
    assert _body_classes(
        f'<div class="listicle-slides"><p>{PROSE}</p></div>'
        f'<div class="accordion has-icon-left"><p>{PROSE}</p></div>'
        f'<div class="teaser-slide">{links}</div>'
        '<div class="slide"><p>Short caption.</p></div>'
        f'<div class="right-sidebar"><p>{PROSE}</p></div>'
    ) == ["", "accordion", "teaser-slide", "slide", "right-sidebar"]


def test_names_that_also_say_furniture_are_kept() -> None:
    assert _body_classes(
        f'<div class="cookie-bar"><p>{PROSE}</p></div>'
        f'<div class="newsletter-embed"><p>{PROSE}</p></div>'
        f'<div class="promo-slider"><p>{PROSE}</p></div>'
    ) == ["cookie-bar", "newsletter-embed", "promo-slider"]
