"""Approximate quote matching with bounded errors, scored on quote, context and position.

The search is Myers' bit-parallel edit-distance algorithm (Myers 1999, in Hyyrö's 2001
formulation). Python integers have unbounded width, so one integer holds the whole bit
vector of a pattern of any length, and each text character costs a dozen integer operations
done in C: about a microsecond per character, whatever the pattern length (the cost grows
only slowly, with the number of machine words the pattern needs).

Scoring follows the approach Hypothesis uses to pick among candidates: similarity of the
matched text to the quote, of the text before and after it to the stored prefix and suffix,
and closeness to the old position, weighted so that text evidence dominates and position
only breaks ties. Callers decide separately whether a best candidate is good enough
(``anchoring`` does); this module only finds and ranks.

Everything here works on whatever strings it is given; ``anchoring`` passes folded text
(``normalize``) so that whitespace and quote styles cost nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Weights of the four similarities in a candidate's score. The quote matters most; each
# side of context counts less than the quote but together nearly as much, which is what
# separates repeated phrases; position is a tie-breaker only, because edits elsewhere in
# the article shift every later offset.
QUOTE_WEIGHT = 50.0
PREFIX_WEIGHT = 20.0
SUFFIX_WEIGHT = 20.0
POSITION_WEIGHT = 4.0
_TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

# Approximate matches reported per search at most: only degenerate, repetitive text has
# more, and there context decides among the first ones as well as among all.
_MAX_CANDIDATES = 400

#: Characters beyond a context that reached the text's edge still compared with it: a
#: candidate this far from the edge gets no support from that side.
EDGE_SLACK = 8

#: Similarity given to a side whose context is unknown (empty and not marked as reaching
#: the text's edge): it neither supports nor contradicts a candidate.
NEUTRAL_CONTEXT = 0.5


@dataclass(frozen=True)
class Match:
    """An approximate occurrence ``text[start:end]`` at ``errors`` edits from the pattern."""

    start: int
    end: int
    errors: int


@dataclass(frozen=True)
class QuoteContext:
    """What was around the quote when it was made, and where (all optional).

    ``prefix_at_edge`` says the stored prefix is everything that preceded the quote (it
    was cut short by the start of the text), so a candidate must also be preceded by it and
    little else; ``suffix_at_edge`` likewise for the end of the text.
    """

    prefix: str = ""
    suffix: str = ""
    hint: int | None = None
    prefix_at_edge: bool = False
    suffix_at_edge: bool = False


@dataclass(frozen=True)
class ScoredMatch:
    """A candidate with its similarities, each in ``[0, 1]``, and their weighted ``score``."""

    start: int
    end: int
    errors: int
    quote_score: float
    prefix_score: float
    suffix_score: float
    position_score: float
    score: float

    @property
    def context_score(self) -> float:
        """The mean of the prefix and suffix similarities."""
        return (self.prefix_score + self.suffix_score) / 2


def _pattern_masks(pattern: str) -> dict[str, int]:
    masks: dict[str, int] = {}
    for index, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | (1 << index)
    return masks


def _end_distances(text: str, pattern: str, max_errors: int) -> list[tuple[int, int]]:
    """Returns ``(end, errors)`` for every end offset where the pattern matches with at most
    ``max_errors`` edits (semi-global: the match may start anywhere)."""
    length = len(pattern)
    masks = _pattern_masks(pattern)
    full = (1 << length) - 1
    high = 1 << (length - 1)
    positive, negative, score = full, 0, length
    found: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        equal = masks.get(char, 0)
        vertical = equal | negative
        horizontal = (((equal & positive) + positive) ^ positive) | equal
        h_positive = negative | (~(horizontal | positive) & full)
        h_negative = positive & horizontal
        if h_positive & high:
            score += 1
        elif h_negative & high:
            score -= 1
        # Row 0 of the search matrix is all zeros (a match may start anywhere), so no
        # carry enters the shifted horizontal deltas.
        h_positive = (h_positive << 1) & full
        h_negative = (h_negative << 1) & full
        positive = h_negative | (~(vertical | h_positive) & full)
        negative = h_positive & vertical
        if score <= max_errors:
            found.append((index + 1, score))
    return found


def prefix_distances(pattern: str, text: str) -> list[int]:
    """Returns ``d`` with ``d[j]`` = edit distance between ``pattern`` and ``text[:j]``.

    Args:
        pattern: the string to align, in full.
        text: the string whose prefixes are tried.

    Returns:
        ``len(text) + 1`` distances; ``d[0] == len(pattern)``.
    """
    length = len(pattern)
    if length == 0:
        return list(range(len(text) + 1))
    masks = _pattern_masks(pattern)
    full = (1 << length) - 1
    high = 1 << (length - 1)
    positive, negative, score = full, 0, length
    distances = [score]
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
        # Row 0 grows by one per column here (the alignment is anchored at text[0]).
        h_positive = ((h_positive << 1) | 1) & full
        h_negative = (h_negative << 1) & full
        positive = h_negative | (~(vertical | h_positive) & full)
        negative = h_positive & vertical
        distances.append(score)
    return distances


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


def context_similarity(expected: str, actual: str, *, anchored_at_end: bool) -> float:
    """Similarity in ``[0, 1]`` of stored context to the text now next to a candidate.

    The alignment is anchored on the quote's side (the end of a prefix, the start of a
    suffix) and free on the far side, so an insertion inside the context costs one edit
    instead of shifting the whole comparison.

    Args:
        expected: the stored prefix or suffix.
        actual: the text beside the candidate, a little longer than ``expected``.
        anchored_at_end: True for a prefix (aligned at its end), False for a suffix.
    """
    if not expected:
        return NEUTRAL_CONTEXT if actual.strip() else 1.0
    if anchored_at_end:
        expected, actual = expected[::-1], actual[::-1]
    if actual.startswith(expected):
        return 1.0
    distance = min(prefix_distances(expected, actual))
    return max(0.0, 1.0 - distance / len(expected))


def score_match(
    text: str,
    quote: str,
    match: Match,
    context: QuoteContext,
    normalise: Callable[[str], str] | None = None,
) -> ScoredMatch:
    """Scores one candidate on quote, prefix, suffix and distance from the hint.

    Args:
        text: the searched text.
        quote: the pattern that was searched.
        match: the candidate.
        context: stored prefix, suffix and position hint.
        normalise: applied to the text beside the candidate before comparing it with the
            stored context (which the caller normalised the same way), e.g. to ignore
            spacing when the quote itself was found verbatim.

    Returns:
        The candidate with its similarities and weighted score.
    """
    quote_score = max(0.0, 1.0 - match.errors / max(len(quote), 1))
    prefix_score = _prefix_score(
        text, match.start, context.prefix, normalise, at_edge=context.prefix_at_edge
    )
    suffix_score = _suffix_score(
        text, match.end, context.suffix, normalise, at_edge=context.suffix_at_edge
    )
    if context.hint is None:
        position_score = 1.0
    else:
        position_score = 1.0 - min(1.0, abs(match.start - context.hint) / max(len(text), 1))
    score = (
        QUOTE_WEIGHT * quote_score
        + PREFIX_WEIGHT * prefix_score
        + SUFFIX_WEIGHT * suffix_score
        + POSITION_WEIGHT * position_score
    ) / _TOTAL_WEIGHT
    return ScoredMatch(
        match.start,
        match.end,
        match.errors,
        quote_score,
        prefix_score,
        suffix_score,
        position_score,
        score,
    )


def _edge_score(expected: str, actual: str) -> float:
    """Similarity of the whole text between a candidate and the text's edge (``actual``, at
    most ``EDGE_SLACK`` characters longer than ``expected``) to a context that reached the
    edge: every extra character counts, so text far from the edge scores low."""
    distance = prefix_distances(expected, actual)[-1]
    return max(0.0, 1.0 - distance / (len(expected) + EDGE_SLACK))


def _prefix_score(
    text: str,
    start: int,
    prefix: str,
    normalise: Callable[[str], str] | None,
    *,
    at_edge: bool = False,
) -> float:
    if at_edge:
        # The stored prefix is all that preceded the quote: compare it with all that
        # precedes the candidate, within a few characters' slack.
        wanted = len(prefix) + EDGE_SLACK
        actual = text[max(0, start - (4 * wanted if normalise else wanted)) : start]
        if normalise:
            actual = normalise(actual)
        return _edge_score(prefix, actual.lstrip()[-wanted:])
    if not prefix:
        return NEUTRAL_CONTEXT  # nothing known about what preceded the quote
    # A little more text than the context itself, so insertions can be absorbed; more
    # still when normalising, which may shrink it (runs of spaces).
    wanted = len(prefix) + len(prefix) // 4 + 1
    actual = text[max(0, start - (4 * wanted if normalise else wanted)) : start]
    if normalise:
        actual = normalise(actual)[-wanted:]
    return context_similarity(prefix, actual, anchored_at_end=True)


def _suffix_score(
    text: str,
    end: int,
    suffix: str,
    normalise: Callable[[str], str] | None,
    *,
    at_edge: bool = False,
) -> float:
    if at_edge:
        wanted = len(suffix) + EDGE_SLACK
        actual = text[end : end + (4 * wanted if normalise else wanted)]
        if normalise:
            actual = normalise(actual)
        return _edge_score(suffix, actual.rstrip()[:wanted])
    if not suffix:
        return NEUTRAL_CONTEXT
    wanted = len(suffix) + len(suffix) // 4 + 1
    actual = text[end : end + (4 * wanted if normalise else wanted)]
    if normalise:
        actual = normalise(actual)[:wanted]
    return context_similarity(suffix, actual, anchored_at_end=False)


def rank(
    text: str,
    quote: str,
    matches: list[Match],
    context: QuoteContext,
    normalise: Callable[[str], str] | None = None,
) -> list[ScoredMatch]:
    """Scores candidates and returns them best first (ties: nearest the hint, then first).

    ``normalise`` is passed to ``score_match``.
    """
    scored = [score_match(text, quote, match, context, normalise) for match in matches]
    scored.sort(key=lambda m: (-m.score, -m.position_score, m.start))
    return scored


def match_quote(
    text: str, quote: str, context: QuoteContext, max_errors: int | None = None
) -> list[ScoredMatch]:
    """Finds and ranks approximate occurrences of ``quote`` in ``text``.

    Args:
        text: the text to search.
        quote: the quote; an empty quote matches nothing.
        context: stored prefix, suffix and position hint, used for ranking.
        max_errors: the edit bound; by default a quarter of the quote, at most 256, which
            keeps the search fast while tolerating typo fixes and small rewordings.

    Returns:
        Candidates best first; empty when nothing is within the bound.
    """
    if not quote:
        return []
    if max_errors is None:
        max_errors = default_max_errors(len(quote))
    return rank(text, quote, search(text, quote, max_errors), context)


def default_max_errors(length: int) -> int:
    """The default edit bound for a quote of ``length`` characters."""
    return min(256, max(1, length // 4))
