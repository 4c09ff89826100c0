"""The Python API from a researcher's script, run the way people run scripts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAGE = Path(__file__).parents[1] / "data" / "pages" / "harbour-strike.html"

SCRIPT_WITHOUT_MAIN_GUARD = """
from reader import Library
print("script body runs", flush=True)
with Library.open({archive!r}) as library:
    report = library.import_paths([{page!r}])
    print("imported", len(report.imported), flush=True)
    print(library.search("Rotterdam").hits[0].title, flush=True)
"""


def test_a_script_without_a_main_guard_imports_once(tmp_path: Path) -> None:
    script = tmp_path / "my_script.py"
    script.write_text(
        SCRIPT_WITHOUT_MAIN_GUARD.format(archive=str(tmp_path / "archive"), page=str(PAGE))
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines.count("script body runs") == 1  # workers never re-run the caller's script
    assert "imported 1" in lines
    assert "Dock workers end three-week strike in Rotterdam" in lines
