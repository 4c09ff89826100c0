"""Writes a whole segment from many documents at once: Whoosh's files, built with NumPy.

Whoosh's writer handles every posting as a Python tuple: into a pool, sorted with the
others, spilled to disk and merged when the pool is full, then written one at a time. For a
rebuild of 50,000 articles (12 million postings) that was most of 200 CPU seconds.
``SegmentBuilder`` instead:

- reads each positional text field's words with one regular-expression pass and maps them
  to term numbers through a dictionary (new words only go through the analyzer), keeping
  a flat array of term numbers per batch of documents;
- numbers the positions, groups tokens into postings and sorts them by term with NumPy,
  batch by batch (memory stays bounded by the postings, not the tokens);
- writes the posting blocks (``blocks.encode_block``), the term dictionary and the
  per-document columns through Whoosh's own writers.

Other fields (ids, keywords, numbers, dates) go through Whoosh's ``field.index`` as usual;
they are a few postings per document. The result is a W3 segment that Whoosh reads like
any other; the tests compare it posting for posting with Whoosh's own writer.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3TermInfo
from whoosh.fields import DATETIME, NUMERIC
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import _length_byte_cache, to_sortable

from reader.core.index.analysis import UINT32, TermAnalyzer, TermPositions
from reader.core.index.blocks import BLOCK_LIMIT, PackedValues, encode_block
from reader.core.index.termtable import write_term_table
from reader.core.index.tokens import words_in

# Documents analysed before their tokens are grouped into postings (bounds the token
# arrays: about 500 tokens per article).
RUN_DOCUMENTS = 2000
# Terms with at most this many postings keep them in the term dictionary (most terms of an
# archive occur in one or two documents: a block for each costs a posting-file entry, two
# pickles and a header).
INLINE_LIMIT = 4
# Distinct values of a non-text field whose postings are remembered (dates repeat).
INDEX_CACHE = 50_000
_LENGTH_BYTES = np.array(_length_byte_cache, dtype=np.int64)
_TERMINFO = W3TermInfo._struct
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
class _Postings:
    """One field's postings, sorted by term then document."""

    terms: list[bytes]  # sorted, unique
    term_starts: Ints  # len(terms) + 1 offsets into the postings
    docs: Ints
    weights: npt.NDArray[np.float32]
    lengths: npt.NDArray[np.uint8]  # the document's field length byte (0: none)
    # Values: packed (data, starts of len(docs) + 1), a fixed size (data, size) or none.
    values: tuple[bytes, Ints] | tuple[bytes, int] | None


class _PositionalField:
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

    def postings(self, lengths: npt.NDArray[np.uint8]) -> _Postings:
        self.flush()
        # The dictionaries are done with: free them before the arrays grow.
        encoded = [name.encode("utf-8") for name in self.vocabulary]
        self.vocabulary, self.word_ids = {}, {}
        by_bytes = sorted(range(len(encoded)), key=encoded.__getitem__)
        rank = np.empty(len(encoded), dtype=np.int64)
        rank[by_bytes] = np.arange(len(encoded))
        terms = np.concatenate([run[0] for run in self.runs])
        docs = np.concatenate([run[1] for run in self.runs])
        counts = np.concatenate([run[2] for run in self.runs])
        positions = np.concatenate([run[3] for run in self.runs])
        self.runs = []
        value_starts = (np.cumsum(counts, dtype=np.int64) - counts).astype(np.int32)
        # Runs hold ascending documents, so a stable sort by term keeps each term's
        # documents in order.
        ranks = rank[terms].astype(np.int32)
        del terms
        order = np.argsort(ranks, kind="stable")
        ranks, docs, counts, value_starts = (
            ranks[order],
            docs[order],
            counts[order],
            value_starts[order],
        )
        del order
        # Each posting's positions, gathered in the new order (32-bit indices: a chunk
        # holds far fewer than 2**31 positions).
        source = np.repeat(
            value_starts - (np.cumsum(counts, dtype=np.int64) - counts).astype(np.int32), counts
        )
        source += np.arange(len(source), dtype=np.int32)
        ordered = positions[source].astype(_LITTLE_UINT32)
        del source, positions, value_starts
        term_starts = np.flatnonzero(np.r_[True, ranks[1:] != ranks[:-1]])
        value_ends = np.cumsum(counts, dtype=np.int64) * 4
        return _Postings(
            terms=[encoded[i] for i in by_bytes],
            term_starts=np.r_[term_starts, len(docs)].astype(np.int64),
            docs=docs.astype(np.int64),
            weights=(counts * self.boost).astype(np.float32),
            lengths=lengths[docs],
            values=(ordered.tobytes(), np.r_[0, value_ends].astype(np.int64)),
        )


