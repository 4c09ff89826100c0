"""Figures and images around main-text extraction.

Content selection runs without images: counting them changes which part of the page
trafilatura picks, and measurably for the worse. So this stage records, on the full tree,
every content image with its alt text, its figure caption and credit, and the text block
just before it (its *anchor*). After extraction, ``place_images`` puts each image back
after its anchor block when that block was kept; images whose anchor was dropped are
dropped with it, which keeps sidebar and teaser images out.

It also marks ``<pre>`` text with a private-use character that survives extraction, so the
structure stage can rebuild preformatted blocks (trafilatura turns them into quotes).

``prepare_figures`` changes the tree it is given (captions and credit lines are removed,
``<pre>`` marked): pass it a tree that nothing else will read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml.html import HtmlElement

from reader.core.extract.elements import remove_keeping_tail
from reader.core.extract.rules import CREDIT_LINE, CREDIT_TAIL, SKIPPED_IMAGE
from reader.core.extract.text import PendingBlock, normalize_space
from reader.core.model import BlockKind

PREFORMATTED_MARK = "\ue001"

_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|attribution|image-source", re.I)
_IMAGE_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-url", "src")
_ANCHOR_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd"}
_OUTSIDE_CONTENT = {"nav", "header", "footer", "aside", "form", "button", "a"}
_MIN_SIZE = 100
_KEY = re.compile(r"\W+")


_ANCHOR_CHARACTERS = 80


@lru_cache(maxsize=4096)
def anchor_key(text: str) -> str:
    """A loose key for matching a page element's text to an extracted block's text: its
    first 80 letters and digits, lower-cased.

    Cached: the restore, lead and image stages key the same block texts one after another.
    """
    # Read from a growing prefix: keys are taken of whole sections' texts, and removing
    # non-word characters commutes with cutting the text (so does lower-casing, which only
    # lengthens), so a prefix that gives 80 characters gives the same key.
    size = 2 * _ANCHOR_CHARACTERS
    while True:
        key = _KEY.sub("", text[:size])
        if len(key) >= _ANCHOR_CHARACTERS or size >= len(text):
            return key.lower()[:_ANCHOR_CHARACTERS]
        size *= 4


def element_anchor_key(element: HtmlElement) -> str:
    """``anchor_key(element.text_content())``, reading only as much text as it needs."""
    pieces: list[str] = []
    length = 0
    for piece in element.itertext():
        pieces.append(piece)
        length += len(piece)
        # Enough text for 80 word characters once non-word ones go: checked only then.
        if length >= 2 * _ANCHOR_CHARACTERS:
            key = anchor_key("".join(pieces))
            if len(key) >= _ANCHOR_CHARACTERS:
                return key
    return anchor_key("".join(pieces))


@dataclass(frozen=True)
class ImageNote:
    """A content image found in the page, with what should follow it."""

    source: str
    alt: str
    caption: str | None
    credit: str | None
    anchor: str  # anchor_key of the text block before it; "" at the start of the page


@dataclass
class FigureNotes:
    """What the figure stage found, in document order."""

    images: list[ImageNote] = field(default_factory=list)


def image_location(image: HtmlElement) -> str | None:
    """The location of an image as the page refers to it (lazy-loading attributes first)."""
    for name in _IMAGE_ATTRIBUTES:
        value = (image.get(name) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = (image.get("srcset") or image.get("data-srcset") or "").strip()
    if srcset:
        return srcset.split(",")[0].split()[0]
    return None


def split_credit(caption: str) -> tuple[str, str | None]:
    """Splits "Smoke rises over the city Image: AFP/Getty Images" into caption and credit."""
    match = CREDIT_TAIL.search(caption)
    if match:
        return caption[: match.start()].strip(), normalize_space(match.group(0))
    return caption, None


def _is_small(image: HtmlElement) -> bool:
    for name in ("width", "height"):
        value = (image.get(name) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < _MIN_SIZE:
            return True
    return False


def _outside_content(image: HtmlElement) -> bool:
    return any(ancestor.tag in _OUTSIDE_CONTENT for ancestor in image.iterancestors())


def _figure_caption(figure: HtmlElement) -> tuple[str | None, str | None]:
    """Reads and removes a figure's caption and credit elements."""
    credits: list[str] = []
    for element in [e for e in figure.iter() if e is not figure]:
        if isinstance(element.tag, str) and _CREDIT_CLASS.search(element.get("class") or ""):
            credit = normalize_space(element.text_content())
            if credit and len(credit) < 150:
                credits.append(credit)
            remove_keeping_tail(element)
    caption: str | None = None
    caption_element = figure.find(".//figcaption")
    if caption_element is not None:
        text, tail_credit = split_credit(normalize_space(caption_element.text_content()))
        if tail_credit:
            credits.append(tail_credit)
        if text and not CREDIT_LINE.match(text):
            caption = text
        remove_keeping_tail(caption_element)
    return caption, "; ".join(credits) or None


