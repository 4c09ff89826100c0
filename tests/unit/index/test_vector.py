"""The vectorised query path gives Whoosh's own results: the same documents in the same
order, the same scores (to the last bits of a float sum) and the same totals, on fixture
indexes with several segments, deletions, a segment written by Whoosh's own codec, and a
segment above Whoosh's 5,000-document threshold (where its OR changes matcher)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec

from reader.core.index import ArchiveIndex, IndexDocument
from reader.core.index.postings import Unsupported

WORDS = [
    "energy",
    "prices",
    "rose",
    "again",
    "winter",
    "president",
    "presidency",
    "presidents",
    "minister",
    "ministry",
    "taliban",
    "envoy",
    "herat",
    "kabul",
    "province",
    "capital",
    "attack",
    "attacked",
    "attacks",
    "market",
    "markets",
    "marketing",
    "grain",
    "grains",
    "harvest",
    "harvests",
    "report",
    "reports",
    "reported",
    "reporter",
    "election",
    "elections",
    "elected",
    "vote",
    "voters",
    "council",
    "councils",
    "river",
    "rivers",
    "bridge",
    "bridges",
]
NAMES = ["Ann Smith", "Bob Jones", "Zoë Müller", "Li Wei"]
TAGS = ["energy", "europe", "asia", "war"]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _document(rng: random.Random, article_id: int, words: int = 40) -> IndexDocument:
    published = None
    if rng.random() < 0.8:
        published = datetime(2015, 1, 1) + timedelta(days=rng.randrange(3000))
    return IndexDocument(
        article_id,
        _text(rng, rng.randint(1, 5)),
        _text(rng, rng.randint(1, words)),
        authors=(rng.choice(NAMES),) if rng.random() < 0.5 else (),
        site=rng.choice(["DW", "Reuters", "NZZ"]),
        language=rng.choice(["en", "de"]),
        published=published,
        added=datetime(2026, 1, 1) + timedelta(hours=rng.randrange(2000)),
        tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
        notes=(_text(rng, 5),) if rng.random() < 0.1 else (),
        entities={"PERSON": (rng.choice(NAMES),)} if rng.random() < 0.3 else {},
    )


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveIndex]:
    """Four segments (one from Whoosh's own codec) with deletions and replacements."""
    folder = Path(tmp_path_factory.mktemp("vector")) / "whoosh"
    rng = random.Random(5)
    index = ArchiveIndex(folder)
    index.update([_document(rng, n) for n in range(1, 120)])
    index.update([_document(rng, n) for n in range(120, 200)], deletions=[3, 50, 77])
    index.close()
    plain = whoosh_index.open_dir(str(folder))
    with plain.writer(codec=W3Codec()) as writer:
        for n in range(200, 240):
            writer.add_document(
                article_id=str(n), article_number=n, title=_text(rng, 3), body=_text(rng, 30)
            )
    plain.close()
    index = ArchiveIndex(folder)
    index.update([_document(rng, n) for n in (5, 6, 130, 240, 241)])
    yield index
    index.close()


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveIndex]:
    """One segment of more than 5,000 documents, and a small one."""
    rng = random.Random(9)
    index = ArchiveIndex(Path(tmp_path_factory.mktemp("vector-large")) / "whoosh")
    index.update([_document(rng, n, words=8) for n in range(1, 5200)], fresh=True)
    index.update([_document(rng, n) for n in range(5200, 5230)], deletions=[10, 11])
    yield index
    index.close()


QUERIES = [
    "",
    "energy",
    "prices",
    "ENERGY prices",
    "energy AND prices",
    "energy OR taliban",
    "energy OR taliban OR herat",
    "energy NOT prices",
    "energy -prices",
    "-energy",
    "NOT energy",
    "energy -(prices OR winter)",
    "(energy OR taliban) AND (herat OR kabul)",
    '"energy prices"',
    '"prices energy"',
    '"energy prices rose"',
    '"energy prices"~3',
    '"taliban herat"~10',
    '"president"',
    '"energy nosuchword"',
    "presid*",
    "elect*",
    "market*",
    "riv*",
    "zzz*",
    "harvst~1",
    "presidnt~2",
    "title:energy",
    "title:energy OR body:herat",
    "author:smith",
    "author:müller",
    "person:smith",
    "site:reuters",
    "lang:de",
    "tag:energy",
    "tag:energy tag:europe",
    "note:prices",
    "published:2016",
    "published:[2016-06 TO 2018-02]",
    "published:>2020-01-01",
    "published:<=2016-03",
    "published:[2017 TO]",
    "added:[2026-01-10 TO 2026-02-01]",
    "energy published:[2016 TO 2019]",
    "energy -published:2016",
    "title:report* published:[2016 TO 2022]",
    "nosuchword",
    "energy nosuchword",
    "energy OR nosuchword",
]


