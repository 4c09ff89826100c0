"""Recognition again after a recognizer upgrade: outdated articles are found, recognised from
the stored text, their mentions replaced and re-indexed, corrections kept; batches, progress
and cancelling; the ``recognize`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.entities import RECOGNIZER_VERSION, Recognizer
from reader.core.entities.gazetteer import Gazetteer
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.operations import recognizing
from reader.core.progress import CancelToken, Progress

BUMPED = RECOGNIZER_VERSION + "-test-bump"


@pytest.fixture
def bumped(monkeypatch: pytest.MonkeyPatch) -> str:
    """Pretends the recognizer was upgraded after the articles were imported."""
    monkeypatch.setattr(recognizing, "RECOGNIZER_VERSION", BUMPED)
    return BUMPED


def stored_version(library: Library, article_id: int) -> str | None:
    row = (
        library._store.connection()
        .execute("SELECT entities_version FROM articles WHERE id = ?", (article_id,))
        .fetchone()
    )
    return None if row is None else row[0]


def test_nothing_is_outdated_right_after_an_import(seed_library: Library, seed_id: int) -> None:
    assert stored_version(seed_library, seed_id) == RECOGNIZER_VERSION
    assert seed_library.outdated_entity_articles() == []
    assert seed_library.recognize_entities() == []


def test_a_version_bump_re_recognises_and_keeps_corrections(
    seed_library: Library, seed_id: int, bumped: str
) -> None:
    seed_library.merge_entities(["Qala-e-Naw", "Qala-e Naw"], "Qala-i-Naw")
    seed_library.reject_entity("Bagdhis")
    before = seed_library.entities(seed_id)
    assert seed_library.outdated_entity_articles() == [seed_id]

    reports: list[Progress] = []
    outcomes = seed_library.recognize_entities(progress=reports.append)

    assert [outcome.article_id for outcome in outcomes] == [seed_id]
    assert outcomes[0].previous_version == RECOGNIZER_VERSION
    assert outcomes[0].version == bumped
    assert outcomes[0].error is None and outcomes[0].mentions > 0
    assert reports and reports[-1].value == reports[-1].maximum == 1
    assert stored_version(seed_library, seed_id) == bumped
    assert seed_library.outdated_entity_articles() == []
    # Same recognizer, same text: the same mentions, and the corrections still hold.
    assert seed_library.entities(seed_id) == before
    text = seed_library.article(seed_id).text
    assert all(text[span.start : span.end] == span.text for span in before)
    places = {span.text for span in seed_library.canonical_entities(seed_id)}
    assert "Qala-i-Naw" in places and "Bagdhis" not in places
    assert seed_library.search('place:"Qala-i-Naw"').total == 1
    assert seed_library.search("place:bagdhis").total == 0


def test_new_mentions_reach_the_index(
    seed_library: Library, seed_id: int, bumped: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert seed_library.search("org:Tehran").total == 0
    # The upgraded recognizer types a name differently (a list entry, as a release could
    # change: the capital standing for its government).
    upgraded = Recognizer(gazetteer=Gazetteer.from_entries([("Tehran", "ORG")]))
    monkeypatch.setattr(recognizing, "get_recognizer", lambda: upgraded)
    seed_library.recognize_entities(workers=1)  # in this process, where the patch holds
    assert ("Tehran", "ORG") in {(span.text, span.label) for span in seed_library.entities(seed_id)}
    assert seed_library.search("org:Tehran").total == 1


def test_worker_processes_find_what_this_process_finds(tmp_path: Path, seed_page: Path) -> None:
    pages = [seed_page, *sorted((Path(__file__).parents[1] / "data" / "pages").glob("*.html"))]
    with Library.open(tmp_path / "archive") as library:
        library.import_paths(pages)
        ids = library.article_ids()
        assert len(ids) == 3
        in_process = library.recognize_entities(everything=True, workers=1)
        found_here = {article_id: library.entities(article_id) for article_id in ids}
        assert all(found_here.values())
        # One article per batch, so that both workers get some and batches finish in any order.
        parallel = list(recognizing.recognize_stored(library._store, ids, batch_size=1, workers=2))
        assert sorted(o.article_id for o in parallel) == sorted(o.article_id for o in in_process)
        assert all(outcome.error is None for outcome in parallel)
        assert {article_id: library.entities(article_id) for article_id in ids} == found_here


def test_everything_and_given_ids_run_even_when_current(
    seed_library: Library, seed_id: int
) -> None:
    assert [o.article_id for o in seed_library.recognize_entities(everything=True)] == [seed_id]
    assert [o.article_id for o in seed_library.recognize_entities([seed_id])] == [seed_id]
    missing = seed_library.recognize_entities([seed_id + 1000])
    assert missing[0].error is not None and missing[0].mentions == 0


def test_cancelling_stops_between_batches_and_keeps_finished_ones(
    seed_library: Library, seed_id: int, bumped: str
) -> None:
    cancel = CancelToken()
    cancel.cancel()
    assert seed_library.recognize_entities(cancel=cancel) == []
    assert seed_library.outdated_entity_articles() == [seed_id]

    cancel = CancelToken()
    # One article per batch, listed three times: the cancel after the first batch stops it.
    outcomes = list(
        recognizing.recognize_stored(
            seed_library._store,
            [seed_id, seed_id, seed_id],
            batch_size=1,
            progress=lambda _: cancel.cancel(),
            cancel=cancel,
        )
    )
    assert len(outcomes) == 1
    assert stored_version(seed_library, seed_id) == bumped


def test_a_read_only_archive_is_refused(seed_library: Library, tmp_path: Path) -> None:
    with (
        Library.open(tmp_path / "archive", read_only=True) as reader,
        pytest.raises(ReaderError, match="read-only"),
    ):
        reader.recognize_entities()


def test_the_recognize_command(
    tmp_path: Path, seed_page: Path, bumped: str, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "archive"
    with Library.open(archive) as library:
        library.import_paths([seed_page])
        seed_id = library.article_ids()[0]
    capsys.readouterr()

    assert main(["--archive", str(archive), "recognize", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [article["id"] for article in report] == [seed_id]
    assert report[0]["previous_version"] == RECOGNIZER_VERSION
    assert report[0]["version"] == bumped
    assert report[0]["mentions"] > 0 and report[0]["error"] is None

    assert main(["--archive", str(archive), "recognize", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # nothing outdated now
    assert main(["--archive", str(archive), "recognize", "--all"]) == 0
    assert "1 articles recognised" in capsys.readouterr().out
