"""The work the window hands to background tasks: plain functions of a ``Library``.

Each function runs on a worker thread (through ``reader.ui.tasks``), touches no widget, and
returns plain data for the GUI thread to show. Keeping them here keeps the window free of
archive logic and lets tests call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from reader.core.model import BlockKind, SearchResults
from reader.ui.widgets.article_view import LoadedArticle, NoteMark
from reader.ui.widgets.sidebar import CollectionInfo, SidebarData, Source

if TYPE_CHECKING:
    from reader.core.library import Library

RECENT_DAYS = 7
# Each ranked hit costs the core a snippet (several ms on a 10k archive): rank and snippet
# the best ones, and list every other match after them, unranked.
SEARCH_LIMIT = 100


def load_article(library: Library, article_id: int) -> LoadedArticle:
    """The article, its entities, its saved images and tags, ready for the reader."""
    article = library.article(article_id)
    # Canonical names group spellings the user merged or renamed; offsets are unchanged.
    if hasattr(library, "canonical_entities"):
        entities = library.canonical_entities(article_id)
    else:
        entities = library.entities(article_id)
    images: dict[str, bytes] = {}
    for block in article.extracted.blocks:
        if block.kind is BlockKind.IMAGE and block.source and block.source not in images:
            data = library.resource(article_id, block.source)
            if data:
                images[block.source] = data
    tags = library.tags_of(article_id) if hasattr(library, "tags_of") else []
    entity_notes = (
        {(n.label, n.name): n.note for n in library.entity_notes()}
        if hasattr(library, "entity_notes")
        else {}
    )
    return LoadedArticle(
        article, entities, images, tags, load_notes(library, article_id), entity_notes
    )


def load_notes(library: Library, article_id: int) -> list[NoteMark]:
    """The article's annotations with their highlight colours, in text order."""
    if not hasattr(library, "annotations"):
        return []
    palette = library.palette()
    marks: list[NoteMark] = []
    for stored in library.annotations(article_id):
        annotation, anchor = stored.annotation, stored.anchor
        colour = palette.get(annotation.color)
        quote = annotation.quote
        marks.append(
            NoteMark(
                annotation.id,
                -1 if anchor.is_orphan else anchor.start,
                -1 if anchor.is_orphan else anchor.end,
                quote.exact if quote is not None else "",
                annotation.note,
                colour.light,
                colour.dark,
                colour.id,
                colour.code,
                annotation.tags,
                annotation.modified,
            )
        )
    return marks


def load_sidebar(library: Library) -> SidebarData:
    """Counts and lists for the sidebar, including each saved search's live count."""
    data = SidebarData(total=library.count())
    if hasattr(library, "trashed_ids"):
        data.trashed = len(library.trashed_ids())
    if hasattr(library, "collections"):
        data.collections = [
            CollectionInfo(c.id, c.name, c.parent_id, c.count) for c in library.collections()
        ]
    if hasattr(library, "all_tags"):
        data.tags = dict(library.all_tags())
    if hasattr(library, "saved_searches"):
        for saved in library.saved_searches():
            try:
                count: int | None = len(_matching(library, saved.query))
            except Exception:  # noqa: BLE001 - a saved query that no longer parses: no count
                count = None
            data.saved.append((saved.name, saved.query, count))
    return data


def ids_for_source(library: Library, source: Source) -> list[int]:
    """The article ids a sidebar source lists, newest first where order is not given."""
    if source.kind == "all":
        return library.article_ids("added")
    if source.kind == "recent":
        cutoff = (datetime.now(UTC) - timedelta(days=RECENT_DAYS)).strftime("%Y-%m-%dT%H:%M:%S")
        ids = library.article_ids("added")
        summaries = library.summaries(ids)
        return [i for i in ids if i in summaries and summaries[i].added_at >= cutoff]
    if source.kind == "annotated":
        return library.annotated_article_ids()
    if source.kind == "orphans":
        return library.annotated_article_ids(orphans_only=True)
    if source.kind == "trash":
        return library.trashed_ids()
    if source.kind == "collection" and source.collection_id is not None:
        return library.collection_article_ids(source.collection_id)
    if source.kind == "tag":
        return library.tagged_article_ids(source.value)
    if source.kind == "saved":
        return run_search(library, source.value).ids
    return []


@dataclass(frozen=True)
class SearchOutcome:
    """A search for the list: the best hits (ranked, with snippets), then every other match.

    ``ids`` holds all matching articles: the ranked ones first, the rest newest first.
    """

    results: SearchResults
    ids: list[int]


def run_search(library: Library, query: str) -> SearchOutcome:
    """Runs a query; raises ``QueryError`` for bad syntax."""
    results = library.search(query, limit=SEARCH_LIMIT)
    ranked = [hit.article_id for hit in results.hits]
    if results.total <= len(ranked) or not hasattr(library, "matching_ids"):
        return SearchOutcome(results, ranked)
    return SearchOutcome(
        results, ranked + _newest_first(library, library.matching_ids(query), ranked)
    )


def _newest_first(library: Library, ids: list[int], exclude: list[int]) -> list[int]:
    wanted = set(ids) - set(exclude)
    return [i for i in library.article_ids("added") if i in wanted]


def count_facets(library: Library, query: str) -> dict[str, list[tuple[str, int]]]:
    """Facet counts over everything the query matches (a second task: results come first)."""
    if not hasattr(library, "facets"):
        return {}
    return library.facets(query)


def _matching(library: Library, query: str) -> list[int]:
    if hasattr(library, "matching_ids"):
        return library.matching_ids(query)
    return [hit.article_id for hit in library.search(query, limit=SEARCH_LIMIT).hits]


def hits_in_article(library: Library, article_id: int, query: str) -> list[tuple[int, int]]:
    """Every place the query's words occur in the article (canonical spans)."""
    if not query.strip() or not hasattr(library, "hits_in_context"):
        return []
    return library.hits_in_context(article_id, query)
