"""`archival-reader export`: annotations of articles as Markdown, CSV, W3C JSON-LD or HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "export"
HELP = "export the annotations of articles (by id, or all matching --query)"
OPENS_LIBRARY = True
READS_ONLY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", type=int, nargs="*", metavar="ID")
    parser.add_argument("--query", metavar="Q", help="every article matching this search")
    parser.add_argument(
        "--format",
        choices=("markdown", "csv", "jsonld", "html"),
        default="markdown",
        help="output format (default markdown)",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to a file")


def run(args: argparse.Namespace, library: Library) -> int:
    ids = list(args.ids)
    if args.query is not None:
        ids += [i for i in library.matching_ids(args.query) if i not in ids]
    if not ids:
        raise ReaderError("name articles by id or with --query")
    text = library.export_annotations(ids, args.format)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(args.output)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
