"""The citation facts of an article, gathered once for every output format.

Only metadata the extractor found is used; nothing is guessed from the text. The access date
is the capture date (when the page was saved), falling back to when it was added to the
archive, because that is the version the researcher read and cites.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from reader.core.citations.dates import date_parts
from reader.core.citations.names import PersonName, parse_name
from reader.core.model import Article


class CitationKind(enum.StrEnum):
    """What the cited item is: a web page or an article of a newspaper/magazine site."""

    WEBPAGE = "webpage"
    NEWSPAPER_ARTICLE = "newspaper_article"


@dataclass(frozen=True)
class CitationRecord:
    """Format-neutral citation data of one article."""

    article_id: int
    kind: CitationKind
    title: str
    authors: tuple[PersonName, ...]
    container: str  # site or newspaper name, "" when unknown
    published: tuple[int, ...]
    accessed: tuple[int, ...]
    url: str
    language: str
    abstract: str


def build_record(article: Article, kind: CitationKind | None = None) -> CitationRecord:
    """Collects an article's citation facts.

    Args:
        article: the stored article.
        kind: the item type; by default a newspaper article when the extractor found both
            a publication date and a site name (the marks of a news or magazine piece), and
            a web page otherwise.

    Returns:
        The record every format is written from.
    """
    extracted = article.extracted
    provenance = article.provenance
    published = date_parts(extracted.published)
    container = (extracted.site or "").strip()
    if kind is None:
        has_news_marks = bool(published and container)
        kind = CitationKind.NEWSPAPER_ARTICLE if has_news_marks else CitationKind.WEBPAGE
    return CitationRecord(
        article_id=article.id,
        kind=kind,
        title=article.title.strip(),
        authors=tuple(parse_name(author) for author in extracted.authors if author.strip()),
        container=container,
        published=published,
        accessed=date_parts(provenance.captured_at) or date_parts(provenance.added_at),
        url=extracted.url or provenance.saved_url or "",
        language=extracted.language or "",
        abstract=extracted.description or "",
    )
