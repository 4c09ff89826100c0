"""The import's indexing pauses, on a fake clock."""

from __future__ import annotations

from reader.core.importing.pacing import SyncPacer


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_sync_is_due_after_the_minimum_interval() -> None:
    clock = FakeClock()
    pacer = SyncPacer(min_interval=2.0, batch=1000, clock=clock)
    clock.now += 1.0
    assert not pacer.stored()
    clock.now += 1.5
    assert pacer.stored()


def test_a_full_batch_is_due_at_once() -> None:
    clock = FakeClock()
    pacer = SyncPacer(min_interval=60.0, batch=3, clock=clock)
    assert [pacer.stored() for _ in range(3)] == [False, False, True]


def test_slow_commits_space_the_next_ones_out() -> None:
    # A 3 s commit with a 20% share: the next sync waits 15 s, not the 2 s minimum.
    clock = FakeClock()
    pacer = SyncPacer(min_interval=2.0, batch=1000, max_share=0.2, clock=clock)
    pacer.synced(3.0)
    assert pacer.interval() == 15.0
    clock.now += 10.0
    assert not pacer.stored()
    clock.now += 5.0
    assert pacer.stored()


def test_fast_commits_keep_the_minimum_interval() -> None:
    clock = FakeClock()
    pacer = SyncPacer(min_interval=2.0, batch=1000, clock=clock)
    pacer.synced(0.1)
    assert pacer.interval() == 2.0
