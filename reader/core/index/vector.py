"""Runs parsed queries with NumPy over whole posting lists, as Whoosh's matchers would.

Whoosh's matchers walk posting lists one document at a time in Python; an AND of two common
words or a phrase visits tens of thousands of documents that way. ``evaluate`` takes the
same parsed query and computes, per segment and for all matching documents at once:

- terms: the decoded postings (``postings.read_postings``) scored with BM25F from the
  weights and the field-length column, exactly Whoosh's formula and statistics (global idf
  and average length), then the term's boost;
- OR / AND / AND NOT / NOT: unions that add scores, intersections that add scores, set
  differences, complements scoring 1.0 (Whoosh's ``InverseMatcher``);
- phrases and proximity: intersect the words' documents first, then check positions only
  for those, all candidates at once;
- prefixes, wildcards and fuzzy terms: the same expansion as Whoosh (per segment), then an
  OR of the expanded terms with Whoosh's scoring rules (a lone expansion loses the boost;
  small segments or 1,024+ expansions score 1 per field);
- date and number ranges: a mask over the segment's numeric column instead of a union of
  trie terms, scoring the range's boost (Whoosh's ``ConstantScoreQuery``).

Anything else raises ``Unsupported`` and the caller runs Whoosh's own matchers. The result
is the same documents and scores as Whoosh's (up to the order in which a sum of floats is
added: the last bit can differ), which the tests check query by query.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import query
from whoosh.fields import DATETIME
from whoosh.query import compound, positional, qcore, ranges, terms, wrappers
from whoosh.scoring import BM25F

from reader.core.index.postings import (
    FloatArray,
    IntArray,
    SegmentArrays,
    TermPostings,
    Unsupported,
    read_postings,
)

# Whoosh's ``Or`` switches matcher at these sizes (``Or.TOO_MANY_CLAUSES``, and the segment
# size under which it pre-loads scores into an array).
TOO_MANY_CLAUSES = compound.Or.TOO_MANY_CLAUSES
PRELOAD_DOC_LIMIT = 5000


@dataclass(frozen=True)
class Matches:
    """Matching document numbers (ascending, within one segment) and their scores."""

    ids: IntArray
    scores: FloatArray

    def boosted(self, boost: float) -> Matches:
        return self if boost == 1.0 else Matches(self.ids, self.scores * boost)


EMPTY = Matches(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


@dataclass(frozen=True)
class Segment:
    """What a query needs about one segment: its arrays, its searcher and the top searcher
    (for global statistics)."""

    arrays: SegmentArrays
    searcher: Any
    top: Any

    @property
    def reader(self) -> Any:
        return self.arrays.reader


def union(parts: Sequence[Matches]) -> Matches:
    """Every document of any part; scores added."""
    parts = [part for part in parts if len(part.ids)]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    ids, inverse = np.unique(np.concatenate([p.ids for p in parts]), return_inverse=True)
    scores = np.bincount(inverse, weights=np.concatenate([p.scores for p in parts]))
    return Matches(ids, scores.astype(np.float64))


def intersection(parts: Sequence[Matches]) -> Matches:
    """The documents of every part; scores added."""
    if not parts:
        return EMPTY
    ids, scores = parts[0].ids, parts[0].scores
    for part in parts[1:]:
        ids, mine, theirs = np.intersect1d(ids, part.ids, assume_unique=True, return_indices=True)
        scores = scores[mine] + part.scores[theirs]
    return Matches(ids, scores)


def difference(kept: Matches, removed: Matches) -> Matches:
    if not len(removed.ids) or not len(kept.ids):
        return kept
    keep = ~np.isin(kept.ids, removed.ids, assume_unique=True)
    return Matches(kept.ids[keep], kept.scores[keep])


def _term_bytes(segment: Segment, fieldname: str, text: Any) -> bytes | None:
    schema = segment.searcher.schema
    if fieldname not in schema:
        return None
    try:
        return bytes(schema[fieldname].to_bytes(text))
    except ValueError:
        return None


def term_scores(segment: Segment, fieldname: str, tbytes: bytes, postings: TermPostings) -> Matches:
    """The live postings of a term scored as Whoosh's BM25F scorer does (no boost)."""
    live = segment.arrays.live
    ids, weights = postings.ids, postings.weights
    if live is not None:
        keep = live[ids]
        ids, weights = ids[keep], weights[keep]
    top = segment.top
    field = top.schema[fieldname]
    if not field.scorable:
        return Matches(ids, weights)
    weighting = top.weighting
    idf = top.idf(fieldname, tbytes)
    avgfl = top.avg_field_length(fieldname) or 1
    b = weighting._field_B.get(fieldname, weighting.B)
    k1 = weighting.K1
    lengths = segment.arrays.lengths(fieldname)[ids]
    # Whoosh's ``scoring.bm25``, operation for operation (the same floats come out).
    scores = idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * lengths / avgfl)))
    return Matches(ids, scores)


