"""The subcommands, in the order ``--help`` lists them."""

from __future__ import annotations

from types import ModuleType

from reader.cli.commands import (
    backup,
    check,
    extract,
    gui,
    import_,
    original,
    reindex,
    search,
    show,
)

COMMANDS: tuple[ModuleType, ...] = (
    gui,
    import_,
    search,
    show,
    original,
    extract,
    reindex,
    check,
    backup,
)
