"""Writes a term dictionary file (Whoosh's ``OrderedHashWriter`` format) in one pass.

The format (``whoosh.filedb.filetables``): a header (``HSH3``, the hash type, two zero
ints); one record per key (key and value lengths as big-endian ints, the key, the value);
256 hash tables of (hash, record position) slots with linear probing; a directory of the
tables; the pickled extras (field map, the type and length of the key index); the key
index (every record's position, in key order, big-endian); the length of extras and index.

Whoosh's writer hashes each key with MD5 and probes slot by slot in Python; here the
records are joined at once, keys are hashed with CRC-32 (hash type 1, which Whoosh's
reader supports) and slots are placed with NumPy. Any placement where each key is reached
from its home slot before an empty slot is valid for the reader; this one sorts a table's
keys by home slot, gives each the first slot at or after its home that is past the
previous key's, and wraps the few that run off the end into the first free slots.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Any
from zlib import crc32

import numpy as np
import numpy.typing as npt
from whoosh.system import pack_int

MAGIC = b"HSH3"
CRC_HASH = 1
_HEADER = MAGIC + bytes([CRC_HASH]) + pack_int(0) + pack_int(0)
_LENGTHS = np.dtype([("key", ">i4"), ("value", ">i4")])
_SLOT = np.dtype([("hash", ">u4"), ("position", ">i8")])
_DIRECTORY = np.dtype([("position", ">i8"), ("slots", ">i4")])
Ints = npt.NDArray[np.int64]


def _table(hashes: Ints, positions: Ints) -> npt.NDArray[np.void]:
    """One bucket's hash table: twice as many slots as entries."""
    slots = 2 * len(hashes)
    table = np.zeros(slots, dtype=_SLOT)
    if not slots:
        return table
    home = (hashes >> 8) % slots
    order = np.argsort(home, kind="stable")
    home, hashes, positions = home[order], hashes[order], positions[order]
    steps = np.arange(len(home))
    placed = np.maximum.accumulate(home - steps) + steps
    inside = placed < slots
    table["hash"][placed[inside]] = hashes[inside]
    table["position"][placed[inside]] = positions[inside]
    if not inside.all():
        free = np.flatnonzero(table["position"] == 0)[: int((~inside).sum())]
        table["hash"][free] = hashes[~inside]
        table["position"][free] = positions[~inside]
    return table


class TermTableWriter:
    """Writes a term dictionary file as pairs come (``add``, keys strictly ascending
    across calls): records go to the file at once, only each key's hash and position
    stay in memory until ``close`` writes the tables."""

    def __init__(self, dbfile: Any) -> None:
        self._file = dbfile
        self._start = dbfile.tell()
        dbfile.write(_HEADER)
        self._hashes: list[Ints] = []
        self._positions: list[Ints] = []

    def add(self, pairs: Sequence[tuple[bytes, bytes]]) -> None:
        count = len(pairs)
        if not count:
            return
        lengths = np.empty(count, dtype=_LENGTHS)
        lengths["key"] = np.fromiter((len(key) for key, _ in pairs), dtype=np.int64, count=count)
        lengths["value"] = np.fromiter(
            (len(value) for _, value in pairs), dtype=np.int64, count=count
        )
        heads = lengths.tobytes()
        sizes = 8 + lengths["key"].astype(np.int64) + lengths["value"].astype(np.int64)
        self._positions.append(self._file.tell() + np.cumsum(sizes) - sizes)
        self._file.write(
            b"".join(
                piece
                for number, (key, value) in enumerate(pairs)
                for piece in (heads[8 * number : 8 * number + 8], key, value)
            )
        )
        self._hashes.append(
            np.fromiter((crc32(key) for key, _ in pairs), dtype=np.int64, count=count)
        )

    def close(self, extras: dict[str, Any]) -> None:
        """Writes the hash tables, the directory, ``extras`` and the key index; closes
        the file."""
        dbfile = self._file
        empty = np.zeros(0, dtype=np.int64)
        hashes = np.concatenate([empty, *self._hashes])
        positions = np.concatenate([empty, *self._positions])
        count = len(hashes)
        buckets = hashes & 255
        order = np.argsort(buckets, kind="stable")
        bounds = np.searchsorted(buckets[order], np.arange(257))
        directory = np.zeros(256, dtype=_DIRECTORY)
        for bucket in range(256):
            chosen = order[bounds[bucket] : bounds[bucket + 1]]
            table = _table(hashes[chosen], positions[chosen])
            directory[bucket] = (dbfile.tell(), len(table))
            dbfile.write(table.tobytes())
        dbfile.write(directory.tobytes())
        extras_start = dbfile.tell()
        largest = int(positions[-1]) if count else 0
        typecode = "H" if largest < 2**16 else "i" if largest < 2**31 else "q"
        dbfile.write_pickle({**extras, "indextype": typecode, "indexlen": count})
        dbfile.write(positions.astype(np.dtype(">" + typecode)).tobytes())
        dbfile.write(struct.pack("!i", dbfile.tell() - extras_start))
        dbfile.close()
