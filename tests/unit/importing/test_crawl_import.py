"""Large crawls imported page by page: every page once, cancel and carry on, damage reported.

The tests lower ``Limits.stream_crawls_over`` to 0 so that small crawls take the page-by-page
route that real crawls of gigabytes take.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.core.containers.sources import Limits
from reader.core.importing import pipeline
from reader.core.importing.crawl_tasks import CrawlPagesTask
from reader.core.importing.options import ImportOptions
from reader.core.importing.pool import TaskFailed
from reader.core.library import Library
from reader.core.model import OutcomeStatus
from reader.core.progress import CancelToken, Progress
from tests.unit.importing.crawl_fixtures import article_html, link_list_html, write_warc

PAGES = 12
STREAMED = ImportOptions(limits=Limits(stream_crawls_over=0), recognize_entities=False)


def crawl(tmp_path: Path, pages: int = PAGES) -> Path:
    return write_warc(
        tmp_path / "crawl.warc.gz",
        [(f"https://port.example/day-{n}", article_html(n)) for n in range(pages)]
        + [("https://port.example/", link_list_html())],
    )


def original_row(library: Library) -> tuple[int, int, int]:
    row = (
        library._store.connection()
        .execute("SELECT pages, skipped, complete FROM originals")
        .fetchone()
    )
    return int(row[0]), int(row[1]), int(row[2])


def test_every_page_is_imported_once_and_the_original_is_complete(tmp_path: Path) -> None:
    path = crawl(tmp_path)
    reports: list[Progress] = []
    with Library.open(tmp_path / "archive") as library:
        report = library.import_paths([path], options=STREAMED, progress=reports.append)
        assert len(report.imported) == PAGES
        assert [o.part for o in report.skipped] == ["https://port.example/"]
        assert library.count() == PAGES
        assert original_row(library) == (PAGES, 1, 1)
        assert library.search('"saffron berth"').total == 1
        assert any(r.label.endswith(f"{PAGES + 1} of {PAGES + 1} pages") for r in reports)
        article = library.article(report.imported[0].article_id)
        assert article.provenance.part.startswith("https://port.example/day-")
        assert library.original(article.id)[1] == path.read_bytes()
        assert library.check().consistent
        again = library.import_paths([path], options=STREAMED)
        assert {o.status for o in again.outcomes} == {OutcomeStatus.DUPLICATE}


def test_a_cancelled_crawl_carries_on_where_it_stopped(tmp_path: Path) -> None:
    path = crawl(tmp_path)
    cancel = CancelToken()

    def stop_after_some_pages(progress: Progress) -> None:
        if progress.label.endswith("pages") and progress.value >= 5:
            cancel.cancel()

    with Library.open(tmp_path / "archive") as library:
        first = library.import_paths(
            [path], options=STREAMED, progress=stop_after_some_pages, cancel=cancel
        )
        stored = {o.article_id for o in first.imported}
        assert 0 < len(stored) < PAGES
        assert original_row(library)[2] == 0  # incomplete
        assert library.check(verify_hashes=False).consistent

        rest = library.import_paths([path], options=STREAMED)
        assert {o.article_id for o in rest.duplicates} == stored
        assert len(rest.imported) == PAGES - len(stored)
        assert library.count() == PAGES
        assert original_row(library) == (PAGES, 1, 1)
        titles = [library.article(i).title for i in library.article_ids()]
        assert len(set(titles)) == PAGES


def test_a_damaged_crawl_keeps_its_readable_pages_and_says_what_was_lost(
    tmp_path: Path,
) -> None:
    data = crawl(tmp_path).read_bytes()
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(data[: len(data) - 300])  # the link list's record loses its end
    with Library.open(tmp_path / "archive") as library:
        report = library.import_paths([damaged], options=STREAMED)
        assert len(report.imported) == PAGES
        assert len(report.failed) == 1
        assert "truncated or corrupt" in (report.failed[0].error or "")
        assert original_row(library)[2] == 1  # done: importing it again would find the same


def test_the_file_size_limit_bounds_a_crawls_pages_not_the_crawl(tmp_path: Path) -> None:
    path = crawl(tmp_path)
    largest_page = max(len(article_html(n)) for n in range(PAGES))
    assert path.stat().st_size > largest_page
    limits = Limits(stream_crawls_over=0, max_file_bytes=largest_page)
    with Library.open(tmp_path / "archive") as library:
        options = ImportOptions(limits=limits, recognize_entities=False)
        assert len(library.import_paths([path], options=options).imported) == PAGES
        # A page over the limit is left out, and a crawl with no page left says why.
        small = Limits(stream_crawls_over=0, max_file_bytes=largest_page // 4)
        (tmp_path / "other").mkdir()
        other = crawl(tmp_path / "other", pages=2)
        report = library.import_paths(
            [other], options=ImportOptions(limits=small, recognize_entities=False)
        )
        assert [o.status for o in report.outcomes] == [OutcomeStatus.SKIPPED]
        assert "over the size limit" in (report.outcomes[0].error or "")


def test_check_lists_a_crawl_imported_part_way(tmp_path: Path) -> None:
    path = crawl(tmp_path)
    cancel = CancelToken()

    def stop(progress: Progress) -> None:
        if progress.label.endswith("pages") and progress.value:
            cancel.cancel()

    with Library.open(tmp_path / "archive") as library:
        library.import_paths([path], options=STREAMED, progress=stop, cancel=cancel)
        report = library.check(verify_hashes=False)
        assert report.unfinished_imports == ["crawl.warc.gz"]
        assert report.consistent  # nothing is damaged; the rest is simply not imported yet
        library.import_paths([path], options=STREAMED)
        assert library.check(verify_hashes=False).unfinished_imports == []


def test_keeping_a_crawls_skipped_pages_leaves_nothing_more_to_keep(tmp_path: Path) -> None:
    path = crawl(tmp_path, pages=3)
    keep = ImportOptions(
        limits=Limits(stream_crawls_over=0), recognize_entities=False, keep_non_articles=True
    )
    with Library.open(tmp_path / "archive") as library:
        library.import_paths([path], options=STREAMED)
        assert original_row(library) == (3, 1, 1)
        again = library.import_paths([path], options=keep)
        assert [o.part for o in again.imported] == ["https://port.example/"]
        assert original_row(library) == (4, 0, 1)
        third = library.import_paths([path], options=keep)
        assert {o.status for o in third.outcomes} == {OutcomeStatus.DUPLICATE}


class PoolLosingOneTask:
    """The worker pool run in this process, where the first task of crawl pages is lost
    once, as when it overruns its time limit or its worker dies."""

    lost: list[CrawlPagesTask] = []

    def __init__(self, function: Callable[[Any], Any], **_options: Any) -> None:
        self.function = function

    def __enter__(self) -> PoolLosingOneTask:
        return self

    def __exit__(self, *_exception: object) -> None:
        return None

    def map_unordered(self, tasks: Iterable[Any], cancel: Any = None) -> Iterator[Any]:
        for task in tasks:
            if isinstance(task, CrawlPagesTask) and not PoolLosingOneTask.lost:
                PoolLosingOneTask.lost.append(task)
                yield task, TaskFailed("took longer than its time limit (120 s)")
            else:
                yield task, self.function(task)


def test_pages_lost_with_their_task_are_read_again_on_the_next_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = crawl(tmp_path)
    monkeypatch.setattr(PoolLosingOneTask, "lost", [])
    with Library.open(tmp_path / "archive") as library:
        with monkeypatch.context() as patched:
            patched.setattr(pipeline, "WorkerPool", PoolLosingOneTask)
            first = library.import_paths([path], options=STREAMED)
        lost = {page.part for page in PoolLosingOneTask.lost[0].pages}
        assert {o.part for o in first.failed} == lost
        assert all("time limit" in (o.error or "") for o in first.failed)
        assert original_row(library)[2] == 0  # incomplete: those pages may read another time
        assert library.check(verify_hashes=False).unfinished_imports == ["crawl.warc.gz"]

        again = library.import_paths([path], options=STREAMED)  # the real pool
        assert {o.part for o in again.imported} == lost - {"https://port.example/"}
        assert len(again.duplicates) == PAGES - len(again.imported)
        assert library.count() == PAGES
        assert original_row(library) == (PAGES, 1, 1)
        assert library.check(verify_hashes=False).unfinished_imports == []