def prepare_figures(tree: HtmlElement) -> FigureNotes:
    """Records content images with their anchors, captions and credits; marks ``<pre>``.

    Args:
        tree: the parsed page, changed in place (see the module docstring).

    Returns:
        The images found, in document order.
    """
    notes = FigureNotes()
    captions: dict[int, tuple[str | None, str | None]] = {}
    # The list keeps the element objects alive: lxml reuses an element's object only
    # while something refers to it, so their ids stay valid keys for this function.
    figures = list(tree.iter("figure"))
    for figure in figures:
        captions[id(figure)] = _figure_caption(figure)
    # The anchor is the last text block with text before an image. Its key is only
    # computed when an image follows: most blocks of a page precede no image.
    anchor = ""
    pending: list[HtmlElement] = []
    seen: set[str] = set()
    for element in tree.iter():
        tag = element.tag
        if tag in _ANCHOR_TAGS:
            pending.append(element)
        elif tag == "img":
            anchor = _last_anchor(pending, anchor)
            pending.clear()
            source = image_location(element)
            if not source or source in seen or _is_small(element) or _outside_content(element):
                continue
            if SKIPPED_IMAGE.search(source) or SKIPPED_IMAGE.search(element.get("class") or ""):
                continue
            figure = next((a for a in element.iterancestors("figure")), None)
            caption, credit = (
                captions.get(id(figure), (None, None)) if figure is not None else (None, None)
            )
            seen.add(source)
            alt = normalize_space(element.get("alt") or "")
            notes.images.append(ImageNote(source, alt, caption, credit, anchor))
    for pre in tree.iter("pre"):
        pre.text = PREFORMATTED_MARK + (pre.text or "")
    return notes


def _last_anchor(candidates: list[HtmlElement], previous: str) -> str:
    for element in reversed(candidates):
        key = element_anchor_key(element)
        if key:
            return key
    return previous


def place_images(
    blocks: list[PendingBlock], notes: FigureNotes, *, title: str | None, credits: list[str]
) -> list[PendingBlock]:
    """Puts each recorded image (and its caption) after the kept block it followed.

    Args:
        blocks: the extracted blocks, without images.
        notes: the images recorded by ``prepare_figures``.
        title: the title metadata; images right after the title go before the first block.
        credits: receives the credits of placed images.

    Returns:
        The blocks with image and caption blocks inserted.
    """
    if not notes.images:
        return blocks
    by_anchor: dict[str, list[ImageNote]] = {}
    for image in notes.images:
        by_anchor.setdefault(image.anchor, []).append(image)
    placed: list[PendingBlock] = []
    title_key = anchor_key(title) if title else None
    if (
        title_key
        and title_key in by_anchor
        and not (blocks and anchor_key(blocks[0].text) == title_key)
    ):
        _emit(placed, by_anchor.pop(title_key), credits)
    for block in blocks:
        placed.append(block)
        key = anchor_key(block.text)
        if key in by_anchor:
            _emit(placed, by_anchor.pop(key), credits)
    return placed


def _emit(placed: list[PendingBlock], images: list[ImageNote], credits: list[str]) -> None:
    for image in images:
        placed.append(PendingBlock(BlockKind.IMAGE, image.alt, source=image.source))
        if image.caption:
            placed.append(PendingBlock(BlockKind.CAPTION, image.caption))
        if image.credit:
            credits.append(image.credit)
