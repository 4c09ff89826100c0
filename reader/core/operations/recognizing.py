"""Running entity recognition again on stored articles, after the recognizer changed.

Each article stores the ``RECOGNIZER_VERSION`` its mentions were found with
(``articles.entities_version``). When the model, the rules or the lists change, the version
changes and the stored mentions are outdated; ``outdated_article_ids`` finds them and
``recognize_stored`` recognises them again from the stored text (no extraction: the text, its
blocks and credits are already in the store, so annotations are untouched).

Guarantees:

* Mentions are stored as recognised, before the user's corrections, exactly as an import
  stores them: corrections are applied when mentions are read, so every correction (renames,
  merges, rejections, watch-list names) holds for the new mentions too.
* Articles go through the pipeline in batches; each batch is written in one transaction and
  queued for indexing, so a cancelled or interrupted run keeps what it finished and the next
  run carries on with what is still outdated.
* An article whose text changed while its batch was being recognised (a concurrent
  re-extraction) is left alone and reported, never given spans that point into another text.

Callers must sync the index afterwards (the facade does); this module never touches Whoosh.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from reader.core.entities import (
    RECOGNIZER_VERSION,
    EntityModelMissing,
    Recognizer,
    get_recognizer,
)
from reader.core.errors import ArticleNotFound
from reader.core.importing.pool import TaskFailed, WorkerPool
from reader.core.model import Article, EntitySpan, ExtractedArticle
from reader.core.progress import CancelToken, Progress, ProgressCallback
from reader.core.store import articles as article_rows
from reader.core.store import entities as mention_rows
from reader.core.store.index_queue import queue_for_indexing
from reader.core.store.store import Store

BATCH_SIZE = 32  # articles per pipeline batch and per transaction
# A batch's time limit in a worker process; 32 articles take a few seconds.
BATCH_TIMEOUT_SECONDS = 600.0


@dataclass(frozen=True)
class RecognizeOutcome:
    """What happened to one article: its new mention count, or why it was skipped."""

    article_id: int
    mentions: int = 0
    previous_version: str | None = None
    version: str | None = None  # stored with the new mentions; None when skipped
    error: str | None = None


def outdated_article_ids(connection: sqlite3.Connection, version: str | None = None) -> list[int]:
    """Articles whose mentions were not found by ``version`` (default: the recognizer's
    current one) or were never recognised, by id."""
    rows = connection.execute(
        "SELECT id FROM articles WHERE entities_version IS NULL OR entities_version != ?"
        " ORDER BY id",
        (version or RECOGNIZER_VERSION,),
    )
    return [int(row[0]) for row in rows]


def stored_article_ids(connection: sqlite3.Connection) -> list[int]:
    """Every stored article (older captures and trashed ones too), by id."""
    return [int(row[0]) for row in connection.execute("SELECT id FROM articles ORDER BY id")]


def _stored_versions(connection: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str | None]:
    marks = ",".join("?" * len(ids))
    rows = connection.execute(
        f"SELECT id, entities_version FROM articles WHERE id IN ({marks})", tuple(ids)
    )
    return {int(row[0]): row[1] for row in rows}


def _current_hash(connection: sqlite3.Connection, article_id: int) -> str | None:
    row = connection.execute(
        "SELECT text_sha256 FROM article_texts WHERE article_id = ?", (article_id,)
    ).fetchone()
    return None if row is None else str(row[0])


@dataclass(frozen=True)
class RecognizeTask:
    """One batch for a worker process: the articles' extracted texts, by article id."""

    number: int  # the batch's place in the run
    articles: tuple[tuple[int, ExtractedArticle], ...]


@dataclass(frozen=True)
class ModelMissing:
    """A worker's answer when no spaCy pipeline can be loaded there."""

    message: str


def recognize_task(task: RecognizeTask) -> tuple[tuple[EntitySpan, ...], ...] | ModelMissing:
    """Runs in a worker process: the spans of each article of the batch, in order."""
    try:
        found = get_recognizer().recognize_articles([article for _, article in task.articles])
        return tuple(tuple(spans) for spans in found)
    except EntityModelMissing as error:
        return ModelMissing(str(error))


@dataclass
class _LoadedBatch:
    ids: Sequence[int]
    articles: list[Article]
    previous: dict[int, str | None]
    outcomes: dict[int, RecognizeOutcome]  # articles that could not be loaded

    def task(self, number: int) -> RecognizeTask:
        return RecognizeTask(
            number, tuple((article.id, article.extracted) for article in self.articles)
        )