class _GenericField:
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

    def postings(self, lengths: npt.NDArray[np.uint8]) -> _Postings:
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
        return _Postings(
            terms=[term_list[i] for i in starts],
            term_starts=np.array([*starts, len(items)], dtype=np.int64),
            docs=docs,
            weights=np.array([item[2] for item in items], dtype=np.float32),
            lengths=lengths[docs] if len(docs) else np.zeros(0, dtype=np.uint8),
            values=values,
        )


class _NumericField:
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

    def postings(self, lengths: npt.NDArray[np.uint8]) -> _Postings:
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
        return _Postings(
            terms=terms,
            term_starts=np.r_[starts, len(all_docs)].astype(np.int64),
            docs=all_docs,
            weights=np.ones(len(all_docs), dtype=np.float32),
            lengths=np.zeros(len(all_docs), dtype=np.uint8),
            values=None,
        )


@dataclass
class _Document:
    """Per-document values for the per-document writer."""

    stored: dict[str, Any] = field(default_factory=dict)
    columns: dict[str, Any] = field(default_factory=dict)


class SegmentBuilder:
    """Collects documents (``add``) and writes them as one new segment (``write``)."""

    def __init__(self, schema: Any) -> None:
        self.schema = schema
        self.doc_count = 0
        self._fields: dict[str, _PositionalField | _NumericField | _GenericField] = {}
        self._documents: list[_Document] = []
        for name in schema.names():
            fieldobj = schema[name]
            if fieldobj.vector or fieldobj.separate_spelling():
                raise ValueError(f"field {name}: vectors and spelling are not supported")

    def _field(self, name: str, value: Any) -> _PositionalField | _NumericField | _GenericField:
        found = self._fields.get(name)
        if found is None:
            fieldobj = self.schema[name]
            if isinstance(fieldobj.format, TermPositions) and isinstance(
                fieldobj.analyzer, TermAnalyzer
            ):
                found = _PositionalField(name, fieldobj)
            elif _NumericField.handles(fieldobj, value):
                found = _NumericField(name, fieldobj)
            else:
                found = _GenericField(name, fieldobj)
            self._fields[name] = found
        return found

    def add(self, fields: Mapping[str, Any]) -> None:
        """Adds one document (field name → value, as ``writer.add_document`` takes them)."""
        doc = self.doc_count
        document = _Document()
        for name, value in fields.items():
            if value is None or name.startswith("_"):
                continue
            fieldobj = self.schema[name]
            if fieldobj.indexed:
                target = self._field(name, value)
                if isinstance(target, _PositionalField) and not isinstance(value, str):
                    raise TypeError(f"field {name}: text expected")
                if isinstance(target, _NumericField) and not target.handles(fieldobj, value):
                    raise TypeError(f"field {name}: one number (or date) per document expected")
                target.add(doc, value)
            if fieldobj.stored:
                document.stored[name] = value
            if fieldobj.column_type:
                document.columns[name] = fieldobj.to_column_value(value)
        self._documents.append(document)
        self.doc_count += 1
        if self.doc_count % RUN_DOCUMENTS == 0:
            for target in self._fields.values():
                if isinstance(target, _PositionalField):
                    target.flush()

    def write(self, codec: Any, storage: Any, segment: Any) -> Any:
        """Writes the segment's files; returns ``segment`` with its document count set."""
        for target in self._fields.values():
            if isinstance(target, _PositionalField):
                target.flush()
        lengths = {name: target.lengths(self.doc_count) for name, target in self._fields.items()}
        self._write_per_document(codec, storage, segment, lengths)
        postfile = segment.create_file(storage, W3Codec.POSTS_EXT)
        fieldmap: dict[str, int] = {}
        pairs: list[tuple[bytes, bytes]] = []
        for name in sorted(self._fields):
            # Field numbers in name order: the term keys (number + term) then ascend.
            fieldmap[name] = len(fieldmap)
            postings = self._fields[name].postings(length_bytes(lengths[name]))
            pairs.extend(write_field_postings(postfile, pack_ushort(fieldmap[name]), postings))
        postfile.close()
        termfile = segment.create_file(storage, W3Codec.TERMS_EXT)
        write_term_table(termfile, pairs, {"fieldmap": fieldmap})
        segment.set_doc_count(self.doc_count)
        return segment

    def _write_per_document(
        self, codec: Any, storage: Any, segment: Any, lengths: dict[str, Ints]
    ) -> None:
        writer = codec.per_document_writer(storage, segment)
        schema = self.schema
        names = sorted(lengths)
        length_lists = [lengths[name].tolist() for name in names]
        fieldobjs = [schema[name] for name in names]
        for doc, document in enumerate(self._documents):
            writer.start_doc(doc)
            for name, fieldobj, values in zip(names, fieldobjs, length_lists, strict=True):
                length = values[doc]
                if length or name in document.stored:
                    writer.add_field(name, fieldobj, document.stored.get(name), length)
            for name, value in document.stored.items():
                if name not in lengths:
                    writer.add_field(name, schema[name], value, 0)
            for name, value in document.columns.items():
                writer.add_column_value(name, schema[name].column_type, value)
            writer.finish_doc()
        writer.close()
        self._documents = []


