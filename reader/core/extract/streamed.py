"""Content that a page streams in after its first paint (React's streaming server rendering).

Pages rendered by React 18+ with streaming (Next.js and others) send a placeholder first
(``<template id="B:0">`` followed by a "Loading..." fallback) and the finished part later,
at the end of the body, in a hidden ``<div hidden id="S:0">``; a small inline script,
``$RC("B:0","S:0")`` (``$RS("S:1","P:1")`` for segments), then moves it into place. A
browser shows the article where the placeholder was; a reader of the saved markup sees
the article hidden at the bottom of the page. ``reveal_streamed`` does what the script
does for the placeholders of the page as first sent, and a streamed part left where it
is (nested in another part, or its script missing) is at least not treated as hidden.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.core.extract.elements import remove_keeping_tail

# $RC(boundary, content) completes a boundary; $RS(content, placeholder) a segment.
_COMPLETE_BOUNDARY = re.compile(r"\$RC\(\s*[\"'](B:[\w-]+)[\"']\s*,\s*[\"'](S:[\w-]+)[\"']")
_COMPLETE_SEGMENT = re.compile(r"\$RS\(\s*[\"'](S:[\w-]+)[\"']\s*,\s*[\"'](P:[\w-]+)[\"']")
_STREAMED_ID = re.compile(r"^S:[\w-]+$")


def streamed_moves(script: str) -> list[tuple[str, str]]:
    """The (placeholder id, streamed part id) pairs a React streaming script sets in place.

    Args:
        script: the text of one inline script.

    Returns:
        The pairs in the order the script completes them.
    """
    if "$R" not in script:
        return []
    moves = [(match[1], match[2]) for match in _COMPLETE_BOUNDARY.finditer(script)]
    moves += [(match[2], match[1]) for match in _COMPLETE_SEGMENT.finditer(script)]
    return moves


def is_streamed_part(element: HtmlElement) -> bool:
    """True for a hidden streamed part (``<div hidden id="S:...">``): content, not furniture."""
    return bool(_STREAMED_ID.match(element.get("id") or ""))


def reveal_streamed(tree: HtmlElement, moves: list[tuple[str, str]]) -> None:
    """Moves streamed parts to their placeholders, as the page's script would.

    Args:
        tree: the parsed page; changed in place.
        moves: ``streamed_moves`` of the page's scripts.
    """
    if not moves:
        return
    by_id = {element.get("id"): element for element in tree.xpath("//*[@id]")}
    # Only placeholders of the page as first sent are filled: a part moved into another
    # part lands wherever that one went, often inside layout wrappers (a header, a table of
    # contents) that content selection discards whole. Nested parts stay where they are.
    planned: list[tuple[HtmlElement, HtmlElement]] = []
    for placeholder_id, part_id in moves:
        placeholder = by_id.get(placeholder_id)
        part = by_id.get(part_id)
        if placeholder is None or part is None or not is_streamed_part(part):
            continue
        if not any(is_streamed_part(ancestor) for ancestor in placeholder.iterancestors()):
            planned.append((placeholder, part))
    for placeholder, part in planned:
        parent = placeholder.getparent()
        if parent is None:
            continue
        position = parent.index(placeholder)
        if part.text and part.text.strip():
            placeholder.tail = part.text + (placeholder.tail or "")
        for offset, child in enumerate(list(part), start=1):
            parent.insert(position + offset, child)
        remove_keeping_tail(part)
