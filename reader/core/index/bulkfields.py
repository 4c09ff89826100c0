"""Collecting one field's postings for ``bulk.SegmentBuilder``, all documents at once.

- ``PositionalField``: a text field with ``TermPositions`` and ``TermAnalyzer``. Each text's
  words are read with one pass (``tokens.words_in``) and mapped to term numbers through a
  dictionary (new words only go through the analyzer); every ``RUN_DOCUMENTS`` documents
  (``flush``) the tokens are numbered as the analyzer numbers positions, grouped into
  postings and sorted by term with NumPy, so memory follows the postings, not the tokens.
- ``NumericField``: a ``NUMERIC`` or ``DATETIME`` field of one number per document: its trie
  terms for all documents at once.
- ``GenericField``: any other field, through Whoosh's ``field.index`` (ids, keywords: a
  few postings per document).

Each gives its ``Postings``: sorted by term (as bytes) then document, as Whoosh's pool would.
"""

from __future__ import annotations

import itertools
import math
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.fields import DATETIME, NUMERIC
from whoosh.util.numeric import _length_byte_cache, to_sortable

from reader.core.index.analysis import TermAnalyzer
from reader.core.index.tokens import words_in

# Postings sorted at once when a text field's postings are made: a bound on the memory of
# a rebuild (the sort, its copies and the Python objects of the written terms take about
# 150 bytes a posting; a 25,000-article builder peaked at 649 MB with parts of 2 million,
# 475 MB with parts of 500,000).
POSTINGS_PER_PART = 500_000
# Distinct values of a non-text field whose postings are remembered (dates repeat).
INDEX_CACHE = 50_000
_LENGTH_BYTES = np.array(_length_byte_cache, dtype=np.int64)
_LITTLE_UINT32 = np.dtype("<u4")

Ints = npt.NDArray[np.int64]
Int32s = npt.NDArray[np.int32]


def length_bytes(lengths: Ints) -> npt.NDArray[np.uint8]:
    """Whoosh's ``length_to_byte`` for an array of lengths."""
    codes = np.searchsorted(_LENGTH_BYTES, lengths, side="left")
    return np.minimum(codes, 255).astype(np.uint8)


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text`` as ``TermAnalyzer`` reads them."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return words_in(lowered)
    # Lower-casing changed the length: match on the original, as the analyzer does.
    return [word.lower() for word in words_in(text)]


@dataclass
class Postings:
    """One field's postings, sorted by term then document."""

    terms: list[bytes]  # sorted, unique
    term_starts: Ints  # len(terms) + 1 offsets into the postings
    docs: Ints
    weights: npt.NDArray[np.float32]
    lengths: npt.NDArray[np.uint8]  # the document's field length byte (0: none)
    # Values: packed (data, starts of len(docs) + 1), a fixed size (data, size) or none.
    values: tuple[bytes, Ints] | tuple[bytes, int] | None


