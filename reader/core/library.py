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
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType

from reader.core.errors import StoreError
from reader.core.importing.pipeline import ImportOptions, run_import
from reader.core.index import ArchiveIndex, document_from_article
from reader.core.model import (
    Article,
    ArticleSummary,
    EntitySpan,
    ImportOutcome,
    ImportReport,
    SearchHit,
    SearchResults,
)
from reader.core.progress import CancelToken, Progress, ProgressCallback
from reader.core.store import articles as article_rows
from reader.core.store import entities as entity_rows
from reader.core.store.store import Store

log = logging.getLogger(__name__)

INDEX_FOLDER = "whoosh"
INDEX_BATCH = 200


class Library:
    """An open archive. Use ``Library.open(path)``; close it (or use ``with``) when done."""

    def __init__(self, root: Path, store: Store, index: ArchiveIndex) -> None:
        self.root = root
        self._store = store
        self._index = index
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
            elif not root.is_dir():
                raise StoreError(f"no archive at {root}")
        except OSError as error:
            raise StoreError(f"cannot create the archive folder {root}: {error}") from error
        store = Store(root, read_only=read_only)
        index = ArchiveIndex(root / INDEX_FOLDER)
        library = cls(root, store, index)
        if not read_only:
            store.blobs.remove_partial_writes()
            if index.created_empty:
                library._queue_all_for_indexing()
            library.sync_index()
        return library

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
        stored_since_sync = 0

        def on_stored() -> None:
            nonlocal stored_since_sync
            stored_since_sync += 1
            if stored_since_sync >= INDEX_BATCH:
                stored_since_sync = 0
                self.sync_index()

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

    def entities(self, article_id: int) -> list[EntitySpan]:
        return entity_rows.load_mentions(self._store.connection(), article_id)

    def article_ids(self, order: str = "added") -> list[int]:
        return article_rows.article_ids(self._store.connection(), order)

    def summaries(self, ids: Sequence[int]) -> dict[int, ArticleSummary]:
        return article_rows.load_summaries(self._store.connection(), ids)

    def articles(self, order: str = "added", offset: int = 0, limit: int | None = None) -> list[ArticleSummary]:
        ids = self.article_ids(order)
        chosen = ids[offset : None if limit is None else offset + limit]
        found = self.summaries(chosen)
        return [found[i] for i in chosen if i in found]

    def count(self) -> int:
        return article_rows.count_articles(self._store.connection())

    def original(self, article_id: int) -> tuple[str, bytes]:
        """The imported file an article came from: its name and its bytes, untouched."""
        article = self.article(article_id)
        return article.provenance.file_name, self._store.blobs.read(article.provenance.original_sha256)

    def original_path(self, article_id: int) -> Path:
        return self._store.blobs.path_of(self.article(article_id).provenance.original_sha256)

    def resource(self, article_id: int, location: str) -> bytes | None:
        """A saved resource (image...) of an article, by the location the page uses."""
        sha256 = article_rows.resource_hashes(self._store.connection(), article_id).get(location)
        return self._store.blobs.read(sha256) if sha256 else None

    # -- searching -------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, sort: str = "relevance") -> SearchResults:
        """Runs a query of the query language (see the README); an empty query lists all.

        Raises:
            QueryError: the query cannot be parsed; the message says where.
        """
        connection = self._store.connection()
        raw = self._index.search(
            query, limit=limit, sort=sort,
            load_texts=lambda ids: article_rows.load_texts(connection, ids),
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
        return SearchResults(query=query, total=raw.total, hits=hits)

    # -- index maintenance -----------------------------------------------------------------

    def _queue_all_for_indexing(self) -> None:
        with self._store.transaction() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO index_queue (article_id, queued_at)"
                " SELECT id, datetime('now') FROM articles"
            )

    def sync_index(self, progress: ProgressCallback | None = None) -> int:
        """Indexes every article waiting in the queue; returns how many were indexed."""
        if self._store.read_only:
            return 0
        done = 0
        with self._index_lock:
            connection = self._store.connection()
            total = int(connection.execute("SELECT COUNT(*) FROM index_queue").fetchone()[0])
            while True:
                ids = [row[0] for row in connection.execute(
                    "SELECT article_id FROM index_queue ORDER BY article_id LIMIT ?", (INDEX_BATCH,)
                )]
                if not ids:
                    return done
                documents = []
                missing = []
                for article_id in ids:
                    try:
                        article = self.article(article_id)
                    except Exception:  # noqa: BLE001 - deleted since queued: drop from index
                        missing.append(article_id)
                        continue
                    documents.append(document_from_article(article, self.entities(article_id)))
                self._index.update(documents, deletions=missing)
                with self._store.transaction() as writer:
                    writer.executemany("DELETE FROM index_queue WHERE article_id = ?", [(i,) for i in ids])
                done += len(ids)
                if progress is not None:
                    progress(Progress("Indexing", done, total))

    def reindex(self, progress: ProgressCallback | None = None) -> int:
        """Rebuilds the whole index from the store."""
        with self._index_lock:
            self._index.clear()
        self._queue_all_for_indexing()
        count = self.sync_index(progress)
        self._index.optimize()
        return count

    # -- life cycle ------------------------------------------------------------------------

    def close(self) -> None:
        self._index.close()
        self._store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
