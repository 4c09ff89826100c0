"""A segment's postings and columns as NumPy arrays, for the vectorised query path.

``TermPostings.read`` decodes one term's whole posting list in a segment (every block, in
one pass, without a Python object per posting: see ``blocks``): document numbers, weights,
and on request the posting values (packed positions). ``SegmentArrays`` holds what the
scorer needs per segment: each field's document lengths as Whoosh's scorer sees them (the
one-byte approximation), deletions, and numeric columns.

Segments never change once written (Whoosh writes new ones and only deletion marks change),
so decoded postings are cached by segment id in a process-wide, size-bounded LRU cache
(``CACHE_BYTES``); deletions are applied when a query runs, from the searcher's own view.
"""

from __future__ import annotations

import io
import pickle
import threading
import zlib
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3TermsReader, _lenfield
from whoosh.columns import NumericColumn
from whoosh.reading import TermNotFound
from whoosh.util.numeric import _length_byte_cache

from reader.core.index.blocks import PackedValues

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# Bound of the decoded postings kept between queries (the arrays' own bytes).
CACHE_BYTES = 48 * 2**20
# Posting lists shorter than this are decoded again rather than cached (cheap to read, and
# the cache's bookkeeping would cost as much).
CACHE_MIN_POSTINGS = 64
BYTE_LENGTHS = np.array(_length_byte_cache, dtype=np.float64)


class Unsupported(Exception):
    """The vectorised path cannot answer this; Whoosh's own matchers must."""


@dataclass(frozen=True)
class TermPostings:
    """One term's postings in one segment, ascending document numbers."""

    ids: IntArray
    weights: FloatArray
    # The concatenated posting values and where each starts (len(ids) + 1 offsets); None
    # when not asked for.
    values: bytes | None
    starts: IntArray | None

    @property
    def nbytes(self) -> int:
        extra = (
            len(self.values) + self.starts.nbytes
            if self.values is not None and self.starts is not None
            else 0
        )
        return int(self.ids.nbytes + self.weights.nbytes + extra)

    def positions(self, rows: IntArray) -> tuple[IntArray, IntArray]:
        """For the postings at ``rows``: every position (packed values, little-endian
        uint32) and the row number (index into ``rows``) each belongs to."""
        assert self.values is not None and self.starts is not None
        begins = self.starts[rows] // 4
        counts = self.starts[rows + 1] // 4 - begins
        total = int(counts.sum())
        owner = np.repeat(np.arange(len(rows), dtype=np.int64), counts)
        offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
        packed = np.frombuffer(self.values, dtype="<u4")
        return packed[np.repeat(begins, counts) + offsets].astype(np.int64), owner


def _joined_uint32(parts: list[Any]) -> npt.NDArray[np.int64]:
    """Blocks' unsigned 32-bit sequences (arrays, or tuples from Whoosh's own writer) as
    one array."""
    if all(isinstance(part, array) for part in parts):
        return np.frombuffer(b"".join(parts), dtype=np.uint32).astype(np.int64)
    return np.concatenate([np.asarray(part, dtype=np.int64) for part in parts])


def _weights_of(parts: list[Any], counts: list[int]) -> FloatArray:
    """Blocks' weights (None: all 1.0; a float: all equal; an array or tuple)."""
    if all(isinstance(part, array) for part in parts):
        return np.frombuffer(b"".join(parts), dtype=np.float32).astype(np.float64)
    weights = np.ones(sum(counts), dtype=np.float64)
    start = 0
    for part, count in zip(parts, counts, strict=True):
        if part is not None:
            weights[start : start + count] = part
        start += count
    return weights


def _values_of(values: Any) -> tuple[bytes, npt.NDArray[Any]]:
    """A block's values as (joined bytes, end offsets)."""
    if isinstance(values, PackedValues):
        return values.data, np.frombuffer(values.ends, dtype=np.uint32)
    if isinstance(values, tuple | list):
        return b"".join(values), np.cumsum([len(value) for value in values])
    raise Unsupported("posting values of a fixed size")


def decode_postings(extent: bytes, *, with_values: bool) -> TermPostings:
    """All blocks of one posting list (``extent``: from the ``W3Bl`` header to its end),
    with one NumPy conversion per list rather than per block."""
    if extent[:4] != WHOOSH3_HEADER_MAGIC:
        raise Unsupported("not a W3 posting list")
    stream = io.BytesIO(extent)
    position = 4
    counts: list[int] = []
    last_ids: list[int] = []
    id_parts: list[Any] = []
    weight_parts: list[Any] = []
    value_parts: list[Any] = []
    last = False
    while not last:
        length = int.from_bytes(extent[position : position + 4], "big", signed=True)
        last = length < 0
        stream.seek(position + 4)
        count, last_id, _, compression, _, _ = pickle.load(stream)
        data_start = stream.tell()
        position += 4 + abs(length)
        data = extent[data_start:position]
        deltas, weights, values = pickle.loads(zlib.decompress(data) if compression else data)
        counts.append(count)
        last_ids.append(last_id)
        id_parts.append(deltas)
        weight_parts.append(weights)
        value_parts.append(values)
    ids = _joined_uint32(id_parts)
    # Each block's first id is absolute: make it a delta from the previous block's last.
    firsts = np.cumsum(counts) - counts
    ids[firsts[1:]] -= np.asarray(last_ids[:-1], dtype=np.int64)
    ids = np.cumsum(ids)
    weights = _weights_of(weight_parts, counts)
    if not with_values:
        return TermPostings(ids, weights, None, None)
    if all(isinstance(part, PackedValues) for part in value_parts):
        joined = b"".join(part.data for part in value_parts)
        sizes = [len(part.data) for part in value_parts]
        ends = np.frombuffer(b"".join(part.ends for part in value_parts), dtype=np.uint32)
        bases = np.repeat(np.cumsum(sizes) - sizes, counts)
        starts = np.r_[0, ends.astype(np.int64) + bases]
    else:
        pieces = [_values_of(part) for part in value_parts]
        joined = b"".join(piece[0] for piece in pieces)
        sizes = [len(piece[0]) for piece in pieces]
        ends = np.concatenate([piece[1] for piece in pieces]).astype(np.int64)
        starts = np.r_[0, ends + np.repeat(np.cumsum(sizes) - sizes, counts)]
    return TermPostings(ids, weights, joined, starts.astype(np.int64))


