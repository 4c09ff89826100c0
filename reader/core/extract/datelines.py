"""Dates a reader sees next to the headline: "Published March 2, 2025", "Dec 18, 2025 · Jane".

Pages without structured dates still print one near their headline. This module reads the
body's text in document order, around the first ``<h1>`` outside navigation, skipping the
parts of a page that carry other dates (navigation, footers, asides, forms, comments,
related-article lists), and reads dates from short text pieces only: a date inside a
sentence is something the article talks about, not when it was written.

A date labelled as an update ("Updated", "Last modified") is the modified date; the
published date is the nearest unlabelled or "Published"/"Posted" date after the headline,
else the nearest one before it. Cost: one walk over at most a bounded number of elements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from reader.core.extract.dates import parse_date
from reader.core.extract.rules import DATELINE_SKIPPED_CLASS, DATELINE_SKIPPED_TAGS

# How far from the headline a dateline may sit, in text pieces.
_AFTER_HEADLINE = 60
_BEFORE_HEADLINE = 30
# Without a headline, datelines are looked for among the body's first text pieces.
_WITHOUT_HEADLINE = 120
_MAX_DATELINE_CHARS = 100
_MAX_LABEL_CHARS = 40
_MAX_ELEMENTS = 20_000
_UPDATED = re.compile(r"\b(?:updated?|modified|revised|last\s+edited|reviewed)\b", re.IGNORECASE)
# "Originally published on ..." dates an earlier version elsewhere: neither date.
_ORIGINAL = re.compile(r"\boriginally\s+(?:published|posted|appeared)\b", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Datelines:
    """Dates read from the text near the headline; None when not found."""

    published: str | None = None
    modified: str | None = None


def _skipped(element: HtmlElement) -> bool:
    if element.tag in DATELINE_SKIPPED_TAGS:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and DATELINE_SKIPPED_CLASS.search(names) is not None


def _pieces(body: HtmlElement) -> list[tuple[str, bool]]:
    """Text pieces of the readable body in document order, as ``(text, is_h1_marker)``.

    The walk stops once the window after the first headline is filled (or, on a page
    without any ``<h1>``, once the first pieces are read), so its cost does not grow with
    the length of the article.
    """
    has_headline = body.find(".//h1") is not None
    pieces: list[tuple[str, bool]] = []
    headline: int | None = None
    # Iterative walk over (element, tail_only); a skipped element still gives its tail.
    stack: list[tuple[HtmlElement, bool]] = [(body, False)]
    visited = 0
    while stack and visited < _MAX_ELEMENTS:
        if headline is not None and len(pieces) > headline + _AFTER_HEADLINE:
            break
        if not has_headline and len(pieces) >= _WITHOUT_HEADLINE:
            break
        element, tail_only = stack.pop()
        visited += 1
        if tail_only:
            if element.tail and element.tail.strip():
                pieces.append((element.tail, False))
            continue
        if element.tag == "h1" and headline is None:
            headline = len(pieces)
            pieces.append(("", True))
        if element.text and element.text.strip():
            pieces.append((element.text, False))
        for child in reversed(element):
            if isinstance(child.tag, str):
                stack.append((child, True))
                if not _skipped(child):
                    stack.append((child, False))
    return pieces


def find_datelines(tree: HtmlElement) -> Datelines:
    """Reads the published and modified dates printed near the headline.

    Args:
        tree: the parsed page (not modified).

    Returns:
        The dates found, each None when absent.
    """
    body = tree.find("body")
    if body is None:
        return Datelines()
    pieces = _pieces(body)
    headline = next((index for index, (_, marker) in enumerate(pieces) if marker), None)
    if headline is None:
        groups = [range(min(len(pieces), _WITHOUT_HEADLINE))]
    else:
        after = range(headline + 1, min(len(pieces), headline + 1 + _AFTER_HEADLINE))
        before = range(headline - 1, max(-1, headline - 1 - _BEFORE_HEADLINE), -1)
        groups = [after, before]
    published = modified = None
    for group in groups:
        for index in group:
            text, marker = pieces[index]
            if marker or len(text) > _MAX_DATELINE_CHARS or not _HAS_DIGIT.search(text):
                continue
            date = parse_date(text)
            if date is None:
                continue
            # The label is often a piece of its own: "Updated on" <span>Dec 11, 2025</span>.
            label = text
            previous = pieces[index - 1][0] if index > 0 else ""
            if len(previous) <= _MAX_LABEL_CHARS and not _HAS_DIGIT.search(previous):
                label = previous + " " + text
            if _ORIGINAL.search(label):
                continue
            if _UPDATED.search(label):
                modified = modified or date
            elif published is None:
                published = date
        if published:
            break
    return Datelines(published, modified)
