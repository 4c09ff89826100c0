"""One writer per archive: an exclusive lock on ``<archive>/lock`` holding the owner's pid.

The lock is an OS file lock (``flock``), so the kernel releases it when its process dies,
however it dies: a lock left by a killed process is taken over without any guessing. The pid
written in the file serves the message shown to the second writer, and a pid still there
when the lock is taken tells that the last session did not close cleanly.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import IO

from reader.core.errors import ArchiveLocked

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "lock"
GRACE_SECONDS = 1.0


class ArchiveLock:
    def __init__(self, root: Path) -> None:
        self.path = root / LOCK_NAME
        self._stream: IO[str] | None = None

    def acquire(self) -> bool:
        """Takes the lock; returns True when the previous owner died without closing.

        Raises:
            ArchiveLocked: another live process holds the archive.
        """
        stream = self.path.open("a+", encoding="ascii")
        deadline = time.monotonic() + GRACE_SECONDS
        while True:
            try:
                if fcntl is not None:
                    fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                # A writer that was just killed releases the lock as it finishes dying (and
                # so do its children): wait a moment before calling the archive busy.
                if time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                stream.seek(0)
                owner = stream.read().strip()
                stream.close()
                raise ArchiveLocked(int(owner) if owner.isdigit() else 0) from None
        stream.seek(0)
        previous_owner_died = bool(stream.read().strip())
        stream.seek(0)
        stream.truncate()
        stream.write(str(os.getpid()))
        stream.flush()
        self._stream = stream
        return previous_owner_died

    def release(self) -> None:
        if self._stream is None:
            return
        # An empty lock file tells the next owner that this session ended cleanly.
        self._stream.seek(0)
        self._stream.truncate()
        self._stream.flush()
        if fcntl is not None:
            fcntl.flock(self._stream.fileno(), fcntl.LOCK_UN)
        self._stream.close()
        self._stream = None
