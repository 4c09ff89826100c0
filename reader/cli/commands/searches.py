"""`archival-reader searches`: saved searches with their live counts, and the history."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.output import print_json

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "searches"
HELP = "list saved searches (with live counts) and the search history"
OPENS_LIBRARY = True
READS_ONLY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--delete", metavar="NAME", help="delete a saved search")
    parser.add_argument("--history", action="store_true", help="list the search history")


def run(args: argparse.Namespace, library: Library) -> int:
    if args.delete:
        library.delete_saved_search(args.delete)
        return 0
    if args.history:
        history = library.search_history()
        print_json(history) if args.json else print("\n".join(history))
        return 0
    saved = [
        (s.name, s.query, library.search(s.query, limit=0).total) for s in library.saved_searches()
    ]
    if args.json:
        print_json([{"name": n, "query": q, "count": c} for n, q, c in saved])
    else:
        for name, query, count in saved:
            print(f"{name:<24} {count:>6}  {query}")
    return 0
