"""Carrying annotations from an earlier capture of a page to the newer one (facade)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import Library

HARBOUR = Path(__file__).parents[2] / "data" / "pages" / "harbour-strike.html"


def _two_captures(tmp_path: Path, library: Library) -> tuple[int, int]:
    older = tmp_path / "capture-2023.html"
    older.write_bytes(HARBOUR.read_bytes())
    os.utime(older, (1_684_000_000, 1_684_000_000))
    newer = tmp_path / "capture-2024.html"
    # The newer capture rewrites one sentence and drops another.
    newer.write_bytes(
        HARBOUR.read_bytes()
        .replace(b"Port authorities expect", b"Port authorities now expect")
        .replace(b"would review how port disputes are mediated", b"would say nothing more")
    )
    os.utime(newer, (1_715_000_000, 1_715_000_000))
    report = library.import_paths([older, newer])
    ids = {Path(o.path).name: o.article_id for o in report.imported}
    assert ids["capture-2023.html"] is not None and ids["capture-2024.html"] is not None
    return ids["capture-2023.html"], ids["capture-2024.html"]


def test_annotations_carried_to_a_newer_capture_are_anchored_or_orphaned(
    tmp_path: Path,
) -> None:
    with Library.open(tmp_path / "archive") as library:
        old_id, new_id = _two_captures(tmp_path, library)
        kept = library.annotate_quote(old_id, "Anneliese Brouwer", color="Claim", note="minister")
        gone = library.annotate_quote(old_id, "review how port disputes are mediated")
        assert library.carry_candidates(new_id) == (old_id, 2)
        assert library.carry_candidates(old_id) is None  # the newer one has nothing to give

        counts = library.carry_annotations(old_id, new_id)

        assert sum(counts.values()) == 2
        copies = {s.annotation.quote.exact: s for s in library.annotations(new_id)}  # type: ignore[union-attr]
        text = library.article(new_id).text
        placed = copies["Anneliese Brouwer"]
        assert text[placed.anchor.start : placed.anchor.end] == "Anneliese Brouwer"
        assert placed.annotation.note == "minister" and placed.annotation.color == "orange"
        assert placed.annotation.id != kept.annotation.id
        assert placed.annotation.created == kept.annotation.created
        assert copies[gone.annotation.quote.exact].anchor.is_orphan  # type: ignore[union-attr]
        # The earlier capture keeps its own, and carrying again adds nothing.
        assert len(library.annotations(old_id)) == 2
        assert library.carry_candidates(new_id) is None
        assert library.carry_annotations(old_id, new_id) == {}
        assert len(library.annotations(new_id)) == 2


def test_a_note_on_an_entity_is_kept_changed_and_removed(seed_library: Library) -> None:
    assert seed_library.entity_note("PERSON", "Kathy Gannon") is None
    seed_library.set_entity_note("PERSON", "Kathy Gannon", "AP's Islamabad *bureau chief*")
    seed_library.set_entity_note("ORG", "NATO", "alliance")
    note = seed_library.entity_note("PERSON", "Kathy Gannon")
    assert note is not None and note.note == "AP's Islamabad *bureau chief*" and note.modified
    assert seed_library.entity_note("ORG", "Kathy Gannon") is None  # the type is part of it
    assert [n.name for n in seed_library.entity_notes()] == ["NATO", "Kathy Gannon"]
    seed_library.set_entity_note("PERSON", "Kathy Gannon", "  ")
    assert seed_library.entity_note("PERSON", "Kathy Gannon") is None


def test_find_annotations_filters_by_words_and_date(seed_library: Library) -> None:
    article_id = seed_library.article_ids()[0]
    first = seed_library.annotate_quote(article_id, "Qala-e-Naw", note="provincial capital")
    second = seed_library.annotate_quote(article_id, "Taliban", tags=["armed groups"])
    found = seed_library.find_annotations(words="CAPITAL provincial")
    assert [s.annotation.id for s in found] == [first.annotation.id]
    assert [s.annotation.id for s in seed_library.find_annotations(words="armed")] == [
        second.annotation.id
    ]
    day = first.annotation.modified[:10]
    assert len(seed_library.find_annotations(modified_since=day, modified_until=day)) == 2
    assert seed_library.find_annotations(modified_until="2000-01-01") == []
    assert seed_library.find_annotations(modified_since="2999-01-01") == []


def test_the_carry_command_finds_the_earlier_capture_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "archive"
    with Library.open(archive) as library:
        old_id, new_id = _two_captures(tmp_path, library)
        library.annotate_quote(old_id, "Anneliese Brouwer", note="minister")
    assert main(["--archive", str(archive), "carry", str(new_id), "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["from"] == old_id and answer["to"] == new_id
    assert sum(answer["carried"].values()) == 1
    assert main(["--archive", str(archive), "carry", str(new_id)]) == 0
    assert "no earlier capture has annotations to carry over" in capsys.readouterr().out
    with Library.open(archive) as library:
        assert [s.annotation.note for s in library.annotations(new_id)] == ["minister"]
