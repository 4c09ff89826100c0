"""The worker pool on stand-in tasks from the standard library (picklable by reference)."""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

from reader.core.importing.pool import TaskFailed, WorkerPool
from reader.core.progress import CancelToken


def test_every_task_returns_its_result() -> None:
    with WorkerPool(math.sqrt, workers=2, timeout=30) as pool:
        results = dict(pool.map_unordered([1.0, 4.0, 9.0, 16.0]))
    assert results == {1.0: 1.0, 4.0: 2.0, 9.0: 3.0, 16.0: 4.0}


def test_an_exception_becomes_a_failed_task_and_the_others_go_on() -> None:
    with WorkerPool(math.sqrt, workers=1, timeout=30) as pool:
        results = dict(pool.map_unordered([-1.0, 25.0]))
    assert isinstance(results[-1.0], TaskFailed)
    assert "ValueError" in results[-1.0].message
    assert results[25.0] == 5.0


def test_a_task_that_overruns_is_stopped_and_a_fresh_worker_takes_the_next() -> None:
    with WorkerPool(time.sleep, workers=1, timeout=1.0) as pool:
        results = list(pool.map_unordered([60.0, 0.0]))
    outcome = dict(results)
    assert isinstance(outcome[60.0], TaskFailed)
    assert "gave up after 1 s" in outcome[60.0].message
    assert outcome[0.0] is None


def test_a_worker_that_dies_costs_one_task_only() -> None:
    with WorkerPool(os._exit, workers=1, timeout=30) as pool:
        results = list(pool.map_unordered([3, 4]))
    assert len(results) == 2
    for code, result in results:
        assert isinstance(result, TaskFailed)
        assert f"exit code {code}" in result.message


def test_cancelling_starts_no_new_task() -> None:
    cancel = CancelToken()
    seen = []
    with WorkerPool(math.sqrt, workers=1, timeout=30) as pool:
        for task, _ in pool.map_unordered([float(n) for n in range(100)], cancel):
            seen.append(task)
            cancel.cancel()
    assert len(seen) == 1


def test_cancelling_stops_running_tasks_instead_of_waiting_for_them() -> None:
    # Two workers start both tasks; the second would sleep a minute. Once cancelled after
    # the first result, the pool yields nothing more (its result would never be stored).
    cancel = CancelToken()
    seen = []
    with WorkerPool(time.sleep, workers=2, timeout=120) as pool:
        for task, _ in pool.map_unordered([0.0, 60.0], cancel):
            seen.append(task)
            cancel.cancel()
    assert seen == [0.0]


def _process_id(_task: int) -> int:
    return os.getpid()


def test_a_worker_is_replaced_after_its_share_of_tasks() -> None:
    # Bounded worker memory: each process handles at most three tasks, then a fresh one
    # from the fork server takes over.
    with WorkerPool(_process_id, workers=1, timeout=30, tasks_per_worker=3) as pool:
        pids = [pid for _, pid in pool.map_unordered(range(7))]
    assert len(pids) == 7
    assert [pids.count(pid) for pid in dict.fromkeys(pids)] == [3, 3, 1]


def _wait_for_or_touch(task: tuple[str, str]) -> str:
    """``("wait", path)`` waits until ``path`` exists (a minute at most); ``("touch", path)``
    creates it."""
    action, path = task
    if action == "touch":
        Path(path).touch()
        return "touched"
    give_up_at = time.monotonic() + 60  # a liveness bound, not a speed check
    while not Path(path).exists():
        if time.monotonic() > give_up_at:
            return "gave up waiting"
        time.sleep(0.01)
    return "saw it"


def test_a_fresh_worker_starts_while_the_one_it_replaces_finishes(tmp_path: Path) -> None:
    # One worker, two tasks each: the first worker gets "wait" and "noop", which is its
    # share, so the third task ("touch") must go to its replacement while the first still
    # waits. Replacing a worker only after it finished would leave a core idle (and here,
    # the wait would time out).
    signal = str(tmp_path / "signal")
    tasks = [("wait", signal), ("touch", str(tmp_path / "noop")), ("touch", signal)]
    with WorkerPool(_wait_for_or_touch, workers=1, timeout=120, tasks_per_worker=2) as pool:
        results = dict(pool.map_unordered(tasks))
    assert results[("wait", signal)] == "saw it"
    assert results[("touch", signal)] == "touched"


def _touch(path: str) -> str:
    Path(path).touch()
    return path


def test_a_worker_goes_on_with_queued_tasks_while_the_caller_is_busy(tmp_path: Path) -> None:
    # One worker, three tasks. While the caller holds the first result (storing and
    # indexing it, in an import), the worker must run the second and the third: the
    # second was sent ahead, the third when the first came back.
    names = [str(tmp_path / name) for name in "abc"]
    with WorkerPool(_touch, workers=1, timeout=30) as pool:
        results = pool.map_unordered(names)
        first, _ = next(results)
        assert first == names[0]
        give_up_at = time.monotonic() + 60  # a liveness bound, not a speed check
        while not Path(names[2]).exists() and time.monotonic() < give_up_at:
            time.sleep(0.01)
        assert Path(names[2]).exists(), "the worker waited for the caller"
        assert sorted(task for task, _ in results) == names[1:]


def test_tasks_queued_behind_a_stuck_one_are_run_by_a_fresh_worker() -> None:
    with WorkerPool(time.sleep, workers=1, timeout=1.0, queue_depth=3) as pool:
        outcome = dict(pool.map_unordered([60.0, 0.0, 0.01]))
    assert isinstance(outcome[60.0], TaskFailed)
    assert outcome[0.0] is None and outcome[0.01] is None


def test_tasks_queued_behind_a_crash_are_run_by_a_fresh_worker() -> None:
    with WorkerPool(os._exit, workers=1, timeout=30, queue_depth=3) as pool:
        results = dict(pool.map_unordered([5, 6, 7]))
    # Each task kills its worker, so each is reported with its own exit code.
    assert {code: result.message for code, result in results.items()} == {
        code: f"the reader process crashed (exit code {code})" for code in (5, 6, 7)
    }
