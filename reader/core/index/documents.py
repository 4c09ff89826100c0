"""What the index knows about one article, built from the store's data.

This module does not import Whoosh: the store and the importer build ``IndexDocument``s and
hand them to ``reader.core.index.writer``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reader.core.model import Article, EntitySpan

# Entity labels that get a field of their own in the query language (`person:`, `org:`...).
ENTITY_FIELDS: dict[str, str] = {"PERSON": "person", "ORG": "org", "PLACE": "place"}


@dataclass(frozen=True)
class IndexDocument:
    article_id: int
    title: str
    body: str
    authors: tuple[str, ...] = ()
    site: str | None = None
    url: str | None = None
    language: str | None = None
    published: datetime | None = None
    added: datetime | None = None
    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)  # label -> names
    tags: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # "has:" values: "annotation", "note"
    states: tuple[str, ...] = ()  # "is:" values: "orphan"


def parse_date(value: str | None) -> datetime | None:
    """Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" or an ISO timestamp; None when unreadable."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    if len(text) == 10 and text[4] == text[7] == "-":
        # "YYYY-MM-DD", the usual case, without ``strptime`` (about 40 us a call, a tenth
        # of what indexing an article costs besides): the same dates, the same refusals.
        parts = text[:4], text[5:7], text[8:]
        if all(part.isascii() and part.isdigit() for part in parts):
            try:
                return datetime(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                return None
    for length, pattern in ((4, "%Y"), (7, "%Y-%m"), (10, "%Y-%m-%d")):
        if len(text) == length:
            try:
                return datetime.strptime(text, pattern)
            except ValueError:
                return None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


def document_from_article(article: Article, entities: Iterable[EntitySpan] = ()) -> IndexDocument:
    """The index document of a stored article, with the names of its entities."""
    extracted = article.extracted
    names: dict[str, set[str]] = {}
    for span in entities:
        names.setdefault(span.label, set()).add(span.text)
    return IndexDocument(
        article_id=article.id,
        title=article.title,
        body=extracted.text,
        authors=extracted.authors,
        site=extracted.site,
        url=extracted.url or article.provenance.saved_url,
        language=extracted.language,
        published=parse_date(extracted.published),
        added=parse_date(article.provenance.added_at),
        entities={label: tuple(sorted(values)) for label, values in names.items()},
    )


# Reads the current index documents of article ids from the store (articles gone or in the
# trash are skipped): what rebuilds and merges analyse.
Documents = Callable[[Sequence[int]], Iterable[IndexDocument]]
