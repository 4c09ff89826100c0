"""Main-content selection for HTML: which parts of the page are the article.

trafilatura chooses the content, in three modes (balanced; precision- and
recall-oriented, both without its fallback extractors), and ``choose_candidate`` picks one
result from their lengths. This module prepares the tree for it (hidden elements,
figures, preformatted text) and keeps its output as an XML body so that the structure
survives. Residual furniture inside the chosen content is removed afterwards by
``cleanup``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from reader.core.extract.figures import FigureNotes, prepare_figures
from reader.core.extract.rules import HIDDEN_XPATH

_WORDS = re.compile(r"\w+")
# Measured on the development halves of both benchmarks (see benchmarks/extraction.py):
# recall wins below 0.7 of its length, precision wins above 0.6 of the balanced length.
_RECALL_SWITCH = 0.7
_PRECISION_SWITCH = 0.6
# More text than this in a hidden element means it is content revealed by a script.
_MAX_HIDDEN_TEXT = 1500


@dataclass
class ContentCandidate:
    """The main content chosen in a page, plus what the figure stage recorded."""

    body: etree._Element
    figures: FigureNotes
    mode: str = "balanced"


def _run_trafilatura(
    tree: HtmlElement, url: str | None, *, precision: bool = False, recall: bool = False
) -> etree._Element | None:
    # bare_extraction copies a tree it is given, so one prepared tree serves every run.
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=precision or recall,
        favor_precision=precision,
        favor_recall=recall,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=True,
        include_links=False,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    if body is None or len(body) == 0:
        return None
    return body


def _word_count(body: etree._Element | None) -> int:
    if body is None:
        return 0
    return len(_WORDS.findall(" ".join(body.itertext())))


def choose_candidate(balanced: int, precise: int, recalled: int) -> str:
    """Chooses among trafilatura's three modes from their word counts.

    The balanced result is the default. When it holds much less than the recall-oriented
    one, it most likely stopped at a part of the article (a lead, one section), so recall
    wins. Otherwise the precision-oriented result wins when it keeps most of the balanced
    text: what it drops is then furniture (related links, share bars, comments), not
    article paragraphs.

    Args:
        balanced: words in the balanced result.
        precise: words in the precision-oriented result.
        recalled: words in the recall-oriented result.

    Returns:
        "balanced", "precision" or "recall".
    """
    if recalled and balanced < _RECALL_SWITCH * recalled:
        return "recall"
    if precise and precise >= _PRECISION_SWITCH * balanced:
        return "precision"
    return "balanced"


def select_content(tree: HtmlElement, url: str | None) -> ContentCandidate | None:
    """Chooses the main content of a page.

    Args:
        tree: the parsed page (not modified).
        url: the page URL, if known (trafilatura uses it for relative links and rules).

    Returns:
        The content body and figure notes, or None when no main content is found.
    """
    working = _copy(tree)
    prune_hidden(working)
    figures = prepare_figures(working)
    bodies = {
        "balanced": _run_trafilatura(working, url),
        "precision": _run_trafilatura(working, url, precision=True),
        "recall": _run_trafilatura(working, url, recall=True),
    }
    choice = choose_candidate(
        *(_word_count(bodies[name]) for name in ("balanced", "precision", "recall"))
    )
    for name in (choice, "balanced", "recall", "precision"):
        body = bodies[name]
        if body is not None:
            return ContentCandidate(body=body, figures=figures, mode=name)
    return None


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
