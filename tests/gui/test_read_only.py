"""A second program opening an archive that the first one writes to gets read-only mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library import Library


@pytest.mark.slow
def test_the_screenshot_opens_a_locked_archive_read_only(tmp_path: Path, seed_page: Path) -> None:
    archive = tmp_path / "archive"
    with Library.open(archive) as writer:
        writer.import_paths([seed_page])
        shot = tmp_path / "shot.png"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "reader.cli.main",
                "--archive",
                str(archive),
                "gui",
                "--screenshot",
                str(shot),
                "--open",
                str(writer.article_ids()[0]),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert result.returncode == 0, result.stderr
        assert shot.stat().st_size > 1000
