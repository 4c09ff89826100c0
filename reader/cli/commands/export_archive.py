"""`archival-reader export-archive DEST`: the whole archive in open formats."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.output import ProgressBar

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "export-archive"
HELP = "export everything (originals, articles as JSON, W3C annotations, corrections) to DEST"
OPENS_LIBRARY = True
READS_ONLY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("destination", type=Path, metavar="DEST")


def run(args: argparse.Namespace, library: Library) -> int:
    bar = ProgressBar()
    count = library.export_archive(args.destination, progress=bar)
    bar.finish()
    print(f"exported {count} articles to {args.destination}")
    return 0
