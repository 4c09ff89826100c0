"""``SpillFile``: arrays written to a temporary file come back whole or in slices."""

from __future__ import annotations

from pathlib import Path

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
