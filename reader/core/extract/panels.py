"""Collapsed panels: hidden text that a reader opens with a button on the page.

Guides and FAQ pages put whole steps and answers in accordions: a heading button with
``aria-controls`` naming a panel that stays ``display:none`` (or ``hidden``) until the
reader opens it. The text is the article's (a reader who prints or saves the page opens
it), but every extractor drops hidden elements, so the article loses those sections.
A hidden element that another element's ``aria-controls`` names, that holds prose (not
mostly link texts) and that is not a menu, a dialog or a banner by its tag or class
names, is opened here: its hiding attributes are removed. Menus and dialogs are
toggled the same way, hence the tests on links and names.

Measured (``benchmarks/extraction.py``): WCXB half A 0.9517 -> 0.9533 (one guide whose
steps were all in closed panels, 0.38 -> 0.97), half B 0.9559 -> 0.9560 (an FAQ); no page
lost. Of the hidden elements ``aria-controls`` names on WCXB, most are menus and dialogs
(which these rules keep hidden); the panels that pass hold reference text.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.core.extract.rules import FURNITURE_CLASS, NAVIGATION_CLASS

_WORDS = re.compile(r"\w+")
# Toggled boxes that are not part of any article: dialogs, banners, overlays, menus.
_NOT_PANEL_CLASS = re.compile(
    r"modal|dialog|popup|pop-up|overlay|banner|drawer|offcanvas|nav|menu|search|cart|login",
    re.IGNORECASE,
)
_NOT_PANEL_TAGS = frozenset({"nav", "form", "header", "footer", "aside", "dialog", "ul", "ol"})
# A panel is prose: a few sentences at least, and little of it link text.
_MIN_PANEL_WORDS = 15
_MAX_LINK_SHARE = 0.3


def toggled_ids(tree: HtmlElement) -> frozenset[str]:
    """Ids that some element of the page names in ``aria-controls`` (several ids may be
    listed, separated by spaces)."""
    ids: set[str] = set()
    for value in tree.xpath("//@aria-controls"):
        ids.update(str(value).split())
    return frozenset(ids)


def is_collapsed_panel(element: HtmlElement, toggled: frozenset[str]) -> bool:
    """True when a hidden element is a panel of the article that a button opens.

    Args:
        element: a hidden element.
        toggled: ``toggled_ids`` of the page.

    Returns:
        Whether the element should be shown rather than removed.
    """
    identifier = element.get("id")
    if not identifier or identifier not in toggled or element.tag in _NOT_PANEL_TAGS:
        return False
    if element.get("role") == "dialog" or element.get("aria-modal") is not None:
        return False
    names = f"{element.get('class') or ''} {identifier}"
    if _NOT_PANEL_CLASS.search(names) or FURNITURE_CLASS.search(names):
        return False
    if NAVIGATION_CLASS.search(names):
        return False
    words = len(_WORDS.findall(element.text_content()))
    if words < _MIN_PANEL_WORDS:
        return False
    linked = sum(len(_WORDS.findall(link.text_content())) for link in element.iter("a"))
    return linked <= _MAX_LINK_SHARE * words


def open_panel(element: HtmlElement) -> None:
    """Removes what hides an element: the ``hidden`` and ``aria-hidden`` attributes and a
    ``display:none`` or ``visibility:hidden`` in its style."""
    for name in ("hidden", "aria-hidden"):
        if name in element.attrib:
            del element.attrib[name]
    style = element.get("style")
    if style is not None:
        kept = [
            part
            for part in style.split(";")
            if part.replace(" ", "").lower() not in ("display:none", "visibility:hidden")
        ]
        element.set("style", ";".join(kept))
