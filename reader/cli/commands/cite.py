"""`archival-reader cite ID --format csl|ris|bibtex|text`: a citation of an article."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "cite"
HELP = "print a citation of an article (CSL-JSON, RIS, BibTeX or plain text)"
OPENS_LIBRARY = True
READS_ONLY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("--format", choices=("csl", "ris", "bibtex", "text"), default="text")


def run(args: argparse.Namespace, library: Library) -> int:
    citation = library.cite(args.id, args.format)
    sys.stdout.write(citation if citation.endswith("\n") else citation + "\n")
    return 0
