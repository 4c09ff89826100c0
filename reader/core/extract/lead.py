"""The lead the extraction lost between the headline and its own first block.

Pages often set the article's opening paragraphs (a standfirst, an introduction) apart
from the body: in the header next to the ``<h1>``, in a wrapper of their own, as plain
text in a ``<div>`` or ``<span>``. trafilatura then starts the article at the first
section of the body, and a reader misses its first paragraphs. The text blocks of the
page that sit between the headline and the extraction's first block are read before
content selection (``survey_lead``); after it, those long enough to be a paragraph of
prose (60 words), outside page furniture, captions, players and author or promotion
boxes, and not made of link texts, are put back before the first block (``lost_lead``).
Shorter pieces there (bylines, dates, labels, subtitles, captions) stay out: a subtitle
under the headline is a summary that neither benchmark reference counts as text.

Measured (``benchmarks/extraction.py``): WCXB +0.0002 on each half (lost openings of 60
to 300 words restored on 6 pages), ScrapingHub unchanged; shorter minimums brought back
captions and subtitles (ScrapingHub 0.9758 -> 0.9673 at 15 words). Pieces inside an
element marked ``data-nosnippet`` (an author bio under the byline) stay out as well: WCXB
A 0.9533 -> 0.9534 (one page), B and ScrapingHub unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from reader.core.extract.figures import anchor_key
from reader.core.extract.furniture import in_furniture
from reader.core.extract.rules import NOT_LEAD_CLASS
from reader.core.extract.text import PendingBlock, normalize_space
from reader.core.model import BlockKind

_WORDS = re.compile(r"\w+")
# Elements that break text into blocks: a piece of text is the text of one of them that
# holds no other.
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
     "li", "dl", "dt", "dd", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
     "blockquote", "figure", "figcaption", "form", "pre", "details", "summary"}
)  # fmt: skip
# Texts nobody reads as the article's lead.
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "button", "select"})
# How many text pieces after the headline are read: the lead sits right under it.
_MAX_PIECES = 25
# Only a long paragraph is taken for a lead: shorter pieces under a headline are as often
# a subtitle, a caption or a teaser, which references (and readers) do not count as text.
_MIN_LEAD_WORDS = 60
# Pieces mostly made of link texts are teasers and menus; pieces of many links are tables
# of contents run together.
_MAX_LINK_SHARE = 0.5
_MAX_LINKS = 3


@dataclass(frozen=True)
class LeadPiece:
    """One text block of the page after the headline.

    Attributes:
        text: its text, spaces normalised.
        key: ``figures.anchor_key`` of the text.
        eligible: whether it may be a lead paragraph (long enough, outside furniture, not
            link text).
    """

    text: str
    key: str
    eligible: bool


def _holds_blocks(element: HtmlElement) -> bool:
    return any(
        isinstance(item.tag, str) and item.tag in _BLOCK_TAGS for item in element.iterdescendants()
    )


def _headline(tree: HtmlElement) -> HtmlElement | None:
    for heading in tree.iter("h1"):
        if not in_furniture(heading):
            return heading
    return None


def _in_other_box(element: HtmlElement) -> bool:
    """True inside a caption, a media player or transcript, an author box or a promotion
    (by the class or id names of the element or its ancestors), or inside an element the
    site marks ``data-nosnippet`` (not the page's content for search snippets: bylines,
    author bios, notices)."""
    for item in (element, *element.iterancestors()):
        if item.get("data-nosnippet") is not None:
            return True
        names = f"{item.get('class') or ''} {item.get('id') or ''}"
        if names.strip() and NOT_LEAD_CLASS.search(names):
            return True
    return False


def _piece(element: HtmlElement, whole: bool) -> LeadPiece | None:
    """The element's text as a piece: all of it, or (``whole`` false, for an element that
    holds other blocks) the text before its first child."""
    text = normalize_space(element.text_content() if whole else element.text or "")
    if not text:
        return None
    return LeadPiece(text, anchor_key(text), _is_lead_like(element, text, whole))


def _is_lead_like(element: HtmlElement, text: str, whole: bool) -> bool:
    # Most pieces are short: a word takes two characters at least, so those are settled
    # without counting.
    if len(text) < 2 * _MIN_LEAD_WORDS:
        return False
    words = len(_WORDS.findall(text))
    if words < _MIN_LEAD_WORDS:
        return False
    links = list(element.iter("a")) if whole else []
    linked = sum(len(_WORDS.findall(link.text_content())) for link in links)
    return (
        linked <= _MAX_LINK_SHARE * words
        and len(links) <= _MAX_LINKS
        and not in_furniture(element)
        and not _in_other_box(element)
    )


def survey_lead(tree: HtmlElement) -> list[LeadPiece]:
    """Reads the text pieces that follow the page's headline, in document order.

    Args:
        tree: the parsed page, before content selection prunes it (read only).

    Returns:
        Up to ``_MAX_PIECES`` pieces after the first ``<h1>`` outside page furniture;
        empty when there is none.
    """
    headline = _headline(tree)
    if headline is None:
        return []
    pieces: list[LeadPiece] = []
    seen: set[str] = set()
    after = False
    walk = etree.iterwalk(tree, events=("start",))
    for _event, element in walk:
        if element is headline or element.tag in _SKIPPED_TAGS:
            after = after or element is headline
            walk.skip_subtree()
            continue
        if not after or not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        # A span is a piece of its own only beside other blocks (a wrapper's loose line).
        span = element.tag == "span" and parent is not None and _holds_blocks(parent)
        if element.tag in _BLOCK_TAGS or span:
            whole = not _holds_blocks(element)
            piece = _piece(element, whole)
            if whole:
                walk.skip_subtree()
            # Carousels and responsive layouts repeat a piece; it counts once.
            if piece is not None and piece.key not in seen:
                seen.add(piece.key)
                pieces.append(piece)
                if len(pieces) >= _MAX_PIECES:
                    break
    return pieces


def lost_lead(blocks: list[PendingBlock], pieces: list[LeadPiece]) -> list[PendingBlock]:
    """The lead paragraphs between the headline and the first extracted block.

    Args:
        blocks: the extracted blocks in order.
        pieces: ``survey_lead`` of the page.

    Returns:
        The paragraphs to put before the blocks (none when the first block is not among
        the pieces read after the headline).
    """
    first = next((block for block in blocks if block.kind is not BlockKind.IMAGE), None)
    if first is None or not pieces:
        return []
    first_key = anchor_key(first.text)
    position = next((i for i, piece in enumerate(pieces) if piece.key == first_key), None)
    if not position:
        return []
    present = {anchor_key(block.text) for block in blocks}
    return [
        PendingBlock(BlockKind.PARAGRAPH, piece.text)
        for piece in pieces[:position]
        if piece.eligible and piece.key not in present
    ]