class _Cache:
    """A thread-safe LRU of decoded postings, bounded by their bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: OrderedDict[tuple[Any, ...], TermPostings] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> TermPostings | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple[Any, ...], postings: TermPostings) -> None:
        size = postings.nbytes
        if size > self.limit // 4:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = postings
            self._bytes += size
            while self._bytes > self.limit:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= dropped.nbytes

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


CACHE = _Cache(CACHE_BYTES)


def read_postings(
    reader: Any, fieldname: str, text: bytes, *, with_values: bool = False
) -> TermPostings | None:
    """The term's postings in the segment ``reader``, deleted documents included; None when
    the segment does not have the term.

    Raises:
        Unsupported: the segment is not a W3 segment, or its postings are inlined.
    """
    terms = getattr(reader, "_terms", None)
    if not isinstance(terms, W3TermsReader):
        raise Unsupported("not a W3 segment")
    if fieldname not in terms._fieldmap:  # no term of this field in the segment
        return None
    key = (reader.segment().segment_id(), fieldname, text, with_values)
    found = CACHE.get(key)
    if found is None and not with_values:
        found = CACHE.get(key[:3] + (True,))
    if found is not None:
        return found
    try:
        info = terms.term_info(fieldname, text)
    except (TermNotFound, KeyError):
        return None
    if info.is_inlined():
        # A rare term's postings, kept in its term info: (ids, weights, values) tuples.
        ids, weights, values = info.inlined_postings()
        joined, ends = _values_of(tuple(values)) if with_values else (None, None)
        return TermPostings(
            np.asarray(ids, dtype=np.int64),
            np.asarray(weights, dtype=np.float64),
            joined,
            None if ends is None else np.r_[0, ends].astype(np.int64),
        )
    offset, length = info.extent()
    if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves the length unpacked
        length = length[0]
    postings = decode_postings(terms._postfile.get(offset, length), with_values=with_values)
    if info.doc_frequency() >= CACHE_MIN_POSTINGS:
        CACHE.put(key, postings)
    return postings


def _raw_column(reader: Any) -> bytes:
    """The stored bytes of a ``NumericColumn`` reader (values up to the last one written;
    documents after it have the default)."""
    if not isinstance(reader, NumericColumn.Reader):
        raise Unsupported("not a numeric column")
    return bytes(reader._dbfile.get(reader._basepos, reader._count * reader._fixedlen))


class SegmentArrays:
    """Per-segment arrays for scoring and filtering, read once per searcher."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.doc_count = int(reader.doc_count_all())
        self._lengths: dict[str, FloatArray] = {}
        self._columns: dict[str, npt.NDArray[np.uint64]] = {}
        self.live: BoolArray | None = None
        if reader.has_deletions():
            live = np.ones(self.doc_count, dtype=np.bool_)
            deleted = np.fromiter(reader._perdoc.deleted_docs(), dtype=np.int64)
            live[deleted[deleted < self.doc_count]] = False
            self.live = live

    def alive(self, ids: IntArray) -> IntArray:
        """``ids`` without the deleted documents."""
        return ids if self.live is None else ids[self.live[ids]]

    def all_live(self) -> IntArray:
        everything = np.arange(self.doc_count, dtype=np.int64)
        return self.alive(everything)

    def lengths(self, fieldname: str) -> FloatArray:
        """Each document's length in ``fieldname`` as Whoosh's scorer reads it."""
        found = self._lengths.get(fieldname)
        if found is None:
            reader = self.reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            codes = np.zeros(self.doc_count, dtype=np.uint8)
            if reader is not None:
                raw = np.frombuffer(_raw_column(reader), dtype=np.uint8)[: self.doc_count]
                codes[: len(raw)] = raw
            found = BYTE_LENGTHS[codes]
            self._lengths[fieldname] = found
        return found

    def column(self, fieldname: str) -> npt.NDArray[np.uint64]:
        """The raw (untranslated) numeric column of ``fieldname``, default-filled."""
        found = self._columns.get(fieldname)
        if found is None:
            column_type = self.reader.schema[fieldname].column_type
            if not isinstance(column_type, NumericColumn) or column_type._typecode != "Q":
                raise Unsupported(f"{fieldname} has no unsigned 64-bit column")
            found = np.full(self.doc_count, column_type.default_value(), dtype=np.uint64)
            # A segment where no document has the field has no column file: all defaults.
            if self.reader.has_column(fieldname):
                raw = _raw_column(self.reader.column_reader(fieldname, translate=False))
                values = np.frombuffer(raw, dtype=">u8")[: self.doc_count]
                found[: len(values)] = values
            self._columns[fieldname] = found
        return found


def segment_arrays(searcher: Any) -> list[tuple[SegmentArrays, Any, int]]:
    """(arrays, segment searcher, document offset) for each segment of ``searcher``; the
    arrays fill lazily, so callers should keep this list as long as the searcher."""
    return [(SegmentArrays(sub.reader()), sub, offset) for sub, offset in searcher.leaf_searchers()]