class PositionalField:
    """A text field with ``TermPositions`` and ``TermAnalyzer``: tokens to postings."""

    def __init__(self, name: str, field: Any) -> None:
        self.name = name
        self.boost = float(field.format.field_boost)
        self.analyzer: TermAnalyzer = field.analyzer
        self.vocabulary: dict[str, int] = {}
        self.word_ids: dict[str, int] = {}  # lower-cased word -> term number (-1: stop word)
        self.tokens = array("i")
        self.docs = array("i")
        self.counts = array("i")
        self.runs: list[tuple[Int32s, Int32s, Int32s, npt.NDArray[np.uint32]]] = []
        self.length_docs: list[Ints] = []
        self.length_values: list[Ints] = []

    def add(self, doc: int, text: str) -> None:
        words = words_of(text)
        if not words:
            return
        word_ids = self.word_ids
        unknown = set(words).difference(word_ids)
        if unknown:
            vocabulary = self.vocabulary
            for word in unknown:
                term = self.analyzer.term_of(word)
                word_ids[word] = vocabulary.setdefault(term, len(vocabulary)) if term else -1
        self.tokens.extend(map(word_ids.__getitem__, words))
        self.docs.append(doc)
        self.counts.append(len(words))

    def flush(self) -> None:
        """Groups the tokens added since the last flush into postings."""
        if not self.tokens:
            return
        tokens = np.frombuffer(self.tokens, dtype=np.int32).astype(np.int64)
        counts = np.frombuffer(self.counts, dtype=np.int32).astype(np.int64)
        docs = np.repeat(np.frombuffer(self.docs, dtype=np.int32).astype(np.int64), counts)
        # Each token's number within its document (stop words included).
        number = np.arange(len(tokens)) - np.repeat(np.cumsum(counts) - counts, counts)
        kept = np.flatnonzero(tokens >= 0)
        self.tokens, self.docs, self.counts = array("i"), array("i"), array("i")
        if not len(kept):
            return
        terms, kept_docs, numbers = tokens[kept], docs[kept], number[kept]
        # Positions as Whoosh's stop filter numbers them: the first kept word keeps its own
        # number, the next ones follow it one by one.
        first = np.flatnonzero(np.r_[True, kept_docs[1:] != kept_docs[:-1]])
        group = np.repeat(np.arange(len(first)), np.diff(np.r_[first, len(kept_docs)]))
        positions = numbers[first][group] + (np.arange(len(kept_docs)) - first[group])
        self.length_docs.append(kept_docs[first])
        self.length_values.append(np.diff(np.r_[first, len(kept_docs)]))
        order = np.argsort(terms, kind="stable")
        terms, kept_docs, positions = terms[order], kept_docs[order], positions[order]
        starts = np.flatnonzero(
            np.r_[True, (terms[1:] != terms[:-1]) | (kept_docs[1:] != kept_docs[:-1])]
        )
        counts = np.diff(np.r_[starts, len(terms)])
        # 32-bit: a run's arrays are what a rebuild holds in memory until it writes.
        self.runs.append(
            (
                terms[starts].astype(np.int32),
                kept_docs[starts].astype(np.int32),
                counts.astype(np.int32),
                positions.astype(np.uint32),
            )
        )

    def lengths(self, doc_count: int) -> Ints:
        found = np.zeros(doc_count, dtype=np.int64)
        for docs, values in zip(self.length_docs, self.length_values, strict=True):
            found[docs] = values
        return found

    def postings(self, lengths: npt.NDArray[np.uint8]) -> Iterator[Postings]:
        """The field's postings in parts of consecutive terms (``POSTINGS_PER_PART``
        postings or so each), each part taken from every run: the runs are never copied
        whole, and the sort and its copies (what a rebuild's memory peaks on) are a
        part's."""
        self.flush()
        # The dictionaries are done with: free them before the arrays grow.
        encoded = [name.encode("utf-8") for name in self.vocabulary]
        self.vocabulary, self.word_ids = {}, {}
        by_bytes = sorted(range(len(encoded)), key=encoded.__getitem__)
        rank = np.empty(len(encoded), dtype=np.int32)
        rank[by_bytes] = np.arange(len(encoded), dtype=np.int32)
        runs, self.runs = self.runs, []
        run_ranks = [rank[run[0]] for run in runs]
        total = sum(len(ranks) for ranks in run_ranks)
        parts = max(1, math.ceil(total / POSTINGS_PER_PART))
        # Parts of consecutive terms (each term whole in one part), of about equal postings.
        per_term = np.zeros(len(encoded), dtype=np.int64)
        for ranks in run_ranks:
            per_term += np.bincount(ranks, minlength=len(encoded))
        per_term = np.cumsum(per_term)
        targets = np.arange(1, parts) * (total / parts)
        inner = np.minimum(np.searchsorted(per_term, targets) + 1, len(encoded))
        cuts = [0, *inner.tolist(), len(encoded)]
        for low, high in itertools.pairwise(sorted(set(cuts))):
            pieces = [
                _run_part(run, ranks, np.flatnonzero((ranks >= low) & (ranks < high)))
                for run, ranks in zip(runs, run_ranks, strict=True)
            ]
            yield self._part(
                [encoded[i] for i in by_bytes[low:high]],
                np.concatenate([piece[0] for piece in pieces]),
                np.concatenate([piece[1] for piece in pieces]),
                np.concatenate([piece[2] for piece in pieces]),
                np.concatenate([piece[3] for piece in pieces]),
                lengths,
            )

    def _part(
        self,
        terms: list[bytes],
        ranks: Int32s,
        docs: Int32s,
        counts: Int32s,
        positions: npt.NDArray[np.uint32],
        lengths: npt.NDArray[np.uint8],
    ) -> Postings:
        """Postings of consecutive terms, sorted by term: runs hold ascending documents,
        so a stable sort keeps each term's documents in order. ``positions``: every
        posting's positions, one after the other, in the order given."""
        order = np.argsort(ranks, kind="stable")
        starts = (np.cumsum(counts, dtype=np.int64) - counts)[order]
        ranks, docs, counts = ranks[order], docs[order], counts[order]
        ordered = positions[_spread(starts, counts)].astype(_LITTLE_UINT32)
        term_starts = np.flatnonzero(np.r_[True, ranks[1:] != ranks[:-1]])
        value_ends = np.cumsum(counts, dtype=np.int64) * 4
        return Postings(
            terms=terms,
            term_starts=np.r_[term_starts, len(docs)].astype(np.int64),
            docs=docs.astype(np.int64),
            weights=(counts * self.boost).astype(np.float32),
            lengths=lengths[docs],
            values=(ordered.tobytes(), np.r_[0, value_ends].astype(np.int64)),
        )


