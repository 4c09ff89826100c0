"""The query language on a small index whose answers are known by construction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from reader.core.errors import QueryError
from reader.core.index import ArchiveIndex, IndexDocument

TEXTS = {
    1: "Taliban fighters attacked Qala-e-Naw, the capital of Badghis province, on Wednesday.",
    2: "The president met the prime minister in Berlin to discuss energy prices.",
    3: "Energy prices rose again; the presidency blamed the winter and the war.",
    4: "A café in Zürich served the Taliban envoy and the Iranian foreign minister.",
}
DOCUMENTS = [
    IndexDocument(
        1,
        "Taliban attack provincial capital",
        TEXTS[1],
        authors=("Ann Smith",),
        site="DW",
        language="en",
        published=datetime(2021, 7, 7),
        entities={"PERSON": (), "PLACE": ("Qala-e-Naw", "Badghis")},
    ),
    IndexDocument(
        2,
        "Leaders meet in Berlin",
        TEXTS[2],
        authors=("Bob Jones",),
        site="Reuters",
        language="en",
        published=datetime(2022, 3, 1),
        tags=("energy", "europe"),
        entities={"PLACE": ("Berlin",)},
    ),
    IndexDocument(
        3,
        "Prices rise",
        TEXTS[3],
        site="Reuters",
        language="en",
        published=datetime(2022, 12, 24),
        tags=("energy",),
    ),
    IndexDocument(
        4,
        "Talks in Zurich",
        TEXTS[4],
        site="NZZ",
        language="de",
        published=datetime(2020, 1, 15),
        entities={"PERSON": ("Javad Zarif",)},
        notes=("check the envoy's name",),
        colors=("yellow",),
        flags=("annotation", "note"),
    ),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveIndex]:
    archive_index = ArchiveIndex(Path(tmp_path_factory.mktemp("index")) / "whoosh")
    archive_index.update(DOCUMENTS)
    yield archive_index
    archive_index.close()


def ids(index: ArchiveIndex, query: str) -> set[int]:
    return {hit.article_id for hit in index.search(query, limit=100).hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("taliban", {1, 4}),
        ("taliban AND envoy", {4}),
        ("taliban envoy", {4}),  # words are ANDed by default
        ("taliban OR berlin", {1, 2, 4}),
        ("energy NOT berlin", {3}),
        ("energy -berlin", {3}),
        ("energy -(berlin OR minister)", {3}),
        ("energy NOT president", set()),  # "presidency" and "president" share a stem
        ("qala-e-naw", {1}),  # a hyphen inside a word is not a NOT
        ('"energy prices"', {2, 3}),
        ('"prices energy"', set()),
        ("presid*", {2, 3}),
        ("zarif", {4}),
        ("zurich", {4}),  # accents folded: "Zürich" in the text
        ("cafe", {4}),
        ("attacks", {1}),  # stemming: attacked / attack
        ("badgis~1", {1}),
        ("title:prices", {3}),
        ("author:smith", {1}),
        ("site:reuters", {2, 3}),
        ("lang:de", {4}),
        ("tag:energy", {2, 3}),
        ("tag:europe", {2}),
        ("place:berlin", {2}),
        ('person:"javad zarif"', {4}),
        ("entity:badghis", {1}),
        ("note:envoy", {4}),
        ("color:yellow", {4}),
        ("has:note", {4}),
        ("published:2022", {2, 3}),
        ("published:[2021-06 TO 2022-06]", {1, 2}),
        ("published:>2022-06-01", {3}),
        ("published:<2021-01-01", {4}),
        ("published:<=2021-07", {1, 4}),
        ("published:2021-07-07", {1}),
        ("published:2022-03", {2}),
        ("published:[2022-01 TO]", {2, 3}),
        ("", {1, 2, 3, 4}),
    ],
)
def test_query_language(index: ArchiveIndex, query: str, expected: set[int]) -> None:
    assert ids(index, query) == expected


def test_title_matches_rank_above_body_matches(index: ArchiveIndex) -> None:
    hits = index.search("prices").hits
    assert hits[0].article_id == 3  # "prices" in its title and body; 2 has it in body only


def test_sort_by_published_date_is_newest_first(index: ArchiveIndex) -> None:
    hits = index.search("", sort="published", limit=10).hits
    assert [hit.article_id for hit in hits] == [3, 2, 1, 4]


def test_total_counts_all_matches_beyond_the_limit(index: ArchiveIndex) -> None:
    results = index.search("", limit=1)
    assert results.total == 4
    assert len(results.hits) == 1


def test_snippets_come_from_the_given_text_with_hit_spans(index: ArchiveIndex) -> None:
    results = index.search("energy", load_texts=lambda wanted: {i: TEXTS[i] for i in wanted})
    for hit in results.hits:
        assert hit.spans
        for start, end in hit.spans:
            assert hit.snippet[start:end].lower() == "energy"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("published:2021-13-45", "not a date"),
        ("published:yesterday", "cannot read the date"),
        ("title:(taliban", "parenthesis is not closed"),
        ("taliban)", "no opening one"),
        ('"energy prices', "not closed"),
        ("tag: energy", "needs a value"),
        ("colour:red", "unknown field colour"),
    ],
)
def test_malformed_queries_raise_a_readable_error(
    index: ArchiveIndex, query: str, message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        index.search(query)


def test_urls_and_times_in_queries_are_not_taken_for_fields(index: ArchiveIndex) -> None:
    assert index.search("https://example.com/page").total == 0
    assert index.search('url:"https://example.com/page"').total == 0


def test_matching_ids_and_spans_in_an_article(index: ArchiveIndex) -> None:
    assert sorted(index.matching_ids("energy")) == [2, 3]
    spans = index.match_spans("presid*", 3, TEXTS[3])
    assert [TEXTS[3][start:end] for start, end in spans] == ["presidency"]
    assert index.match_spans("berlin", 3, TEXTS[3]) == []  # article 3 does not match


def test_updating_a_document_replaces_it(tmp_path: Path) -> None:
    archive_index = ArchiveIndex(tmp_path / "whoosh")
    archive_index.update([IndexDocument(7, "Old title", "old words")])
    archive_index.update([IndexDocument(7, "New title", "new words")])
    assert archive_index.document_count() == 1
    assert {h.article_id for h in archive_index.search("new").hits} == {7}
    assert archive_index.search("old").total == 0
    archive_index.update([], deletions=[7])
    assert archive_index.search("").total == 0
    archive_index.close()


def test_a_damaged_index_is_recreated_empty(tmp_path: Path) -> None:
    folder = tmp_path / "whoosh"
    archive_index = ArchiveIndex(folder)
    archive_index.update(DOCUMENTS)
    archive_index.close()
    for segment in folder.glob("*.seg"):
        segment.write_bytes(b"garbage")
    for toc in folder.glob("*.toc"):
        toc.write_bytes(b"garbage")
    reopened = ArchiveIndex(folder)
    assert reopened.created_empty
    assert reopened.search("").total == 0
    reopened.close()


def test_small_commits_merge_by_tier_and_never_rewrite_big_segments(tmp_path: Path) -> None:
    archive_index = ArchiveIndex(tmp_path / "whoosh")
    big = [IndexDocument(i, f"title {i}", f"body words {i}") for i in range(1, 1201)]
    archive_index.update(big, fresh=True)  # one segment of 1,200 documents
    segments = archive_index._index._segments
    for number in range(2000, 2020):  # twenty one-article commits, as imports make them
        archive_index.update([IndexDocument(number, "small", "one new article")])
        counts = sorted(s.doc_count_all() for s in segments())
        assert counts[-1] == 1200  # the big segment is never rewritten
        assert len(counts) <= 1 + 8 + 1  # small ones are merged once a tier fills
    assert archive_index.search("new").total == 20
    assert archive_index.document_count() == 1220
    archive_index.close()
