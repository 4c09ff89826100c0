"""`archival-reader gui`: open the application window (the default with no command)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "gui"
HELP = "open the application (the default when no command is given)"
OPENS_LIBRARY = False  # the window opens the archive itself, off the GUI thread


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="render the window, save it as PNG and exit",
    )
    parser.add_argument("--open", type=int, metavar="ID", dest="open_id", help="open this article")
    parser.add_argument("--query", metavar="Q", help="start with this search")


def set_defaults(args: argparse.Namespace) -> None:
    """Fills in this command's options when the program runs with no command."""
    for name in ("screenshot", "open_id", "query"):
        if not hasattr(args, name):
            setattr(args, name, None)


def run(args: argparse.Namespace, library: None) -> int:
    from reader.core.paths import default_archive_path
    from reader.ui.app import run_app

    if args.demo:
        from reader.core.demo import demo_archive_path

        archive = demo_archive_path()
    else:
        archive = args.archive or default_archive_path()
    return run_app(
        archive,
        build_demo=bool(args.demo),
        screenshot=args.screenshot,
        open_id=args.open_id,
        query=args.query,
    )
