"""Dates a reader sees next to the headline: "Published March 2, 2025", "Dec 18, 2025 · Jane".

Pages without structured dates still print one near their headline. This module reads
the text pieces around the headline (``nearby``: page furniture such as menus, comments
and related-article lists skipped), and reads dates from short pieces only: a date inside
a sentence is something the article talks about, not when it was written.

A date labelled as an update ("Updated", "Last modified") is the modified date; the
published date is the nearest unlabelled or "Published"/"Posted" date after the headline,
else the nearest one before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from reader.core.extract.dates import parse_date
from reader.core.extract.nearby import LazyNearHeadline

_MAX_DATELINE_CHARS = 100
_MAX_LABEL_CHARS = 40
_UPDATED = re.compile(r"\b(?:updated?|modified|revised|last\s+edited|reviewed)\b", re.IGNORECASE)
# "Originally published on ..." dates an earlier version elsewhere: neither date.
_ORIGINAL = re.compile(r"\boriginally\s+(?:published|posted|appeared)\b", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Datelines:
    """Dates read from the text near the headline; None when not found."""

    published: str | None = None
    modified: str | None = None


def find_datelines(tree: HtmlElement, near: LazyNearHeadline | None = None) -> Datelines:
    """Reads the published and modified dates printed near the headline.

    Args:
        tree: the parsed page (not modified).
        near: the text around the headline, when another stage has read it already.

    Returns:
        The dates found, each None when absent.
    """
    pieces = (near or LazyNearHeadline(tree)).get()
    published = modified = None
    for group in pieces.groups:
        for index in group:
            text = pieces.pieces[index]
            if len(text) > _MAX_DATELINE_CHARS or not _HAS_DIGIT.search(text):
                continue
            date = parse_date(text)
            if date is None:
                continue
            # The label is often a piece of its own: "Updated on" <span>Dec 11, 2025</span>.
            label = text
            previous = pieces.previous(index)
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
