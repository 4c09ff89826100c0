"""`archival-reader carry ID [--from EARLIER_ID] [--json]`: copy an earlier capture's
annotations onto a newer capture of the same page, re-anchored in its text.

Without ``--from``, the most recent earlier capture that has annotations ID lacks is used.
Carrying twice copies nothing new; passages that changed become orphans of the new capture.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader.cli.output import print_json

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "carry"
HELP = "copy an earlier capture's annotations onto a newer capture of the same page"
OPENS_LIBRARY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="ID", help="the newer capture")
    parser.add_argument(
        "--from", dest="source", type=int, metavar="EARLIER_ID", help="the capture to copy from"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, library: Library) -> int:
    source = args.source
    if source is None:
        candidate = library.carry_candidates(args.id)
        if candidate is None:
            message = f"#{args.id}: no earlier capture has annotations to carry over"
            if args.json:
                print_json({"from": None, "to": args.id, "carried": {}})
            else:
                print(message)
            return 0
        source = candidate[0]
    counts = library.carry_annotations(source, args.id)
    if args.json:
        print_json({"from": source, "to": args.id, "carried": counts})
        return 0
    placed = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    print(f"#{source} -> #{args.id}: {placed or 'nothing new to carry'}")
    if counts.get("orphan"):
        print("orphans are kept and listed: archival-reader annotations --orphans", file=sys.stderr)
    return 0
