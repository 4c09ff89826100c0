"""`check` finds each kind of damage, and `--repair` mends what is derivable."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.index import IndexDocument
from reader.core.library import Library

PAGES = Path(__file__).parents[1] / "data" / "pages"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "archive") as opened:
        report = opened.import_paths(sorted(PAGES.glob("*.html")))
        assert len(report.imported) == 2
        yield opened


def test_a_fresh_archive_is_consistent(library: Library) -> None:
    report = library.check()
    assert report.consistent, report.as_json()


def test_a_broken_index_is_found_and_repaired(library: Library) -> None:
    first = library.article_ids()[0]
    # An index that lost an article, and kept one that no longer exists.
    library._index.update([IndexDocument(4242, "ghost", "ghost")], deletions=[first])
    report = library.check()
    assert report.not_indexed == [first]
    assert report.extra_in_index == [4242]
    assert not report.consistent
    repaired = library.check(repair=True)
    assert repaired.consistent, repaired.as_json()
    assert repaired.repaired
    assert library.search("ghost").total == 0
    assert first in {hit.article_id for hit in library.search("").hits}


def test_altered_missing_and_unreferenced_files_are_reported(library: Library) -> None:
    blobs = library._store.blobs
    hashes = sorted(blobs.iter_hashes())
    blobs.path_of(hashes[0]).write_bytes(b"tampered")
    blobs.path_of(hashes[1]).unlink()
    stray = blobs.put_bytes(b"left by an import killed before its commit")
    report = library.check()
    assert report.altered_originals == [hashes[0]]
    assert report.missing_originals == [hashes[1]]
    assert report.unreferenced_files == [stray]
    repaired = library.check(repair=True)
    assert not blobs.contains(stray)
    assert not repaired.consistent  # lost originals cannot be derived: still reported
    assert repaired.missing_originals == [hashes[1]]


def test_backup_is_a_consistent_archive_of_its_own(library: Library, tmp_path: Path) -> None:
    copied = library.backup(tmp_path / "backup")
    assert copied == 2
    assert library.backup(tmp_path / "backup") == 0  # up to date: nothing to copy again
    with Library.open(tmp_path / "backup") as restored:
        assert restored.count() == 2
        assert restored.search("Rotterdam").total == 1
        assert restored.check().consistent
    raw = sqlite3.connect(tmp_path / "backup" / "library.sqlite3")
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_export_archive_writes_everything_in_open_formats(library: Library, tmp_path: Path) -> None:
    import json

    first = library.article_ids()[0]
    library.annotate(first, 0, 10, note="a note")
    library.set_tags(first, ["kept"])
    assert library.export_archive(tmp_path / "export") == 2
    export = tmp_path / "export"
    originals = json.loads((export / "originals.json").read_text())
    for sha256, details in originals.items():
        assert (export / "originals" / sha256).read_bytes() == (
            PAGES / details["file_name"]
        ).read_bytes()
    record = json.loads((export / "articles" / f"{first}.json").read_text())
    assert record["text"] == library.article(first).text
    assert record["tags"] == ["kept"]
    annotations = json.loads((export / "annotations.jsonld").read_text())
    assert annotations["total"] == 1
    assert (export / "entity-corrections.json").is_file()


def test_opening_after_a_killed_session_mends_files_and_index(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    with Library.open(root) as library:
        library.import_paths(sorted(PAGES.glob("*.html")))
        first = library.article_ids()[0]
        # What a kill can leave: an index commit that never happened, and a file written
        # before the database row that would have referred to it.
        library._index.update([], deletions=[first])
        stray = library._store.blobs.put_bytes(b"written just before the kill")
    (root / "lock").write_text("999999")  # the pid a killed owner leaves in the lock file
    with Library.open(root) as reopened:
        assert reopened.recovered == ["re-indexed 1 articles", "removed 1 unreferenced files"]
        assert not reopened._store.blobs.contains(stray)
        assert first in {hit.article_id for hit in reopened.search("").hits}
        assert reopened.check().consistent
