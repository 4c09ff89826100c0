"""Entities through the facade: mentions stored at import, corrections applied archive-wide
and kept across re-extraction, the entity table, and entity search fields."""

from __future__ import annotations

import pytest

from reader.core.entities import WatchEntry
from reader.core.library import Library


@pytest.fixture
def library(seed_library: Library) -> Library:
    return seed_library


def names(library: Library, article_id: int, label: str) -> set[str]:
    return {span.text for span in library.canonical_entities(article_id) if span.label == label}


def test_mentions_point_into_the_text_and_skip_the_caption_credit(
    library: Library, seed_id: int
) -> None:
    text = library.article(seed_id).text
    spans = library.entities(seed_id)
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert "Getty" not in {span.text for span in spans}
    assert "Javad Zarif" in names(library, seed_id, "PERSON")
    assert library.search('person:"Javad Zarif"').total == 1


def test_corrections_apply_archive_wide_and_survive_reextraction(
    library: Library, seed_id: int
) -> None:
    library.merge_entities(["Qala-e-Naw", "Qala-e Naw"], "Qala-i-Naw")
    library.set_entity_type("Taliban", "GROUP")
    library.reject_entity("Bagdhis")
    library.watch_entities([WatchEntry("Bagram", "PLACE")])
    assert "Qala-i-Naw" in names(library, seed_id, "PLACE")
    assert "Taliban" in names(library, seed_id, "GROUP")
    assert "Taliban" not in names(library, seed_id, "ORG")
    assert "Bagdhis" not in names(library, seed_id, "PLACE")
    assert "Bagram" in names(library, seed_id, "PLACE")
    assert library.search('place:"Qala-i-Naw"').total == 1
    assert library.search("place:bagdhis").total == 0
    library.reextract([seed_id])
    assert "Qala-i-Naw" in names(library, seed_id, "PLACE")
    assert "Bagdhis" not in names(library, seed_id, "PLACE")
    library.unreject_entity("Bagdhis")
    assert library.search("place:bagdhis").total == 1


def test_the_entity_table_groups_spellings_and_counts_articles(
    library: Library, seed_id: int
) -> None:
    table = {(e.name, e.label): e for e in library.entity_table()}
    places = [e for (name, label), e in table.items() if label == "PLACE" and "Qala" in name]
    assert len(places) == 1  # "Qala-e-Naw" and "Qala-e Naw" are one entity
    assert places[0].article_count == 1
    in_article = [s for s in library.entities(seed_id) if "Qala" in s.text and s.label == "PLACE"]
    assert places[0].mention_count == len(in_article) > 0
    assert library.entity_article_ids(places[0].name, "PLACE") == [seed_id]
    assert all(e.label == "PERSON" for e in library.entity_table("PERSON"))


def test_a_watch_list_file(library: Library, seed_id: int) -> None:
    added = library.import_watch_list("name,type,aliases\nDefense Ministry,ORG,\n")
    assert added == 1
    assert "Defense Ministry" in names(library, seed_id, "ORG")
    assert library.entity_corrections().watch_list[0].name == "Defense Ministry"
