"""A small process pool where every task has a time limit and a crash costs one task.

``concurrent.futures.ProcessPoolExecutor`` cannot stop one stuck task, and a worker that dies
breaks the whole executor. Reading hostile files needs both: a page that makes the parser
spin for minutes, or a library that segfaults, must become one failed item while the batch
goes on. So each worker here is a plain process with its own pipe; the parent waits on all
pipes with a deadline, kills a worker that overruns and starts a fresh one.

Workers start from a fork server (``forkserver``) so that the parent's threads (Qt's,
SQLite's) are never forked, and heavy imports happen once in the server (``forkserver.py``).

Callers must not share one pool between threads.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import sys
import time
import types
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

from reader.core.importing import forkserver
from reader.core.progress import CancelToken

TaskT = TypeVar("TaskT")
ResultT = TypeVar("ResultT")

# A worker is replaced by a fresh one from the fork server after this many tasks: parsers'
# caches and spaCy's vocabulary (every new word becomes a lexeme) only grow, so a worker
# that lived through 50,000 files would hold far more memory than a new one.
# The fresh one starts as soon as the old one has been sent its last task, and the old one
# is not waited for when it exits, so replacing a worker idles no core.
TASKS_PER_WORKER = 50
# Tasks sent ahead to each worker: while the caller stores and indexes a result, a worker
# that finished its task goes on with the next one instead of waiting for the caller.
QUEUE_DEPTH = 2


def default_workers() -> int:
    """Worker processes for CPU-bound batches: one per core, two at most (the parent stores
    and indexes meanwhile, and each worker holds its own parsers and model)."""
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True)
class TaskFailed:
    """A task that did not return: it overran its time limit or its worker died."""

    message: str


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Starts workers without the caller's ``__main__``.

    multiprocessing re-runs the main script in every new process so that functions defined
    there can be unpickled. Workers only run reader code, and a researcher's script that
    imports without an ``if __name__ == "__main__"`` guard would otherwise run again in each
    worker (and fail there when it imports again).
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _serve(connection: Connection, function: Callable[[Any], Any]) -> None:
    """A worker's loop: receive a task, send back its result, until told to stop."""
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            result = function(task)
        except BaseException as error:  # noqa: BLE001 - report, never die silently
            result = TaskFailed(f"{type(error).__name__}: {error}"[:300])
        try:
            connection.send(result)
        except (OSError, ValueError):
            return


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    # Tasks sent and not yet answered, oldest first: the worker runs them in this order.
    tasks: deque[Any] = field(default_factory=deque)
    deadline: float = 0.0  # for the oldest task
    sent: int = 0


