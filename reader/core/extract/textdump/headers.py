"""Title, date and byline of a dump, read from the lines around the article's start.

A saved page shows its headline, dateline and byline just before the text (or as its
first lines); menus and teasers come before that. The title is the most headline-like
line of the few before the article; the date is a line that is mostly a date; the byline
a line that starts with "By" (or a label such as "Written by").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.extract.authors import split_authors
from reader.core.extract.dates import parse_date
from reader.core.extract.rules import CREDIT_TAIL
from reader.core.extract.textdump.units import Unit
from reader.core.model import BlockKind

_BYLINE = re.compile(r"^(?:by|von|par|por|written by|author:)\s+\S", re.IGNORECASE)
_DATE_LINE_WORDS = re.compile(r"^(?:published|updated|posted|last updated|date)\b", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?:;…\"”»)]$")
# "Jane Doe", "Everfit Team": two or three capitalised words, the form of names, not titles.
_PERSON_LIKE = re.compile(r"^(?:[A-Z][\w'’.-]+\s){1,2}[A-Z][\w'’.-]+$")
# Units before the article that are searched for its title, date and byline.
TITLE_WINDOW = 8
_DATE_LINE_MAX_WORDS = 15
# First units of the article that may still be a dateline or byline.
_BODY_HEAD = 3


@dataclass
class Header:
    """What the lines around the article's start say about it."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    # Indexes of units used as metadata: they are not body text.
    used: set[int] = field(default_factory=set)


def date_of_line(unit: Unit) -> str | None:
    """The date of a line that is a dateline (mostly a date, or labelled as one)."""
    if unit.words > 12 or unit.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
        return None
    date = parse_date(unit.text)
    if date is None:
        return None
    rest = re.sub(r"[\d\W_]+", " ", unit.text).split()
    if len(rest) <= 4 or _DATE_LINE_WORDS.match(unit.text):
        return date
    return None


def _looks_like_title(unit: Unit) -> bool:
    return (
        unit.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
        and 2 <= unit.words <= 30
        and len(unit.text) <= 250
        and not unit.text.endswith((".", ":", ";", ","))
        and parse_date(unit.text) is None
    )


def _title_score(unit: Unit, distance: int) -> float:
    """How much a unit looks like the headline, from its form and its distance to the text."""
    if unit.barrier or not _looks_like_title(unit) or _BYLINE.match(unit.text):
        return float("-inf")
    if date_of_line(unit):
        return float("-inf")
    words = unit.words
    score = min(words, 12) / 2 - 0.4 * distance
    if unit.kind is BlockKind.HEADING and unit.marked:
        score += 10 if unit.level == 1 else 3
    if words <= 3:
        score -= 5
    if _PERSON_LIKE.match(unit.text):
        score -= 4
    if CREDIT_TAIL.search(unit.text) or unit.text.endswith(("!", "?")) and words <= 3:
        score -= 5
    return score


def _pick_title(units: list[Unit], start: int, end: int) -> int | None:
    candidates = [(index, start - index) for index in range(max(0, start - TITLE_WINDOW), start)]
    if start < end and not _TERMINAL.search(units[start].text) and start + 1 < end:
        candidates.append((start, 0))
    best: tuple[float, int] | None = None
    for index, distance in candidates:
        value = _title_score(units[index], distance)
        if value > float("-inf") and (best is None or value > best[0]):
            best = (value, index)
    return best[1] if best is not None else None


def read_header(units: list[Unit], start: int, end: int) -> Header:
    """Title, date and byline around the article's first unit.

    Args:
        units: all units of the dump.
        start: index of the article's first unit.
        end: index after its last unit.

    Returns:
        The header; ``used`` lists the units that became metadata.
    """
    header = Header()
    head = list(range(max(0, start - TITLE_WINDOW), start))
    for index in reversed(head):
        unit = units[index]
        date = date_of_line(unit)
        if date and header.published is None:
            header.published = date
        elif _BYLINE.match(unit.text) and not header.authors:
            header.authors = tuple(split_authors(unit.text))
    for index in range(start, min(end, start + _BODY_HEAD)):
        unit = units[index]
        if unit.kind is not BlockKind.PARAGRAPH or unit.words >= 12:
            continue
        date = date_of_line(unit)
        if date:
            header.published = header.published or date
            header.used.add(index)
        elif _BYLINE.match(unit.text) and not header.authors:
            header.authors = tuple(split_authors(unit.text))
            header.used.add(index)
    if header.published is None:
        # A date inside a short line near the start ("Updated March 3, 2025 | 5 min read").
        for index in [*reversed(head), *range(start, min(end, start + 3))]:
            unit = units[index]
            if unit.words <= _DATE_LINE_MAX_WORDS and parse_date(unit.text):
                header.published = parse_date(unit.text)
                break
    title_index = _pick_title(units, start, end)
    if title_index is not None:
        header.title = units[title_index].text
        header.used.add(title_index)
    return header
