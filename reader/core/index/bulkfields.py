"""Collecting one field's postings for ``bulk.SegmentBuilder``, all documents at once.

- ``PositionalField``: a text field with ``TermPositions`` and ``TermAnalyzer``. Each text's
  words are read with one pass (``tokens.words_in``) and mapped to term numbers through a
  dictionary (new words only go through the analyzer); every ``RUN_DOCUMENTS`` documents
  (``flush``) the tokens are numbered as the analyzer numbers positions, grouped into
  postings and sorted by term with NumPy, and the postings go to a temporary file until
  they are written, so memory follows neither the tokens nor the postings.
- ``NumericField``: a ``NUMERIC`` or ``DATETIME`` field of one number per document: its trie
  terms for all documents at once.
- ``GenericField``: any other field, through Whoosh's ``field.index`` (ids, keywords: a
  few postings per document).

Each gives its ``Postings``: sorted by term (as bytes) then document, as Whoosh's pool would.
"""

from __future__ import annotations

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
from reader.core.index.spill import SpillFile
from reader.core.index.tokens import words_in

# Postings and terms sorted and written at once when a text field's postings are made: a
# bound on the memory of a rebuild (the sort and its copies take about 100 bytes a posting,
# the Python objects of the written terms about 300 bytes a term: most terms of an archive
# have one posting, and they come together, e.g. numbers and codes).
POSTINGS_PER_PART = 100_000
TERMS_PER_PART = 10_000
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


@dataclass
class _Run:
    """Where one run of a text field's postings lies in the spill file, sorted by term (as
    bytes) then document, and how far the parts written so far have read it."""

    terms: Int32s  # the run's terms (numbers), in byte order; ranks once they are known
    ends: Int32s  # each of those terms' postings end in the run
    docs_at: int  # offsets in the spill file: documents, position counts, positions
    counts_at: int
    positions_at: int
    next_term: int = 0
    next_posting: int = 0
    next_position: int = 0


