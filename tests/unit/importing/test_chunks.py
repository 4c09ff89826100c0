"""Import chunks: every source in exactly one chunk, small first, bounded later."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from reader.core.importing.pipeline import FIRST_CHUNK, LARGEST_CHUNK, chunk_bounds


@given(st.integers(min_value=0, max_value=5000))
def test_chunks_cover_every_source_once_in_order(total: int) -> None:
    bounds = list(chunk_bounds(total))
    covered = [index for start, end in bounds for index in range(start, end)]
    assert covered == list(range(total))
    assert all(end - start <= LARGEST_CHUNK for start, end in bounds)
    if bounds:
        assert bounds[0][1] - bounds[0][0] <= FIRST_CHUNK


def test_chunks_grow_until_the_largest() -> None:
    sizes = [end - start for start, end in chunk_bounds(10 * LARGEST_CHUNK)]
    assert sizes[0] == FIRST_CHUNK
    # Each full chunk doubles the one before, up to the largest; the last holds the rest.
    full = sizes[:-1]
    assert all(
        after == min(LARGEST_CHUNK, 2 * before) for before, after in itertools.pairwise(full)
    )
    assert full[-1] == LARGEST_CHUNK
