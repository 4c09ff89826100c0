"""`archival-reader backup DEST`: a consistent copy of the archive, even while it is open."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.output import ProgressBar

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "backup"
HELP = "copy the archive (database and originals) to DEST, consistently, while it is in use"
OPENS_LIBRARY = True
READS_ONLY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("destination", type=Path, metavar="DEST")


def run(args: argparse.Namespace, library: Library) -> int:
    bar = ProgressBar()
    copied = library.backup(args.destination, progress=bar)
    bar.finish()
    print(f"backed up to {args.destination} ({copied} new originals copied)")
    return 0
