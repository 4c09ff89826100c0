"""The Whoosh schema: one document per article, keyed by ``article_id``.

Nothing is stored in the index but the id: titles and text come from the store, which
keeps the index small and makes it rebuildable from the store at any time.
"""

from __future__ import annotations

from whoosh.analysis import Analyzer, CharsetFilter, StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.support.charset import accent_map

# Bump when the schema or the analyzers change: the index is then rebuilt from the store.
SCHEMA_VERSION = 1


def text_analyzer() -> Analyzer:
    """Words, lower-cased, stop words dropped, English stems, accents folded."""
    analyzer: Analyzer = StemmingAnalyzer() | CharsetFilter(accent_map)
    return analyzer


def name_analyzer() -> Analyzer:
    """For names (authors, notes' people...): no stemming, accents folded, no stop words."""
    analyzer: Analyzer = StandardAnalyzer(stoplist=None) | CharsetFilter(accent_map)
    return analyzer


def keyword_field() -> KEYWORD:
    return KEYWORD(commas=True, lowercase=True, scorable=False)


def build_schema() -> Schema:
    body_analyzer = text_analyzer()
    flags = {"has": keyword_field(), "is": keyword_field()}  # "is" is a Python keyword
    return Schema(
        **flags,
        article_id=ID(unique=True, stored=True),
        # The same id as a column: maps every hit's docnum to its article fast (facets).
        article_number=NUMERIC(bits=64, signed=False, sortable=True),
        title=TEXT(analyzer=body_analyzer, field_boost=2.5),
        body=TEXT(analyzer=body_analyzer),
        author=TEXT(analyzer=name_analyzer()),
        site=TEXT(analyzer=name_analyzer()),
        url=ID(),
        lang=keyword_field(),
        published=DATETIME(sortable=True),
        added=DATETIME(sortable=True),
        person=TEXT(analyzer=name_analyzer()),
        org=TEXT(analyzer=name_analyzer()),
        place=TEXT(analyzer=name_analyzer()),
        entity=TEXT(analyzer=name_analyzer()),
        tag=keyword_field(),
        collection=keyword_field(),
        color=keyword_field(),
        note=TEXT(analyzer=body_analyzer),
        quote=TEXT(analyzer=body_analyzer),
    )
