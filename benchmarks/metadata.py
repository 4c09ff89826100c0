"""Metadata benchmark: title, author and date accuracy on WCXB, and the metadata stage's CPU.

Runs only the metadata stage (``extract_metadata``) on the WCXB dev article pages, scored
exactly as ``benchmarks/extraction.py`` scores the full pipeline (the pipeline passes these
values through unchanged), so a rule change can be measured in seconds instead of minutes.
Pages are decoded and parsed outside the timed part; the CPU time (process time) of the
metadata stage alone is reported per page.

Usage::

    .venv/bin/python benchmarks/metadata.py                   # both halves
    .venv/bin/python benchmarks/metadata.py --half A --misses /tmp/misses.jsonl
    .venv/bin/python benchmarks/metadata.py --labels           # what the labels allow
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from extraction import (  # noqa: E402
    DEFAULT_CORPUS,
    Reference,
    author_correct,
    half_of,
    load_wcxb,
    title_correct,
)

from reader.core.extract.loader import decode_html, parse_html  # noqa: E402
from reader.core.extract.metadata import PageMetadata, extract_metadata  # noqa: E402


def _checks(reference: Reference, found: PageMetadata) -> dict[str, bool | None]:
    """Per field: True/False when the reference has a value, None when it has none."""
    return {
        "title": title_correct(reference.title, found.title) if reference.title else None,
        "author": author_correct(reference.author, found.authors) if reference.author else None,
        "date": (found.published or "")[:10] == reference.date if reference.date else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--half", default="all", choices=("A", "B", "all"))
    parser.add_argument("--misses", help="write every miss (JSON lines) to this file")
    parser.add_argument("--sources", action="store_true", help="accuracy by source of value")
    parser.add_argument(
        "--labels", action="store_true", help="how far the labels allow rules to go (and stop)"
    )
    args = parser.parse_args()

    pages = load_wcxb(Path(args.corpus))
    if args.labels:
        from metadata_labels import study

        print(study(pages, title_correct))
        return 0
    results: dict[str, list[dict[str, bool | None]]] = {"A": [], "B": []}
    # (field, source) -> [right, scored]: which sources the rules trust, and how well.
    by_source: dict[tuple[str, str], list[int]] = {}
    cpu_ms: list[float] = []
    misses = []
    for page_id in sorted(pages):
        half = half_of(page_id)
        if args.half != "all" and half != args.half:
            continue
        path, url, reference = pages[page_id]
        with gzip.open(path) as handle:
            tree = parse_html(decode_html(handle.read(), None))
        if tree is None:
            found = PageMetadata()
        else:
            start = time.process_time()
            found = extract_metadata(tree, url)
            cpu_ms.append((time.process_time() - start) * 1000)
        checks = _checks(reference, found)
        results[half].append(checks)
        for name, value in checks.items():
            if value is not None:
                source = found.sources.get("authors" if name == "author" else name, "")
                source = source if name != "date" else found.sources.get("published", "")
                tally = by_source.setdefault((name, source or "(none)"), [0, 0])
                tally[0] += bool(value)
                tally[1] += 1
        if any(value is False for value in checks.values()):
            misses.append(
                {
                    "id": page_id,
                    "half": half,
                    "url": url,
                    "wrong": [name for name, value in checks.items() if value is False],
                    "title": found.title,
                    "ref_title": reference.title,
                    "authors": found.authors,
                    "ref_author": reference.author,
                    "date": found.published,
                    "modified": found.modified,
                    "ref_date": reference.date,
                    "sources": found.sources,
                }
            )

    print(f"Metadata benchmark (WCXB dev articles), {time.strftime('%Y-%m-%d %H:%M UTC')}")
    print("| half | pages | title | author | date |")
    print("| --- | ---: | ---: | ---: | ---: |")
    everything = results["A"] + results["B"]
    for name, rows in (("A", results["A"]), ("B", results["B"]), ("all", everything)):
        if not rows:
            continue
        cells = []
        for field in ("title", "author", "date"):
            scored = [row[field] for row in rows if row[field] is not None]
            share = sum(1 for value in scored if value) / len(scored) if scored else 0.0
            cells.append(f"{share:.3f} ({sum(1 for v in scored if v)}/{len(scored)})")
        print(f"| {name} | {len(rows)} | " + " | ".join(cells) + " |")
    if cpu_ms:
        print(
            f"\nmetadata stage CPU ms per page: median {statistics.median(cpu_ms):.2f}, "
            f"mean {statistics.mean(cpu_ms):.2f}, max {max(cpu_ms):.1f}"
        )
    if args.sources:
        print("\n| field | source | right | pages |\n| --- | --- | ---: | ---: |")
        for (name, source), (right, total) in sorted(by_source.items()):
            print(f"| {name} | {source} | {right} | {total} |")
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as handle:
            for miss in misses:
                handle.write(json.dumps(miss, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
