"""A temporary file of NumPy arrays: where a segment builder keeps its runs of postings
until it writes them, so that its memory does not grow with the segment.

The file is anonymous (deleted when closed, or when the process ends); it is made at the
first write, in the folder given (the index's own, not ``/tmp``: that may be a RAM disk).
Arrays go in as raw bytes and come back as slices, by offset, in the byte order of the
machine that wrote them (the same process).
"""

from __future__ import annotations

import tempfile
from typing import Any

import numpy as np
import numpy.typing as npt


class SpillFile:
    def __init__(self, folder: str | None = None) -> None:
        self._folder = folder
        self._file: Any = None
        self._size = 0

    def write(self, values: npt.NDArray[Any]) -> int:
        """Appends ``values``; returns the offset to read them back from."""
        if self._file is None:
            # Open until ``close``: written and read by turns.
            self._file = tempfile.TemporaryFile(dir=self._folder, buffering=0)  # noqa: SIM115
        data = np.ascontiguousarray(values).view(np.uint8).data  # sliced by bytes below
        offset = self._size
        self._file.seek(offset)
        written = 0
        while written < data.nbytes:  # a raw write may take less than it was given
            written += self._file.write(data[written:])
        self._size += written
        return offset

    def read(self, offset: int, dtype: Any, start: int, stop: int) -> npt.NDArray[Any]:
        """Items ``start`` to ``stop`` of the array of ``dtype`` written at ``offset``."""
        dtype = np.dtype(dtype)
        count = stop - start
        if count <= 0:
            return np.zeros(0, dtype=dtype)
        assert self._file is not None
        nbytes = count * dtype.itemsize
        at = offset + start * dtype.itemsize
        buffer = bytearray(nbytes)
        view = memoryview(buffer)
        done = 0
        self._file.seek(at)
        while done < nbytes:
            got = self._file.readinto(view[done:])
            if not got:
                raise OSError("the spill file ended early")
            done += got
        return np.frombuffer(buffer, dtype=dtype)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