def _term(segment: Segment, fieldname: str, text: Any, boost: float) -> Matches:
    tbytes = _term_bytes(segment, fieldname, text)
    if tbytes is None:
        return EMPTY
    postings = read_postings(segment.reader, fieldname, tbytes)
    if postings is None:
        return EMPTY
    return term_scores(segment, fieldname, tbytes, postings).boosted(boost)


def _or(segment: Segment, parts: list[Matches], boost: float, *, scored: bool) -> Matches:
    """Whoosh's ``Or``: a tree of union matchers (scores added, then boosted), or, in small
    segments with three or more clauses or with very many clauses, an array of scores
    (each boosted before adding, or 1 for every match when the context is unscored)."""
    preloaded = len(parts) >= TOO_MANY_CLAUSES or (
        len(parts) != 2 and segment.arrays.doc_count <= PRELOAD_DOC_LIMIT
    )
    if not preloaded:
        return union(parts).boosted(boost)
    if not scored:
        merged = union(parts)
        return Matches(merged.ids, np.ones(len(merged.ids), dtype=np.float64))
    return union([part.boosted(boost) for part in parts])


class _Evaluator:
    def __init__(self, segment: Segment, words: set[tuple[str, str]] | None) -> None:
        self.segment = segment
        # The terms multi-term queries expanded to (for highlighting), when asked for.
        self.words = words
        self._handlers: dict[type, Callable[[Any, bool], Matches]] = {
            query.Term: self._term,
            query.Or: self._or,
            query.And: self._and,
            query.AndNot: self._and_not,
            query.Not: self._not,
            query.Every: self._every,
            query.Phrase: self._phrase,
            query.Prefix: self._multi_term,
            query.Wildcard: self._multi_term,
            query.FuzzyTerm: self._multi_term,
            query.NumericRange: self._range,
            query.DateRange: self._range,
            type(qcore.NullQuery): lambda node, scored: EMPTY,
        }

    def run(self, node: Any, *, scored: bool = True) -> Matches:
        handler = self._handlers.get(type(node))
        if handler is None:
            raise Unsupported(type(node).__name__)
        return handler(node, scored)

    def _term(self, node: query.Term, scored: bool) -> Matches:
        if node.minquality:
            raise Unsupported("minimum quality")
        return _term(self.segment, node.fieldname, node.text, node.boost)

    def _or(self, node: query.Or, scored: bool) -> Matches:
        if node.minmatch or node.scale or node.matcher_type != query.Or.AUTO_MATCHER:
            raise Unsupported("Or with options")
        parts = [self.run(child, scored=scored) for child in node.subqueries]
        if len(parts) == 1:
            return parts[0]
        return _or(self.segment, parts, node.boost, scored=scored)

    def _and(self, node: query.And, scored: bool) -> Matches:
        parts = [self.run(child, scored=scored) for child in node.subqueries]
        if len(parts) == 1:
            return parts[0]
        return intersection(parts).boosted(node.boost)

    def _and_not(self, node: query.AndNot, scored: bool) -> Matches:
        return difference(self.run(node.a, scored=scored), self.run(node.b, scored=False))

    def _not(self, node: wrappers.Not, scored: bool) -> Matches:
        removed = self.run(node.query, scored=False)
        everything = self.segment.arrays.all_live()
        ids = everything[~np.isin(everything, removed.ids, assume_unique=True)]
        return Matches(ids, np.ones(len(ids), dtype=np.float64))

    def _every(self, node: qcore.Every, scored: bool) -> Matches:
        if node.fieldname not in (None, "", "*"):
            raise Unsupported("Every of one field")
        ids = self.segment.arrays.all_live()
        return Matches(ids, np.full(len(ids), float(node.boost), dtype=np.float64))

    def _multi_term(self, node: terms.MultiTerm, scored: bool) -> Matches:
        if isinstance(node, query.Prefix) and node.text == "":
            return self._every(query.Every(node.fieldname, boost=node.boost), scored)
        if isinstance(node, query.Wildcard) and node.text == "*":
            return self._every(query.Every(node.fieldname, boost=node.boost), scored)
        fieldname = node.field()
        words = [word for word in node._btexts(self.segment.reader) if word]
        if self.words is not None:
            self.words.update((fieldname, _as_text(word)) for word in words)
        if not words:
            return EMPTY
        if len(words) == 1:
            # Whoosh matches a lone expansion as a plain term: without the query's boost.
            return _term(self.segment, fieldname, words[0], 1.0)
        parts = [_term(self.segment, fieldname, word, 1.0) for word in words]
        return _or(self.segment, parts, node.boost, scored=scored and not node.constantscore)

    def _range(self, node: ranges.NumericRange, scored: bool) -> Matches:
        field = self.segment.top.schema[node.fieldname]
        if not isinstance(field, DATETIME) or not field.column_type or not node.constantscore:
            raise Unsupported("range over a field without a date column")
        column = self.segment.arrays.column(node.fieldname)
        keep = column != np.uint64(field.column_type.default_value())
        if node.start is not None:
            start = np.uint64(node.start)
            keep &= (column > start) if node.startexcl else (column >= start)
        if node.end is not None:
            end = np.uint64(node.end)
            keep &= (column < end) if node.endexcl else (column <= end)
        ids = self.segment.arrays.alive(np.flatnonzero(keep).astype(np.int64))
        return Matches(ids, np.full(len(ids), float(node.boost), dtype=np.float64))

    def _phrase(self, node: positional.Phrase, scored: bool) -> Matches:
        segment = self.segment
        fieldname = node.fieldname
        schema = segment.top.schema
        if fieldname not in schema:
            return EMPTY
        field = schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            raise Unsupported("phrase over a field without positions")
        if type(field.format).decode_positions is not _packed_decoder():
            raise Unsupported("positions not packed")
        found: list[tuple[bytes, TermPostings]] = []
        for word in node.words:
            tbytes = _term_bytes(segment, fieldname, word)
            postings = (
                None
                if tbytes is None
                else read_postings(segment.reader, fieldname, tbytes, with_values=True)
            )
            if tbytes is None or postings is None:
                return EMPTY
            found.append((tbytes, postings))
        scored_terms = [term_scores(segment, fieldname, tbytes, p) for tbytes, p in found]
        both = intersection(scored_terms)
        if not len(both.ids):
            return EMPTY
        ids = both.ids
        reached: IntArray | None = None  # (candidate << 32 | position) of chains so far
        for _, postings in found:
            rows = np.searchsorted(postings.ids, ids)
            positions, owner = postings.positions(rows)
            keys = (owner << 32) | positions
            if reached is None:
                reached = keys
            else:
                hit = np.zeros(len(keys), dtype=np.bool_)
                for gap in range(1, node.slop + 1):
                    hit |= _contains(reached, keys - gap)
                reached = keys[hit]
            if not len(reached):
                return EMPTY
        assert reached is not None
        kept = np.unique(reached >> 32)
        return Matches(ids[kept], both.scores[kept]).boosted(node.boost)


