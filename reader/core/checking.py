"""Checking an archive's consistency, and repairing what is derivable.

What is checked: the database (``PRAGMA integrity_check``, foreign keys), every original's
file and hash, every resource's file, the index against the store (articles missing from the
index, index entries of articles that no longer exist, articles still waiting to be indexed),
and files in ``originals/`` that nothing refers to (left by an import killed mid-way).

What ``repair`` does: re-indexes missing and stale articles, drops extra index entries and
removes unreferenced files. A missing or altered original cannot be derived: it is reported,
never "repaired".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from reader.core.index import ArchiveIndex
from reader.core.progress import Progress, ProgressCallback
from reader.core.store.blobs import sha256_of_file
from reader.core.store.index_queue import queue_for_indexing
from reader.core.store.store import Store


@dataclass
class CheckReport:
    database_errors: list[str] = field(default_factory=list)
    missing_originals: list[str] = field(default_factory=list)
    altered_originals: list[str] = field(default_factory=list)
    missing_resources: list[str] = field(default_factory=list)
    not_indexed: list[int] = field(default_factory=list)
    extra_in_index: list[int] = field(default_factory=list)
    waiting_for_index: list[int] = field(default_factory=list)
    unreferenced_files: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        """True when nothing is wrong (after repairs, if any were made)."""
        return not (
            self.database_errors
            or self.missing_originals
            or self.altered_originals
            or self.missing_resources
            or self.not_indexed
            or self.extra_in_index
            or self.waiting_for_index
            or self.unreferenced_files
        )

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "consistent": self.consistent}


def _check_database(store: Store, report: CheckReport) -> None:
    connection = store.connection()
    for (message,) in connection.execute("PRAGMA integrity_check"):
        if message != "ok":
            report.database_errors.append(str(message))
    for row in connection.execute("PRAGMA foreign_key_check"):
        report.database_errors.append(f"broken reference in table {row[0]} (row {row[1]})")


def _check_files(
    store: Store, report: CheckReport, verify_hashes: bool, progress: ProgressCallback | None
) -> set[str]:
    connection = store.connection()
    blobs = store.blobs
    referenced: set[str] = set()
    originals = [row[0] for row in connection.execute("SELECT sha256 FROM originals")]
    for number, sha256 in enumerate(originals, 1):
        referenced.add(sha256)
        path = blobs.path_of(sha256)
        if not path.is_file():
            report.missing_originals.append(sha256)
        elif verify_hashes and sha256_of_file(path) != sha256:
            report.altered_originals.append(sha256)
        if progress is not None and number % 100 == 0:
            progress(Progress("Checking originals", number, len(originals)))
    for (sha256,) in connection.execute("SELECT DISTINCT sha256 FROM resources"):
        referenced.add(sha256)
        if not blobs.contains(sha256):
            report.missing_resources.append(sha256)
    report.unreferenced_files = sorted(set(blobs.iter_hashes()) - referenced)
    return referenced


def _check_index(store: Store, index: ArchiveIndex, report: CheckReport) -> None:
    connection = store.connection()
    live = {
        row[0] for row in connection.execute("SELECT id FROM articles WHERE trashed_at IS NULL")
    }
    indexed = index.indexed_ids()
    report.waiting_for_index = sorted(
        row[0] for row in connection.execute("SELECT article_id FROM index_queue")
    )
    waiting = set(report.waiting_for_index)
    report.not_indexed = sorted(live - indexed - waiting)
    report.extra_in_index = sorted(indexed - live - waiting)


def check_archive(
    store: Store,
    index: ArchiveIndex,
    sync_index: Callable[[], int],
    *,
    repair: bool = False,
    verify_hashes: bool = True,
    progress: ProgressCallback | None = None,
) -> CheckReport:
    """Checks (and with ``repair``, mends) the archive; returns what was found.

    After a repair the report is of a second check, with ``repaired`` listing what was done.
    """
    report = CheckReport()
    _check_database(store, report)
    _check_files(store, report, verify_hashes, progress)
    _check_index(store, index, report)
    if not repair or store.read_only:
        return report
    repaired: list[str] = []
    to_queue = report.not_indexed + report.extra_in_index
    if to_queue:
        with store.transaction() as connection:
            queue_for_indexing(connection, to_queue)
        repaired.append(f"re-indexed {len(to_queue)} articles")
    if to_queue or report.waiting_for_index:
        sync_index()
    for sha256 in report.unreferenced_files:
        store.blobs.path_of(sha256).unlink(missing_ok=True)
    if report.unreferenced_files:
        repaired.append(f"removed {len(report.unreferenced_files)} unreferenced files")
    second = check_archive(store, index, sync_index, repair=False, verify_hashes=False)
    second.missing_originals = report.missing_originals
    second.altered_originals = report.altered_originals
    second.repaired = repaired
    return second