class WorkerPool(Generic[TaskT, ResultT]):
    """Runs ``function(task)`` in ``workers`` child processes, at most ``timeout`` s per task."""

    def __init__(
        self,
        function: Callable[[TaskT], ResultT],
        *,
        workers: int,
        timeout: float,
        timeout_for: Callable[[TaskT], float] | None = None,
        tasks_per_worker: int = TASKS_PER_WORKER,
        queue_depth: int = QUEUE_DEPTH,
        entity_model: bool = False,
    ) -> None:
        """``timeout`` bounds each task, or ``timeout_for(task)`` when given;
        ``queue_depth`` tasks are sent ahead to each worker; ``entity_model`` says whether
        tasks recognise entities (the model is then preloaded once for all workers)."""
        self._function = function
        self._size = max(1, workers)
        self._timeout = timeout
        self._timeout_for = timeout_for
        self._tasks_per_worker = max(1, tasks_per_worker)
        self._depth = max(1, queue_depth)
        self._context = forkserver.acquire(entity_model)
        self._workers: list[_Worker] = []
        # Workers told to stop, not yet reaped (waiting for them would idle the caller).
        self._exiting: list[BaseProcess] = []
        self._closed = False

    def _start_worker(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child_end, self._function), daemon=True
        )
        with _main_module_hidden():
            process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        self._workers.append(worker)
        return worker

    def _active_workers(self) -> list[_Worker]:
        """The workers that take new tasks (the others finish theirs, then stop)."""
        return [worker for worker in self._workers if worker.sent < self._tasks_per_worker]

    def _retire(self, worker: _Worker, *, kill: bool) -> None:
        if kill:
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.connection.close()
        self._workers.remove(worker)

    def _limit(self, task: TaskT) -> float:
        return self._timeout if self._timeout_for is None else self._timeout_for(task)

    def map_unordered(
        self, tasks: Iterable[TaskT], cancel: CancelToken | None = None
    ) -> Iterator[tuple[TaskT, ResultT | TaskFailed]]:
        """Yields ``(task, result)`` as tasks finish; tasks are drawn only as workers take
        them, so memory stays flat however many tasks there are.

        Each worker is sent up to ``queue_depth`` tasks ahead, and a worker that finishes
        one gets its next before the result is handed to the caller: storing and indexing
        in the caller then overlap with the workers' reading instead of leaving them idle.
        A task's time limit runs from when its worker's previous result is read (never
        before the worker turned to it, so a queued task gets its whole limit). After
        ``cancel`` nothing more is yielded and the running tasks are stopped (their results
        were never seen, so nothing of them is stored): a stuck file cannot delay a cancel.
        """
        pending = iter(tasks)
        # Tasks sent to a worker that was stopped before it turned to them: sent again first.
        returned: deque[TaskT] = deque()
        exhausted = False

        def cancelled() -> bool:
            return cancel is not None and cancel.cancelled

        def next_task() -> TaskT | None:
            nonlocal exhausted
            if returned:
                return returned.popleft()
            if exhausted:
                return None
            try:
                return next(pending)
            except StopIteration:
                exhausted = True
                return None

        def refill() -> None:
            # Level by level, so that every worker has one task before any gets a second.
            # A worker that was sent its share of tasks drains its queue while a fresh one
            # takes its place: the cores never wait for a worker to be replaced.
            for level in range(self._depth):
                for slot in range(self._size):
                    if cancelled():
                        return
                    active = self._active_workers()
                    worker = active[slot] if slot < len(active) else None
                    if worker is not None and len(worker.tasks) > level:
                        continue
                    task = next_task()
                    if task is None:
                        return
                    if worker is None:
                        worker = self._start_worker()
                    if not worker.tasks:
                        worker.deadline = time.monotonic() + self._limit(task)
                    worker.tasks.append(task)
                    worker.sent += 1
                    worker.connection.send(task)

        def give_back(worker: _Worker) -> None:
            returned.extendleft(reversed(worker.tasks))

        while True:
            refill()
            busy = [worker for worker in self._workers if worker.tasks]
            if not busy or cancelled():
                return
            wait_for = max(0.0, min(worker.deadline for worker in busy) - time.monotonic())
            ready = multiprocessing.connection.wait(
                [worker.connection for worker in busy], timeout=min(wait_for, 0.5)
            )
            finished = [
                self._collect(worker, give_back) for worker in busy if worker.connection in ready
            ]
            finished += [
                self._give_up(worker, give_back)
                for worker in busy
                if worker.connection not in ready and time.monotonic() > worker.deadline
            ]
            refill()
            for item in finished:
                if cancelled():
                    return
                yield item

    def _give_up(
        self, worker: _Worker, give_back: Callable[[_Worker], None]
    ) -> tuple[TaskT, TaskFailed]:
        task = worker.tasks.popleft()
        give_back(worker)
        self._retire(worker, kill=True)
        message = (
            f"gave up after {self._limit(task):g} s (the file may be too complex or malformed)"
        )
        return task, TaskFailed(message)

    def _collect(
        self, worker: _Worker, give_back: Callable[[_Worker], None]
    ) -> tuple[TaskT, ResultT | TaskFailed]:
        task = worker.tasks.popleft()
        try:
            result = worker.connection.recv()
        except (EOFError, OSError):
            give_back(worker)
            worker.process.join(timeout=5)
            code = worker.process.exitcode
            self._retire(worker, kill=True)
            return task, TaskFailed(f"the reader process crashed (exit code {code})")
        if worker.tasks:
            worker.deadline = time.monotonic() + self._limit(worker.tasks[0])
        elif worker.sent >= self._tasks_per_worker:
            self._stop(worker)
        return task, result

    def _stop(self, worker: _Worker) -> None:
        """Tells an idle worker to exit, without waiting for it; it is killed only if it
        cannot be told to."""
        try:
            worker.connection.send(None)
        except (OSError, ValueError):
            self._retire(worker, kill=True)
            return
        worker.connection.close()
        self._workers.remove(worker)
        # Reaps those that have exited meanwhile (``is_alive`` does not block).
        self._exiting = [process for process in self._exiting if process.is_alive()]
        self._exiting.append(worker.process)

    def close(self) -> None:
        for worker in list(self._workers):
            if not worker.tasks:
                self._stop(worker)
            else:
                self._retire(worker, kill=True)
        for process in self._exiting:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)
        self._exiting.clear()
        if not self._closed:
            self._closed = True
            forkserver.release(self._context)

    def __enter__(self) -> WorkerPool[TaskT, ResultT]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
