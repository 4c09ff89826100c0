"""Edits of a parsed page that lxml does not offer as one call."""

from __future__ import annotations

from lxml.html import HtmlElement


def remove_keeping_tail(element: HtmlElement) -> None:
    """Removes an element but keeps its tail text (lxml removes the tail with it)."""
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
