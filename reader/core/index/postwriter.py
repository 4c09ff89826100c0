"""Writing one field's postings as Whoosh's W3 codec lays them out (posting blocks and
term infos), from ``bulkfields.Postings`` arrays.

Per-term and per-block statistics (total and maximum weight, shortest and longest field
length, last id) come from NumPy reductions; the Python loop only assembles each block
(``blocks.encode_block``) and each term info. Terms of at most ``INLINE_LIMIT`` postings
are kept inside their term info, as Whoosh's ``W3TermInfo`` allows (Whoosh reads them with
a ``ListMatcher``): most terms of an archive occur in one or two documents, and a block for
each costs a posting-file entry, two pickles and a header.
"""

from __future__ import annotations

import pickle
from array import array
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_long

from reader.core.index.analysis import UINT32
from reader.core.index.blocks import BLOCK_LIMIT, PackedValues, encode_block
from reader.core.index.bulkfields import Ints, Postings

INLINE_LIMIT = 4
_TERMINFO = W3TermInfo._struct


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


def _value_list(postings: Postings, start: int, end: int) -> tuple[bytes, ...]:
    """The values of inlined postings, one bytes object each (also when the format has
    none: Whoosh's ``ListMatcher`` answers "" for a missing value, which its merging
    writer refuses)."""
    values = postings.values
    if values is None:
        return (b"",) * (end - start)
    data, where = values
    if isinstance(where, int):
        return tuple(data[i * where : (i + 1) * where] for i in range(start, end))
    return tuple(data[int(where[i]) : int(where[i + 1])] for i in range(start, end))


def _block_values(postings: Postings, start: int, end: int) -> PackedValues | bytes | None:
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
    postfile: Any, prefix: bytes, postings: Postings
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
