"""Writing one source file's extracted pages into the store, atomically.

Order matters for crash safety: blobs (the original, its resources) are written and synced
first; then one transaction inserts the original's row, the articles, their texts and
their "needs indexing" rows. A crash before the commit leaves only unreferenced blobs, which
``check`` can list; a crash after it leaves articles that the index queue will pick up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from reader.core.containers import ImportSource
from reader.core.entities import RECOGNIZER_VERSION
from reader.core.importing.worker import PageResult, SourceResult
from reader.core.model import ImportOutcome, OutcomeStatus, Provenance
from reader.core.store import articles as article_rows
from reader.core.store import entities as entity_rows
from reader.core.store.blobs import sha256_of_bytes
from reader.core.store.index_queue import queue_for_indexing
from reader.core.store.store import Store
from reader.core.timestamps import iso_from_epoch, utc_now


def file_mtime(source: ImportSource) -> str | None:
    try:
        return iso_from_epoch(source.path.stat().st_mtime)
    except OSError:
        return None


def _existing_with_text(connection: sqlite3.Connection, text_sha256: str) -> int | None:
    row = connection.execute(
        "SELECT a.id FROM article_texts t JOIN articles a ON a.id = t.article_id"
        " WHERE t.text_sha256 = ? AND a.trashed_at IS NULL LIMIT 1",
        (text_sha256,),
    ).fetchone()
    return int(row[0]) if row else None


def save_source(
    store: Store,
    source: ImportSource,
    sha256: str,
    result: SourceResult,
    *,
    already_stored: Mapping[str, int] | None = None,
) -> list[ImportOutcome]:
    """Stores what the worker extracted from one file; returns one outcome per page.

    ``already_stored`` (part -> article id) is given when a known file is imported again to
    keep more of it: those parts were not extracted again and are reported as duplicates.
    """
    path = source.display_name
    added_at = utc_now()
    mtime = file_mtime(source)
    saved = [page for page in result.pages if page.article is not None]
    store.blobs.put_file(source.path, sha256)
    resource_hashes = _put_resources(store, saved)
    outcomes = [
        ImportOutcome(OutcomeStatus.DUPLICATE, path, article_id=article_id, part=part)
        for part, article_id in (already_stored or {}).items()
    ]
    skipped = sum(1 for page in result.pages if page.skipped)
    with store.transaction() as connection:
        if already_stored is not None:
            article_rows.add_to_original_counts(
                connection, sha256, pages=len(saved), skipped=skipped
            )
        else:
            article_rows.insert_original(
                connection,
                sha256=sha256,
                size=source.path.stat().st_size,
                file_name=source.path.name,
                source_format=result.source_format or "unknown",
                added_at=added_at,
                pages=len(saved),
                skipped=skipped,
            )
        for page_result in result.pages:
            outcomes.append(
                _save_page(
                    connection, page_result, source, sha256, path, added_at, mtime, resource_hashes
                )
            )
    return outcomes


def _put_resources(store: Store, saved: Sequence[PageResult]) -> dict[int, str]:
    """Writes the pages' resources as blobs; returns each resource's hash by its ``id``."""
    return {
        id(resource): store.blobs.put_bytes(resource.data)
        for page in saved
        for resource in page.page.resources
    }


def begin_crawl(
    store: Store, source: ImportSource, sha256: str, source_format: str, *, known: bool
) -> None:
    """Keeps a crawl's original and records it, incomplete, before its first page.

    A ``known`` crawl (imported before, part-way or with pages skipped) is marked incomplete
    again and its count of skipped pages starts over: every page it does not have yet is
    read again, and counted again if skipped again.
    """
    if known:
        with store.transaction() as connection:
            article_rows.restart_original(connection, sha256)
        return
    store.blobs.put_file(source.path, sha256)
    with store.transaction() as connection:
        article_rows.insert_original(
            connection,
            sha256=sha256,
            size=source.path.stat().st_size,
            file_name=source.path.name,
            source_format=source_format,
            added_at=utc_now(),
            pages=0,
            skipped=0,
            complete=False,
        )


def save_crawl_pages(
    store: Store, source: ImportSource, sha256: str, results: Sequence[PageResult]
) -> list[ImportOutcome]:
    """Stores a few pages of a crawl in one transaction; returns one outcome per page."""
    added_at = utc_now()
    mtime = file_mtime(source)
    saved = [page for page in results if page.article is not None]
    resource_hashes = _put_resources(store, saved)
    with store.transaction() as connection:
        outcomes = [
            _save_page(
                connection, page, source, sha256, source.display_name, added_at, mtime,
                resource_hashes,
            )
            for page in results
        ]  # fmt: skip
        article_rows.add_to_original_counts(
            connection,
            sha256,
            pages=len(saved),
            skipped=sum(1 for page in results if page.skipped),
            replace_skipped=False,
        )
    return outcomes


def finish_crawl(store: Store, sha256: str) -> None:
    with store.transaction() as connection:
        article_rows.mark_original_complete(connection, sha256)


def _save_page(
    connection: sqlite3.Connection,
    page_result: PageResult,
    source: ImportSource,
    sha256: str,
    path: str,
    added_at: str,
    mtime: str | None,
    resource_hashes: dict[int, str],
) -> ImportOutcome:
    page = page_result.page

    def outcome(
        status: OutcomeStatus,
        article_id: int | None = None,
        title: str | None = None,
        error: str | None = None,
    ) -> ImportOutcome:
        return ImportOutcome(
            status,
            path,
            article_id=article_id,
            title=title,
            part=page.part,
            source_format=page.source_format,
            error=error,
        )

    if page_result.article is None:
        if page_result.skipped is not None:
            return outcome(OutcomeStatus.SKIPPED, error=page_result.skipped)
        return outcome(OutcomeStatus.FAILED, error=page_result.error)
    article = page_result.article
    text_sha256 = sha256_of_bytes(article.text.encode("utf-8"))
    existing = _existing_with_text(connection, text_sha256)
    if existing is not None:
        return outcome(OutcomeStatus.DUPLICATE, article_id=existing, title=article.title)
    provenance = Provenance(
        original_sha256=sha256,
        file_name=source.path.name,
        source_format=page.source_format,
        part=page.part,
        saved_url=page.url,
        captured_at=page.captured_at or mtime,
        captured_source=page.captured_source
        if page.captured_at
        else ("file-mtime" if mtime else None),
        added_at=added_at,
    )
    article_id = article_rows.insert_article(connection, article, provenance)
    article_rows.insert_resources(
        connection,
        article_id,
        [(resource, resource_hashes[id(resource)]) for resource in page.resources],
    )
    if page_result.entities is not None:
        entity_rows.replace_mentions(
            connection, article_id, page_result.entities, RECOGNIZER_VERSION
        )
    queue_for_indexing(connection, [article_id])
    return outcome(OutcomeStatus.IMPORTED, article_id, article.title or source.path.name)