class _TermsAt:
    """The terms a query matched in one document (Whoosh's ``matched_terms`` for that
    hit): the terms of the leaves that match it, through the branches that match it
    (not under NOT; for AND, only when every part matches)."""

    def __init__(self, evaluator: _Evaluator, doc: int) -> None:
        self.evaluator = evaluator
        self.doc = doc

    def _has(self, found: Matches) -> bool:
        return bool(_contains(found.ids, np.array([self.doc], dtype=np.int64))[0])

    def run(self, node: Any) -> tuple[bool, set[tuple[str, bytes]]]:
        """(whether ``node`` matches the document, the terms it matched there)."""
        kind = type(node)
        if kind is query.Term:
            tbytes = _term_bytes(self.evaluator.segment, node.fieldname, node.text)
            matched = tbytes is not None and self._has(self.evaluator.run(node))
            return matched, {(node.fieldname, tbytes)} if matched and tbytes else set()
        if kind in (query.Or, query.And):
            if kind is query.Or and (node.minmatch or node.scale):
                raise Unsupported("Or with options")
            parts = [self.run(child) for child in node.subqueries]
            matched = any(m for m, _ in parts) if kind is query.Or else all(m for m, _ in parts)
            terms = set().union(*(t for m, t in parts if m)) if matched else set()
            return matched, terms
        if kind is query.AndNot:
            matched, terms = self.run(node.a)
            return (matched and not self._has(self.evaluator.run(node.b, scored=False))), terms
        if kind is query.Phrase:
            if not self._has(self.evaluator.run(node)):
                return False, set()
            words = [_term_bytes(self.evaluator.segment, node.fieldname, w) for w in node.words]
            return True, {(node.fieldname, word) for word in words if word}
        if kind in (query.Prefix, query.Wildcard, query.FuzzyTerm):
            words = [w for w in node._btexts(self.evaluator.segment.reader) if w]
            parts = [self.run(query.Term(node.field(), word)) for word in words]
            return any(m for m, _ in parts), set().union(*(t for m, t in parts if m))
        # Leaves without terms (ranges, NOT, everything): whether they match.
        return self._has(self.evaluator.run(node)), set()


