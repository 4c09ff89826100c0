"""`archival-reader search QUERY`: search the archive with the query language."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.output import print_json, truncate

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "search"
HELP = "search the archive (see the README for the query language)"
OPENS_LIBRARY = True
READS_ONLY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="*", help="the query; empty lists everything")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="hits to show (20)")
    parser.add_argument("--save", metavar="NAME", help="also save the query as a smart collection")
    parser.add_argument(
        "--sort",
        choices=("relevance", "published", "added"),
        default="relevance",
        help="order of the hits",
    )


def run(args: argparse.Namespace, library: Library) -> int:
    query = " ".join(args.query)
    results = library.search(query, limit=args.limit, sort=args.sort)
    if not library.read_only:
        library.remember_search(query)
        if args.save:
            library.save_search(args.save, query)
    if args.json:
        print_json(
            {
                "total": results.total,
                "did_you_mean": results.corrected_query,
                "hits": [
                    {
                        "id": hit.article_id,
                        "title": hit.title,
                        "site": hit.site,
                        "published": hit.published,
                        "score": round(hit.score, 4),
                        "snippet": hit.snippet,
                    }
                    for hit in results.hits
                ],
            }
        )
        return 0
    print(f"{results.total} article{'s' if results.total != 1 else ''} match")
    if results.corrected_query:
        print(f"Did you mean: {results.corrected_query}")
    for hit in results.hits:
        date = hit.published or "          "
        print(
            f"{hit.article_id:>6}  {date}  {truncate(hit.site, 18):<18}  {truncate(hit.title, 70)}"
        )
        if hit.snippet:
            print(f"        {truncate(hit.snippet, 110)}")
    return 0
