from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import StoreError
from reader.core.store.db import connect
from reader.core.store.migrations import CURRENT_VERSION, run_statements, schema_version


def test_a_new_database_is_created_at_the_current_version(tmp_path: Path) -> None:
    connection = connect(tmp_path / "library.sqlite3")
    assert schema_version(connection) == CURRENT_VERSION
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "article_texts", "originals", "index_queue", "annotations"} <= tables
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_database_from_a_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    raw.close()
    with pytest.raises(StoreError, match="newer"):
        connect(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION + 1


def test_a_file_that_is_not_a_database_gives_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        connect(path)


def test_statements_run_inside_the_callers_transaction(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "t.sqlite3", isolation_level=None)
    connection.execute("BEGIN")
    run_statements(connection, "CREATE TABLE a (x);\n-- a comment\nCREATE TABLE b (y);\n")
    connection.execute("ROLLBACK")
    assert connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0


def test_every_released_schema_fixture_opens_and_migrates(tmp_path: Path) -> None:
    """Each archive under tests/data/archives/vN was made by a released version."""
    fixtures = sorted((Path(__file__).parents[2] / "data" / "archives").glob("v*/library.sqlite3"))
    assert fixtures, "keep one fixture archive per released schema version"
    for fixture in fixtures:
        copy = tmp_path / fixture.parent.name / "library.sqlite3"
        copy.parent.mkdir()
        copy.write_bytes(fixture.read_bytes())
        connection = connect(copy)
        assert schema_version(connection) == CURRENT_VERSION
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] > 0


def test_version_1_archives_gain_the_text_hash_index(tmp_path: Path) -> None:
    fixture = Path(__file__).parents[2] / "data" / "archives" / "v1" / "library.sqlite3"
    copy = tmp_path / "library.sqlite3"
    copy.write_bytes(fixture.read_bytes())
    before = sqlite3.connect(copy)
    stored = before.execute("SELECT article_id, text_sha256 FROM article_texts").fetchall()
    before.close()
    connection = connect(copy)
    plan = connection.execute(
        "EXPLAIN QUERY PLAN SELECT article_id FROM article_texts WHERE text_sha256 = ?", ("x",)
    ).fetchall()
    assert any("article_texts_by_sha256" in row["detail"] for row in plan)
    after = connection.execute("SELECT article_id, text_sha256 FROM article_texts").fetchall()
    assert [tuple(row) for row in after] == stored


def test_version_2_originals_are_complete_after_the_upgrade(tmp_path: Path) -> None:
    fixture = Path(__file__).parents[2] / "data" / "archives" / "v2" / "library.sqlite3"
    copy = tmp_path / "library.sqlite3"
    copy.write_bytes(fixture.read_bytes())
    before = sqlite3.connect(copy)
    originals = before.execute("SELECT sha256, pages FROM originals ORDER BY sha256").fetchall()
    annotations = before.execute("SELECT id, data FROM annotations ORDER BY id").fetchall()
    before.close()
    assert originals and annotations
    connection = connect(copy)
    after = connection.execute(
        "SELECT sha256, pages, complete FROM originals ORDER BY sha256"
    ).fetchall()
    assert [(row[0], row[1]) for row in after] == originals
    assert all(row["complete"] == 1 for row in after)
    kept = connection.execute("SELECT id, data FROM annotations ORDER BY id").fetchall()
    assert [tuple(row) for row in kept] == annotations
