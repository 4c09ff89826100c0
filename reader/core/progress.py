"""Progress reports and cancellation for long core operations.

Core operations stay synchronous: they accept an optional ``progress`` callback and an
optional ``CancelToken`` and check the token between items. The CLI prints the reports;
the GUI turns them into signals on its own thread (``reader.ui.tasks``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    label: str
    value: int
    maximum: int  # 0 when the total is not known yet
    failures: int = 0


ProgressCallback = Callable[[Progress], None]


class CancelToken:
    """A flag set by one thread (the UI, a signal handler) and read by the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()
