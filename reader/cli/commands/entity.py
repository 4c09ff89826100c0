"""`archival-reader entity ...`: browse the archive's entities and correct them.

Corrections (rename, merge, type, not-an-entity, watch list) apply to the whole archive,
survive re-extraction and re-import, and are exportable (`entity corrections --export`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.output import print_json, truncate

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "entity"
HELP = "list the archive's entities and correct them (rename, merge, type, reject, watch)"
OPENS_LIBRARY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="entities with their article and mention counts")
    listing.add_argument("--type", help="only this type (person, org, place, ...)")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true")
    articles = actions.add_parser("articles", help="ids of the articles mentioning an entity")
    articles.add_argument("name")
    articles.add_argument("type")
    rename = actions.add_parser("rename", help="show NAME as NEW everywhere")
    rename.add_argument("name")
    rename.add_argument("new")
    merge = actions.add_parser("merge", help="make several names one entity")
    merge.add_argument("names", nargs="+")
    merge.add_argument("--into", required=True, metavar="CANONICAL")
    retype = actions.add_parser("type", help="change an entity's type")
    retype.add_argument("name")
    retype.add_argument("type")
    reject = actions.add_parser("reject", help="NAME is not an entity (never again)")
    reject.add_argument("name")
    reject.add_argument("--type", help="only when recognised with this type")
    unreject = actions.add_parser("unreject", help="undo reject")
    unreject.add_argument("name")
    unreject.add_argument("--type")
    watch = actions.add_parser("watch", help="add names from a list or CSV (name,type,aliases)")
    watch.add_argument("file", type=Path)
    corrections = actions.add_parser("corrections", help="export or import all corrections")
    group = corrections.add_mutually_exclusive_group(required=True)
    group.add_argument("--export", type=Path, metavar="FILE")
    group.add_argument("--import", type=Path, metavar="FILE", dest="import_file")


def run(args: argparse.Namespace, library: Library) -> int:
    action = args.action
    if action == "list":
        from reader.core.entities import parse_label

        label = parse_label(args.type) if args.type else None
        table = library.entity_table(label)[: args.limit]
        if args.json:
            print_json(
                [
                    {
                        "name": e.name,
                        "type": e.label,
                        "aliases": list(e.aliases),
                        "articles": e.article_count,
                        "mentions": e.mention_count,
                        "first_seen": e.first_seen,
                        "last_seen": e.last_seen,
                    }
                    for e in table
                ]
            )
        else:
            for e in table:
                aliases = f"  (also {', '.join(e.aliases)})" if e.aliases else ""
                print(f"{e.label:<9} {e.article_count:>5} {truncate(e.name, 40):<40}{aliases}")
    elif action == "articles":
        from reader.core.entities import parse_label

        print("\n".join(map(str, library.entity_article_ids(args.name, parse_label(args.type)))))
    elif action == "rename":
        library.rename_entity(args.name, args.new)
    elif action == "merge":
        library.merge_entities(args.names, args.into)
    elif action == "type":
        library.set_entity_type(args.name, args.type)
    elif action == "reject":
        library.reject_entity(args.name, args.type)
    elif action == "unreject":
        library.unreject_entity(args.name, args.type)
    elif action == "watch":
        added = library.import_watch_list(args.file.read_text(encoding="utf-8"))
        print(f"{added} names added to the watch list")
    elif action == "corrections":
        from reader.core.entities import Corrections

        if args.export:
            args.export.write_text(library.entity_corrections().to_json(), encoding="utf-8")
        else:
            library.set_entity_corrections(
                Corrections.from_json(args.import_file.read_text(encoding="utf-8"))
            )
    return 0
