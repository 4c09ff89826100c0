"""`archival-reader check [--json] [--repair]`: verify the archive's consistency."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.output import ProgressBar, print_json

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "check"
HELP = "verify originals, database and index; --repair rebuilds what is derivable"
OPENS_LIBRARY = True
READS_ONLY = True

LABELS = {
    "database_errors": "database errors",
    "missing_originals": "originals missing (cannot be rebuilt)",
    "altered_originals": "originals altered on disk (cannot be rebuilt)",
    "missing_resources": "saved images missing",
    "not_indexed": "articles missing from the index",
    "extra_in_index": "index entries of deleted articles",
    "waiting_for_index": "articles waiting to be indexed",
    "unreferenced_files": "unreferenced files in originals/",
    "unfinished_imports": "crawls imported part-way (import them again to finish)",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--repair", action="store_true", help="repair what can be derived")
    parser.add_argument("--quick", action="store_true", help="do not re-hash the originals")


def run(args: argparse.Namespace, library: Library) -> int:
    bar = ProgressBar()
    report = library.check(repair=args.repair, verify_hashes=not args.quick, progress=bar)
    bar.finish()
    if args.json:
        print_json(report.as_json())
    else:
        for action in report.repaired:
            print(f"repaired: {action}")
        data = report.as_json()
        for key, label in LABELS.items():
            if data[key]:
                print(f"{label}: {len(data[key])}")
        print("the archive is consistent" if report.consistent else "problems found")
    return 0 if report.consistent else 2
