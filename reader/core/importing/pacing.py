"""When an import pauses to index what it has stored.

Indexing during an import makes new articles searchable within seconds, but each commit
costs the parent process time while the workers wait for it (a batch written as one segment:
about 40 ms, plus about 5 ms an article of 1,500 words), and every commit adds a segment that
a later merge rewrites. So the pauses are spaced so that indexing takes at most a fixed share
of the import's wall time: the interval grows with the last commit's duration (merges
included), and a large batch is committed at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class SyncPacer:
    """Tells the import loop when to index; call ``stored()`` per stored file."""

    def __init__(
        self,
        *,
        min_interval: float,
        batch: int,
        max_share: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._min_interval = min_interval
        self._batch = batch
        self._max_share = max_share
        self._clock = clock
        self._last_sync = clock()
        self._last_duration = 0.0
        self._since_sync = 0

    def interval(self) -> float:
        """Seconds between syncs: a commit that took d seconds waits d / share before the
        next one (at least ``min_interval``)."""
        return max(self._min_interval, self._last_duration / self._max_share)

    def stored(self) -> bool:
        """Counts one stored file; True when it is time to index."""
        self._since_sync += 1
        due = self._clock() - self._last_sync >= self.interval()
        return self._since_sync >= self._batch or due

    def synced(self, seconds: float) -> None:
        """Records a finished sync and how long it took."""
        self._last_duration = seconds
        self._last_sync = self._clock()
        self._since_sync = 0
