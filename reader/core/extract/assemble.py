"""The last step of every extraction: canonical text, blocks and metadata into one article."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reader.core.extract.metadata import PageMetadata
from reader.core.model import Block, ExtractedArticle


def assemble_article(
    text: str,
    blocks: tuple[Block, ...],
    metadata: PageMetadata,
    *,
    version: str,
    credits: Iterable[str] = (),
    extra_sources: Mapping[str, str] | None = None,
) -> ExtractedArticle:
    """The article; ``credits`` keep their first occurrence's order, once each, and
    ``extra_sources`` are added to the metadata's provenance (``metadata_sources``)."""
    return ExtractedArticle(
        text=text,
        blocks=blocks,
        title=metadata.title,
        authors=metadata.authors,
        published=metadata.published,
        modified=metadata.modified,
        site=metadata.site,
        url=metadata.url,
        language=metadata.language,
        description=metadata.description,
        keywords=metadata.keywords,
        credits=tuple(dict.fromkeys(credits)),
        metadata_sources={**metadata.sources, **(extra_sources or {})},
        extractor_version=version,
    )
