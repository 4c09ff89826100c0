"""Main-content selection for HTML: which parts of the page are the article.

trafilatura (balanced mode) chooses the content; this module prepares the tree for it
(figures, preformatted text) and keeps its output as an XML body so that the structure
survives. Residual furniture inside the chosen content is removed afterwards by
``cleanup``.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from reader.core.extract.figures import FigureNotes, prepare_figures
from reader.core.extract.rules import HIDDEN_XPATH

# More text than this in a hidden element means it is content revealed by a script.
_MAX_HIDDEN_TEXT = 1500


@dataclass
class ContentCandidate:
    """The main content chosen in a page, plus what the figure stage recorded."""

    body: etree._Element
    figures: FigureNotes


def select_content(
    tree: HtmlElement, url: str | None, *, favor_precision: bool = False
) -> ContentCandidate | None:
    """Runs trafilatura on a prepared copy of the tree.

    Args:
        tree: the parsed page (not modified).
        url: the page URL, if known (trafilatura uses it for relative links and rules).
        favor_precision: prefer less text, used when the balanced result looks noisy.

    Returns:
        The content body and figure notes, or None when no main content is found.
    """
    working = _copy(tree)
    prune_hidden(working)
    figures = prepare_figures(working)
    document = trafilatura.bare_extraction(
        working,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=True,
        include_links=False,
        with_metadata=False,
        favor_precision=favor_precision,
    )
    body = getattr(document, "body", None)
    if body is None or len(body) == 0:
        return None
    return ContentCandidate(body=body, figures=figures)


def prune_hidden(tree: HtmlElement) -> None:
    """Removes elements a reader never sees: ``hidden``, ``aria-hidden``, ``display:none``.

    Pages keep microdata copies of the headline and dates, cookie dialogs and menus in
    hidden elements; a browser shows none of it, so neither do we. A hidden element holding
    a lot of text is kept: pages that reveal the article with a script hide it this way.
    """
    for element in list(tree.xpath(HIDDEN_XPATH)):
        if element.tag in ("html", "body"):
            continue
        # Hidden microdata blocks repeat the headline and dates whatever their length.
        if element.get("itemscope") is None and len(element.text_content()) > _MAX_HIDDEN_TEXT:
            continue
        parent = element.getparent()
        if parent is not None:
            tail = element.tail
            parent.remove(element)
            if tail and tail.strip():
                previous = parent[-1] if len(parent) else None
                if previous is not None:
                    previous.tail = (previous.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail


def _copy(tree: HtmlElement) -> HtmlElement:
    from copy import deepcopy

    return deepcopy(tree)