def _blocks_of(starts: Ints, ends: Ints) -> tuple[Ints, Ints, Ints]:
    """Blocks of the posting lists ``[starts[i], ends[i])``: every ``BLOCK_LIMIT``
    postings. Returns the blocks' starts and ends, and each list's number of blocks."""
    per_term = (ends - starts + BLOCK_LIMIT - 1) // BLOCK_LIMIT
    index = np.arange(int(per_term.sum())) - np.repeat(np.cumsum(per_term) - per_term, per_term)
    block_starts = np.repeat(starts, per_term) + index * BLOCK_LIMIT
    block_ends = np.minimum(block_starts + BLOCK_LIMIT, np.repeat(ends, per_term))
    return block_starts, block_ends, per_term


def _reduce(ufunc: Any, values: npt.NDArray[Any], starts: Ints, ends: Ints) -> npt.NDArray[Any]:
    """``ufunc`` over each ``values[starts[i]:ends[i]]`` (non-empty, ascending, disjoint)."""
    bounds = np.empty(2 * len(starts), dtype=np.int64)
    bounds[0::2], bounds[1::2] = starts, ends
    padded = np.concatenate([values, values[:1]])  # so that an end may be len(values)
    reduced: npt.NDArray[Any] = ufunc.reduceat(padded, bounds)[0::2]
    return reduced


def _value_list(postings: _Postings, start: int, end: int) -> tuple[bytes, ...]:
    values = postings.values
    if values is None:
        return ()
    data, where = values
    if isinstance(where, int):
        return tuple(data[i * where : (i + 1) * where] for i in range(start, end))
    return tuple(data[int(where[i]) : int(where[i + 1])] for i in range(start, end))


def _block_values(postings: _Postings, start: int, end: int) -> PackedValues | bytes | None:
    values = postings.values
    if values is None:
        return None
    data, where = values
    if isinstance(where, int):
        return data[start * where : end * where]
    base = int(where[start])
    ends = array(UINT32, (where[start + 1 : end + 1] - base).tolist())
    return PackedValues(data[base : int(where[end])], ends)


