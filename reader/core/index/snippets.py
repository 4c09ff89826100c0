"""Snippets: the best passages of an article's text around the words a query matched.

``make_snippet`` takes the text and the character spans of the matched words (from
``TermAnalyzer.find_terms``) and returns plain text plus the spans of the matches inside it,
so the UI decides how to draw them. It groups nearby matches into fragments of at most
``max_chars`` characters with ``surround`` characters of context, keeps the ``top`` fragments
that hold the most distinct words (then the most matches), and joins them in text order.

This replaces Whoosh's highlighter, which re-analysed the whole text through its token
chain for each hit: that was 70% of a top-10 search with snippets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SEPARATOR = " … "
_SPACE = re.compile(r"\s+")


@dataclass
class _Fragment:
    start: int
    end: int
    matches: list[tuple[int, int]]


def _squash(text: str) -> str:
    """Folds each run of white space (paragraph breaks too) into one space."""
    return _SPACE.sub(" ", text)


def _word_start(text: str, position: int) -> int:
    """``position`` moved left to the start of the word it falls in."""
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    """``position`` moved right to the end of the word it falls in."""
    while position < len(text) and not text[position].isspace():
        position += 1
    return position


def _fragments(
    text: str, spans: list[tuple[int, int]], max_chars: int, surround: int
) -> list[_Fragment]:
    fragments: list[_Fragment] = []
    for start, end in spans:
        current = fragments[-1] if fragments else None
        if current is not None and end - current.matches[0][0] <= max_chars - surround:
            current.matches.append((start, end))
            continue
        fragments.append(_Fragment(start, end, [(start, end)]))
    for fragment in fragments:
        first, last = fragment.matches[0][0], fragment.matches[-1][1]
        room = max(0, max_chars - (last - first))
        before = min(surround, room // 2)
        fragment.start = _word_start(text, max(0, first - before))
        fragment.end = _word_end(text, min(len(text), last + (room - before)))
    return fragments


def _join_overlapping(fragments: list[_Fragment]) -> list[_Fragment]:
    """Fragments in text order, those whose context overlaps joined into one."""
    joined: list[_Fragment] = []
    for fragment in sorted(fragments, key=lambda each: each.start):
        previous = joined[-1] if joined else None
        if previous is not None and fragment.start <= previous.end:
            previous.matches.extend(fragment.matches)
            previous.end = max(previous.end, fragment.end)
        else:
            joined.append(fragment)
    return joined


def _score(text: str, fragment: _Fragment) -> tuple[int, int]:
    words = {text[start:end].lower() for start, end in fragment.matches}
    return len(words), len(fragment.matches)


def make_snippet(
    text: str,
    spans: list[tuple[int, int]],
    *,
    max_chars: int = 240,
    surround: int = 80,
    top: int = 2,
) -> tuple[str, list[tuple[int, int]]]:
    """The best ``top`` passages of ``text`` around ``spans``, and the matches' spans in it.

    Args:
        text: the article's canonical text.
        spans: sorted, non-overlapping (start, end) character spans of matched words.
        max_chars: the longest a passage grows by joining nearby matches.
        surround: characters of context kept before a passage's first match.
        top: how many passages to keep.

    Returns:
        The passages joined by " … " with white space folded, and the spans of the matched
        words in that string; ("", []) when there is no span.
    """
    if not spans:
        return "", []
    fragments = _fragments(text, spans, max_chars, surround)
    best = sorted(fragments, key=lambda fragment: _score(text, fragment), reverse=True)[:top]
    best = _join_overlapping(best)
    pieces: list[str] = []
    found: list[tuple[int, int]] = []
    length = 0
    for number, fragment in enumerate(best):
        if number:
            pieces.append(SEPARATOR)
            length += len(SEPARATOR)
        cursor = fragment.start
        for start, end in fragment.matches:
            gap = _squash(text[cursor:start])
            pieces.append(gap)
            length += len(gap)
            found.append((length, length + end - start))
            pieces.append(text[start:end])
            length += end - start
            cursor = end
        tail = _squash(text[cursor : fragment.end]).rstrip()
        pieces.append(tail)
        length += len(tail)
    return "".join(pieces), found
