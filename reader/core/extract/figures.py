"""Figures before main-text extraction: captions, image credits and preformatted text.

trafilatura drops ``<figcaption>`` and turns ``<pre>`` into quotes, so this stage records
what it would lose while the full tree is still at hand: each figure's caption (keyed by
its image location, to put it back after the image) and its credit line (moved to the
credits metadata). ``<pre>`` text gets a private-use marker character that survives
extraction and tells the structure stage to rebuild a preformatted block.

This stage changes the tree it is given: pass it a tree that nothing else will read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from reader.core.extract.rules import CREDIT_LINE, CREDIT_TAIL
from reader.core.extract.text import normalize_space

PREFORMATTED_MARK = "\ue001"

_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|source|byline|attribution", re.I)
_IMAGE_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-url", "src")


@dataclass
class FigureNotes:
    """What the figure stage found: captions by image location, and credits."""

    captions: dict[str, str] = field(default_factory=dict)
    credits: list[str] = field(default_factory=list)


def image_location(image: HtmlElement) -> str | None:
    """The location of an image as the page refers to it (lazy-loading attributes first)."""
    for name in _IMAGE_ATTRIBUTES:
        value = (image.get(name) or "").strip()
        if value and not value.startswith("data:image/gif"):
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


def prepare_figures(tree: HtmlElement) -> FigureNotes:
    """Records figure captions and credits, and marks preformatted text.

    Args:
        tree: the parsed page; credit elements inside figures are removed from it.

    Returns:
        Captions keyed by image location, and the credits found.
    """
    notes = FigureNotes()
    for figure in list(tree.iter("figure")):
        caption_element = figure.find(".//figcaption")
        image = figure.find(".//img")
        credit_elements = [
            element
            for element in figure.iter()
            if element is not figure and _CREDIT_CLASS.search(element.get("class") or "")
        ]
        for element in credit_elements:
            credit = normalize_space(element.text_content())
            if credit and len(credit) < 150:
                notes.credits.append(credit)
            _drop(element)
        if caption_element is None or image is None:
            continue
        caption, caption_credit = split_credit(normalize_space(caption_element.text_content()))
        if caption_credit:
            notes.credits.append(caption_credit)
        location = image_location(image)
        if caption and location and not CREDIT_LINE.match(caption):
            notes.captions[location] = caption
    for pre in tree.iter("pre"):
        pre.text = PREFORMATTED_MARK + (pre.text or "")
    return notes


def _drop(element: HtmlElement) -> None:
    """Removes an element but keeps its tail text."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