def _spread(starts: Ints, counts: npt.NDArray[Any]) -> Ints:
    """The indices ``starts[i], starts[i] + 1, ... starts[i] + counts[i] - 1`` for every
    ``i``, one after the other."""
    firsts = np.cumsum(counts, dtype=np.int64) - counts
    indices = np.repeat(starts - firsts, counts)
    indices += np.arange(len(indices), dtype=np.int64)
    return indices


def _run_part(
    run: tuple[Int32s, Int32s, Int32s, npt.NDArray[np.uint32]], ranks: Int32s, chosen: Ints
) -> tuple[Int32s, Int32s, Int32s, npt.NDArray[np.uint32]]:
    """The ``chosen`` postings of one run (ranks, documents, counts) and their positions."""
    _, docs, counts, positions = run
    starts = (np.cumsum(counts, dtype=np.int64) - counts)[chosen]
    return ranks[chosen], docs[chosen], counts[chosen], positions[_spread(starts, counts[chosen])]


class GenericField:
    """Any other indexed field, through Whoosh's ``field.index``."""

    def __init__(self, name: str, field: Any) -> None:
        self.name = name
        self.field = field
        self.items: list[tuple[bytes, int, float, bytes]] = []
        self.doc_lengths: dict[int, int] = {}
        self._cache: dict[Any, list[tuple[bytes, int, float, bytes]]] = {}

    def add(self, doc: int, value: Any) -> None:
        try:
            indexed = self._cache.get(value)
        except TypeError:  # not hashable
            indexed = None
        if indexed is None:
            indexed = list(self.field.index(value))
            if len(self._cache) < INDEX_CACHE and isinstance(value, str | int | datetime):
                self._cache[value] = indexed
        length = 0
        append = self.items.append
        for tbytes, freq, weight, vbytes in indexed:
            append((tbytes, doc, weight, vbytes))
            length += freq
        if self.field.scorable and length:
            self.doc_lengths[doc] = length

    def lengths(self, doc_count: int) -> Ints:
        found = np.zeros(doc_count, dtype=np.int64)
        for doc, length in self.doc_lengths.items():
            found[doc] = length
        return found

    def postings(self, lengths: npt.NDArray[np.uint8]) -> Postings:
        items = sorted(self.items, key=lambda item: (item[0], item[1]))
        self.items = []
        term_list = [item[0] for item in items]
        starts = [i for i in range(len(items)) if i == 0 or term_list[i] != term_list[i - 1]]
        docs = np.array([item[1] for item in items], dtype=np.int64)
        fixed = self.field.format.fixed_value_size()
        values: tuple[bytes, Ints] | tuple[bytes, int] | None
        if fixed is None or fixed < 0:
            ends = np.cumsum([len(item[3]) for item in items], dtype=np.int64)
            values = (b"".join(item[3] for item in items), np.r_[0, ends].astype(np.int64))
        elif fixed == 0:
            values = None
        else:
            values = (b"".join(item[3] for item in items), int(fixed))
        return Postings(
            terms=[term_list[i] for i in starts],
            term_starts=np.array([*starts, len(items)], dtype=np.int64),
            docs=docs,
            weights=np.array([item[2] for item in items], dtype=np.float32),
            lengths=lengths[docs] if len(docs) else np.zeros(0, dtype=np.uint8),
            values=values,
        )


