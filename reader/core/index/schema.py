"""The Whoosh schema: one document per article, keyed by ``article_id``.

Nothing is stored in the index but the id: titles and text come from the store, which
keeps the index small and makes it rebuildable from the store at any time.
"""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from reader.core.index.analysis import TermAnalyzer, TermPositions

# Bump when the schema or the analyzers change: the index is then rebuilt from the store.
SCHEMA_VERSION = 4


def text_analyzer() -> TermAnalyzer:
    """Words, lower-cased, stop words dropped, English stems, accents folded."""
    return TermAnalyzer()


def name_analyzer() -> TermAnalyzer:
    """For names (authors, notes' people...): no stemming, accents folded, no stop words."""
    return TermAnalyzer(stemming=False, stop_words=False)


def text_field(analyzer: TermAnalyzer, field_boost: float = 1.0) -> TEXT:
    """A ``TEXT`` field with positions (phrases), indexed through ``TermAnalyzer``'s fast path."""
    field = TEXT(analyzer=analyzer, field_boost=field_boost)
    field.format = TermPositions(field_boost=field_boost)
    return field


def keyword_field() -> KEYWORD:
    return KEYWORD(commas=True, lowercase=True, scorable=False)


def build_schema() -> Schema:
    body_analyzer = text_analyzer()
    flags = {"has": keyword_field(), "is": keyword_field()}  # "is" is a Python keyword
    return Schema(
        **flags,
        article_id=ID(unique=True),
        # The same id as a column: maps every hit's docnum to its article fast (facets).
        article_number=NUMERIC(bits=64, signed=False, sortable=True),
        title=text_field(body_analyzer, field_boost=2.5),
        body=text_field(body_analyzer),
        author=text_field(name_analyzer()),
        site=text_field(name_analyzer()),
        url=ID(),
        lang=keyword_field(),
        published=DATETIME(sortable=True),
        added=DATETIME(sortable=True),
        person=text_field(name_analyzer()),
        org=text_field(name_analyzer()),
        place=text_field(name_analyzer()),
        entity=text_field(name_analyzer()),
        tag=keyword_field(),
        collection=keyword_field(),
        color=keyword_field(),
        note=text_field(body_analyzer),
        quote=text_field(body_analyzer),
    )