def _canonical(ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Hits in rank order, with runs of equal scores (within float rounding of a sum)
    listed by document number, as Whoosh lists exact ties."""
    out: list[tuple[int, float]] = []
    group: list[tuple[int, float]] = []
    for hit in ranked:
        if group and abs(hit[1] - group[0][1]) > 1e-9 * max(1.0, abs(group[0][1])):
            out.extend(sorted(group))
            group = []
        group.append(hit)
    return out + sorted(group)


def _assert_same(index: ArchiveIndex, text: str, limit: int, sort: str = "relevance") -> None:
    searcher = index._searcher
    parsed = searcher.parse(text)
    total, ranked = searcher.ranked_vector(parsed, limit=limit, sort=sort)
    expected_total, expected = searcher.ranked_whoosh(parsed, limit=limit, sort=sort)
    assert total == expected_total, text
    if sort == "relevance":
        ours, theirs = _canonical(ranked), _canonical(expected)
        assert [d for d, _ in ours] == [d for d, _ in theirs], text
        for (_, mine), (_, whoosh) in zip(ours, theirs, strict=True):
            assert mine == pytest.approx(whoosh, rel=1e-12), text
    else:
        assert ranked == expected, text


@pytest.mark.parametrize("text", QUERIES)
def test_same_ranking_totals_and_scores_as_whoosh(
    small: ArchiveIndex, large: ArchiveIndex, text: str
) -> None:
    for index in (small, large):
        for limit in (1, 10, 10_000):
            _assert_same(index, text, limit)


@pytest.mark.parametrize("text", QUERIES[:20] + QUERIES[-12:])
def test_same_date_sorts_as_whoosh(small: ArchiveIndex, large: ArchiveIndex, text: str) -> None:
    for index in (small, large):
        for sort in ("published", "added"):
            _assert_same(index, text, 25, sort)


@pytest.mark.parametrize("text", QUERIES)
def test_same_matching_ids_as_whoosh(small: ArchiveIndex, text: str) -> None:
    searcher = small._searcher
    parsed = searcher.parse(text)
    whoosh_ids = [searcher.article_numbers()[d] for d in searcher.searcher().docs_for_query(parsed)]
    assert small.matching_ids(text) == whoosh_ids


def test_the_fixtures_exercise_every_path(small: ArchiveIndex, large: ArchiveIndex) -> None:
    # Deletions, several segments, and a segment on each side of 5,000 documents.
    assert len(small._searcher.segments()) >= 3
    assert any(arrays.live is not None for arrays, _, _ in small._searcher.segments())
    assert max(arrays.doc_count for arrays, _, _ in large._searcher.segments()) > 5000
    # Every query above takes the vectorised path (none falls back).
    for index in (small, large):
        for text in QUERIES:
            index._searcher.ranked_vector(index._searcher.parse(text), limit=5)


def test_unsupported_shapes_fall_back_to_whoosh(small: ArchiveIndex) -> None:
    searcher = small._searcher
    with pytest.raises(Unsupported):
        searcher.ranked_vector(searcher.parse("url:[a TO z]"), limit=5)
    # ...and the search still answers.
    assert (
        small.search("url:[a TO z]").total
        == searcher.ranked_whoosh(searcher.parse("url:[a TO z]"), limit=5)[0]
    )


_word = st.sampled_from(WORDS[:20] + ["nosuchword"])
_leaf = st.one_of(
    _word,
    _word.map(lambda w: f"{w[:4]}*"),
    _word.map(lambda w: f"title:{w}"),
    st.tuples(_word, _word).map(lambda p: f'"{p[0]} {p[1]}"'),
    st.tuples(_word, _word, st.integers(1, 4)).map(lambda p: f'"{p[0]} {p[1]}"~{p[2]}'),
    st.sampled_from(["published:2016", "published:[2017 TO 2019-06]", "tag:energy", "lang:en"]),
)
_query = st.recursive(
    _leaf,
    lambda inner: st.one_of(
        st.tuples(inner, inner).map(lambda p: f"({p[0]} AND {p[1]})"),
        st.tuples(inner, inner).map(lambda p: f"({p[0]} OR {p[1]})"),
        st.tuples(inner, inner).map(lambda p: f"({p[0]} NOT {p[1]})"),
    ),
    max_leaves=4,
)


@settings(max_examples=150, deadline=None)
@given(text=_query)
def test_random_queries_match_whoosh(small: ArchiveIndex, text: str) -> None:
    _assert_same(small, text, 10_000)