class NumericField:
    """A ``NUMERIC`` or ``DATETIME`` field of one number per document: its trie terms
    (the number shifted right by each multiple of ``shift_step``, after a shift byte) made
    for all documents at once."""

    def __init__(self, name: str, field: Any) -> None:
        self.name = name
        self.field = field
        self.docs = array("q")
        self.values: list[int] = []

    @staticmethod
    def handles(fieldobj: Any, value: Any) -> bool:
        return (
            isinstance(fieldobj, NUMERIC)
            and fieldobj.numtype is int
            and not fieldobj.decimal_places
            and fieldobj.shift_step > 0
            and fieldobj.bits in (8, 16, 32, 64)
            and isinstance(value, datetime if isinstance(fieldobj, DATETIME) else int)
        )

    def add(self, doc: int, value: Any) -> None:
        field = self.field
        number = field.prepare_datetime(value) if isinstance(field, DATETIME) else value
        number = field.prepare_number(number)
        self.docs.append(doc)
        self.values.append(to_sortable(field.numtype, field.bits, field.signed, number))

    def lengths(self, doc_count: int) -> Ints:
        return np.zeros(doc_count, dtype=np.int64)

    def postings(self, lengths: npt.NDArray[np.uint8]) -> Postings:
        field = self.field
        width = field.bits // 8
        docs = np.frombuffer(self.docs, dtype=np.int64)
        values = np.array(self.values, dtype=np.uint64)
        shifts = list(range(0, field.bits, field.shift_step))
        # Every (shift, shifted value, document); byte order of the terms is numeric order
        # of (shift, shifted value), the values being big-endian.
        all_shifts = np.repeat(np.array(shifts, dtype=np.uint64), len(values))
        shifted = np.concatenate([values >> np.uint64(shift) for shift in shifts])
        all_docs = np.tile(docs, len(shifts))
        order = np.lexsort((all_docs, shifted, all_shifts))
        all_shifts, shifted, all_docs = all_shifts[order], shifted[order], all_docs[order]
        starts = np.flatnonzero(
            np.r_[True, (all_shifts[1:] != all_shifts[:-1]) | (shifted[1:] != shifted[:-1])]
        )
        terms = [
            bytes((shift,)) + value.to_bytes(width, "big")
            for shift, value in zip(
                all_shifts[starts].tolist(), shifted[starts].tolist(), strict=True
            )
        ]
        return Postings(
            terms=terms,
            term_starts=np.r_[starts, len(all_docs)].astype(np.int64),
            docs=all_docs,
            weights=np.ones(len(all_docs), dtype=np.float32),
            lengths=np.zeros(len(all_docs), dtype=np.uint8),
            values=None,
        )
