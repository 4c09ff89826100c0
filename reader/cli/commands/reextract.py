"""`archival-reader reextract ID...|--all`: extract again from the stored originals."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.output import ProgressBar, print_json
from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "reextract"
HELP = "re-run extraction on stored originals; annotations are re-anchored"
OPENS_LIBRARY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", type=int, nargs="*", metavar="ID")
    parser.add_argument("--all", action="store_true", help="every article")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, library: Library) -> int:
    if not args.ids and not args.all:
        raise ReaderError("name articles by id, or use --all")
    bar = ProgressBar()
    outcomes = library.reextract(None if args.all else args.ids, progress=bar)
    bar.finish()
    if args.json:
        print_json(
            [
                {
                    "id": o.article_id,
                    "text_changed": o.text_changed,
                    "annotations": o.annotations,
                    "error": o.error,
                }
                for o in outcomes
            ]
        )
    else:
        for outcome in outcomes:
            if outcome.error:
                print(f"#{outcome.article_id}: failed: {outcome.error}")
            elif outcome.text_changed:
                anchors = ", ".join(f"{n} {status}" for status, n in outcome.annotations.items())
                print(
                    f"#{outcome.article_id}: text changed"
                    + (f"; annotations: {anchors}" if anchors else "")
                )
        changed = sum(o.text_changed for o in outcomes)
        print(
            f"{len(outcomes)} re-extracted, {changed} with new text, "
            f"{sum(bool(o.error) for o in outcomes)} failed"
        )
    return 2 if any(o.error for o in outcomes) else 0
