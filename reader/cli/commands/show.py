"""`archival-reader show ID`: an article's metadata, provenance and clean text."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from reader.cli.output import print_json
from reader.core.model import Article, EntitySpan

if TYPE_CHECKING:
    from reader.core.library import Library

NAME = "show"
HELP = "show an article: metadata, clean text, entities"
OPENS_LIBRARY = True
READS_ONLY = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("--json", action="store_true", help="print JSON")


def article_as_json(article: Article, entities: list[EntitySpan]) -> dict[str, Any]:
    extracted, provenance = article.extracted, article.provenance
    return {
        "id": article.id,
        "title": article.title,
        "authors": list(extracted.authors),
        "published": extracted.published,
        "modified": extracted.modified,
        "site": extracted.site,
        "url": extracted.url,
        "language": extracted.language,
        "description": extracted.description,
        "keywords": list(extracted.keywords),
        "credits": list(extracted.credits),
        "metadata_sources": extracted.metadata_sources,
        "extractor_version": extracted.extractor_version,
        "provenance": {
            "file_name": provenance.file_name,
            "format": provenance.source_format,
            "part": provenance.part,
            "sha256": provenance.original_sha256,
            "saved_url": provenance.saved_url,
            "captured_at": provenance.captured_at,
            "captured_from": provenance.captured_source,
            "added_at": provenance.added_at,
        },
        "text_sha256": article.text_sha256,
        "text": article.text,
        "blocks": [
            {"kind": b.kind.value, "start": b.start, "end": b.end, "level": b.level}
            for b in extracted.blocks
        ],
        "entities": [
            {"start": e.start, "end": e.end, "label": e.label, "text": e.text} for e in entities
        ],
    }


def run(args: argparse.Namespace, library: Library) -> int:
    article = library.article(args.id)
    entities = library.entities(args.id)
    if args.json:
        print_json(article_as_json(article, entities))
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
