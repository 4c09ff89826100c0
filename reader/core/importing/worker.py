"""What a worker process does with one source file: read its pages and extract them.

Runs in a child process (``reader.core.importing.pool``): takes and returns picklable data,
touches no database. Every failure is returned as data, one page or one file at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.core.containers import ImportSource, Limits, read_pages
from reader.core.errors import ImportRejected, NotAnArticle
from reader.core.extract.pipeline import EXTRACTOR_VERSION, extract_page
from reader.core.extract.whole_page import extract_whole_page
from reader.core.model import EntitySpan, ExtractedArticle, SavedPage


@dataclass(frozen=True)
class WorkerTask:
    source: ImportSource
    sha256: str
    limits: Limits
    recognize_entities: bool = False
    keep_non_articles: bool = False  # pages the extractor calls no article are kept whole
    # Parts of this file already in the archive (a file imported again to keep more of it):
    # they are not extracted again.
    stored_parts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PageResult:
    """One page: extracted, skipped as not an article, or failed (with a reason)."""

    page: SavedPage  # its ``content`` is emptied: the original is kept from the file itself
    article: ExtractedArticle | None = None
    entities: tuple[EntitySpan, ...] | None = None
    skipped: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class SourceResult:
    source_format: str | None
    pages: tuple[PageResult, ...] = ()
    error: str | None = None
    skipped: str | None = None  # a readable file that holds no page (e.g. only requests)
    notes: tuple[str, ...] = field(default_factory=tuple)


def _recognize(article: ExtractedArticle) -> tuple[EntitySpan, ...] | None:
    """The article's entities as recognised (corrections are applied when read), or None
    when no model can be loaded: the article is stored anyway, without entities."""
    from reader.core.entities import EntityModelMissing, get_recognizer

    try:
        return tuple(get_recognizer().recognize_article(article))
    except EntityModelMissing:
        return None


def _extract(page: SavedPage, keep_non_articles: bool) -> ExtractedArticle:
    try:
        return extract_page(page)
    except NotAnArticle:
        if not keep_non_articles:
            raise
    try:
        return extract_whole_page(page, EXTRACTOR_VERSION)
    except ImportRejected:
        raise
    except Exception as error:  # noqa: BLE001 - one page's failure, never the batch's
        raise ImportRejected(f"cannot keep the page whole ({type(error).__name__})") from None


def extract_one(
    page: SavedPage, recognize_entities: bool, keep_non_articles: bool = False
) -> PageResult:
    light_page = replace(page, content=b"")
    try:
        article = _extract(page, keep_non_articles)
    except NotAnArticle as reason:
        return PageResult(light_page, skipped=str(reason) or "not an article")
    except ImportRejected as error:
        return PageResult(light_page, error=str(error))
    entities = _recognize(article) if recognize_entities else None
    return PageResult(light_page, article=article, entities=entities)


def process_source(task: WorkerTask) -> SourceResult:
    """Reads every page of one source file and extracts each; never raises."""
    try:
        pages = read_pages(task.source, task.limits)
    except NotAnArticle as reason:
        return SourceResult(None, skipped=str(reason) or "no page in this file")
    except ImportRejected as error:
        return SourceResult(None, error=str(error))
    except Exception as error:  # noqa: BLE001 - a reader bug must not stop the batch
        return SourceResult(None, error=f"cannot read this file ({type(error).__name__}: {error})")
    if not pages:
        return SourceResult(None, error="no page found in this file")
    results = tuple(
        extract_one(page, task.recognize_entities, task.keep_non_articles)
        for page in pages
        if page.part not in task.stored_parts
    )
    return SourceResult(pages[0].source_format, results)
