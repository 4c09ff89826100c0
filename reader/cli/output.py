"""Printing for the CLI: JSON, tables and a progress bar on terminals."""

from __future__ import annotations

import json
import shutil
import sys
from typing import Any, TextIO

from reader.core.progress import Progress


def print_json(value: Any, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    json.dump(value, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._enabled = self._stream.isatty()
        self._drawn = False

    def __call__(self, progress: Progress) -> None:
        if not self._enabled:
            return
        width = max(10, min(40, shutil.get_terminal_size().columns - 50))
        if progress.maximum:
            filled = int(width * progress.value / progress.maximum)
            bar = "#" * filled + "-" * (width - filled)
            counts = f"{progress.value}/{progress.maximum}"
        else:
            bar, counts = "?" * width, str(progress.value)
        failures = f", {progress.failures} failed" if progress.failures else ""
        label = progress.label[-30:]
        self._stream.write(f"\r[{bar}] {counts} files{failures}  {label:<30}")
        self._stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()


def truncate(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"