def write_field_postings(
    postfile: Any, prefix: bytes, postings: _Postings
) -> list[tuple[bytes, bytes]]:
    """Writes one field's posting lists to ``postfile``; returns (key, term info) pairs for
    the term dictionary, as ``W3FieldWriter`` and ``W3PostingsWriter`` would make them.
    Terms of at most ``INLINE_LIMIT`` postings are kept inside their term info (Whoosh reads
    them with a ``ListMatcher``): no block, no posting-file entry."""
    docs, weights, lengths = postings.docs, postings.weights, postings.lengths
    term_starts = postings.term_starts
    if not len(docs):
        return []
    starts_list = term_starts.tolist()
    firsts = term_starts[:-1]
    sizes = np.diff(term_starts)
    # Per term: total weight, maximum weight, shortest and longest length bytes.
    term_weights = np.add.reduceat(weights.astype(np.float64), firsts).tolist()
    term_max_weights = np.maximum.reduceat(weights, firsts).astype(np.float64).tolist()
    positive = np.where(lengths > 0, lengths, 255).astype(np.uint8)
    term_max_lengths = np.maximum.reduceat(lengths, firsts)
    term_min_lengths = np.where(term_max_lengths > 0, np.minimum.reduceat(positive, firsts), 0)
    term_min_lengths, term_max_lengths = term_min_lengths.tolist(), term_max_lengths.tolist()
    first_docs = docs[firsts].tolist()
    last_docs = docs[term_starts[1:] - 1].tolist()
    # Python numbers only for the postings of inlined terms (a list of every posting's
    # number would take more memory than all the arrays).
    inlined = sizes <= INLINE_LIMIT
    in_inline = np.repeat(inlined, sizes)
    inline_docs = docs[in_inline].tolist()
    inline_weights = weights[in_inline].astype(np.float64).tolist()
    inline_starts: list[int] = (np.cumsum(sizes * inlined) - sizes * inlined).tolist()
    inline = inlined.tolist()
    # Blocks of the other terms.
    big = np.flatnonzero(sizes > INLINE_LIMIT)
    block_starts, block_ends, per_term = _blocks_of(term_starts[big], term_starts[big + 1])
    deltas = np.diff(docs, prepend=0)
    max_weights: list[float] = []
    min_weights: list[float] = []
    block_min: list[int] = []
    block_max: list[int] = []
    if len(block_starts):
        deltas[block_starts] = docs[block_starts]
        max_weights = (
            _reduce(np.maximum, weights, block_starts, block_ends).astype(np.float64).tolist()
        )
        min_weights = (
            _reduce(np.minimum, weights, block_starts, block_ends).astype(np.float64).tolist()
        )
        longest = _reduce(np.maximum, lengths, block_starts, block_ends)
        shortest = _reduce(np.minimum, positive, block_starts, block_ends)
        block_min = np.where(longest > 0, shortest, 0).tolist()
        block_max = longest.tolist()
    delta_bytes = deltas.astype(np.uint32).tobytes()
    weight_bytes = weights.astype(np.float32).tobytes()
    blocks_done = 0
    block_last_ids = docs[block_ends - 1].tolist() if len(block_ends) else []
    term_blocks = np.cumsum(per_term).tolist()
    block_starts_list, block_ends_list = block_starts.tolist(), block_ends.tolist()
    pairs: list[tuple[bytes, bytes]] = []
    big_number = 0
    for number, term in enumerate(postings.terms):
        first, last = starts_list[number], starts_list[number + 1]
        head = _TERMINFO.pack(
            1 if inline[number] else 0,
            term_weights[number],
            last - first,
            term_min_lengths[number],
            term_max_lengths[number],
            term_max_weights[number],
            first_docs[number],
            last_docs[number],
        )
        if inline[number]:
            start = inline_starts[number]
            end = start + last - first
            kept = (
                tuple(inline_docs[start:end]),
                tuple(inline_weights[start:end]),
                _value_list(postings, first, last),
            )
            pairs.append((prefix + term, head + pickle.dumps(kept, 2)))
            continue
        offset = postfile.tell()
        pieces = [WHOOSH3_HEADER_MAGIC]
        last_block = term_blocks[big_number]
        big_number += 1
        while blocks_done < last_block:
            start, end = block_starts_list[blocks_done], block_ends_list[blocks_done]
            ids = array(UINT32)
            ids.frombytes(delta_bytes[start * 4 : end * 4])
            low, high = min_weights[blocks_done], max_weights[blocks_done]
            block_weights: array[float] | float | None
            if low == high:
                block_weights = None if low == 1.0 else low
            else:
                block_weights = array("f")
                block_weights.frombytes(weight_bytes[start * 4 : end * 4])
            stats = (
                block_last_ids[blocks_done],
                high,
                block_min[blocks_done],
                block_max[blocks_done],
            )
            blocks_done += 1
            pieces.append(
                encode_block(
                    ids,
                    block_weights,
                    _block_values(postings, start, end),
                    stats,
                    last=blocks_done == last_block,
                )
            )
        written = b"".join(pieces)
        postfile.write(written)
        pairs.append((prefix + term, head + pack_long(offset) + pack_int(len(written))))
    return pairs
