"""`archival-reader show ID`: an article's metadata, provenance and clean text."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.output import print_json
from reader.core.article_json import article_to_json

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "show"
HELP = "show an article: metadata, clean text, entities"
OPENS_LIBRARY = True
READS_ONLY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, library: Library) -> int:
    article = library.article(args.id)
    entities = library.entities(args.id)
    if args.json:
        print_json(article_to_json(article, entities))
        return 0
    extracted = article.extracted
    print(article.title)
    print("=" * min(len(article.title), 80))
    details = [
        ("By", ", ".join(extracted.authors)),
        ("Published", extracted.published),
        ("Site", extracted.site),
        ("URL", extracted.url or article.provenance.saved_url),
        ("Language", extracted.language),
        ("Saved", article.provenance.captured_at),
        ("File", f"{article.provenance.file_name} ({article.provenance.source_format})"),
    ]
    for label, value in details:
        if value:
            print(f"{label + ':':<11}{value}")
    print()
    print(article.text)
    if extracted.credits:
        print()
        print("Credits: " + "; ".join(extracted.credits))
    return 0
