"""`archival-reader annotations [ID]`: list annotations with where they are anchored."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from reader.cli.output import print_json, truncate

if TYPE_CHECKING:
    from reader.core.library import Library
    from reader.core.store.annotations import StoredAnnotation

NAME = "annotations"
HELP = "list annotations (of one article, or all) with their anchor status"
OPENS_LIBRARY = True
READS_ONLY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, nargs="?", metavar="ID")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--color", help="only this colour (id or code name)")
    parser.add_argument("--tag", help="only annotations with this tag")
    parser.add_argument("--orphans", action="store_true", help="only orphaned annotations")
    parser.add_argument("--palette", action="store_true", help="list the colours and exit")


def as_json(stored: StoredAnnotation) -> dict[str, Any]:
    annotation, anchor = stored.annotation, stored.anchor
    quote = annotation.quote
    return {
        "id": annotation.id,
        "article_id": annotation.article_id,
        "quote": quote.exact if quote else "",
        "color": annotation.color,
        "note": annotation.note,
        "tags": list(annotation.tags),
        "created": annotation.created,
        "modified": annotation.modified,
        "anchor": {
            "status": anchor.status.value,
            "start": None if anchor.is_orphan else anchor.start,
            "end": None if anchor.is_orphan else anchor.end,
        },
    }


def run(args: argparse.Namespace, library: Library) -> int:
    palette = library.palette()
    if args.palette:
        for colour in palette.colours:
            print(f"{colour.id:<12} {colour.code:<16} {colour.light}")
        return 0
    color = None
    if args.color:
        color = next(
            (c.id for c in palette.colours if args.color.lower() in (c.id, c.code.lower())),
            args.color,
        )
    found = library.find_annotations(
        article_ids=None if args.id is None else [args.id],
        color=color,
        tag=args.tag,
        orphans_only=args.orphans,
    )
    if args.json:
        print_json([as_json(stored) for stored in found])
        return 0
    for stored in found:
        annotation = stored.annotation
        status = stored.anchor.status.value
        quote = annotation.quote.exact if annotation.quote else ""
        print(
            f"{annotation.id}  #{annotation.article_id:<5} {palette.get(annotation.color).code:<14}"
            f" {status:<14} {truncate(' '.join(quote.split()), 60)}"
        )
        if annotation.note:
            print(f"{'':>44}note: {truncate(annotation.note, 60)}")
    print(f"{len(found)} annotation{'s' if len(found) != 1 else ''}")
    return 0