def terms_matched(
    top: Any, segments: Sequence[tuple[SegmentArrays, Any, int]], parsed: Any, docnum: int
) -> set[tuple[str, bytes]]:
    """The (field, term) pairs ``parsed`` matched in document ``docnum`` (index-wide); empty
    when it does not match.

    Raises:
        Unsupported: as ``evaluate``.
    """
    if type(top.weighting) is not BM25F:
        raise Unsupported("weighting other than BM25F")
    for arrays, searcher, offset in segments:
        if offset <= docnum < offset + arrays.doc_count:
            evaluator = _Evaluator(Segment(arrays, searcher, top), None)
            matched, terms = _TermsAt(evaluator, docnum - offset).run(parsed)
            return terms if matched else set()
    return set()


def _contains(ascending: IntArray, values: IntArray) -> npt.NDArray[np.bool_]:
    """Which ``values`` are in ``ascending`` (a binary search each: both are sorted, so
    this beats ``np.isin``, which sorts them together)."""
    if not len(ascending):
        return np.zeros(len(values), dtype=np.bool_)
    where = np.minimum(np.searchsorted(ascending, values), len(ascending) - 1)
    found: npt.NDArray[np.bool_] = ascending[where] == values
    return found


def _as_text(word: str | bytes) -> str:
    return word.decode("utf-8") if isinstance(word, bytes) else word


def _packed_decoder() -> Any:
    from reader.core.index.analysis import TermPositions

    return TermPositions.decode_positions


def evaluate(
    top: Any,
    segments: Sequence[tuple[SegmentArrays, Any, int]],
    parsed: Any,
    words: set[tuple[str, str]] | None = None,
) -> tuple[IntArray, FloatArray]:
    """All documents ``parsed`` matches (index-wide document numbers, ascending) and their
    scores, as ``top.search(parsed)`` with BM25F would score them.

    Raises:
        Unsupported: the query (or the searcher's weighting) needs Whoosh's own matchers.
    """
    if type(top.weighting) is not BM25F:
        raise Unsupported("weighting other than BM25F")
    ids: list[IntArray] = []
    scores: list[FloatArray] = []
    for arrays, searcher, offset in segments:
        found = _Evaluator(Segment(arrays, searcher, top), words).run(parsed)
        ids.append(found.ids + offset)
        scores.append(found.scores)
    if not ids:
        return EMPTY.ids, EMPTY.scores
    return np.concatenate(ids), np.concatenate(scores)


def top_hits(ids: IntArray, scores: FloatArray, limit: int) -> IntArray:
    """Positions (into ``ids``) of the best ``limit`` matches: highest score first, lower
    document number first among equal scores (Whoosh's ``TopCollector`` order)."""
    if limit <= 0 or not len(ids):
        return np.zeros(0, dtype=np.int64)
    if len(ids) > limit:
        threshold = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(len(ids))
    order = np.lexsort((ids[candidates], -scores[candidates]))
    chosen: IntArray = candidates[order[:limit]]
    return chosen


def sorted_hits(ids: IntArray, keys: Any, limit: int) -> IntArray:
    """Positions of the first ``limit`` matches by ascending ``keys``, then document number
    (Whoosh's ``SortingCollector`` order)."""
    order: IntArray = np.lexsort((ids, keys))
    return order[:limit] if limit > 0 else order[:0]
