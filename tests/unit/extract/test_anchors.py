"""Section ids made from headings are cleared; names of page parts are kept."""

from __future__ import annotations

from lxml import html

from reader.core.extract.anchors import clear_heading_ids


def _ids(body: str) -> list[str]:
    tree = html.document_fromstring(f"<html><body>{body}</body></html>")
    clear_heading_ids(tree)
    return [element.get("id") for element in tree.iter() if element.get("id")]


def test_an_id_made_from_the_sections_heading_is_cleared() -> None:
    assert (
        _ids(
            '<div id="menu-planning-for-large-events">'
            "<h2>Menu planning for large events</h2><p>Text.</p></div>"
        )
        == []
    )


def test_a_slug_cut_short_still_counts() -> None:
    assert (
        _ids(
            '<section id="sharing-results-with-your">'
            "<h3>Sharing results with your team, step by step</h3></section>"
        )
        == []
    )


def test_names_of_page_parts_are_kept() -> None:
    body = (
        '<div id="main-menu-1"><h2>Main menu</h2></div>'
        '<div id="related-articles-list"><h2>More stories you may like</h2></div>'
        '<div id="site-footer"><h2>Site footer</h2></div>'
        '<div id="getting-started-guide"><h2>Getting started guide</h2></div>'
    )
    # Short ids, ids that differ from the heading, and ids without a furniture word stay.
    assert _ids(body) == [
        "main-menu-1",
        "related-articles-list",
        "site-footer",
        "getting-started-guide",
    ]
