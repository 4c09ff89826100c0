"""The import pipeline: discover → hash and dedupe → read and extract (workers) → store.

The parent process discovers the sources, hashes each file and skips those already in the
archive before any parsing (re-importing an unchanged folder costs one read per file).
Workers read and extract; the parent alone writes, one transaction per file, and yields one
outcome per page as it goes. Indexing is the caller's job (``Library`` drains the durable
index queue in batches), so a crash never leaves stored articles unindexed for good.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.containers import ImportSource, Limits, discover_sources
from reader.core.importing.pool import TaskFailed, WorkerPool, default_workers
from reader.core.importing.saving import save_source
from reader.core.importing.worker import SourceResult, WorkerTask, process_source
from reader.core.model import ImportOutcome, OutcomeStatus
from reader.core.progress import CancelToken, Progress, ProgressCallback
from reader.core.store import articles as article_rows
from reader.core.store.blobs import sha256_of_file
from reader.core.store.store import Store

# Files are hashed and deduplicated this many at a time before going to the workers.
CHUNK_SIZE = 64


@dataclass(frozen=True)
class ImportOptions:
    limits: Limits = field(default_factory=Limits)
    timeout_seconds: float = 120.0
    workers: int = field(default_factory=default_workers)
    recognize_entities: bool = True
    # Keep, as whole pages, those the extractor says are not articles (link lists, error
    # and redirect pages served as pages, robots files); files imported before with such
    # pages skipped are read again for them.
    keep_non_articles: bool = False


@dataclass
class _Counts:
    files_done: int = 0
    failures: int = 0


def _duplicate_outcomes(store: Store, source: ImportSource, sha256: str) -> list[ImportOutcome]:
    ids = article_rows.article_ids_of_original(store.connection(), sha256)
    if not ids:  # known file that held no article: still nothing new to do
        return [ImportOutcome(OutcomeStatus.DUPLICATE, source.display_name)]
    return [ImportOutcome(OutcomeStatus.DUPLICATE, source.display_name, article_id=i) for i in ids]


def _prepare(
    store: Store,
    sources: list[ImportSource],
    options: ImportOptions,
    seen: set[str],
    resumed: dict[Path, dict[str, int]],
) -> tuple[list[WorkerTask], list[list[ImportOutcome]]]:
    """Hashes a chunk of sources; returns the tasks to run and, per file, the outcomes
    known already (failed before reading, or duplicates). Known files read again to keep
    more of them are added to ``resumed`` with the parts they already have."""
    connection = store.connection()
    tasks: list[WorkerTask] = []
    known: list[list[ImportOutcome]] = []
    for source in sources:
        try:
            size = source.path.stat().st_size
            if size > options.limits.max_file_bytes:
                limit_mb = options.limits.max_file_bytes // (1024 * 1024)
                raise ValueError(
                    f"file too large ({size // (1024 * 1024)} MB; the limit is {limit_mb} MB)"
                )
            sha256 = sha256_of_file(source.path)
        except (OSError, ValueError) as error:
            # An OSError's strerror ("No such file or directory") reads better than its repr.
            message = getattr(error, "strerror", None) or str(error)
            known.append([ImportOutcome(OutcomeStatus.FAILED, source.display_name, error=message)])
            continue
        original = None if sha256 in seen else article_rows.find_original(connection, sha256)
        if sha256 in seen or (original is not None and not _keeps_more(original, options)):
            known.append(_duplicate_outcomes(store, source, sha256))
            continue
        seen.add(sha256)
        stored = (
            None
            if original is None
            else article_rows.stored_parts_of_original(connection, sha256)
        )
        tasks.append(
            WorkerTask(
                source,
                sha256,
                options.limits,
                options.recognize_entities,
                options.keep_non_articles,
                frozenset(stored or ()),
            )
        )
        if stored is not None:
            resumed[source.path] = stored
    return tasks, known


def _keeps_more(original: sqlite3.Row, options: ImportOptions) -> bool:
    """Whether importing a known file again would keep pages it did not keep before."""
    return options.keep_non_articles and int(original["skipped"]) > 0


def _store_result(
    store: Store,
    task: WorkerTask,
    result: SourceResult | TaskFailed,
    already_stored: dict[str, int] | None,
) -> list[ImportOutcome]:
    name = task.source.display_name
    if isinstance(result, TaskFailed):
        return [ImportOutcome(OutcomeStatus.FAILED, name, error=result.message)]
    if result.error is not None:
        return [ImportOutcome(OutcomeStatus.FAILED, name, error=result.error)]
    try:
        if result.skipped is not None:
            # Remembered as known, so that importing it again is reported as a duplicate.
            save_source(store, task.source, task.sha256, result)
            return [ImportOutcome(OutcomeStatus.SKIPPED, name, error=result.skipped)]
        return save_source(
            store, task.source, task.sha256, result, already_stored=already_stored
        )
    except OSError as error:
        return [ImportOutcome(OutcomeStatus.FAILED, name, error=f"cannot store this file: {error}")]


def run_import(
    store: Store,
    paths: Iterable[Path],
    *,
    options: ImportOptions | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    on_stored: Callable[[], None] | None = None,
) -> Iterator[ImportOutcome]:
    """Imports files and folders; yields one outcome per page (or per failed/duplicate file).

    ``on_stored`` is called after each stored file, so the caller can index in batches.
    Cancelling stops before the next file; everything already stored stays consistent.
    """
    options = options or ImportOptions()
    sources = list(discover_sources(list(paths), cancel))
    counts = _Counts()
    seen: set[str] = set()
    resumed: dict[Path, dict[str, int]] = {}

    def report(label: str) -> None:
        if progress is not None:
            progress(Progress(label, counts.files_done, len(sources), counts.failures))

    def account(outcomes: list[ImportOutcome], label: str) -> Iterator[ImportOutcome]:
        counts.files_done += 1
        counts.failures += sum(1 for item in outcomes if item.status is OutcomeStatus.FAILED)
        report(label)
        yield from outcomes

    report("Importing")
    with WorkerPool(
        process_source, workers=options.workers, timeout=options.timeout_seconds
    ) as pool:
        for start in range(0, len(sources), CHUNK_SIZE):
            if cancel is not None and cancel.cancelled:
                return
            chunk = sources[start : start + CHUNK_SIZE]
            tasks, known = _prepare(store, chunk, options, seen, resumed)
            for outcomes in known:
                yield from account(outcomes, outcomes[0].path)
            for task, result in pool.map_unordered(tasks, cancel):
                already = resumed.pop(task.source.path, None)
                outcomes = _store_result(store, task, result, already)
                if on_stored is not None:
                    on_stored()
                yield from account(outcomes, task.source.display_name)
