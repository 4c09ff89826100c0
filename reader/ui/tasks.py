"""Background work for the GUI: the only module that starts threads.

``TaskRunner.run(op, ...)`` runs ``op(library)`` on a ``QThreadPool`` and delivers
``on_success(result)``, ``on_failure(exception)`` and progress reports on the main thread,
through queued signals of a ``QObject`` that lives there. Every task has a failure path: an
exception in ``op`` always reaches ``on_failure``.

Guarantees:
    * writes (``writes=True``) run one at a time, in the order they were started, on their own
      single-thread pool; reads run on a separate pool and never wait behind a long import;
    * a ``SearchSession`` tags each query with an id and drops results of superseded queries;
    * callbacks run on the thread that owns the runner (the GUI thread).

Callers must not touch widgets inside ``op``: it runs on a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from reader.core.progress import CancelToken, Progress, ProgressCallback

if TYPE_CHECKING:  # the library pulls in the import pipeline: load it only when opening
    from reader.core.library import Library

log = logging.getLogger(__name__)

T = TypeVar("T")
SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the main thread; a queued emit runs the callback there."""

    delivered = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _on_delivered(self, callback: Callable[[Any], None], value: object) -> None:
        callback(value)


class _Job(QRunnable):
    def __init__(
        self, work: Callable[[], object], finish: Callable[[object, BaseException | None], None]
    ) -> None:
        super().__init__()
        self._work = work
        self._finish = finish

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # noqa: BLE001 - every failure must reach on_failure
            self._finish(None, error)
        else:
            self._finish(result, None)


class TaskRunner(QObject):
    """Runs operations on the archive off the GUI thread.

    ``library`` is set once the archive is open; ``call`` runs work that needs no library
    (opening it, building the demo archive).
    """

    def __init__(self, library: Library | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._relay = _Relay(self)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool(self)
        # One writer at a time: the store serialises writes anyway, and a second import
        # queued behind the first is clearer to users than two interleaved ones.
        self._writes.setMaxThreadCount(1)
        self._active: set[_Job] = set()

    # -- public API ------------------------------------------------------------------------

    def run(
        self,
        op: Callable[[Library], T],
        on_success: Callable[[T], None],
        on_failure: FailureCallback,
        *,
        writes: bool = False,
    ) -> None:
        """Runs ``op(library)`` in the background.

        Args:
            op: the work; runs on a worker thread and must not touch widgets.
            on_success: called on the GUI thread with ``op``'s result.
            on_failure: called on the GUI thread with the exception ``op`` raised.
            writes: True for operations that change the archive (serialised).

        Raises:
            RuntimeError: no archive is open yet.
        """
        library = self.library
        if library is None:
            raise RuntimeError("no archive is open")
        self.call(lambda: op(library), on_success, on_failure, writes=writes)

    def call(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: FailureCallback,
        *,
        writes: bool = False,
    ) -> None:
        """Runs ``work()`` in the background; same delivery rules as ``run``."""
        job: _Job

        def finish(result: object, error: BaseException | None) -> None:
            if error is not None:
                self._deliver(on_failure, error)
            else:
                self._deliver(on_success, result)
            self._deliver(self._forget, job)

        job = _Job(work, finish)
        job.setAutoDelete(False)
        self._active.add(job)
        (self._writes if writes else self._reads).start(job)

    def progress_relay(self, on_progress: Callable[[Progress], None]) -> ProgressCallback:
        """A progress callback safe to call from a worker; reports arrive on the GUI thread."""
        return self.relay(on_progress)

    def relay(self, callback: Callable[[T], None]) -> Callable[[T], None]:
        """Wraps ``callback`` so a worker can call it: the call happens on the GUI thread."""

        def deliver(value: T) -> None:
            self._deliver(callback, value)

        return deliver

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Blocks until every task finished (for shutdown and tests); True if all did."""
        done = self._writes.waitForDone(milliseconds) and self._reads.waitForDone(milliseconds)
        return bool(done)

    @property
    def busy(self) -> bool:
        """True while any task started by this runner has not reported back."""
        return bool(self._active)

    # -- internals -------------------------------------------------------------------------

    def _deliver(self, callback: Callable[[Any], None], value: object) -> None:
        self._relay.delivered.emit(callback, value)

    def _forget(self, job: object) -> None:
        if isinstance(job, _Job):
            self._active.discard(job)


class SynchronousTaskRunner(TaskRunner):
    """Runs every task immediately on the calling thread (tests, scripted screenshots)."""

    def call(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: FailureCallback,
        *,
        writes: bool = False,
    ) -> None:
        try:
            result = work()
        except Exception as error:  # noqa: BLE001 - same contract as the threaded runner
            on_failure(error)
        else:
            on_success(result)

    def relay(self, callback: Callable[[T], None]) -> Callable[[T], None]:
        return callback


class SearchSession:
    """Runs searches so that only the latest query's results reach the UI.

    Each ``submit`` gets a new query id; results (or errors) of any older id are dropped,
    because a slow broad query can finish after the narrower one the user typed next.
    """

    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self._latest = 0

    @property
    def latest_id(self) -> int:
        return self._latest

    def submit(
        self,
        op: Callable[[Library], T],
        on_success: Callable[[int, T], None],
        on_failure: Callable[[int, BaseException], None],
    ) -> int:
        """Starts a search; returns its query id. Callbacks receive the id first."""
        self._latest += 1
        query_id = self._latest

        def succeeded(result: T) -> None:
            if query_id == self._latest:
                on_success(query_id, result)

        def failed(error: BaseException) -> None:
            if query_id == self._latest:
                on_failure(query_id, error)

        self._runner.run(op, succeeded, failed)
        return query_id

    def cancel(self) -> None:
        """Drops the results of every query started so far."""
        self._latest += 1


def create_runner(library: Library | None = None, parent: QObject | None = None) -> TaskRunner:
    """The runner the application uses; tests replace this factory with a synchronous one."""
    return TaskRunner(library, parent)


__all__ = [
    "CancelToken",
    "SearchSession",
    "SynchronousTaskRunner",
    "TaskRunner",
    "create_runner",
]
