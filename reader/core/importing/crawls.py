"""Importing one large crawl page by page (the parent's side).

A WARC, ARC or WACZ file above ``Limits.stream_crawls_over`` is not read whole by one worker:
a worker scans it into a temporary index (``CrawlScanTask``), then the pages are read and
extracted a few at a time by all workers (``CrawlPagesTask``) while this process stores each
batch in its own transaction. Memory stays flat whatever the crawl's size, and both cores
work on it.

Guarantees:

* The original is kept and recorded, incomplete, before the first page is stored, and marked
  complete after the last. A cancelled or killed import leaves the stored pages (each batch is
  atomic) and an incomplete original; importing the file again carries on with the pages
  still missing (``CrawlJob.already_stored``). So does a crawl some of whose pages were
  lost with their task (time limit, worker crash): importing it again retries them.
* A crawl damaged part-way (a truncated or corrupt record) keeps the pages before the damage;
  the damage is reported as the file's failure.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from reader.core.containers import ImportSource
from reader.core.containers.crawl_index import CrawlIndex, CrawlPage
from reader.core.containers.crawl_scan import CrawlScan
from reader.core.importing.crawl_tasks import (
    CrawlPagesTask,
    CrawlScanTask,
    ImportTask,
    ScanResult,
    TaskResult,
)
from reader.core.importing.options import ImportOptions
from reader.core.importing.pool import TaskFailed, WorkerPool
from reader.core.importing.saving import begin_crawl, finish_crawl, save_crawl_pages
from reader.core.importing.worker import PageResult
from reader.core.importing.workspace import work_folder
from reader.core.model import ImportOutcome, OutcomeStatus, SavedPage
from reader.core.progress import CancelToken, Progress, ProgressCallback
from reader.core.store.store import Store

PAGES_PER_TASK = 4
# The scan reads the whole file once; a time limit per byte keeps a stuck scan from hanging
# the import without cutting off a real crawl on a slow disk.
SCAN_SECONDS_PER_MEGABYTE = 1.0


@dataclass(frozen=True)
class CrawlJob:
    source: ImportSource
    sha256: str
    size: int
    # part -> article id of the pages stored by an earlier, unfinished or partial import;
    # None for a crawl new to the archive.
    already_stored: dict[str, int] | None


def scan_timeout(task: ImportTask, default: float) -> float:
    """A task's time limit: the default, or for a scan, time in proportion to the file."""
    if isinstance(task, CrawlScanTask):
        megabytes = task.path.stat().st_size / (1024 * 1024)
        return max(default, megabytes * SCAN_SECONDS_PER_MEGABYTE)
    return default


def _failure(job: CrawlJob, message: str) -> ImportOutcome:
    return ImportOutcome(OutcomeStatus.FAILED, job.source.display_name, error=message)


def _no_pages(scan: CrawlScan) -> str:
    found = ", ".join(f"{count} {kind}" for kind, count in scan.record_types.items())
    left_out = "".join(f"; {count} {why}" for why, count in scan.skipped.items())
    return f"no HTML page in this crawl ({found or 'no records'}{left_out})"


def _page_batches(
    index: CrawlIndex, already: dict[str, int], job: CrawlJob
) -> Iterator[tuple[list[CrawlPage], list[ImportOutcome]]]:
    """Batches of pages to extract, each with the outcomes of stored pages skipped before it."""
    pages = index.iter_pages()
    while batch := list(islice(pages, PAGES_PER_TASK)):
        stored = [
            ImportOutcome(
                OutcomeStatus.DUPLICATE,
                job.source.display_name,
                article_id=already[page.part],
                part=page.part,
            )
            for page in batch
            if page.part in already
        ]
        yield [page for page in batch if page.part not in already], stored


def _failed_task(task: CrawlPagesTask, message: str) -> tuple[PageResult, ...]:
    return tuple(
        PageResult(
            SavedPage(b"", "text/html", task.source_format, part=page.part, url=page.uri),
            error=message,
        )
        for page in task.pages
    )


