"""``SpillFile``: arrays written to a temporary file come back whole or in slices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from reader.core.index.spill import SpillFile


def test_arrays_come_back(tmp_path: Path) -> None:
    spill = SpillFile(str(tmp_path))
    first = np.arange(10, dtype=np.int32)
    second = np.array([2**32 - 1, 0, 7], dtype=np.uint32)
    at_first, at_second = spill.write(first), spill.write(second)
    # A slice of a strided array is written as its values.
    at_third = spill.write(np.arange(20, dtype=np.int64)[::2])
    assert spill.read(at_second, np.uint32, 0, 3).tolist() == [2**32 - 1, 0, 7]
    assert spill.read(at_first, np.int32, 3, 6).tolist() == [3, 4, 5]
    assert spill.read(at_third, np.int64, 8, 10).tolist() == [16, 18]
    assert spill.read(at_first, np.int32, 4, 4).tolist() == []
    # Anonymous: nothing is left in the folder.
    assert list(tmp_path.iterdir()) == []
    spill.close()


def test_nothing_written_makes_no_file(tmp_path: Path) -> None:
    spill = SpillFile(str(tmp_path))
    assert spill.read(0, np.int32, 0, 0).tolist() == []
    spill.close()


class _Trickle:
    """A raw file that takes at most three bytes a write (as a raw write may)."""

    def __init__(self, file: Any) -> None:
        self._file = file

    def write(self, data: memoryview) -> int:
        piece = bytes(memoryview(data).cast("B")[:3])
        assert piece, "nothing left to write"
        return int(self._file.write(piece))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def test_short_writes_are_completed(tmp_path: Path) -> None:
    spill = SpillFile(str(tmp_path))
    at_empty = spill.write(np.zeros(0, dtype=np.int32))
    spill._file = _Trickle(spill._file)
    at_values = spill.write(np.array([1, -2, 300_000], dtype=np.int32))
    assert spill.read(at_empty, np.int32, 0, 0).tolist() == []
    assert spill.read(at_values, np.int32, 0, 3).tolist() == [1, -2, 300_000]
    spill.close()
