"""Approximate quote matching with bounded errors, scored on quote, context and position.

Candidates come from ``approximate`` (bit-parallel search with bounded errors).
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

from reader.core.annotations.approximate import Match, prefix_distances, search

# Weights of the four similarities in a candidate's score. The quote matters most; each
# side of context counts less than the quote but together nearly as much, which is what
# separates repeated phrases; position is a tie-breaker only, because edits elsewhere in
# the article shift every later offset.
QUOTE_WEIGHT = 50.0
PREFIX_WEIGHT = 20.0
SUFFIX_WEIGHT = 20.0
POSITION_WEIGHT = 4.0
_TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

#: Characters beyond a context that reached the text's edge still compared with it: a
#: candidate this far from the edge gets no support from that side.
EDGE_SLACK = 8

#: Similarity given to a side whose context is unknown (empty and not marked as reaching
#: the text's edge): it neither supports nor contradicts a candidate.
NEUTRAL_CONTEXT = 0.5


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
