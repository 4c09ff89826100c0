"""When a candidate place is certain enough to show an annotation there.

The rules, applied to the best-ranked candidate only (if the best is not acceptable, a
worse one is no safer):

- enough context for the quote's length (``is_acceptable``): short quotes recur by chance
  and need context; long ones identify themselves;
- for approximate matches, both ends look like the quote's ends (``edges_agree``), every
  number and all-capital code is unchanged (``identifiers``) and so are the sentence ends
  (``sentence_marks``);
- no phrase-sized run of changes inside an approximate match (``_largest_change``);
- short quotes keep the word next to them on each side (``_neighbours_agree``);
- no other place fits about as well (``is_ambiguous``).

Each rule turns a doubtful placement into an orphan. That is the trade-off on purpose: an
orphan is listed and can be re-attached by the user; a wrong placement silently corrupts
their work.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from reader.core.annotations.approximate import Match, prefix_distances
from reader.core.annotations.match_quote import QuoteContext, ScoredMatch, context_similarity, rank

# Characters compared at each end of an approximate match, and the similarity they need.
_EDGE = 16
_EDGE_AGREEMENT = 0.8
_WORD = re.compile(r"\w+")
# The longest run of changed characters an approximate match may contain.
_MAX_CHANGE = 12
# Quotes shorter than this must keep their neighbouring words (``_neighbours_agree``).
_SHORT = 16
_IDENTIFIER = re.compile(r"\d+|\b[A-Z][A-Z0-9]+\b")
_SENTENCE_MARK = re.compile(r"[.?!]")
# A second place whose context similarity is within this of the best's makes a match
# ambiguous (see ``is_ambiguous``).
_AMBIGUITY = 0.1


class AmbiguousPlace(Exception):
    """Raised when the best candidate has a near-equal rival at another place."""

    def __init__(self, match: ScoredMatch) -> None:
        super().__init__("ambiguous place")
        self.match = match


def best_acceptable(
    text: str,
    quote: str,
    candidates: list[Match],
    context: QuoteContext,
    normalise: Callable[[str], str] | None = None,
) -> ScoredMatch | None:
    """Ranks candidates and returns the best one if it passes every rule, else None.

    Args:
        text: the searched text (folded or not, as the candidates' offsets).
        quote: the quote as searched (folded or not, likewise).
        candidates: places found for it.
        context: the stored context, normalised like ``text``.
        normalise: passed to ``rank`` (see ``match_quote.score_match``).

    Returns:
        The accepted candidate, or None when there is none or it is doubtful.

    Raises:
        AmbiguousPlace: two different places fit about equally well; the caller must not
            settle for a weaker place found another way either.
    """
    ranked = rank(text, quote, candidates, context, normalise)
    if not ranked:
        return None
    best = ranked[0]
    # Ranked best first: if the best is not acceptable, a worse one is no safer.
    if not is_acceptable(len(quote), best, unique=len(candidates) == 1):
        return None
    if best.errors and not edges_agree(text, quote, best):
        return None
    if best.errors and identifiers(quote) != identifiers(text[best.start : best.end]):
        return None
    if best.errors and sentence_marks(quote) != sentence_marks(text[best.start : best.end]):
        return None
    if len(quote) < _SHORT and not _neighbours_agree(text, best, context, normalise):
        return None
    if best.errors and _largest_change(quote, text[best.start : best.end]) > _MAX_CHANGE:
        return None
    if is_ambiguous(best, ranked[1:]):
        raise AmbiguousPlace(best)
    return best


def is_ambiguous(best: ScoredMatch, others: list[ScoredMatch]) -> bool:
    """Whether another place fits the stored quote and context about as well as the best.

    Identical copies (both sides of the context intact at each) are not ambiguous in this
    sense: nothing in the selectors can separate them, so the one nearest the old position
    is taken. But when the best place's context is itself imperfect and another place's is
    nearly as good, the choice would rest on noise: an orphan is the honest answer. So is
    it when another place keeps one side of the context verbatim and the best keeps none.
    """
    if best.prefix_score == best.suffix_score == 1.0:
        return False
    best_has_intact_side = max(best.prefix_score, best.suffix_score) == 1.0
    for other in others:
        if other.start < best.end and best.start < other.end:
            continue  # the same place, found with other boundaries
        if other.errors == best.errors and other.context_score >= best.context_score - _AMBIGUITY:
            return True
        # Rows of a table or list items look alike on both sides ("| ADT | Starts at $"),
        # so a wrong row can out-score the right one whose other side was cut off by an
        # inserted paragraph. One side kept character for character is evidence no amount
        # of look-alike context outweighs: the two places cannot be ranked safely.
        if (
            not best_has_intact_side
            and other.errors <= best.errors
            and max(other.prefix_score, other.suffix_score) == 1.0
        ):
            return True
    return False


def identifiers(text: str) -> list[str]:
    """The numbers and all-capital codes in a text, in order.

    An edit that changes one ("17%" to "71%", row 2 to row 3, "LB" to "CB", "NATO" to
    "NAFTA") is never a typo fix for an annotation's purposes, so approximate matches must
    keep every one of the quote's as it was.
    """
    return _IDENTIFIER.findall(text)


def sentence_marks(text: str) -> list[str]:
    """The sentence-ending marks (``.``, ``?``, ``!``) in a text, in order.

    Typo fixes, spacing and quote changes keep a passage's sentences; a mark that appears or
    vanishes means the match straddles a different sentence boundary, e.g. a heading that
    another extractor dropped, whose quote ("Newsletter The State") then matches the end of
    the previous sentence glued to the next paragraph ("newsletter?The State"): the right
    start of a paragraph with someone else's words in front of it.
    """
    return _SENTENCE_MARK.findall(text)


def edges_agree(text: str, quote: str, match: ScoredMatch) -> bool:
    """Whether both ends of an approximate match look like the quote's ends.

    Edit distance spreads errors anywhere, so a quote whose last words were deleted can
    still "match" by swallowing the words that now follow it. Requiring each end to agree
    with the quote's own first and last characters turns that case into an orphan, not a
    highlight that covers text the user never selected.
    """
    size = min(len(quote), max(8, min(_EDGE, len(quote) // 4)))
    slack = size // 4 + 1
    head = context_similarity(
        quote[:size], text[match.start : match.start + size + slack], anchored_at_end=False
    )
    tail = context_similarity(
        quote[-size:],
        text[max(match.start, match.end - size - slack) : match.end],
        anchored_at_end=True,
    )
    # A fixed transposition ("jial" -> "jail") costs two edits: allow that much at an edge.
    allowed = max(2, round(size * (1 - _EDGE_AGREEMENT)))
    if min(head, tail) < 1 - allowed / size:
        return False
    return _edge_words_agree(quote, text[match.start : match.end])


def _largest_change(quote: str, found: str) -> int:
    """The longest run of characters inserted, deleted or replaced between quote and match.

    Typo fixes change a character or two; a run of a dozen means a phrase or list item
    was removed or put in, and an approximate match may then have re-aligned the quote onto
    a neighbouring passage that looks alike.
    """
    matcher = difflib.SequenceMatcher(None, quote, found, autojunk=False)
    return max(
        (max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"),
        default=0,
    )


def _neighbours_agree(
    text: str,
    match: ScoredMatch,
    context: QuoteContext,
    normalise: Callable[[str], str] | None,
) -> bool:
    """Whether the words right before and after a short quote are still its neighbours.

    A short phrase ("for Small") recurs in headings and captions with context that is
    similar overall ("Social Media Marketing [Services] for Small Businesses"); the word
    next to it on each side is the part of the context that tells such places apart.
    """
    norm = normalise or (lambda value: value)
    sides = (
        (context.prefix, norm(text[max(0, match.start - 64) : match.start]), -1),
        (context.suffix, norm(text[match.end : match.end + 64]), 0),
    )
    for stored, actual, index in sides:
        stored_words, actual_words = _WORD.findall(stored), _WORD.findall(actual)
        if stored_words and (not actual_words or stored_words[index] != actual_words[index]):
            return False
    return True


def _edge_words_agree(quote: str, found: str) -> bool:
    """Whether the first and last words of a match are the quote's (up to a typo fix).

    Characters alone cannot tell "the last word had a typo" from "the last word was
    replaced" when the word is short ("One" and "Col" are three edits apart, within what a
    16-character edge tolerates), so each end word is compared on its own: short words
    must be identical, longer ones at most two edits (or a quarter) apart.
    """
    quote_words, found_words = _WORD.findall(quote), _WORD.findall(found)
    if not quote_words or not found_words:
        return not quote_words and not found_words
    for expected, actual in ((quote_words[0], found_words[0]), (quote_words[-1], found_words[-1])):
        if len(expected) <= 3:
            if expected != actual:
                return False
        elif prefix_distances(expected, actual)[-1] > max(2, len(expected) // 4):
            return False
    return True


def is_acceptable(length: int, match: ScoredMatch, unique: bool) -> bool:
    """Whether a candidate is certain enough to be shown as the annotated text.

    Short quotes recur by chance ("courses for" in two similar list items), so they need
    one side of their context nearly intact and the other side not contradicting it; long
    quotes identify themselves, so they tolerate a changed context (another extractor, a
    new paragraph next to them) but not a heavily changed quote. A verbatim passage of
    three context lengths or more that occurs only once is accepted whatever surrounds it.
    """
    quote, context = match.quote_score, match.context_score
    best_side = max(match.prefix_score, match.suffix_score)
    worst_side = min(match.prefix_score, match.suffix_score)
    if match.errors == 0:
        if length >= 64:
            return context >= 0.25 or best_side >= 0.4 or (unique and length >= 96)
        if length >= 16:
            return best_side >= 0.75 and worst_side >= 0.5
        return best_side >= 0.9 and worst_side >= 0.7
    if length >= 64:
        return quote >= 0.8 and (context >= 0.35 or quote >= 0.95)
    if length >= 16:
        return quote >= 0.8 and context >= 0.6 and best_side >= 0.8
    return quote >= 0.75 and context >= 0.75 and best_side >= 0.9
