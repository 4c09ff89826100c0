"""SIGKILL an import at random moments: the archive must stay consistent every time.

Each round adds new pages to a folder and imports the whole folder in a child process,
which is killed (with its workers) at a random moment. After each kill the archive must
open, pass SQLite's integrity check and the archive check (after the automatic recovery
that opening performs), and keep every article stored before. At the end an uninterrupted
import completes with exactly one article per page.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.library import Library

PAGES_PER_ROUND = 6
TEMPLATE = (Path(__file__).parents[1] / "data" / "pages" / "harbour-strike.html").read_text()
WORDS = [
    "granite",
    "orchard",
    "lantern",
    "meadow",
    "copper",
    "harbour",
    "violet",
    "thunder",
    "saffron",
    "glacier",
    "pepper",
    "marble",
    "falcon",
    "willow",
    "ember",
    "prairie",
    "cobalt",
    "quartz",
    "juniper",
    "tundra",
]


def write_page(folder: Path, number: int, rng: random.Random) -> None:
    """A distinct article: the template with a paragraph of its own."""
    sentence = " ".join(rng.choice(WORDS) for _ in range(60))
    page = TEMPLATE.replace(
        "<h2>Backlog", f"<p>Report {number}: {sentence}.</p>\n<h2>Backlog"
    ).replace("Dock workers end three-week strike", f"Dispatch {number}: dock workers end strike")
    page = page.replace(
        "dock-strike-ends", f"dispatch-{number}"
    )  # a page of its own, not a version
    (folder / f"page-{number:04d}.html").write_text(page)


def start_import(archive: Path, folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reader.cli.main",
            "--archive",
            str(archive),
            "import",
            "--json",
            "--no-entities",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )


def wait_for_group_to_end(group: int) -> None:
    """The killed import's workers die a moment after it: wait for the whole group."""
    for _ in range(200):
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def assert_consistent(archive: Path, must_keep: set[int]) -> set[int]:
    raw = sqlite3.connect(archive / "library.sqlite3")
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    with Library.open(archive) as library:
        report = library.check()
        assert report.consistent, report.as_json()
        ids = set(library.article_ids())
        assert must_keep <= ids, f"articles lost: {sorted(must_keep - ids)}"
        return ids


def import_duration(tmp_path: Path, rng: random.Random) -> float:
    """Wall seconds of one whole import of a round's pages on this machine, now: the kills
    are timed as fractions of it, so that they land inside imports however fast or loaded
    the machine is."""
    archive, folder = tmp_path / "calibration-archive", tmp_path / "calibration-pages"
    folder.mkdir()
    for number in range(PAGES_PER_ROUND):
        write_page(folder, number, rng)
    started = time.monotonic()
    assert start_import(archive, folder).wait(timeout=600) == 0
    return time.monotonic() - started


def run_rounds(tmp_path: Path, kills: int, seed: int) -> None:
    rng = random.Random(seed)
    duration = import_duration(tmp_path, rng)
    archive, folder = tmp_path / "archive", tmp_path / "pages"
    folder.mkdir()
    written = 0
    kept: set[int] = set()
    interrupted = 0  # rounds killed before their import had stored every page
    for _ in range(kills):
        for _ in range(PAGES_PER_ROUND):
            write_page(folder, written, rng)
            written += 1
        process = start_import(archive, folder)
        time.sleep(rng.uniform(0.05, 1.0) * duration)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        wait_for_group_to_end(process.pid)
        if (archive / "library.sqlite3").exists():
            kept = assert_consistent(archive, kept)
        interrupted += len(kept) < written
    assert interrupted >= kills // 2, "the kills must land in the middle of imports"
    final = start_import(archive, folder)
    assert final.wait(timeout=600) == 0
    ids = assert_consistent(archive, kept)
    assert len(ids) == written
    with Library.open(archive) as library:
        titles = [library.article(i).title for i in ids]
        assert len(set(titles)) == written  # one article per page: no duplicates


def test_random_kills_leave_a_consistent_archive(tmp_path: Path) -> None:
    run_rounds(tmp_path, kills=20, seed=20261125)


@pytest.mark.stress
def test_many_random_kills(tmp_path: Path) -> None:
    run_rounds(tmp_path, kills=150, seed=int(time.time()))
