"""`archival-reader reindex`: rebuild the full-text index from the store."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.output import ProgressBar

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "reindex"
HELP = "rebuild the search index from the archive's store"
OPENS_LIBRARY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run(args: argparse.Namespace, library: Library) -> int:
    bar = ProgressBar()
    count = library.reindex(progress=bar, parallel=True)
    bar.finish()
    print(f"{count} articles indexed")
    return 0
