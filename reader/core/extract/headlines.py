"""The page's visible headlines: ``<h1>`` texts, and the readings hidden in them.

An ``<h1>`` often holds more than the headline: a label ("<strong>Blog:</strong> ..."), a
date ("<time>Dec 18 2025</time> ..."), a byline or a comment count nested inside it. Each
heading keeps, besides its full text, the texts it would have without one of its nested
elements and the texts of its nested elements alone; the title stage accepts one of those
readings only when a structured title (``og:title``, ``<title>``...) agrees with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from reader.core.extract.text import normalize_space

_OUTSIDE_HEADLINE = {"nav", "footer", "aside"}
# Elements whose boundaries separate words even when the markup has no space there.
_BREAKING = {"br", "div", "p", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "hr", "time"}
_MAX_HEADINGS = 10
_MAX_NESTED = 12


@dataclass(frozen=True)
class Heading:
    """One ``<h1>``: its visible text and alternative readings (see the module doc)."""

    text: str
    readings: tuple[str, ...] = ()


def _text(element: HtmlElement, without: HtmlElement | None = None) -> str:
    """The element's text with word breaks at line breaks and blocks; ``without`` (a
    descendant) is left out, its tail kept."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child is not without:
                if child.tag in _BREAKING:
                    parts.append(" ")
                walk(child)
                if child.tag in _BREAKING:
                    parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return normalize_space("".join(parts))


def _readings(element: HtmlElement, text: str) -> tuple[str, ...]:
    found: list[str] = []
    for nested in list(element.iterdescendants())[:_MAX_NESTED]:
        if not isinstance(nested.tag, str):
            continue
        for reading in (_text(element, without=nested), _text(nested)):
            if reading and reading != text and reading not in found:
                found.append(reading)
    return tuple(found)


def find_headings(tree: HtmlElement) -> list[Heading]:
    """The ``<h1>`` elements outside navigation, footers and asides, in document order.

    Args:
        tree: the parsed page (not modified).

    Returns:
        At most ten headings with non-empty text, without repeats.
    """
    headings: list[Heading] = []
    seen: set[str] = set()
    for element in list(tree.iter("h1"))[:_MAX_HEADINGS]:
        if any(ancestor.tag in _OUTSIDE_HEADLINE for ancestor in element.iterancestors()):
            continue
        text = _text(element)
        if text and text not in seen:
            seen.add(text)
            headings.append(Heading(text, _readings(element, text)))
    return headings
