"""`archival-reader original ID [-o FILE]`: give back the imported file, byte for byte."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.library import Library


NAME = "original"
HELP = "write the original imported file of an article (to stdout or a file)"
OPENS_LIBRARY = True
READS_ONLY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write here (a folder keeps the original file name)",
    )


def run(args: argparse.Namespace, library: Library) -> int:
    file_name, data = library.original(args.id)
    if args.output is None:
        sys.stdout.buffer.write(data)
        return 0
    target = args.output / file_name if args.output.is_dir() else args.output
    target.write_bytes(data)
    print(target)
    return 0
