"""The application entry: `archival-reader gui --screenshot` in a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtGui import QImage

from reader.ui.app import gui_arguments


def test_gui_arguments_put_global_options_first() -> None:
    assert gui_arguments(["--demo", "--screenshot", "x.png", "--archive", "a"]) == [
        "--demo",
        "--archive",
        "a",
        "gui",
        "--screenshot",
        "x.png",
    ]


@pytest.mark.slow
def test_screenshot_command_renders_the_window(archive: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    environment = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ARCHIVAL_READER_SETTINGS=str(tmp_path / "settings.ini"),
    )
    completed = subprocess.run(
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
            "1",
            "--query",
            "Taliban",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert shot.stat().st_size > 20_000
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 41)
    }
    assert len(colours) > 10  # not a blank window


def test_missing_archive_fails_cleanly_with_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the archive folder should be")
    environment = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ARCHIVAL_READER_SETTINGS=str(tmp_path / "settings.ini"),
    )
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader.cli.main",
            "--archive",
            str(blocker / "archive"),
            "gui",
            "--screenshot",
            str(tmp_path / "x.png"),
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 1
    assert "Cannot open the archive" in completed.stderr


@pytest.mark.slow
def test_demo_flag_builds_the_demo_archive_from_the_samples(tmp_path: Path) -> None:
    from reader.core.demo import samples_path

    # Not in process: run_app ends with QApplication.quit(), which would stop the event
    # loops pytest-qt runs in later tests.
    environment = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ARCHIVAL_READER_SETTINGS=str(tmp_path / "settings.ini"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),  # the demo archive lives in the user cache
    )
    shot = tmp_path / "demo.png"
    completed = subprocess.run(
        [sys.executable, "-m", "reader.cli.main", "--demo", "gui", "--screenshot", str(shot)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    from reader.core.library import Library

    archives = list((tmp_path / "cache").rglob("demo-archive"))
    assert len(archives) == 1 and shot.is_file()
    with Library.open(archives[0]) as library:
        titles = {s.title for s in library.summaries(library.article_ids()).values()}
    pages = [p for p in samples_path().iterdir() if p.suffix in {".html", ".txt", ".mhtml"}]
    assert len(titles) >= len(pages)
    assert "Humber tidal barrier passes its first full storm test" in titles
