"""Placing annotations in a (possibly changed) text without ever placing them wrongly.

``anchor`` works in stages, from most to least certain:

0. on the unchanged text (same hash), the stored position if it still holds the quote;
1. the identical quote, wherever it occurs, ranked by prefix/suffix similarity and then by
   distance from the old position (``exact_position`` if that is the old place,
   ``exact_quote`` otherwise);
2. the quote in the folded text (``normalize``: whitespace, quote marks, dashes...);
3. an approximate match with a bounded number of edits (``approximate``), searched near
   the old position first; quotes too short to be told apart on their own are searched
   together with their context;
4. otherwise an orphan: the annotation comes back with ``AnchorStatus.ORPHAN`` so callers
   keep it, list it and let the user re-attach it. Nothing here deletes or edits one.

A stage whose best place has its whole context intact ends the search; otherwise the later
stages run too and the place with the most evidence wins (``_choose``), because a verbatim
repeat of the phrase elsewhere must not beat the true place whose typo was fixed.

Every candidate must pass ``acceptance.best_acceptable``, which asks more of context the
shorter the quote is: a three-letter word found elsewhere in the article is not evidence
of anything, while an intact 200-character passage is. Rejecting a doubtful candidate
costs an orphan the user can re-attach; accepting a wrong one silently corrupts their
work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial

from reader.core.annotations.acceptance import AmbiguousPlace, best_acceptable
from reader.core.annotations.approximate import Match, search, search_by_chunks
from reader.core.annotations.match_quote import (
    QuoteContext,
    ScoredMatch,
    default_max_errors,
)
from reader.core.annotations.model import (
    CONTEXT_LENGTH,
    ORPHAN,
    Anchor,
    AnchorStatus,
    Annotation,
    Selector,
    TextPositionSelector,
    TextQuoteSelector,
    hash_text,
)
from reader.core.annotations.normalize import fold, normalize
from reader.core.annotations.selectors import describe

# Exact occurrences scored beyond this many (nearest the old position first) add cost but
# no information: context ranks them and context is at most 64 characters.
_MAX_EXACT_CANDIDATES = 500
# Quotes this long are passages: a verbatim rival elsewhere makes an edited match doubtful.
_PASSAGE = 64
# Characters of evidence by which the chosen place must beat a different one (``_choose``).
_EVIDENCE_MARGIN = 2.0
# Characters each side of the old position searched before the whole text (fuzzy stage).
_NEAR = 2048
_MARKUP_AT_START = re.compile(r"^(?:[|\u2022\u00b7*-]+\s+)+")
_MARKUP_AT_END = re.compile(r"(?:\s+[|\u2022\u00b7*-]+)+$")
# Quotes shorter than this are searched together with their context in the fuzzy step.
_SHORT_QUOTE = 32


def anchor(text: str, selectors: Iterable[Selector], *, text_sha256: str | None = None) -> Anchor:
    """Finds where an annotation's selectors point in ``text``.

    Offsets are Python code points into ``text``, the same representation ``describe``
    used when the annotation was made.

    Args:
        text: the article's current canonical text.
        selectors: the annotation's stored selectors (a quote selector is what makes
            re-anchoring possible; a position alone is trusted only on unchanged text).
        text_sha256: the hash of the text the selectors were made on, when known; if it
            equals the current text's hash, a matching position is accepted outright.

    Returns:
        The anchor; ``Anchor.is_orphan`` when no place passed the checks.
    """
    unchanged = text_sha256 is not None and text_sha256 == hash_text(text)
    return _anchor(text, selectors, unchanged=unchanged)


def _anchor(text: str, selectors: Iterable[Selector], *, unchanged: bool) -> Anchor:
    quote: TextQuoteSelector | None = None
    position: TextPositionSelector | None = None
    for selector in selectors:
        if isinstance(selector, TextQuoteSelector):
            quote = selector
        elif isinstance(selector, TextPositionSelector):
            position = selector
    if quote is None:
        if position is not None and unchanged and position.end <= len(text):
            return Anchor(position.start, position.end, AnchorStatus.EXACT_POSITION, 1.0)
        return ORPHAN
    hint = position.start if position is not None else None
    context = QuoteContext(
        quote.prefix,
        quote.suffix,
        hint,
        # A context shorter than the standard length was cut by the edge of the text.
        prefix_at_edge=len(quote.prefix) < CONTEXT_LENGTH,
        suffix_at_edge=len(quote.suffix) < CONTEXT_LENGTH,
    )
    if position is not None and unchanged and text[position.start : position.end] == quote.exact:
        return Anchor(position.start, position.end, AnchorStatus.EXACT_POSITION, 1.0)
    # Stages run from most to least certain. A verbatim match whose context only partly
    # agrees is not final: the true place may hold the quote with a typo fixed while a
    # repeat of the phrase elsewhere is verbatim, so later stages compete on score.
    found: list[tuple[Anchor, ScoredMatch]] = []
    ambiguous: list[ScoredMatch] = []
    for stage in (_anchor_exact, _anchor_folded, _anchor_fuzzy):
        try:
            result = stage(text, quote, context)
        except AmbiguousPlace as error:
            ambiguous.append(error.match)
            continue
        if result is None:
            continue
        if result[1].prefix_score == result[1].suffix_score == 1.0:
            return result[0]  # the whole stored context is intact around it
        found.append(result)
    return _choose(found, ambiguous, quote)


def _choose(
    found: list[tuple[Anchor, ScoredMatch]],
    ambiguous: list[ScoredMatch],
    quote: TextQuoteSelector,
) -> Anchor:
    """Picks among the stages' best places by the characters of evidence behind each.

    Stages score the quote and its context on different texts (raw or folded), and a
    short word with a fixed typo loses more quote score than a verbatim repeat elsewhere
    loses context score; counting matched characters (quote, prefix and suffix) compares
    them fairly: 8 characters of quote weigh less than 64 of context. Two different places
    backed by nearly the same evidence make the annotation an orphan, and so does a stage
    that found two equally good places (``ambiguous``) with at least as much evidence.
    """
    if not found:
        return ORPHAN

    def evidence(match: ScoredMatch) -> float:
        return (
            match.quote_score * len(quote.exact)
            + match.prefix_score * len(quote.prefix)
            + match.suffix_score * len(quote.suffix)
        )

    ranked = sorted(found, key=lambda item: -evidence(item[1]))
    best = ranked[0][0]
    if any(evidence(match) > evidence(ranked[0][1]) - _EVIDENCE_MARGIN for match in ambiguous):
        return ORPHAN
    for anchor_found, match in ranked[1:]:
        elsewhere = anchor_found.end <= best.start or best.end <= anchor_found.start
        if not elsewhere:
            continue
        if evidence(ranked[0][1]) - evidence(match) < _EVIDENCE_MARGIN:
            return ORPHAN
        # A passage that exists twice, verbatim at one place and with edits at the other
        # (a repeated paragraph, a pull quote), cannot be told apart by context alone.
        if len(quote.exact) >= _PASSAGE and match.quote_score > ranked[0][1].quote_score:
            return ORPHAN
    # The same place may come out of several stages: report it with the most certain status.
    return next(item[0] for item in found if (item[0].start, item[0].end) == (best.start, best.end))


def _anchor_exact(
    text: str, quote: TextQuoteSelector, context: QuoteContext
) -> tuple[Anchor, ScoredMatch] | None:
    occurrences = search(text, quote.exact, 0)
    if not occurrences:
        return None
    if context.hint is not None:
        hint = context.hint
        occurrences.sort(key=lambda match: abs(match.start - hint))
    # Occurrences with the whole stored context intact are certain; when there are any,
    # scoring the others (hundreds, for a common word) would only confirm it.
    occurrences = (
        _with_intact_context(text, occurrences, context)
        or _with_intact_context(text, occurrences, context, fold)
        or occurrences
    )
    # The quote is verbatim but its neighbourhood may be spaced differently (another
    # extractor): compare the context folded.
    folded_context = replace(context, prefix=fold(quote.prefix), suffix=fold(quote.suffix))
    best = best_acceptable(
        text, quote.exact, occurrences[:_MAX_EXACT_CANDIDATES], folded_context, fold
    )
    if best is None:
        return None
    status = AnchorStatus.EXACT_POSITION if best.start == context.hint else AnchorStatus.EXACT_QUOTE
    return Anchor(best.start, best.end, status, 1.0), best


def _anchor_folded(
    text: str, quote: TextQuoteSelector, context: QuoteContext
) -> tuple[Anchor, ScoredMatch] | None:
    folded = normalize(text)
    folded_quote = fold(quote.exact).strip()
    if not folded_quote:
        return None
    folded_context = _fold_context(quote, context, folded.from_original)
    occurrences = search(folded.text, folded_quote, 0)
    occurrences = _with_intact_context(folded.text, occurrences, folded_context) or occurrences
    best = best_acceptable(
        folded.text, folded_quote, occurrences[:_MAX_EXACT_CANDIDATES], folded_context
    )
    if best is None:
        return None
    start, end = folded.to_original(best.start, best.end)
    return Anchor(start, end, AnchorStatus.FUZZY, best.score), best


def _anchor_fuzzy(
    text: str, quote: TextQuoteSelector, context: QuoteContext
) -> tuple[Anchor, ScoredMatch] | None:
    folded = normalize(text)
    # Table pipes and list bullets at the quote's edges are layout that another extractor
    # may drop or draw differently; an approximate match would only trade them for
    # neighbouring words. They are left out of the search (and of the highlight).
    whole_quote = fold(quote.exact).strip()
    folded_quote = _MARKUP_AT_END.sub("", _MARKUP_AT_START.sub("", whole_quote))
    # Without its markup, even a verbatim occurrence is news the earlier stages lacked.
    keep_exact = folded_quote != whole_quote
    if not folded_quote:
        return None
    folded_context = _fold_context(quote, context, folded.from_original)
    max_errors = default_max_errors(len(folded_quote))
    exact = [(m.start, m.end) for m in search(folded.text, whole_quote, 0)]
    # Search near the old position first: edits rarely move text far, and the bit-parallel
    # search costs time in proportion to the text searched. Only when nothing acceptable is
    # found there is the whole text searched.
    windows = [(0, len(folded.text))]
    if folded_context.hint is not None:
        reach = _NEAR + 2 * len(folded_quote)
        near = (
            max(0, folded_context.hint - reach),
            folded_context.hint + len(folded_quote) + reach,
        )
        if near[0] > 0 or near[1] < len(folded.text):
            windows.insert(0, near)
    for window_start, window_end in windows:
        window = folded.text[window_start:window_end]
        # The whole text is searched through verbatim chunks of the quote (see
        # ``search_by_chunks``): complete near the old position, fast everywhere else.
        everywhere = len(windows) > 1 and window_start == 0 and window_end == len(folded.text)
        finder = partial(search_by_chunks if everywhere else search, exact_first=False)
        if len(folded_quote) < _SHORT_QUOTE:
            found = _search_with_context(window, folded_quote, folded_context, max_errors, finder)
        else:
            found = finder(window, folded_quote, max_errors)
        # Exact occurrences were the earlier stages' business, and so are the approximate
        # matches overlapping them (the same place, shifted by a character or two): here
        # they would only repeat them or, worse, make the true place look ambiguous.
        candidates = [
            Match(m.start + window_start, m.end + window_start, m.errors)
            for m in found
            if (m.errors or keep_exact)
            and not _overlaps_any(m.start + window_start, m.end + window_start, exact)
        ]
        best = best_acceptable(folded.text, folded_quote, candidates, folded_context)
        if best is not None:
            start, end = folded.to_original(best.start, best.end)
            return Anchor(start, end, AnchorStatus.FUZZY, best.score), best
    return None


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(other_start < end and start < other_end for other_start, other_end in spans)


def _with_intact_context(
    text: str,
    matches: list[Match],
    context: QuoteContext,
    normalise: Callable[[str], str] | None = None,
) -> list[Match]:
    """The matches whose stored prefix and suffix are still next to them, character for
    character or, with ``normalise``, once both are normalised. A side that reached the
    edge of the text must still reach it."""
    norm = normalise or _unchanged
    prefix, suffix = norm(context.prefix), norm(context.suffix)
    # Normalising may shrink the neighbourhood (runs of spaces): look a little further.
    reach_before = 2 * len(context.prefix) + 8 if normalise else len(context.prefix)
    reach_after = 2 * len(context.suffix) + 8 if normalise else len(context.suffix)
    intact = []
    for match in matches:
        before = norm(text[max(0, match.start - reach_before) : match.start])
        after = norm(text[match.end : match.end + reach_after])
        if not (before.endswith(prefix) and after.startswith(suffix)):
            continue
        if context.prefix_at_edge and (
            match.start > reach_before or before.strip() != prefix.strip()
        ):
            continue
        if context.suffix_at_edge and (
            len(text) - match.end > reach_after or after.strip() != suffix.strip()
        ):
            continue
        intact.append(match)
    return intact


def _unchanged(text: str) -> str:
    return text


def _fold_context(
    quote: TextQuoteSelector, context: QuoteContext, to_folded: Callable[[int], int]
) -> QuoteContext:
    hint = None if context.hint is None else to_folded(context.hint)
    # Whitespace stripped off the quote's edges belongs to its context.
    return replace(
        context, prefix=fold(quote.prefix).rstrip(), suffix=fold(quote.suffix).lstrip(), hint=hint
    )


def _search_with_context(
    text: str,
    quote: str,
    context: QuoteContext,
    max_errors: int,
    finder: Callable[[str, str, int], list[Match]],
) -> list[Match]:
    """Finds a short quote through its context: quote plus context is long enough to be
    located approximately, and the quote is then found inside each located window."""
    pattern = f"{context.prefix} {quote} {context.suffix}".strip()
    windows = finder(text, pattern, default_max_errors(len(pattern)))
    candidates: list[Match] = []
    for window in windows:
        window_text = text[window.start : window.end]
        inside = search(window_text, quote, max_errors, exact_first=False)
        candidates.extend(
            Match(window.start + match.start, window.start + match.end, match.errors)
            for match in inside
        )
    return candidates


def reanchor_all(
    text: str, annotations: Iterable[Annotation], *, text_sha256: str | None = None
) -> list[tuple[Annotation, Anchor]]:
    """Anchors every live annotation of an article in its current text.

    Tombstones (``deleted``) are skipped: they have no place to show. Every other
    annotation appears in the result exactly once, orphans included, in input order.

    Args:
        text: the article's current canonical text.
        annotations: the article's annotations.
        text_sha256: the current text's hash if the caller has it (saves hashing); each
            annotation's own ``text_sha256`` is compared with it.

    Returns:
        ``(annotation, anchor)`` pairs.
    """
    current = text_sha256 or hash_text(text)
    return [
        (item, _anchor(text, item.selectors, unchanged=item.text_sha256 == current))
        for item in annotations
        if not item.deleted
    ]


def refresh_selectors(annotation: Annotation, text: str, found: Anchor) -> Annotation:
    """Returns the annotation re-described at its new anchor, with the new text's hash.

    An orphan (or an empty anchor) is returned unchanged: its old selectors are the only
    record of what the user annotated. ``modified`` is kept, because the user's content did
    not change; only where it points did.

    Args:
        annotation: the stored annotation.
        text: the text ``found`` points into.
        found: the anchor from ``anchor``/``reanchor_all`` for this text.

    Returns:
        A new annotation, or the same one for orphans.
    """
    if found.is_orphan or found.end <= found.start:
        return annotation
    position, quote = describe(text, found.start, found.end)
    return replace(annotation, selectors=(position, quote), text_sha256=hash_text(text))
