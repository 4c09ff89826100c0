"""The facade every caller uses: the CLI, the GUI and researchers' scripts.

A ``Library`` is one archive folder: the store (SQLite + originals) and the index. Its
methods are synchronous and thread-safe: reads may run on any thread; writes are serialised
by the store. Long operations take ``progress`` and ``cancel`` arguments.

Guarantee: every write to the store queues the article for indexing in the same
transaction, and the queue is drained right after (or at the next open), so the index never
stays behind the store. Callers must not touch ``Store`` or ``ArchiveIndex`` directly.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from reader.core.annotations.palette import Palette
from reader.core.archive_export import export_archive
from reader.core.backup import backup_archive
from reader.core.checking import CheckReport, check_archive
from reader.core.errors import ArticleNotFound, StoreError
from reader.core.facade.annotating import AnnotationsMixin
from reader.core.facade.base import FacadeBase
from reader.core.facade.entities import EntitiesMixin
from reader.core.facade.organising import OrganisingMixin
from reader.core.importing.workspace import remove_work_folder
from reader.core.index import ArchiveIndex, IndexDocument, document_from_article
from reader.core.model import (
    Article,
    ArticleSummary,
    ImportOutcome,
    ImportReport,
    SearchHit,
    SearchResults,
)
from reader.core.progress import CancelToken, Progress, ProgressCallback
from reader.core.store import articles as article_rows
from reader.core.store import organising
from reader.core.store.facets import facet_counts
from reader.core.store.index_queue import dequeue, queue_everything, queue_length, queued
from reader.core.store.lock import ArchiveLock
from reader.core.store.store import Store

if TYPE_CHECKING:
    # Loaded when first used: they bring the extraction stack (trafilatura, lxml), which
    # the application's start-up does not need.
    from reader.core.importing.pipeline import ImportOptions
    from reader.core.operations.reextracting import ReextractOutcome

log = logging.getLogger(__name__)

INDEX_FOLDER = "whoosh"
INDEX_BATCH = 200
# During an import, stored articles are indexed at most this often, and indexing takes at
# most this share of the import's time: the workers wait while the parent indexes (measured
# on 487 pages: 2 s and 20% cost 13 ms of index CPU a page in 18-19 commits, 5 s and 10%
# 6-10 ms in 6-8 commits), and new articles are still searchable within seconds.
SYNC_SECONDS = 5.0
SYNC_SHARE = 0.1


class Library(OrganisingMixin, AnnotationsMixin, EntitiesMixin, FacadeBase):
    """An open archive. Use ``Library.open(path)``; close it (or use ``with``) when done."""

    def __init__(
        self, root: Path, store: Store, index: ArchiveIndex, lock: ArchiveLock | None
    ) -> None:
        self.root = root
        self._store = store
        self._index = index
        self._lock = lock
        # What opening repaired after an interrupted session (empty when none was needed).
        self.recovered: list[str] = []
        self._index_lock = threading.Lock()

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> Library:
        """Opens the archive at ``path``, creating it (private to the user) if needed.

        Raises:
            StoreError: the folder cannot be created or holds a broken or newer archive.
        """
        root = Path(path).expanduser().resolve()
        try:
            if not read_only:
                root.mkdir(parents=True, exist_ok=True, mode=0o700)
            elif not (root / "library.sqlite3").is_file():
                raise StoreError(f"no archive at {root}")
        except OSError as error:
            raise StoreError(f"cannot create the archive folder {root}: {error}") from error
        lock = None if read_only else ArchiveLock(root)
        interrupted = lock.acquire() if lock is not None else False
        try:
            store = Store(root, read_only=read_only)
            index = ArchiveIndex(root / INDEX_FOLDER, read_only=read_only)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        library = cls(root, store, index, lock)
        if not read_only:
            store.blobs.remove_partial_writes()
            remove_work_folder(root)
            if index.created_empty:
                # Missing, damaged or of an older format: rebuilt from the store.
                library._queue_all_for_indexing()
                library._rebuild_index(None, processes=1)
            library.sync_index()
            if interrupted:
                # The last session was killed: mend what it may have left half done.
                report = library.check(repair=True, verify_hashes=False, check_database=False)
                library.recovered = report.repaired
                if report.repaired:
                    log.warning("recovered an interrupted session: %s", report.repaired)
        return library

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    # -- importing -------------------------------------------------------------------------

    def iter_import(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        options: ImportOptions | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Iterator[ImportOutcome]:
        """Imports files and folders, yielding one outcome per page as it is stored."""
        from reader.core.importing.pacing import SyncPacer
        from reader.core.importing.pipeline import run_import

        pacer = SyncPacer(min_interval=SYNC_SECONDS, batch=INDEX_BATCH, max_share=SYNC_SHARE)

        def on_stored() -> None:
            # Index while the workers read the next files: new articles become searchable
            # within seconds, and the parent's idle time goes to indexing.
            if pacer.stored():
                started = time.monotonic()
                self.sync_index()
                pacer.synced(time.monotonic() - started)

        try:
            yield from run_import(
                self._store,
                [Path(path) for path in paths],
                options=options,
                progress=progress,
                cancel=cancel,
                on_stored=on_stored,
            )
        finally:
            self.sync_index()

    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        options: ImportOptions | None = None,
    ) -> ImportReport:
        """Imports files and folders; one bad file never stops the others."""
        report = ImportReport()
        for outcome in self.iter_import(paths, options=options, progress=progress, cancel=cancel):
            report.outcomes.append(outcome)
        report.cancelled = bool(cancel and cancel.cancelled)
        return report

    # -- reading ---------------------------------------------------------------------------

    def article(self, article_id: int) -> Article:
        """Raises:
        ArticleNotFound: no such id.
        """
        return article_rows.load_article(self._store.connection(), article_id)

    def article_ids(self, order: str = "added", *, all_versions: bool = False) -> list[int]:
        """Ids of the articles (not in the trash), newest capture of each page only unless
        ``all_versions``; order: "added", "published", "title" or "site"."""
        return article_rows.article_ids(self._store.connection(), order, all_versions=all_versions)

    def versions(self, article_id: int) -> list[tuple[int, str | None]]:
        """All captures of this article's page (same URL), newest first: (id, captured_at)."""
        return article_rows.versions(self._store.connection(), article_id)

    def summaries(self, ids: Sequence[int]) -> dict[int, ArticleSummary]:
        return article_rows.load_summaries(self._store.connection(), ids)

    def articles(
        self, order: str = "added", offset: int = 0, limit: int | None = None
    ) -> list[ArticleSummary]:
        ids = self.article_ids(order)
        chosen = ids[offset : None if limit is None else offset + limit]
        found = self.summaries(chosen)
        return [found[i] for i in chosen if i in found]

    def count(self) -> int:
        return article_rows.count_articles(self._store.connection())

    def original(self, article_id: int) -> tuple[str, bytes]:
        """The imported file an article came from: its name and its bytes, untouched."""
        article = self.article(article_id)
        return article.provenance.file_name, self._store.blobs.read(
            article.provenance.original_sha256
        )

    def original_path(self, article_id: int) -> Path:
        return self._store.blobs.path_of(self.article(article_id).provenance.original_sha256)

    def resource(self, article_id: int, location: str) -> bytes | None:
        """A saved resource (image...) of an article, by the location the page uses."""
        sha256 = article_rows.resource_hashes(self._store.connection(), article_id).get(location)
        return self._store.blobs.read(sha256) if sha256 else None

    # -- searching -------------------------------------------------------------------------

    def search(
        self, query: str, limit: int = 20, sort: str = "relevance", *, snippets: bool = True
    ) -> SearchResults:
        """Runs a query of the query language (see the README); an empty query lists all.
        ``snippets=False`` skips reading the hits' text (a fast list of ranked hits).

        Raises:
            QueryError: the query cannot be parsed; the message says where.
        """
        connection = self._store.connection()
        raw = self._index.search(
            query,
            limit=limit,
            sort=sort,
            load_texts=(lambda ids: article_rows.load_texts(connection, ids)) if snippets else None,
        )
        summaries = self.summaries([hit.article_id for hit in raw.hits])
        hits = tuple(
            SearchHit(
                article_id=hit.article_id,
                title=summaries[hit.article_id].title,
                site=summaries[hit.article_id].site,
                published=summaries[hit.article_id].published,
                score=hit.score,
                snippet=hit.snippet,
                snippet_spans=hit.spans,
            )
            for hit in raw.hits
            if hit.article_id in summaries
        )
        corrected = None
        if raw.total == 0 and query.strip():
            corrected = self._index.suggest(query, lambda i: self.article(i).text)
        return SearchResults(query=query, total=raw.total, hits=hits, corrected_query=corrected)

    def matching_ids(self, query: str) -> list[int]:
        """Every article the query matches, unranked (for selections and exports)."""
        return self._index.matching_ids(query)

    def facets(self, query: str = "") -> dict[str, list[tuple[str, int]]]:
        """Counts per site, year, language, tag, colour and entity over all matches."""
        ids = self.matching_ids(query)
        return facet_counts(self._store.connection(), ids)

    def hits_in_context(self, article_id: int, query: str) -> list[tuple[int, int]]:
        """Every place in the article's canonical text where the query's words occur."""
        if not query.strip():
            return []
        return self._index.match_spans(query, article_id, self.article(article_id).text)

    # -- index maintenance -----------------------------------------------------------------

    def _queue_all_for_indexing(self) -> None:
        with self._store.transaction() as connection:
            queue_everything(connection)

    def _index_document(self, article_id: int, palette: Palette) -> IndexDocument | None:
        """The article's index document; None when it is gone or in the trash."""
        connection = self._store.connection()
        try:
            article = self.article(article_id)
        except ArticleNotFound:
            return None
        if organising.is_trashed(connection, article_id):
            return None
        document = document_from_article(article, self.canonical_entities(article_id))
        annotations = self.annotations(article_id)
        notes = tuple(s.annotation.note for s in annotations if s.annotation.note)
        flags = (("annotation",) if annotations else ()) + (("note",) if notes else ())
        return replace(
            document,
            tags=tuple(organising.tags_of(connection, article_id))
            + tuple(tag for s in annotations for tag in s.annotation.tags),
            collections=tuple(organising.collection_names_of(connection, article_id)),
            notes=notes,
            quotes=tuple(s.annotation.quote.exact for s in annotations if s.annotation.quote),
            colors=tuple(
                {
                    name
                    for s in annotations
                    for name in (s.annotation.color, palette.get(s.annotation.color).code)
                }
            ),
            flags=flags,
            states=("orphan",) if any(s.anchor.is_orphan for s in annotations) else (),
        )

    def sync_index(self, progress: ProgressCallback | None = None) -> int:
        """Indexes every article waiting in the queue; returns how many were indexed."""
        return self._drain_index_queue(INDEX_BATCH, progress=progress)

    def _drain_index_queue(self, batch: int, *, progress: ProgressCallback | None) -> int:
        """Indexes the queue ``batch`` articles per commit, replacing their old versions
        (whole rebuilds go through ``_rebuild_index``)."""
        if self._store.read_only:
            return 0
        done = 0
        with self._index_lock:
            connection = self._store.connection()
            total = queue_length(connection)
            palette = self.palette()  # colour code names for ``color:``, read once
            while True:
                ids = queued(connection, batch)
                if not ids:
                    return done
                documents = []
                missing = []
                for article_id in ids:
                    document = self._index_document(article_id, palette)
                    if document is None:
                        missing.append(article_id)
                    else:
                        documents.append(document)
                self._index.update(documents, deletions=missing, source=self._documents_of)
                with self._store.transaction() as writer:
                    dequeue(writer, ids)
                done += len(ids)
                if progress is not None:
                    progress(Progress("Indexing", done, total))

    def _documents_of(self, ids: Sequence[int]) -> Iterator[IndexDocument]:
        """The index documents of ``ids`` (articles gone or in the trash are skipped)."""
        palette = self.palette()
        for article_id in ids:
            document = self._index_document(article_id, palette)
            if document is not None:
                yield document

    def _rebuild_index(self, progress: ProgressCallback | None, *, processes: int) -> int:
        """Indexes the whole queue into an index that holds none of it, as whole new
        segments (``ArchiveIndex.rebuild``); returns how many articles were queued."""
        if self._store.read_only:
            return 0
        with self._index_lock:
            connection = self._store.connection()
            ids = queued(connection, -1)
            self._index.rebuild(ids, self._documents_of, processes=processes, progress=progress)
            with self._store.transaction() as writer:
                dequeue(writer, ids)
        return len(ids)

    def reindex(self, progress: ProgressCallback | None = None, *, parallel: bool = False) -> int:
        """Rebuilds the whole index from the store. ``parallel`` analyses on every core in
        forked processes: only for single-threaded programs (the command line), never from
        the GUI."""
        with self._index_lock:
            self._index.clear()
        self._queue_all_for_indexing()
        processes = min(2, os.cpu_count() or 1) if parallel else 1
        return self._rebuild_index(progress, processes=processes)

    def reextract(
        self,
        article_ids: Iterable[int] | None = None,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[ReextractOutcome]:
        """Runs extraction (and entity recognition) again on the stored originals of the
        given articles (all when None); annotations are re-anchored where the text changed.
        """
        from reader.core.operations.reextracting import reextract

        ids = self.article_ids() if article_ids is None else list(article_ids)
        outcomes = list(reextract(self._store, ids, progress=progress, cancel=cancel))
        self.sync_index()
        return outcomes

    # -- safety ----------------------------------------------------------------------------

    def check(
        self,
        *,
        repair: bool = False,
        verify_hashes: bool = True,
        check_database: bool = True,
        progress: ProgressCallback | None = None,
    ) -> CheckReport:
        """Verifies originals, the database and the index against the store
        (``check_archive`` says what each option skips)."""
        return check_archive(
            self._store,
            self._index,
            self.sync_index,
            repair=repair,
            verify_hashes=verify_hashes,
            check_database=check_database,
            progress=progress,
        )

    def backup(
        self, destination: str | os.PathLike[str], progress: ProgressCallback | None = None
    ) -> int:
        """A consistent copy of the archive, made while it stays open."""
        return backup_archive(self._store, self.root, Path(destination), progress)

    def export_archive(
        self, destination: str | os.PathLike[str], progress: ProgressCallback | None = None
    ) -> int:
        """Everything in open formats (originals, article JSON, W3C annotations, entity
        corrections, collections) in a new folder; returns the number of articles."""
        return export_archive(self, self._store, Path(destination), progress)

    # -- life cycle ------------------------------------------------------------------------

    def close(self) -> None:
        self._index.close()
        self._store.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
