"""The import pipeline: discover → hash and dedupe → read and extract (workers) → store.

The parent process discovers the sources, hashes each file and skips those already in the
archive before any parsing (re-importing an unchanged folder costs one read per file).
Workers read and extract; the parent alone writes, one transaction per file, and yields one
outcome per page as it goes. Indexing is the caller's job (``Library`` drains the durable
index queue in batches), so a crash never leaves stored articles unindexed for good.

Large crawls (WARC, ARC, WACZ over ``Limits.stream_crawls_over``) are imported page by page
instead (``crawls.py``), with the same workers. A known file is imported again only to keep
more of it: an unfinished crawl carries on, and ``keep_non_articles`` adds skipped pages.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.containers import ImportSource, discover_sources
from reader.core.containers.context import format_size
from reader.core.containers.crawl_scan import is_crawl_name
from reader.core.importing.crawl_tasks import ImportTask, TaskResult, run_task
from reader.core.importing.crawls import CrawlJob, import_crawl, scan_timeout
from reader.core.importing.options import ImportOptions
from reader.core.importing.pool import TaskFailed, WorkerPool
from reader.core.importing.saving import save_source
from reader.core.importing.worker import SourceResult, WorkerTask
from reader.core.model import ImportOutcome, OutcomeStatus
from reader.core.progress import CancelToken, Progress, ProgressCallback
from reader.core.store import articles as article_rows
from reader.core.store.blobs import sha256_of_file
from reader.core.store.store import Store

__all__ = ["ImportOptions", "run_import"]

# Files are hashed and deduplicated a chunk at a time before going to the workers. The
# workers idle while the last tasks of a chunk finish and the next is hashed, so chunks
# grow: the first starts the workers within milliseconds, the later ones idle them rarely.
FIRST_CHUNK = 32
LARGEST_CHUNK = 512


def chunk_bounds(total: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each chunk of ``total`` sources, doubling up to ``LARGEST_CHUNK``."""
    start, size = 0, FIRST_CHUNK
    while start < total:
        yield start, min(total, start + size)
        start, size = start + size, min(LARGEST_CHUNK, size * 2)


@dataclass
class _Counts:
    files_done: int = 0
    failures: int = 0


def _duplicate_outcomes(store: Store, source: ImportSource, sha256: str) -> list[ImportOutcome]:
    ids = article_rows.article_ids_of_original(store.connection(), sha256)
    if not ids:  # known file that held no article: still nothing new to do
        return [ImportOutcome(OutcomeStatus.DUPLICATE, source.display_name)]
    return [ImportOutcome(OutcomeStatus.DUPLICATE, source.display_name, article_id=i) for i in ids]


@dataclass
class _Plan:
    """What to do with one chunk of sources."""

    tasks: list[WorkerTask] = field(default_factory=list)
    known: list[list[ImportOutcome]] = field(default_factory=list)  # per file, settled already
    crawls: list[CrawlJob] = field(default_factory=list)
    # Known files read again to keep more of them: the parts they already have.
    resumed: dict[Path, dict[str, int]] = field(default_factory=dict)


def _size_problem(source: ImportSource, size: int, options: ImportOptions) -> str | None:
    limits = options.limits
    large_crawl = _is_large_crawl(source, size, options)
    limit = limits.max_crawl_bytes if large_crawl else limits.max_file_bytes
    if size > limit:
        return f"file too large ({format_size(size)}; the limit is {format_size(limit)})"
    return None


def _is_large_crawl(source: ImportSource, size: int, options: ImportOptions) -> bool:
    return is_crawl_name(source.path.name) and size > options.limits.stream_crawls_over


