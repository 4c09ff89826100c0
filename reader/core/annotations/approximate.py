"""Approximate string search with a bounded number of edits (bit-parallel).

The search is Myers' bit-parallel edit-distance algorithm (Myers 1999, in Hyyrö's 2001
formulation). Python integers have unbounded width, so one integer holds the whole bit
vector of a pattern of any length, and each text character costs a dozen integer operations
done in C: about a microsecond per character, whatever the pattern length (the cost grows
only slowly, with the number of machine words the pattern needs).

``search`` is complete: it reports every place within the bound (one per occurrence).
``search_by_chunks`` restricts the work to places where a piece of the pattern occurs
verbatim, which is much faster on long texts and misses only matches whose edits are
spread evenly over the whole pattern.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

# Approximate matches reported per search at most: only degenerate, repetitive text has
# more, and there context decides among the first ones as well as among all.
_MAX_CANDIDATES = 400


@dataclass(frozen=True)
class Match:
    """An approximate occurrence ``text[start:end]`` at ``errors`` edits from the pattern."""

    start: int
    end: int
    errors: int


def _pattern_masks(pattern: str) -> dict[str, int]:
    masks: dict[str, int] = {}
    for index, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | (1 << index)
    return masks


def _column_scores(pattern: str, text: str, *, anchored: bool) -> Iterator[int]:
    """Yields, after each character of ``text``, the edit distance between ``pattern`` and
    the best-aligned text ending there (Myers' recurrence, one integer per bit vector).

    ``anchored``: the alignment starts at ``text[0]`` (row 0 of the matrix grows by one per
    column), so the score is the distance to the whole prefix; otherwise row 0 is all zeros
    (a match may start anywhere) and no carry enters the shifted horizontal deltas.
    """
    length = len(pattern)
    masks = _pattern_masks(pattern)
    full = (1 << length) - 1
    high = 1 << (length - 1)
    carry = 1 if anchored else 0
    positive, negative, score = full, 0, length
    for char in text:
        equal = masks.get(char, 0)
        vertical = equal | negative
        horizontal = (((equal & positive) + positive) ^ positive) | equal
        h_positive = negative | (~(horizontal | positive) & full)
        h_negative = positive & horizontal
        if h_positive & high:
            score += 1
        elif h_negative & high:
            score -= 1
        h_positive = ((h_positive << 1) | carry) & full
        h_negative = (h_negative << 1) & full
        positive = h_negative | (~(vertical | h_positive) & full)
        negative = h_positive & vertical
        yield score


def _end_distances(text: str, pattern: str, max_errors: int) -> list[tuple[int, int]]:
    """Returns ``(end, errors)`` for every end offset where the pattern matches with at most
    ``max_errors`` edits (semi-global: the match may start anywhere)."""
    return [
        (index + 1, score)
        for index, score in enumerate(_column_scores(pattern, text, anchored=False))
        if score <= max_errors
    ]


def prefix_distances(pattern: str, text: str) -> list[int]:
    """Returns ``d`` with ``d[j]`` = edit distance between ``pattern`` and ``text[:j]``.

    Args:
        pattern: the string to align, in full.
        text: the string whose prefixes are tried.

    Returns:
        ``len(text) + 1`` distances; ``d[0] == len(pattern)``.
    """
    if not pattern:
        return list(range(len(text) + 1))
    return [len(pattern), *_column_scores(pattern, text, anchored=True)]


def _best_start(text: str, pattern: str, end: int, max_errors: int) -> tuple[int, int]:
    """Finds where a match ending at ``end`` starts: ``(start, errors)``.

    Aligns the reversed pattern against the reversed text before ``end``; among equally
    good starts, prefers one that is whitespace only if the pattern's first character is,
    then one on a word boundary, then the length closest to the pattern's.
    """
    window_start = max(0, end - len(pattern) - max_errors)
    reversed_window = text[window_start:end][::-1]
    distances = prefix_distances(pattern[::-1], reversed_window)
    best = min(
        range(len(distances)),
        key=lambda length: (
            distances[length],
            length > 0 and text[end - length].isspace() != pattern[0].isspace(),
            not _at_word_boundary(text, end - length),
            abs(length - len(pattern)),
        ),
    )
    return end - best, distances[best]


def _at_word_boundary(text: str, index: int) -> bool:
    """Whether ``index`` does not split a word (selections are usually whole words)."""
    return (
        index <= 0
        or index >= len(text)
        or not (text[index - 1].isalnum() and text[index].isalnum())
    )


def search(text: str, pattern: str, max_errors: int, *, exact_first: bool = True) -> list[Match]:
    """Finds approximate occurrences of ``pattern`` with at most ``max_errors`` edits.

    Exact occurrences are found first with ``str.find``; only when there is none (or when
    ``exact_first`` is False) does the bit-parallel search run. Of each run of adjacent end
    offsets, only the best is kept.

    Args:
        text: the text to search.
        pattern: a non-empty string.
        max_errors: the edit-distance bound (insertions, deletions, substitutions).
        exact_first: stop at exact occurrences when there are any. Pass False to also get
            the approximate ones, e.g. the true place of a quote whose typo was fixed while
            a verbatim repeat stands elsewhere.

    Returns:
        Matches in text order.
    """
    if not pattern or not text:
        return []
    exact: list[Match] = []
    position = text.find(pattern)
    while position != -1:
        exact.append(Match(position, position + len(pattern), 0))
        position = text.find(pattern, position + 1)
    if (exact and exact_first) or max_errors <= 0:
        return exact
    ends = _end_distances(text, pattern, max_errors)
    # Ends next to each other usually belong to one occurrence, but in repetitive text
    # ("the the the ...") a run of ends can span several: keep every local minimum of the
    # errors along a run. Of a plateau of equal minima, keep the end on whitespace only if
    # the pattern ends so, on a word boundary, then the one closest to the pattern's
    # length: "want" found in "wannt" should cover "wannt" (one insertion), not "wan" or
    # "wann" (one edit too).
    runs: list[list[tuple[int, int]]] = []
    for end, errors in ends:
        if runs and end == runs[-1][-1][0] + 1:
            runs[-1].append((end, errors))
        else:
            runs.append([(end, errors)])
    plateaus: list[list[int]] = []
    for run in runs:
        for index, (end, errors) in enumerate(run):
            left = run[index - 1][1] if index > 0 else max_errors + 1
            right = run[index + 1][1] if index + 1 < len(run) else max_errors + 1
            if errors > left or errors > right:
                continue
            if plateaus and plateaus[-1][-1] == end - 1 and left == errors:
                plateaus[-1].append(end)
            else:
                plateaus.append([end])
    matches = []
    for plateau in plateaus[:_MAX_CANDIDATES]:
        options = []
        for end in plateau:
            start, found_errors = _best_start(text, pattern, end, max_errors)
            options.append(Match(start, end, found_errors))
        matches.append(
            min(
                options,
                key=lambda m: (
                    m.errors,
                    text[m.end - 1].isspace() != pattern[-1].isspace(),
                    not _at_word_boundary(text, m.end),
                    abs(m.end - m.start - len(pattern)),
                    m.start,
                ),
            )
        )
    return matches


def search_by_chunks(
    text: str,
    pattern: str,
    max_errors: int,
    chunk: int = 8,
    max_hits: int = 64,
    *,
    exact_first: bool = True,
) -> list[Match]:
    """Like ``search``, but runs the bit-parallel search only where a chunk of the pattern
    occurs verbatim.

    The pattern is cut into ``chunk``-character pieces; each verbatim occurrence of a piece
    implies where a match would start, and only a window around each such start is searched.
    Pieces found more than ``max_hits`` times say nothing about where the quote is and are
    ignored. This trades completeness for speed: a match whose every piece carries an error
    (edits spread evenly, one per ``chunk`` characters or more) is not found. It is meant
    for the whole-text fallback, after a complete search near the old position.

    Returns:
        Matches in text order, as ``search`` returns them.
    """
    if len(pattern) < chunk:
        return search(text, pattern, max_errors, exact_first=exact_first)
    starts: list[int] = []
    for offset in range(0, len(pattern) - chunk + 1, chunk):
        piece = pattern[offset : offset + chunk]
        hits: list[int] = []
        position = text.find(piece)
        while position != -1 and len(hits) <= max_hits:
            hits.append(position - offset)
            position = text.find(piece, position + 1)
        if len(hits) <= max_hits:
            starts.extend(hits)
    windows: list[list[int]] = []
    for start in sorted(starts):
        left, right = max(0, start - max_errors - 1), start + len(pattern) + max_errors + 1
        if windows and left <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], right)
        else:
            windows.append([left, right])
    matches: list[Match] = []
    for left, right in windows:
        for match in search(text[left:right], pattern, max_errors, exact_first=exact_first):
            matches.append(Match(match.start + left, match.end + left, match.errors))
    return matches
