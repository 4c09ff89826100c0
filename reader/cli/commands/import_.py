"""`archival-reader import PATH...`: import files and folders into the archive."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.output import ProgressBar, print_json
from reader.core.model import ImportOutcome, ImportReport, OutcomeStatus
from reader.core.progress import CancelToken

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "import"
HELP = "import saved pages (files or folders, recursively) into the archive"
OPENS_LIBRARY = True

EXIT_SOME_FAILED = 2
MEGABYTE = 1024 * 1024


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--json", action="store_true", help="print one JSON report object")
    parser.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="give up on one file after this long (default 120)",
    )
    parser.add_argument(
        "--max-size",
        type=float,
        metavar="MB",
        help="refuse files larger than this many megabytes (default 200)",
    )
    parser.add_argument("--no-entities", action="store_true", help="skip entity recognition")
    parser.add_argument(
        "--all-pages",
        action="store_true",
        help="also keep, whole, the pages that are not articles (link lists, error and redirect"
        " pages, robots files); files imported before are read again for those pages",
    )


def report_as_json(report: ImportReport) -> dict[str, object]:
    formats: dict[str, int] = {}
    for outcome in report.imported:
        key = outcome.source_format or "unknown"
        formats[key] = formats.get(key, 0) + 1
    return {
        "imported": [
            {"path": o.path, "id": o.article_id, "title": o.title, "part": o.part}
            for o in report.imported
        ],
        "duplicates": [{"path": o.path, "id": o.article_id} for o in report.duplicates],
        "failed": [{"path": o.path, "error": o.error, "part": o.part} for o in report.failed],
        "skipped": [{"path": o.path, "part": o.part, "reason": o.error} for o in report.skipped],
        "formats": formats,
        "cancelled": report.cancelled,
    }


def _print_summary(report: ImportReport) -> None:
    for outcome in report.failed:
        where = f"{outcome.path} [{outcome.part}]" if outcome.part else outcome.path
        print(f"failed: {where}: {outcome.error}")
    print(
        f"{len(report.imported)} imported, {len(report.duplicates)} already in the archive, "
        f"{len(report.skipped)} skipped (not articles), {len(report.failed)} failed"
        + (" (cancelled)" if report.cancelled else "")
    )


def run(args: argparse.Namespace, library: Library) -> int:
    from reader.core.containers import Limits
    from reader.core.importing.pipeline import ImportOptions

    missing = [str(path) for path in args.paths if not path.exists()]
    bar = ProgressBar()
    cancel = CancelToken()
    if (args.max_size is not None and args.max_size <= 0) or args.timeout <= 0:
        print("error: --max-size and --timeout must be positive", file=sys.stderr)
        return 1
    limits = Limits()
    if args.max_size is not None:
        limits = replace(limits, max_file_bytes=int(args.max_size * MEGABYTE))
    options = ImportOptions(
        limits=limits,
        timeout_seconds=args.timeout,
        recognize_entities=not args.no_entities,
        keep_non_articles=args.all_pages,
    )
    report = ImportReport()
    try:
        for outcome in library.iter_import(
            [p for p in args.paths if p.exists()], options=options, progress=bar, cancel=cancel
        ):
            report.outcomes.append(outcome)
    except KeyboardInterrupt:
        cancel.cancel()
        report.cancelled = True
    finally:
        bar.finish()
    report.outcomes.extend(
        ImportOutcome(OutcomeStatus.FAILED, path, error="no such file or folder")
        for path in missing
    )
    if args.json:
        print_json(report_as_json(report))
    else:
        _print_summary(report)
    return EXIT_SOME_FAILED if report.failed else 0
