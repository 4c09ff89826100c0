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


def _copy(tree: HtmlElement) -> HtmlElement:
    from copy import deepcopy

    return deepcopy(tree)