def _plan(
    store: Store, sources: list[ImportSource], options: ImportOptions, seen: set[str]
) -> _Plan:
    """Hashes a chunk of sources and decides, per file: a duplicate or a failure known
    already, a task for the workers, or a crawl to import page by page."""
    connection = store.connection()
    plan = _Plan()
    for source in sources:
        try:
            size = source.path.stat().st_size
            problem = _size_problem(source, size, options)
            if problem:
                raise ValueError(problem)
            sha256 = sha256_of_file(source.path)
        except (OSError, ValueError) as error:
            # An OSError's strerror ("No such file or directory") reads better than its repr.
            message = getattr(error, "strerror", None) or str(error)
            plan.known.append(
                [ImportOutcome(OutcomeStatus.FAILED, source.display_name, error=message)]
            )
            continue
        original = None if sha256 in seen else article_rows.find_original(connection, sha256)
        if sha256 in seen or (original is not None and not _keeps_more(original, options)):
            plan.known.append(_duplicate_outcomes(store, source, sha256))
            continue
        seen.add(sha256)
        stored = (
            None if original is None else article_rows.stored_parts_of_original(connection, sha256)
        )
        if _is_large_crawl(source, size, options):
            plan.crawls.append(CrawlJob(source, sha256, size, stored))
            continue
        plan.tasks.append(
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
            plan.resumed[source.path] = stored
    return plan


def _keeps_more(original: sqlite3.Row, options: ImportOptions) -> bool:
    """Whether importing a known file again would keep pages it did not keep before: the
    rest of an unfinished crawl, or, with ``keep_non_articles``, the pages it skipped."""
    unfinished = not original["complete"]
    return unfinished or (options.keep_non_articles and int(original["skipped"]) > 0)


def _store_result(
    store: Store,
    task: WorkerTask,
    result: TaskResult | TaskFailed,
    already_stored: dict[str, int] | None,
) -> list[ImportOutcome]:
    name = task.source.display_name
    if isinstance(result, TaskFailed):
        return [ImportOutcome(OutcomeStatus.FAILED, name, error=result.message)]
    if not isinstance(result, SourceResult):
        message = "the worker's answer is unreadable"
        return [ImportOutcome(OutcomeStatus.FAILED, name, error=message)]
    if result.error is not None:
        return [ImportOutcome(OutcomeStatus.FAILED, name, error=result.error)]
    try:
        if result.skipped is not None:
            # Remembered as known, so that importing it again is reported as a duplicate.
            save_source(store, task.source, task.sha256, result)
            return [ImportOutcome(OutcomeStatus.SKIPPED, name, error=result.skipped)]
        return save_source(store, task.source, task.sha256, result, already_stored=already_stored)
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

    def report(label: str) -> None:
        if progress is not None:
            progress(Progress(label, counts.files_done, len(sources), counts.failures))

    def account(outcomes: list[ImportOutcome], label: str) -> Iterator[ImportOutcome]:
        counts.files_done += 1
        counts.failures += sum(1 for item in outcomes if item.status is OutcomeStatus.FAILED)
        report(label)
        yield from outcomes

    report("Importing")
    pool: WorkerPool[ImportTask, TaskResult]
    with WorkerPool(
        run_task,
        workers=options.workers,
        timeout=options.timeout_seconds,
        timeout_for=lambda task: scan_timeout(task, options.timeout_seconds),
        entity_model=options.recognize_entities,
    ) as pool:
        for start, end in chunk_bounds(len(sources)):
            if cancel is not None and cancel.cancelled:
                return
            plan = _plan(store, sources[start:end], options, seen)
            for outcomes in plan.known:
                yield from account(outcomes, outcomes[0].path)
            for task, result in pool.map_unordered(plan.tasks, cancel):
                assert isinstance(task, WorkerTask)
                already = plan.resumed.get(task.source.path)
                outcomes = _store_result(store, task, result, already)
                if on_stored is not None:
                    on_stored()
                yield from account(outcomes, task.source.display_name)
            for job in plan.crawls:
                if cancel is not None and cancel.cancelled:
                    return
                crawl_outcomes = import_crawl(
                    store, pool, job, options, progress=progress, cancel=cancel,
                    on_stored=on_stored,
                )  # fmt: skip
                for outcome in crawl_outcomes:
                    counts.failures += outcome.status is OutcomeStatus.FAILED
                    yield outcome
                counts.files_done += 1
                report(job.source.display_name)
