"""Annotations through the facade: create, search, edit, delete/undo, export, import,
citations, and re-anchoring when an article's text changes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.core.annotations.model import AnchorStatus
from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.store import articles as article_rows
from reader.core.store.index_queue import queue_for_indexing


@pytest.fixture
def library(seed_library: Library) -> Library:
    return seed_library


def test_annotate_a_quote_and_find_it_by_every_annotation_field(
    library: Library, seed_id: int
) -> None:
    stored = library.annotate_quote(
        seed_id, "Husamuddin Shams", color="Claim", note="governor; spelling?", tags=["people"]
    )
    text = library.article(seed_id).text
    assert text[stored.anchor.start : stored.anchor.end] == "Husamuddin Shams"
    assert stored.annotation.color == "orange"  # "Claim" is the orange colour's code name
    for query in (
        "note:spelling",
        'quote:"husamuddin shams"',
        "color:claim",
        "color:orange",
        "has:annotation",
        "has:note",
        "tag:people",
    ):
        assert library.search(query).total == 1, query
    assert library.search("is:orphan").total == 0


def test_the_nth_occurrence_and_clear_errors(library: Library, seed_id: int) -> None:
    text = library.article(seed_id).text
    second = library.annotate_quote(seed_id, "Herat", occurrence=2)
    assert second.anchor.start == text.find("Herat", text.find("Herat") + 1)
    with pytest.raises(ReaderError, match="appears 2 times"):
        library.annotate_quote(seed_id, "Herat", occurrence=3)
    with pytest.raises(ReaderError, match="unknown colour"):
        library.annotate_quote(seed_id, "Herat", color="chartreuse")


def test_edit_delete_and_undo(library: Library, seed_id: int) -> None:
    stored = library.annotate_quote(seed_id, "Fawad Aman")
    library.update_annotation(stored.annotation.id, note="spokesman", tags=["mod"])
    assert library.search("note:spokesman").total == 1
    library.delete_annotation(stored.annotation.id)
    assert library.annotations(seed_id) == []
    assert library.search("note:spokesman").total == 0
    assert [s.annotation.deleted for s in library.annotations(seed_id, include_deleted=True)] == [
        True
    ]
    library.restore_annotation(stored.annotation.id)
    assert library.search("note:spokesman").total == 1


def test_exports_and_jsonld_round_trip(library: Library, seed_id: int, tmp_path: Path) -> None:
    library.annotate_quote(seed_id, "Javad Zarif", color="green", note="**talks** in Tehran")
    library.annotate_quote(seed_id, "Nishank Motwani", tags=["expert"])
    markdown = library.export_annotations([seed_id], "markdown")
    assert "Javad Zarif" in markdown and "Taliban attack provincial capital" in markdown
    rows = list(csv.DictReader(io.StringIO(library.export_annotations([seed_id], "csv"))))
    assert {row["quote"] for row in rows} == {"Javad Zarif", "Nishank Motwani"}
    html = library.export_annotations([seed_id], "html")
    assert "<mark" in html and "<script" not in html
    exported = library.export_annotations([seed_id], "jsonld")
    collection = json.loads(exported)
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    items = collection["first"]["items"]
    assert len(items) == 2
    for item in items:
        assert item["type"] == "Annotation"
        selector_types = {s["type"] for s in item["target"]["selector"]}
        assert selector_types == {"TextQuoteSelector", "TextPositionSelector"}
    # Into a fresh archive holding the same article: same annotations, same anchors.
    with Library.open(tmp_path / "other") as other:
        other.import_paths([library.original_path(seed_id)])
        other_id = other.article_ids()[0]
        assert other_id == seed_id  # the exported targets name this id
        assert other.import_annotations(exported) == 2
        mine = {
            s.annotation.id: (s.anchor.start, s.anchor.end) for s in library.annotations(seed_id)
        }
        theirs = {
            s.annotation.id: (s.anchor.start, s.anchor.end) for s in other.annotations(other_id)
        }
        assert mine == theirs
        assert other.import_annotations(exported) == 0  # the same again changes nothing


def test_citations(library: Library, seed_id: int) -> None:
    assert library.cite(seed_id, "bibtex").startswith("@")
    ris = library.cite(seed_id, "ris")
    assert "TI  - Taliban attack provincial capital amid US pullout" in ris
    assert ris.rstrip().endswith("ER  -")
    csl = json.loads(library.cite(seed_id, "csl"))
    item = csl[0] if isinstance(csl, list) else csl
    assert item["title"] == "Taliban attack provincial capital amid US pullout"
    assert item["issued"]["date-parts"][0][:3] == [2021, 7, 7]
    with pytest.raises(ReaderError):
        library.cite(seed_id, "mla")


def test_text_changes_reanchor_or_orphan_never_misplace(library: Library, seed_id: int) -> None:
    zarif = library.annotate_quote(seed_id, "Iranian Foreign Minister Javad Zarif")
    gone = library.annotate_quote(seed_id, "Hundreds of pro-government fighters pushed")
    article = library.article(seed_id)
    # A new extraction: a lead paragraph added, one paragraph dropped.
    new_text = "An added lead paragraph.\n\n" + article.text.replace(
        "Hundreds of pro-government fighters pushed into Tajikistan", ""
    )
    new = article.extracted.__class__(
        **{**article.extracted.__dict__, "text": new_text, "blocks": ()}
    )
    from reader.core.operations.annotating import reanchor_article

    with library._store.transaction() as connection:
        assert article_rows.update_extraction(connection, seed_id, new)
        counts = reanchor_article(connection, seed_id, new_text)
        queue_for_indexing(connection, [seed_id])
    library.sync_index()
    assert counts == {"exact_quote": 1, "orphan": 1}
    placed = library.annotation(zarif.annotation.id)
    assert (
        new_text[placed.anchor.start : placed.anchor.end] == "Iranian Foreign Minister Javad Zarif"
    )
    orphan = library.annotation(gone.annotation.id)
    assert orphan.anchor.status is AnchorStatus.ORPHAN
    assert orphan.annotation.quote is not None  # the old quote is kept to re-attach it
    assert library.search("is:orphan").total == 1
    assert library.annotated_article_ids(orphans_only=True) == [seed_id]
    start = new_text.find("Tajikistan")
    library.reattach_annotation(gone.annotation.id, start, start + len("Tajikistan"))
    assert library.search("is:orphan").total == 0


def test_reextract_keeps_annotations_anchored(library: Library, seed_id: int) -> None:
    stored = library.annotate_quote(seed_id, "Younus Qanooni", note="former VP")
    outcomes = library.reextract([seed_id])
    assert [o.error for o in outcomes] == [None]
    again = library.annotation(stored.annotation.id)
    text = library.article(seed_id).text
    assert text[again.anchor.start : again.anchor.end] == "Younus Qanooni"


def test_palette_code_names_are_editable_and_searchable(library: Library, seed_id: int) -> None:
    from reader.core.annotations.palette import rename_code

    library.annotate_quote(seed_id, "Javad Zarif", color="orange")
    library.set_palette(rename_code(library.palette(), "orange", "Diplomacy"))
    assert library.palette().get("orange").code == "Diplomacy"
    library.annotate_quote(seed_id, "Younus Qanooni", color="Diplomacy")  # the new name works
    assert library.annotation_counts([seed_id]) == {seed_id: 2}
    assert library.reindex() == 1
    assert library.search("color:diplomacy").total == 1
