"""The index folder as Whoosh storage, reading through memory maps.

Whoosh's ``FileStorage`` reads a compound segment by copying each part into memory at every
open (``BytesIO`` over the mapped file: the whole index per searcher, and twice at start-up),
and a plain segment file with a seek and a read system call per look-up (fuzzy and prefix
queries walk the term dictionary with thousands of them). ``MappedStorage`` opens each
segment file as a read-only memory map: no copy, and a look-up is a slice. The operating
system shares the pages between searchers and drops them under memory pressure.

Writing is Whoosh's own; callers must not write to a file that a reader has mapped (Whoosh
never rewrites a segment file, it writes new ones).
"""

from __future__ import annotations

import mmap
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile


class MappedFile(StructFile):  # type: ignore[misc]
    """A read-only ``StructFile`` over a memory map: ``get`` is a slice, not seek + read."""

    def __init__(self, mapped: mmap.mmap, name: str) -> None:
        super().__init__(mapped, name=name)
        self._map = mapped
        # Not a "real" file: ``read_array`` must read through ``read``, not ``fromfile``.
        self.is_real = False

    def get(self, position: int, length: int) -> bytes:
        return self._map[position : position + length]


class MappedStorage(FileStorage):  # type: ignore[misc]
    """``FileStorage`` whose files open as memory maps (empty files the usual way)."""

    def open_file(self, name: str, **kwargs: Any) -> StructFile:
        with open(self._fpath(name), "rb") as handle:
            try:
                mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:  # an empty file cannot be mapped
                return super().open_file(name, **kwargs)
        return MappedFile(mapped, name)