class PositionalField:
    """A text field with ``TermPositions`` and ``TermAnalyzer``: tokens to postings.

    Every ``flush`` groups the tokens since the last into a run of postings, sorted by term
    as bytes (the order of the term dictionary) and written to ``spill``: what stays in
    memory is the vocabulary and, per run, its terms and their postings' ends. The
    postings are then read back in parts of consecutive terms, a slice of each run."""

    def __init__(self, name: str, field: Any, spill: SpillFile) -> None:
        self.name = name
        self.boost = float(field.format.field_boost)
        self.analyzer: TermAnalyzer = field.analyzer
        self.spill = spill
        self.vocabulary: dict[str, int] = {}
        self.terms: list[str] = []  # term number -> term
        self.word_ids: dict[str, int] = {}  # lower-cased word -> term number (-1: stop word)
        self.tokens = array("i")
        self.docs = array("i")
        self.counts = array("i")
        self.runs: list[_Run] = []
        self.length_docs: list[Int32s] = []
        self.length_values: list[Int32s] = []

    def add(self, doc: int, text: str) -> None:
        words = words_of(text)
        if not words:
            return
        word_ids = self.word_ids
        unknown = set(words).difference(word_ids)
        if unknown:
            vocabulary, terms = self.vocabulary, self.terms
            for word in unknown:
                term = self.analyzer.term_of(word)
                if not term:
                    word_ids[word] = -1
                    continue
                number = vocabulary.setdefault(term, len(vocabulary))
                if number == len(terms):
                    terms.append(term)
                word_ids[word] = number
        self.tokens.extend(map(word_ids.__getitem__, words))
        self.docs.append(doc)
        self.counts.append(len(words))

    def flush(self) -> None:
        """Groups the tokens added since the last flush into a run of postings."""
        if not self.tokens:
            return
        # 32-bit throughout: a run's temporary arrays are a builder's largest besides the
        # parts it writes.
        tokens = np.frombuffer(self.tokens, dtype=np.int32)
        counts = np.frombuffer(self.counts, dtype=np.int32)
        docs = np.repeat(np.frombuffer(self.docs, dtype=np.int32), counts)
        # Each token's number within its document (stop words included).
        number = np.arange(len(tokens), dtype=np.int32)
        number -= np.repeat(np.cumsum(counts, dtype=np.int32) - counts, counts)
        kept = np.flatnonzero(tokens >= 0)
        if not len(kept):
            self.tokens, self.docs, self.counts = array("i"), array("i"), array("i")
            return
        terms, kept_docs, numbers = tokens[kept], docs[kept], number[kept]
        self.tokens, self.docs, self.counts = array("i"), array("i"), array("i")
        del tokens, counts, docs, number, kept
        # Positions as Whoosh's stop filter numbers them: the first kept word keeps its own
        # number, the next ones follow it one by one.
        first = np.flatnonzero(np.r_[True, kept_docs[1:] != kept_docs[:-1]])
        sizes = np.diff(np.r_[first, len(kept_docs)]).astype(np.int32)
        positions = np.arange(len(kept_docs), dtype=np.int32)
        positions += np.repeat(numbers[first] - first.astype(np.int32), sizes)
        del numbers
        self.length_docs.append(kept_docs[first])
        self.length_values.append(sizes)
        # The run's terms in byte order (str order is the order of their UTF-8 bytes), and
        # each token's rank among them.
        present = np.flatnonzero(np.bincount(terms, minlength=len(self.terms)))
        names = [self.terms[i] for i in present.tolist()]
        by_name = np.array(sorted(range(len(names)), key=names.__getitem__), dtype=np.int32)
        del names
        local = np.zeros(len(self.terms), dtype=np.int32)
        local[present[by_name]] = np.arange(len(by_name), dtype=np.int32)
        ranks = local[terms]
        del local, terms
        order = np.argsort(ranks, kind="stable")
        ranks, kept_docs, positions = ranks[order], kept_docs[order], positions[order]
        del order
        starts = np.flatnonzero(
            np.r_[True, (ranks[1:] != ranks[:-1]) | (kept_docs[1:] != kept_docs[:-1])]
        )
        posting_counts = np.diff(np.r_[starts, len(ranks)]).astype(np.int32)
        ends = np.cumsum(np.bincount(ranks[starts], minlength=len(by_name)), dtype=np.int32)
        spill = self.spill
        self.runs.append(
            _Run(
                terms=present[by_name].astype(np.int32),
                ends=ends,
                docs_at=spill.write(kept_docs[starts]),
                counts_at=spill.write(posting_counts),
                positions_at=spill.write(positions.astype(np.uint32)),
            )
        )

    def lengths(self, doc_count: int) -> Ints:
        found = np.zeros(doc_count, dtype=np.int64)
        for docs, values in zip(self.length_docs, self.length_values, strict=True):
            found[docs] = values
        return found

    def postings(self, lengths: npt.NDArray[np.uint8]) -> Iterator[Postings]:
        """The field's postings in parts of consecutive terms (at most
        ``POSTINGS_PER_PART`` postings, unless one term has more, and ``TERMS_PER_PART``
        terms), each part read from every run: what a part's sort and its Python objects
        take bounds the memory of writing."""
        self.flush()
        # The dictionaries are done with: free them before the arrays grow. (The terms are
        # sorted as str: the order of their UTF-8 bytes; each part encodes its own.)
        terms, self.terms = self.terms, []
        self.vocabulary, self.word_ids = {}, {}
        by_bytes = np.array(sorted(range(len(terms)), key=terms.__getitem__), dtype=np.int32)
        rank = np.empty(len(terms), dtype=np.int32)
        rank[by_bytes] = np.arange(len(terms), dtype=np.int32)
        per_term = np.zeros(len(terms), dtype=np.int64)
        for run in self.runs:
            run.terms = rank[run.terms]  # ascending: both orders are the bytes'
            per_term[run.terms] += np.diff(run.ends, prepend=0)
        del rank
        bounds = np.r_[0, np.cumsum(per_term)]
        del per_term
        low = 0
        while low < len(terms):
            limit = int(bounds[low]) + POSTINGS_PER_PART
            high = int(np.searchsorted(bounds, limit, side="right")) - 1
            high = min(max(high, low + 1), low + TERMS_PER_PART)
            pieces = [self._read(run, high) for run in self.runs]
            yield self._part(
                [terms[i].encode("utf-8") for i in by_bytes[low:high].tolist()],
                np.concatenate([piece[0] for piece in pieces]),
                np.concatenate([piece[1] for piece in pieces]),
                np.concatenate([piece[2] for piece in pieces]),
                np.concatenate([piece[3] for piece in pieces]),
                lengths,
            )
            low = high
        self.runs = []

    def _read(self, run: _Run, high: int) -> tuple[Int32s, Int32s, Int32s, npt.NDArray[np.uint32]]:
        """The postings of ``run`` after those read before, up to the term of rank ``high``
        (ranks, documents, counts) and their positions."""
        first_term, first, first_position = run.next_term, run.next_posting, run.next_position
        last_term = int(np.searchsorted(run.terms, high))
        last = int(run.ends[last_term - 1]) if last_term else 0
        spill = self.spill
        docs = spill.read(run.docs_at, np.int32, first, last)
        counts = spill.read(run.counts_at, np.int32, first, last)
        last_position = first_position + int(counts.sum())
        positions = spill.read(run.positions_at, np.uint32, first_position, last_position)
        sizes = np.diff(run.ends[first_term:last_term], prepend=first)
        ranks = np.repeat(run.terms[first_term:last_term], sizes)
        run.next_term, run.next_posting, run.next_position = last_term, last, last_position
        return ranks, docs, counts, positions

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


class GenericField:
    """Any other indexed field, through Whoosh's ``field.index``."""

    def __init__(self, name: str, field: Any) -> None:
        self.name = name
        self.field = field
        self.items: list[tuple[bytes, int, float, bytes]] = []
        self.doc_lengths: dict[int, int] = {}
        self._cache: dict[Any, list[tuple[bytes, int, float, bytes]]] = {}
        # A unique field's values never repeat (article ids): remembering them only costs.
        self._caching = not getattr(field, "unique", False)

    def add(self, doc: int, value: Any) -> None:
        try:
            indexed = self._cache.get(value)
        except TypeError:  # not hashable
            indexed = None
        if indexed is None:
            indexed = list(self.field.index(value))
            if (
                self._caching
                and len(self._cache) < INDEX_CACHE
                and isinstance(value, str | int | datetime)
            ):
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
