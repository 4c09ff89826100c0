"""The archive's scratch folder for imports: indexes of large crawls while they import.

Everything in it is derived and temporary: it is removed after each crawl and, in case a
killed import left something behind, when the archive is opened for writing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

WORK_FOLDER = "import-work"


def work_folder(root: Path) -> Path:
    return root / WORK_FOLDER


def remove_work_folder(root: Path) -> None:
    shutil.rmtree(work_folder(root), ignore_errors=True)
