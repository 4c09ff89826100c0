"""Checking an archive's consistency, and repairing what is derivable.

What is checked: the database (``PRAGMA integrity_check``, foreign keys), every original's
file and hash, every resource's file, the index against the store (articles missing from the
index, index entries of articles that no longer exist, articles still waiting to be indexed),
and files in ``originals/`` that nothing refers to (left by an import killed mid-way).

What ``repair`` does: re-indexes missing and stale articles, drops extra index entries and
removes unreferenced files. A missing or altered original cannot be derived: it is reported,
never "repaired".

Recovery after a killed session (``Library.open``) passes ``check_database=False``: SQLite's
journal makes each transaction all-or-nothing, so a kill cannot damage the database, while
``PRAGMA integrity_check`` reads all of it (about 90% of a full check's time: 4.6 s at 10,000
articles, growing with the archive). What a kill can leave behind is outside SQLite's
transactions: files written before their row was committed, and the index behind the store.
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
    # Crawls whose import stopped part-way (file names): not damage, but not all there;
    # importing the file again finishes them.
    unfinished_imports: list[str] = field(default_factory=list)
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
) -> None:
    connection = store.connection()
    blobs = store.blobs
    # One listing of the folder instead of a file-system call per blob.
    present = set(blobs.iter_hashes())
    originals = [row[0] for row in connection.execute("SELECT sha256 FROM originals")]
    resources = [row[0] for row in connection.execute("SELECT DISTINCT sha256 FROM resources")]
    report.missing_originals = [sha256 for sha256 in originals if sha256 not in present]
    report.missing_resources = [sha256 for sha256 in resources if sha256 not in present]
    report.unreferenced_files = sorted(present - set(originals) - set(resources))
    report.unfinished_imports = [
        str(row[0])
        for row in connection.execute(
            "SELECT file_name FROM originals WHERE complete = 0 ORDER BY added_at"
        )
    ]
    if not verify_hashes:
        return
    for number, sha256 in enumerate(originals, 1):
        if sha256 in present and sha256_of_file(blobs.path_of(sha256)) != sha256:
            report.altered_originals.append(sha256)
        if progress is not None and number % 100 == 0:
            progress(Progress("Checking originals", number, len(originals)))


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
    check_database: bool = True,
    progress: ProgressCallback | None = None,
) -> CheckReport:
    """Checks (and with ``repair``, mends) the archive; returns what was found.

    Args:
        verify_hashes: re-hash every original (reads every byte of ``originals/``).
        check_database: run SQLite's integrity and foreign-key checks (reads the whole
            database; not needed to recover from a killed process, see the module's note).

    After a repair that changed anything, the report is of a second check, with
    ``repaired`` listing what was done.
    """
    report = CheckReport()
    if check_database:
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
    if not repaired and not report.waiting_for_index:
        return report
    second = check_archive(
        store,
        index,
        sync_index,
        repair=False,
        verify_hashes=False,
        check_database=check_database,
    )
    second.missing_originals = report.missing_originals
    second.altered_originals = report.altered_originals
    second.repaired = repaired
    return second
