"""SIGKILL a large crawl's import at random moments: the archive stays consistent, stored
pages stay, and importing the crawl again carries on until every page is there once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from reader.core.library import Library
from tests.e2e.test_crash_safety import assert_consistent, wait_for_group_to_end
from tests.unit.importing.crawl_fixtures import article_html, write_warc

PAGES = 40
IMPORT = """
import sys
from pathlib import Path
from reader.core.containers.sources import Limits
from reader.core.importing.options import ImportOptions
from reader.core.library import Library
options = ImportOptions(limits=Limits(stream_crawls_over=0), recognize_entities=False)
def told(progress):
    if progress.label.endswith("pages"):
        print(progress.value, flush=True)  # pages stored so far, for the test to kill at
        sys.stdin.readline()  # held here until the test says go on (an empty line) or closes stdin
with Library.open(sys.argv[1]) as library:
    library.import_paths([Path(sys.argv[2])], options=options, progress=told)
"""


def start_import(archive: Path, crawl: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(archive), str(crawl)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes the workers too
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )


def test_killed_crawl_imports_resume_to_one_article_per_page(tmp_path: Path) -> None:
    rng = random.Random(20261201)
    crawl = write_warc(
        tmp_path / "crawl.warc.gz",
        [(f"https://port.example/day-{n}", article_html(n)) for n in range(PAGES)],
    )
    archive = tmp_path / "archive"
    kept: set[int] = set()
    partial = 0
    for round_number in range(6):
        process = start_import(archive, crawl)
        assert process.stdin is not None and process.stdout is not None
        # Killed after a random number of newly stored pages. Every other round, the kill
        # lands while the import waits right after storing a batch, so some kill surely
        # leaves the crawl part-way however fast the machine is; the other rounds let the
        # import run on and kill it a random moment later, wherever it then is.
        held = round_number % 2 == 0
        if not held:
            process.stdin.close()
        wanted = rng.randint(1, 5)
        for line_number in range(wanted):
            if not process.stdout.readline():
                break  # the import finished first
            if held and line_number < wanted - 1:
                process.stdin.write(b"\n")
                process.stdin.flush()
        if not held:
            time.sleep(rng.uniform(0.0, 0.3))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        wait_for_group_to_end(process.pid)
        if process.stdin and not process.stdin.closed:
            process.stdin.close()
        if (archive / "library.sqlite3").exists():
            kept = assert_consistent(archive, kept)
        partial += 0 < len(kept) < PAGES
    assert partial, "some kill must land while the crawl's pages were being stored"
    assert not (archive / "import-work").exists()  # the crawl index of a killed import is gone
    final = start_import(archive, crawl)
    assert final.stdin is not None
    final.stdin.close()
    assert final.wait(timeout=600) == 0
    ids = assert_consistent(archive, kept)
    assert len(ids) == PAGES
    with Library.open(archive) as library:
        assert len({library.article(i).title for i in ids}) == PAGES
        row = library._store.connection().execute("SELECT pages, complete FROM originals")
        assert [tuple(r) for r in row] == [(PAGES, 1)]
