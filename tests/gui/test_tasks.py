"""The threaded task runner: results, failures and progress arrive on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from PySide6.QtCore import QThread

from reader.core.progress import Progress
from reader.ui.tasks import SearchSession, SynchronousTaskRunner, TaskRunner


class _FakeLibrary:
    """Stands in for a Library: the runner only passes it to the operation."""


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    created = TaskRunner(_FakeLibrary())  # type: ignore[arg-type]
    yield created
    created.wait()


def test_success_is_delivered_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def op(_library: object) -> str:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return "done"

    def on_success(result: str) -> None:
        seen["result"] = result
        seen["gui"] = QThread.currentThread() is gui_thread

    runner.run(op, on_success, lambda error: seen.setdefault("error", error))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker": True, "result": "done", "gui": True}


def test_failure_reaches_on_failure(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def op(_library: object) -> None:
        raise ValueError("bad page")

    runner.run(op, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_progress_reports_arrive_in_order(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    reports: list[int] = []
    done: list[bool] = []
    relay = runner.progress_relay(lambda p: reports.append(p.value))

    def op(_library: object) -> None:
        for value in range(5):
            relay(Progress("Working", value, 5))

    runner.run(op, lambda _r: done.append(True), lambda _e: None)
    qtbot.waitUntil(lambda: bool(done))
    assert reports == [0, 1, 2, 3, 4]


def test_writes_run_one_at_a_time(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    active = [0]
    most = [0]
    lock = threading.Lock()
    finished: list[int] = []

    def op(_library: object) -> None:
        with lock:
            active[0] += 1
            most[0] = max(most[0], active[0])
        threading.Event().wait(0.02)
        with lock:
            active[0] -= 1

    for number in range(4):
        runner.run(op, lambda _r, n=number: finished.append(n), lambda _e: None, writes=True)
    qtbot.waitUntil(lambda: len(finished) == 4)
    assert most[0] == 1
    assert finished == [0, 1, 2, 3]


def test_stale_search_results_are_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = SynchronousTaskRunner(_FakeLibrary())  # type: ignore[arg-type]
    session = SearchSession(runner)
    delivered: list[tuple[int, str]] = []
    release = {"first": False}
    pending: list[tuple[int, str]] = []

    # The first search "finishes" only after the second was submitted.
    def first(_library: object) -> str:
        return "old"

    original_run = runner.run

    def delayed_run(op, on_success, on_failure, *, writes=False):  # type: ignore[no-untyped-def]
        if not release["first"]:
            release["first"] = True
            pending.append((0, "old"))
            runner._held = (op, on_success)  # type: ignore[attr-defined]
            return
        original_run(op, on_success, on_failure, writes=writes)

    runner.run = delayed_run  # type: ignore[method-assign]
    session.submit(first, lambda qid, r: delivered.append((qid, r)), lambda qid, e: None)
    session.submit(lambda _l: "new", lambda qid, r: delivered.append((qid, r)), lambda qid, e: None)
    held_op, held_success = runner._held  # type: ignore[attr-defined]
    held_success(held_op(None))  # the old query's result arrives last
    assert delivered == [(2, "new")]
