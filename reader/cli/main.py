"""`archival-reader`: the command line. One module per subcommand in ``commands/``.

Each command module has ``NAME``, ``HELP``, ``OPENS_LIBRARY`` (whether it needs the archive),
optionally ``READS_ONLY`` (it may run read-only while another process writes),
``add_arguments(parser)`` and ``run(args, library) -> int``. User errors (``ReaderError``)
print a one-line message and exit 1; they never show a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from reader import __version__
from reader.cli.commands import COMMANDS
from reader.core.errors import ReaderError

EXIT_OK = 0
EXIT_FATAL = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archival-reader",
        description="An offline archive and reader for saved web pages. "
        "With no command, opens the application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--archive",
        metavar="DIR",
        type=Path,
        help="the archive folder (default: $ARCHIVAL_READER_ARCHIVE, the checkout's index/ "
        "folder, or the user data folder)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a sample archive built from resources/samples/"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(command_module=module)
    return parser


def _run(module: ModuleType, args: argparse.Namespace) -> int:
    if not module.OPENS_LIBRARY:
        return int(module.run(args, None))
    from reader.core.errors import ArchiveLocked
    from reader.core.library import Library
    from reader.core.paths import default_archive_path

    archive = args.archive or default_archive_path()
    try:
        library = Library.open(archive)
    except ArchiveLocked as locked:
        if not getattr(module, "READS_ONLY", False):
            raise ArchiveLocked(locked.pid) from None
        # Another process (the app) is writing: reading is still safe.
        print(f"archival-reader: {locked}; opening it read-only", file=sys.stderr)
        library = Library.open(archive, read_only=True)
    for repair in library.recovered:
        print(f"archival-reader: the last session was interrupted; {repair}", file=sys.stderr)
    with library:
        return int(module.run(args, library))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    module = getattr(args, "command_module", None)
    if module is None:
        from reader.cli.commands import gui

        module = gui
        gui.set_defaults(args)
    try:
        return _run(module, args)
    except ReaderError as error:
        print(f"archival-reader: {error}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        print("archival-reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
