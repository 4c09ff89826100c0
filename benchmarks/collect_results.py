"""Builds benchmarks/RESULTS.md from the latest output of each benchmark in
benchmarks/results/ (each file says its date, machine and command) and the summary below.

Usage: ``python benchmarks/collect_results.py`` after re-running a benchmark with its output
written to benchmarks/results/<name>.md.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = (
    "import",
    "extraction",
    "entities",
    "search",
    "merges",
    "memory",
    "recovery",
    "anchoring",
    "gui",
)
SUMMARY = HERE / "results" / "SUMMARY.md"


def main() -> None:
    parts = ["# Benchmark results\n", SUMMARY.read_text().strip() + "\n"]
    for name in ORDER:
        path = HERE / "results" / f"{name}.md"
        if path.is_file():
            text = path.read_text().strip()
            # Each result file's own headings move one level down under its section.
            text = "\n".join(
                ("#" + line) if line.startswith("#") else line for line in text.splitlines()
            )
            parts.append(
                f"## {name.capitalize()}\n\n_From `benchmarks/results/{name}.md`._\n\n{text}\n"
            )
    (HERE / "RESULTS.md").write_text("\n".join(parts))


if __name__ == "__main__":
    main()
