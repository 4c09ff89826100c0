from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.errors import ArchiveLocked
from reader.core.library import Library

HOLD_LOCK = """
import sys, time
from reader.core.library import Library
library = Library.open(sys.argv[1])
print("locked", flush=True)
time.sleep(600)
"""


def test_a_second_writer_is_refused_with_the_owners_pid(tmp_path: Path) -> None:
    with Library.open(tmp_path / "archive"):
        with pytest.raises(ArchiveLocked) as refused:
            Library.open(tmp_path / "archive")
        assert refused.value.pid == os.getpid()
        assert f"archive in use by process {os.getpid()}" in str(refused.value)
        with Library.open(tmp_path / "archive", read_only=True) as reader:
            assert reader.read_only and reader.count() == 0
    with Library.open(tmp_path / "archive"):  # released on close
        pass


def test_the_lock_of_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(archive)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(ArchiveLocked) as refused:
            Library.open(archive)
        assert refused.value.pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert (archive / "lock").read_text().strip() == str(holder.pid)  # stale pid left behind
    with Library.open(archive) as library:
        assert not library.read_only
