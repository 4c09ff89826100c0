"""Collapsed accordion panels are opened; hidden menus and dialogs still go."""

from __future__ import annotations

from lxml import html

from reader.core.extract.boilerplate import prune_hidden

ANSWER = (
    "Most installations take one to three days once the permits are approved, and the "
    "utility then needs two more weeks to connect the system to the grid."
)


def _page(body: str) -> html.HtmlElement:
    return html.document_fromstring(f"<html><body>{body}</body></html>")


def test_a_panel_named_by_a_toggle_is_opened() -> None:
    tree = _page(
        '<h2><a role="button" aria-controls="step-1">How long does it take?</a></h2>'
        f'<div id="step-1" style="display:none; color: red"><p>{ANSWER}</p></div>'
    )
    prune_hidden(tree)
    panel = tree.get_element_by_id("step-1")
    assert ANSWER in panel.text_content()
    assert "display" not in (panel.get("style") or "")


def test_a_hidden_element_no_toggle_names_is_removed() -> None:
    tree = _page(f'<div id="step-1" hidden><p>{ANSWER}</p></div>')
    prune_hidden(tree)
    assert ANSWER not in tree.text_content()


def test_toggled_menus_dialogs_and_link_lists_stay_hidden() -> None:
    links = " ".join(f'<a href="/{n}">Section number {n}</a>' for n in range(12))
    tree = _page(
        '<button aria-controls="main-menu site-login links">Open</button>'
        f'<div id="main-menu" hidden><p>{ANSWER}</p></div>'
        f'<div id="site-login" role="dialog" hidden><p>{ANSWER} Log in.</p></div>'
        f'<div id="links" hidden><p>{links}</p></div>'
    )
    prune_hidden(tree)
    assert "install" not in tree.text_content()
    assert "Section number" not in tree.text_content()
