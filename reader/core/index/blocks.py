"""Posting blocks as Whoosh's W3 codec lays them out, with array payloads.

A W3 posting list is a header (``W3Bl``) and blocks; each block is a signed length (negative
for the last block), a pickled info tuple (count, last id, maximum weight, compression,
shortest and longest field length as bytes) and the pickled data tuple
``(ids, weights, values)``. Whoosh pickles tuples of Python numbers and bytes: reading a
block then builds three objects per posting. This module writes the same tuple with array
payloads instead:

- ids: ``array('I')`` of id deltas (Whoosh's reader delta-decodes any sequence of ints);
- weights: None (all 1.0), one float (all equal) or ``array('f')`` (Whoosh keeps weights
  as 32-bit floats while writing, so the values are the same);
- values: ``PackedValues`` (one buffer and the end of each value) for formats whose values
  vary in size, the joined bytes for fixed sizes, None for empty values.

Whoosh's own ``W3LeafMatcher`` reads these blocks unchanged (it indexes the sequences),
and ``reader.core.index.postings`` turns a whole block into NumPy arrays without a Python
object per posting. Blocks are left uncompressed unless they are large (see
``COMPRESS_MIN``).

``PackedValues`` is pickled into index files by its import path: renaming or moving it
requires a new ``SCHEMA_VERSION`` (older indexes are then rebuilt).
"""

from __future__ import annotations

import pickle
import zlib
from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.system import pack_int

# Postings per block. The vectorised reader's cost is mostly per block (two unpicklings),
# so blocks are large; Whoosh's own matcher (the fallback) decodes a whole block to skip
# inside it, which larger blocks make a little slower.
BLOCK_LIMIT = 1024
# Data shorter than this is stored uncompressed: zlib level 1 takes about 75 us to write a
# 256-posting block of 4 KB and 30 us to read it back (2.2x smaller): 2.5 ms of a query's
# time for a word in 20,000 articles. Only blocks of words repeated very often in each
# article reach this size.
COMPRESS_MIN = 32 * 1024
COMPRESSION = 1
PROTOCOL = 5


class PackedValues:
    """The posting values of one block: ``data[ends[i - 1]:ends[i]]`` is value ``i``."""

    __slots__ = ("data", "ends")

    def __init__(self, data: bytes, ends: array[int]) -> None:
        self.data = data
        self.ends = ends

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, index: int) -> bytes:
        if index < 0:
            index += len(self.ends)
        start = self.ends[index - 1] if index else 0
        return self.data[start : self.ends[index]]

    def __iter__(self) -> Iterator[bytes]:
        return (self[index] for index in range(len(self.ends)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (PackedValues, (self.data, self.ends))


def pack_weights(weights: array[float]) -> array[float] | float | None:
    """Whoosh's minified weights: None when all are 1.0, one float when all are equal."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else float(first)
    return weights


def encode_block(
    deltas: array[int],
    weights: array[float] | float | None,
    values: PackedValues | bytes | None,
    stats: tuple[int, float, int, int],
    *,
    last: bool,
) -> bytes:
    """One block. ``deltas``: the first id, then the difference of each id from the one
    before; ``weights``: as ``pack_weights`` gives them; ``stats``: the last id, the maximum
    weight, and the shortest and longest field length as Whoosh's length bytes."""
    data = pickle.dumps((deltas, weights, values), PROTOCOL)
    compression = 0
    if len(data) >= COMPRESS_MIN:
        compression = COMPRESSION
        data = zlib.compress(data, COMPRESSION)
    last_id, max_weight, min_length, max_length = stats
    info = pickle.dumps((len(deltas), last_id, max_weight, compression, min_length, max_length), 2)
    length = len(info) + len(data)
    return bytes(pack_int(-length if last else length)) + info + data


def encode_postings(blocks: list[bytes]) -> bytes:
    """A posting list: the W3 header and its blocks."""
    return bytes(WHOOSH3_HEADER_MAGIC) + b"".join(blocks)
