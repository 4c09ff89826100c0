"""Provably offline: import, search, show and the GUI never try to reach the network.

Every process of the run (the CLI, its worker processes, the GUI) loads a ``sitecustomize``
that records and refuses any internet socket. The page used has remote images, a remote
style sheet, a favicon, scripts, an iframe and a form.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GUARD = Path(__file__).parent / "no_network"
PAGE = Path(__file__).parents[1] / "data" / "pages" / "remote-resources.html"


def run_blocked(log: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(GUARD), os.environ.get("PYTHONPATH", "")]),
        "NO_NETWORK_LOG": str(log),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, "-m", "reader.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=environment,
    )


def test_the_guard_itself_catches_a_connection(tmp_path: Path) -> None:
    log = tmp_path / "network.log"
    environment = {**os.environ, "PYTHONPATH": str(GUARD), "NO_NETWORK_LOG": str(log)}
    code = "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/')"
    subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True)
    assert log.read_text()


def test_import_search_show_and_the_gui_open_no_connection(tmp_path: Path, seed_page: Path) -> None:
    log = tmp_path / "network.log"
    archive = str(tmp_path / "archive")
    imported = run_blocked(log, "--archive", archive, "import", "--json", str(PAGE), str(seed_page))
    assert imported.returncode == 0, imported.stderr
    report = json.loads(imported.stdout)
    page_id = next(item["id"] for item in report["imported"] if "remote" in item["path"])
    assert (
        run_blocked(log, "--archive", archive, "search", "--json", "reading room").returncode == 0
    )
    shown = run_blocked(log, "--archive", archive, "show", "--json", str(page_id))
    assert shown.returncode == 0
    text = json.loads(shown.stdout)["text"]
    assert "tracker.example.net" not in text and "fetch(" not in text
    screenshot = tmp_path / "shot.png"
    gui = run_blocked(
        log, "--archive", archive, "gui", "--screenshot", str(screenshot), "--open", str(page_id)
    )
    if gui.returncode != 0 and "No module named 'reader.ui.app'" in gui.stderr:
        pytest.fail("the GUI is missing")
    assert gui.returncode == 0, gui.stderr
    assert screenshot.stat().st_size > 1000
    assert not log.exists(), f"network access attempted:\n{log.read_text()}"
