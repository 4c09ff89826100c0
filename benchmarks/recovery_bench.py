"""Opening an archive after a killed session: the recovery check's time by archive size.

A session that dies (kill, power cut, crash) leaves its pid in the archive's lock file; the
next open then checks what a kill can leave behind (files without rows, the index behind the
store) and mends it. This measures that open, in fresh processes, on synthetic archives of
the given sizes (built once and cached, like ``gui_bench.py``'s), next to a clean open and to
a full ``check`` (which adds SQLite's integrity check and re-hashes nothing).

Usage: .venv/bin/python benchmarks/recovery_bench.py [--articles 10000 50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gui_bench import build_archive  # noqa: E402

SESSION = """
import json, sys, time
from pathlib import Path
from reader.core.library import Library
archive, mode = Path(sys.argv[1]), sys.argv[2]
if mode == "killed":
    (archive / "lock").write_text("999999")  # what a killed owner leaves
started = time.perf_counter()
library = Library.open(archive)
if mode == "full-check":
    library.check(verify_hashes=False)
elapsed = time.perf_counter() - started
library.close()
print(json.dumps({"seconds": elapsed}))
"""


def measure(archive: Path, mode: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-c", SESSION, str(archive), mode],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        ).stdout
        times.append(json.loads(output.splitlines()[-1])["seconds"])
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| articles | clean open s | open after a kill s | open + full check s |")
    print("| ---: | ---: | ---: | ---: |")
    for count in args.articles:
        archive = build_archive(count)
        row = [measure(archive, mode, args.runs) for mode in ("clean", "killed", "full-check")]
        print(f"| {count:,} | " + " | ".join(f"{value:.2f}" for value in row) + " |")
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
