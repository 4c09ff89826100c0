"""Where the reader comments of a dump start: the article never runs past it.

Two signs: a comments marker ("Leave a Reply", "12 responses to ...", "Top rated
comments") and a series of comment headers ("Jane says:", "Jane on May 3, 2019 at
4:47 pm said:"). A bare comment count ("33 Comments") is neither: article headers show it
next to the byline. A marker before any real prose is a menu entry ("Comments" in a
navigation list), so only one after enough prose ends the article.
"""

from __future__ import annotations

import re

from reader.core.extract.textdump.units import Unit

COMMENTS_START = re.compile(
    r"^(?:(?:\d+\s+)?(?:responses?|replies|thoughts|comments?) (?:to|on)\b.{0,150}"
    r"|(?:top rated|reader|latest|newest|show|view all|load) comments"
    r"|leave a (?:comment|reply)\b.{0,60}|(?:post|add|write) a comment"
    r"|join the (?:discussion|conversation)\b.{0,60}|comments are closed"
    r"|\d+ comments? feed\b.{0,40}|comments? for this (?:article|story|post))$",
    re.IGNORECASE,
)
COMMENT_HEADER = re.compile(r"^.{1,80}\s(?:says|said|wrote)\s*:$", re.IGNORECASE)
# Prose words that must come before a comments marker for it to end the page's article.
_MIN_ARTICLE_BEFORE_COMMENTS = 80
# Comment headers from the first one on that make a comment section (one "X said:" line
# can introduce a quotation in an article).
_HEADERS_IN_SECTION = 2
_MARKER_MAX_WORDS = 25


def is_comments_marker(unit: Unit) -> bool:
    """A line that announces the comments."""
    return unit.words <= _MARKER_MAX_WORDS and bool(
        COMMENTS_START.match(unit.text.strip(" .!>|»›"))
    )


def cut_comments(units: list[Unit], is_prose: list[bool]) -> list[Unit]:
    """The units before the comments (all of them when there are none).

    Args:
        units: the dump's units, comments markers flagged as ``barrier``.
        is_prose: for each unit, whether it is running text.

    Returns:
        The units up to the first comments marker or the first of a series of comment
        headers that follows enough prose.
    """
    headers = [index for index, unit in enumerate(units) if COMMENT_HEADER.match(unit.text)]
    prose_words = 0
    for index, unit in enumerate(units):
        if prose_words >= _MIN_ARTICLE_BEFORE_COMMENTS:
            if unit.barrier:
                return units[:index]
            if headers and index == headers[0] and len(headers) >= _HEADERS_IN_SECTION:
                return units[:index]
        if headers and index == headers[0]:
            headers.pop(0)
        if is_prose[index]:
            prose_words += unit.words
    return units
