"""Running extraction again on stored originals, keeping annotations anchored.

Used when the extractor improves (``EXTRACTOR_VERSION``) or the user asks. The original is
read back from ``originals/`` through the same worker processes as an import (time limit,
crash isolation). When the text changes, every annotation is re-anchored; an annotation that
cannot be placed becomes an orphan, kept and listed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from reader.core.containers import ImportSource, Limits
from reader.core.entities import RECOGNIZER_VERSION
from reader.core.importing.pool import TaskFailed, WorkerPool
from reader.core.importing.worker import SourceResult, WorkerTask, process_source
from reader.core.operations.annotating import reanchor_article
from reader.core.progress import CancelToken, Progress, ProgressCallback
from reader.core.store import articles as article_rows
from reader.core.store import entities as entity_rows
from reader.core.store.index_queue import queue_for_indexing
from reader.core.store.store import Store


@dataclass(frozen=True)
class ReextractOutcome:
    article_id: int
    text_changed: bool = False
    annotations: dict[str, int] = field(default_factory=dict)  # anchor status -> count
    error: str | None = None


def _tasks(store: Store, article_ids: Sequence[int]) -> dict[str, tuple[WorkerTask, list[int]]]:
    """One task per original file, with the articles that came from it."""
    by_original: dict[str, tuple[WorkerTask, list[int]]] = {}
    for article_id in article_ids:
        provenance = article_rows.load_article(store.connection(), article_id).provenance
        sha256 = provenance.original_sha256
        if sha256 not in by_original:
            source = ImportSource(store.blobs.path_of(sha256), None, provenance.file_name)
            by_original[sha256] = (WorkerTask(source, sha256, Limits(), True), [])
        by_original[sha256][1].append(article_id)
    return by_original


def _apply(store: Store, article_id: int, result: SourceResult | TaskFailed) -> ReextractOutcome:
    if isinstance(result, TaskFailed) or result.error is not None:
        message = result.message if isinstance(result, TaskFailed) else result.error
        return ReextractOutcome(article_id, error=message)
    part = article_rows.load_article(store.connection(), article_id).provenance.part
    page = next((p for p in result.pages if p.page.part == part), None)
    if page is None or page.article is None:
        reason = (
            "the page is no longer found in its original"
            if page is None
            else (page.error or page.skipped or "no article text found")
        )
        return ReextractOutcome(article_id, error=reason)
    with store.transaction() as connection:
        changed = article_rows.update_extraction(connection, article_id, page.article)
        if page.entities is not None:
            entity_rows.replace_mentions(connection, article_id, page.entities, RECOGNIZER_VERSION)
        counts = reanchor_article(connection, article_id, page.article.text) if changed else {}
        queue_for_indexing(connection, [article_id])
    return ReextractOutcome(article_id, changed, counts)


def reextract(
    store: Store,
    article_ids: Sequence[int],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    timeout: float = 120.0,
) -> Iterator[ReextractOutcome]:
    """Re-extracts the given articles; yields one outcome per article."""
    grouped = _tasks(store, article_ids)
    tasks = {id(task): ids for task, ids in grouped.values()}
    done = 0
    with WorkerPool(process_source, workers=2, timeout=timeout, entity_model=True) as pool:
        for task, result in pool.map_unordered([task for task, _ in grouped.values()], cancel):
            for article_id in tasks[id(task)]:
                done += 1
                yield _apply(store, article_id, result)
                if progress is not None:
                    progress(Progress("Re-extracting", done, len(article_ids)))
