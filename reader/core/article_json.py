"""An article as a JSON-ready dict: the shape `show --json` prints and `export-archive` writes.

Offsets (blocks, entities) are code points into ``text``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reader.core.model import Article, EntitySpan


def article_to_json(article: Article, entities: Iterable[EntitySpan]) -> dict[str, Any]:
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
            "original_sha256": provenance.original_sha256,
            "file_name": provenance.file_name,
            "format": provenance.source_format,
            "part": provenance.part,
            "saved_url": provenance.saved_url,
            "captured_at": provenance.captured_at,
            "captured_from": provenance.captured_source,
            "added_at": provenance.added_at,
        },
        "text_sha256": article.text_sha256,
        "text": article.text,
        "blocks": [
            {
                "kind": block.kind.value,
                "start": block.start,
                "end": block.end,
                "level": block.level,
                "ordered": block.ordered,
                "source": block.source,
            }
            for block in extracted.blocks
        ],
        "entities": [
            {"start": span.start, "end": span.end, "label": span.label, "text": span.text}
            for span in entities
        ],
    }