def import_crawl(
    store: Store,
    pool: WorkerPool[ImportTask, TaskResult],
    job: CrawlJob,
    settings: ImportOptions,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    on_stored: Callable[[], None] | None = None,
) -> Iterator[ImportOutcome]:
    """Imports one crawl; yields one outcome per page (and the file's failure, if any)."""
    folder = work_folder(store.root)
    folder.mkdir(exist_ok=True)
    index_path = folder / f"{job.sha256}.sqlite3"
    name = job.source.display_name
    try:
        scan_task = CrawlScanTask(job.source.path, index_path, settings.limits)
        if progress is not None:
            progress(Progress(f"{name}: reading the crawl", 0, 0))
        _, scanned = next(iter(pool.map_unordered([scan_task], cancel)), (None, None))
        if scanned is None:  # cancelled
            return
        if isinstance(scanned, TaskFailed):
            yield _failure(job, scanned.message)
            return
        assert isinstance(scanned, ScanResult)
        if scanned.scan is None:
            yield _failure(job, scanned.error or "unreadable crawl")
            return
        scan = scanned.scan
        known = job.already_stored is not None
        begin_crawl(store, job.source, job.sha256, scan.source_format, known=known)
        unfinished = yield from _import_pages(
            store, pool, job, settings, index_path, scan.source_format, scan.pages,
            progress=progress, cancel=cancel, on_stored=on_stored,
        )  # fmt: skip
        if cancel is not None and cancel.cancelled:
            return
        if not unfinished:
            # Pages whose task overran its time limit or lost its worker may read fine
            # another time: the crawl stays incomplete, so importing it again retries them.
            finish_crawl(store, job.sha256)
        if not scan.pages and not scan.damage:
            yield ImportOutcome(OutcomeStatus.SKIPPED, name, error=_no_pages(scan))
        if scan.damage:
            yield _failure(job, f"{scan.damage} (the pages before it were imported)")
    finally:
        index_path.unlink(missing_ok=True)


def _import_pages(
    store: Store,
    pool: WorkerPool[ImportTask, TaskResult],
    job: CrawlJob,
    settings: ImportOptions,
    index_path: Path,
    source_format: str,
    total: int,
    *,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    on_stored: Callable[[], None] | None,
) -> Generator[ImportOutcome, None, int]:
    """Yields every page's outcome; returns how many pages were lost with their task (time
    limit, worker crash) rather than failed by their content."""
    already = job.already_stored or {}
    index = CrawlIndex.open(index_path)
    done = failures = unfinished = 0
    # Outcomes of already stored pages, yielded as their batch goes by.
    stored_before: list[ImportOutcome] = []

    def tasks() -> Iterator[CrawlPagesTask]:
        for pages, stored in _page_batches(index, already, job):
            stored_before.extend(stored)
            if pages:
                yield CrawlPagesTask(
                    job.source.path, index_path, source_format, tuple(pages),
                    settings.limits,
                    settings.recognize_entities, settings.keep_non_articles,
                )  # fmt: skip

    try:
        for task, result in pool.map_unordered(tasks(), cancel):
            assert isinstance(task, CrawlPagesTask)
            if isinstance(result, tuple):
                results: tuple[PageResult, ...] = result
            else:
                message = result.message if isinstance(result, TaskFailed) else "no result"
                results = _failed_task(task, message)
                unfinished += len(results)
            outcomes = stored_before + save_crawl_pages(store, job.source, job.sha256, results)
            stored_before.clear()
            if on_stored is not None:
                on_stored()
            done += len(outcomes)
            failures += sum(outcome.status is OutcomeStatus.FAILED for outcome in outcomes)
            if progress is not None:
                progress(Progress(f"{job.source.display_name}: {done:,} of {total:,} pages",
                                  done, total, failures))  # fmt: skip
            yield from outcomes
        if not (cancel is not None and cancel.cancelled):
            yield from stored_before  # already stored pages after the last extracted one
    finally:
        index.close()
    return unfinished
