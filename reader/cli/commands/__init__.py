"""The subcommands, in the order ``--help`` lists them."""

from __future__ import annotations

from types import ModuleType

from reader.cli.commands import (
    annotate,
    annotations,
    backup,
    check,
    cite,
    entities,
    entity,
    export,
    extract,
    gui,
    import_,
    original,
    reextract,
    reindex,
    search,
    searches,
    show,
)

COMMANDS: tuple[ModuleType, ...] = (
    gui,
    import_,
    search,
    searches,
    show,
    original,
    annotate,
    annotations,
    export,
    cite,
    entity,
    entities,
    extract,
    reextract,
    reindex,
    check,
    backup,
)
