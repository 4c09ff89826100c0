"""`archival-reader annotate ID --quote TEXT`: highlight a passage from the command line."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.output import print_json

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "annotate"
HELP = "highlight the first (or Nth) occurrence of a quote in an article; prints its id"
OPENS_LIBRARY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("--quote", required=True, help="the exact text to highlight")
    parser.add_argument(
        "--occurrence",
        type=int,
        default=1,
        metavar="N",
        help="highlight the Nth occurrence (1 = first)",
    )
    parser.add_argument(
        "--color", default="yellow", help="a colour id or code name (see `annotations --palette`)"
    )
    parser.add_argument("--note", default="", help="a note (Markdown)")
    parser.add_argument("--tag", action="append", default=[], metavar="T", dest="tags")
    parser.add_argument("--json", action="store_true", help="print the annotation as JSON")


def run(args: argparse.Namespace, library: Library) -> int:
    stored = library.annotate_quote(
        args.id, args.quote, args.occurrence, color=args.color, note=args.note, tags=args.tags
    )
    if args.json:
        from reader.cli.commands.annotation_list import as_json

        print_json(as_json(stored))
    else:
        print(stored.annotation.id)
    return 0