def _load_batch(store: Store, ids: Sequence[int]) -> _LoadedBatch:
    connection = store.connection()
    batch = _LoadedBatch(ids, [], _stored_versions(connection, ids), {})
    for article_id in ids:
        try:
            batch.articles.append(article_rows.load_article(connection, article_id))
        except ArticleNotFound:
            batch.outcomes[article_id] = RecognizeOutcome(article_id, error="no such article")
    return batch


def _store_batch(
    store: Store,
    batch: _LoadedBatch,
    found: Sequence[Sequence[EntitySpan]] | TaskFailed,
    version: str,
) -> list[RecognizeOutcome]:
    outcomes = batch.outcomes
    if isinstance(found, TaskFailed):
        for article in batch.articles:
            outcomes[article.id] = RecognizeOutcome(
                article.id, 0, batch.previous.get(article.id), error=found.message
            )
        return [outcomes[article_id] for article_id in batch.ids]
    with store.transaction() as writer:
        written: list[int] = []
        for article, spans in zip(batch.articles, found, strict=True):
            before = batch.previous.get(article.id)
            if _current_hash(writer, article.id) != article.text_sha256:
                outcomes[article.id] = RecognizeOutcome(
                    article.id, 0, before, error="the text changed meanwhile; run again"
                )
                continue
            mention_rows.replace_mentions(writer, article.id, spans, version)
            outcomes[article.id] = RecognizeOutcome(article.id, len(spans), before, version)
            written.append(article.id)
        queue_for_indexing(writer, written)
    return [outcomes[article_id] for article_id in batch.ids]


def _batched_results(
    store: Store,
    article_ids: Sequence[int],
    recognizer: Recognizer | None,
    batch_size: int,
    workers: int,
    cancel: CancelToken | None,
) -> Iterator[tuple[_LoadedBatch, Sequence[Sequence[EntitySpan]] | TaskFailed]]:
    """Each batch with its spans, recognised here or in worker processes."""
    iterator = iter(article_ids)
    id_batches = iter(lambda: list(islice(iterator, batch_size)), [])
    if recognizer is not None or workers <= 1:
        chosen = recognizer or get_recognizer()
        for ids in id_batches:
            if cancel is not None and cancel.cancelled:
                return
            batch = _load_batch(store, ids)
            yield batch, list(chosen.recognize_articles(a.extracted for a in batch.articles))
        return
    in_flight: dict[int, _LoadedBatch] = {}

    def tasks() -> Iterator[RecognizeTask]:
        for number, ids in enumerate(id_batches):
            batch = in_flight[number] = _load_batch(store, ids)
            yield batch.task(number)

    with WorkerPool(
        recognize_task, workers=workers, timeout=BATCH_TIMEOUT_SECONDS, entity_model=True
    ) as pool:
        for task, result in pool.map_unordered(tasks(), cancel):
            if isinstance(result, ModelMissing):
                # Every worker loads the same way: stop before storing anything.
                raise EntityModelMissing(result.message)
            yield in_flight.pop(task.number), result


def recognize_stored(
    store: Store,
    article_ids: Sequence[int],
    *,
    recognizer: Recognizer | None = None,
    version: str | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int = 1,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Iterator[RecognizeOutcome]:
    """Recognises the entities of stored articles again and stores the new mentions.

    Args:
        store: The archive's store (writable).
        article_ids: The articles to process; batches come back in the order they finish.
        recognizer: Run in this process with this recognizer; default: the process-wide
            one (``get_recognizer``), in ``workers`` processes when more than one.
        version: Stored with the new mentions; default: the recognizer's current version.
        batch_size: Articles per pipeline batch and per transaction.
        workers: Worker processes recognising batches while this process stores them.
        progress: Called after each batch.
        cancel: Checked between batches; finished batches stay written.

    Yields:
        One outcome per article, batch by batch.

    Raises:
        EntityModelMissing: No spaCy pipeline can be loaded (nothing is changed).
    """
    done = failed = 0
    chosen_version = version or RECOGNIZER_VERSION
    for batch, found in _batched_results(
        store, article_ids, recognizer, batch_size, workers, cancel
    ):
        outcomes = _store_batch(store, batch, found, chosen_version)
        done += len(outcomes)
        failed += sum(outcome.error is not None for outcome in outcomes)
        yield from outcomes
        if progress is not None:
            progress(Progress("Recognising entities", done, len(article_ids), failed))
