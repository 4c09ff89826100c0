"""The subcommands, in the order ``--help`` lists them."""

from __future__ import annotations

from types import ModuleType

from reader.cli.commands import (
    annotate,
    annotation_list,
    backup,
    carry,
    check,
    cite,
    entities,
    entity,
    export,
    export_archive,
    extract,
    gui,
    import_,
    original,
    recognize,
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
    annotation_list,
    carry,
    export,
    cite,
    entity,
    entities,
    extract,
    reextract,
    recognize,
    reindex,
    check,
    backup,
    export_archive,
)
