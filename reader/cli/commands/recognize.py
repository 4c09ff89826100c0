"""`archival-reader recognize [--all] [--json] [ID...]`: find entities again in stored articles.

By default only the articles whose mentions came from another recognizer version (after an
upgrade of the model, rules or lists) are processed. The user's corrections are kept: they
apply to the new mentions as to the old ones.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.output import ProgressBar, print_json

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "recognize"
HELP = "re-run entity recognition on articles recognised by an older version (or --all)"
OPENS_LIBRARY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", type=int, nargs="*", metavar="ID", help="only these articles")
    parser.add_argument("--all", action="store_true", help="every article, even current ones")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, library: Library) -> int:
    bar = ProgressBar()
    outcomes = library.recognize_entities(args.ids or None, everything=args.all, progress=bar)
    bar.finish()
    failed = [outcome for outcome in outcomes if outcome.error]
    if args.json:
        print_json(
            [
                {
                    "id": outcome.article_id,
                    "mentions": outcome.mentions,
                    "previous_version": outcome.previous_version,
                    "version": outcome.version,
                    "error": outcome.error,
                }
                for outcome in outcomes
            ]
        )
    else:
        for outcome in failed:
            print(f"#{outcome.article_id}: skipped: {outcome.error}")
        mentions = sum(outcome.mentions for outcome in outcomes)
        versions = sorted({outcome.version for outcome in outcomes if outcome.version})
        print(
            f"{len(outcomes) - len(failed)} articles recognised ({mentions} mentions"
            + (f", version {', '.join(versions)}" if versions else "")
            + f"), {len(failed)} skipped"
        )
    return 2 if failed else 0
