"""What a worker process does for a large crawl: scan it, then read and extract its pages.

Like ``worker.py``, these run in child processes, take and return picklable data and touch
no database; the crawl's index (``CrawlIndex``) is a temporary file the scan writes and the
page tasks read. ``run_task`` is the one function the import's worker pool runs: it sends
each kind of task to its handler.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.containers.crawl_index import CrawlIndex, CrawlPage
from reader.core.containers.crawl_read import read_crawl_page
from reader.core.containers.crawl_scan import CrawlScan, scan_crawl
from reader.core.containers.reading import one_line
from reader.core.containers.sources import Limits
from reader.core.errors import ImportRejected
from reader.core.importing.worker import (
    PageResult,
    SourceResult,
    WorkerTask,
    extract_one,
    process_source,
)
from reader.core.model import SavedPage


@dataclass(frozen=True)
class CrawlScanTask:
    path: Path
    index_path: Path
    limits: Limits


@dataclass(frozen=True)
class ScanResult:
    scan: CrawlScan | None
    error: str | None = None


@dataclass(frozen=True)
class CrawlPagesTask:
    path: Path
    index_path: Path
    source_format: str
    pages: tuple[CrawlPage, ...]
    limits: Limits
    recognize_entities: bool
    keep_non_articles: bool


ImportTask = WorkerTask | CrawlScanTask | CrawlPagesTask
TaskResult = SourceResult | ScanResult | tuple[PageResult, ...]


def scan(task: CrawlScanTask) -> ScanResult:
    try:
        return ScanResult(scan_crawl(task.path, task.index_path, task.limits))
    except ImportRejected as error:
        return ScanResult(None, one_line(str(error)))
    except Exception as error:  # noqa: BLE001 - a reader bug fails the file, not the import
        message = f"cannot read this crawl ({type(error).__name__}: {error})"
        return ScanResult(None, one_line(message))


def _failed_page(page: CrawlPage, source_format: str, message: str) -> PageResult:
    placeholder = SavedPage(
        content=b"", media_type="text/html", source_format=source_format, part=page.part,
        url=page.uri, captured_at=page.captured_at,
    )  # fmt: skip
    return PageResult(placeholder, error=one_line(message))


def extract_pages(task: CrawlPagesTask) -> tuple[PageResult, ...]:
    """Reads and extracts each page of the task; a page that fails is that page's outcome."""
    index = CrawlIndex.open(task.index_path)
    results: list[PageResult] = []
    try:
        with task.path.open("rb") as stream:
            for page in task.pages:
                try:
                    saved = read_crawl_page(stream, index, page, task.source_format, task.limits)
                except ImportRejected as error:
                    results.append(_failed_page(page, task.source_format, str(error)))
                    continue
                except Exception as error:  # noqa: BLE001 - never the other pages'
                    message = f"cannot read this page ({type(error).__name__}: {error})"
                    results.append(_failed_page(page, task.source_format, message))
                    continue
                results.append(extract_one(saved, task.recognize_entities, task.keep_non_articles))
    finally:
        index.close()
    return tuple(results)


def run_task(task: ImportTask) -> TaskResult:
    """The worker pool's function for every import task."""
    if isinstance(task, CrawlScanTask):
        return scan(task)
    if isinstance(task, CrawlPagesTask):
        return extract_pages(task)
    return process_source(task)
