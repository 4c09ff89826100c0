"""The vectorised query path gives Whoosh's own results: the same documents in the same
order, the same scores (to the last bits of a float sum) and the same totals, on fixture
indexes with several segments, deletions, a segment written by Whoosh's own codec, and a
segment above Whoosh's 5,000-document threshold (where its OR changes matcher)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec

from reader.core.index import ArchiveIndex
from reader.core.index import rebuild as rebuild_module
from reader.core.index.postings import Unsupported

from .helpers import QUERIES, WORDS, assert_same_as_whoosh, random_document, text_of


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveIndex]:
    """Four segments (one from Whoosh's own codec) with deletions and replacements."""
    folder = Path(tmp_path_factory.mktemp("vector")) / "whoosh"
    rng = random.Random(5)
    index = ArchiveIndex(folder)
    index.update([random_document(rng, n) for n in range(1, 120)])
    index.update([random_document(rng, n) for n in range(120, 200)], deletions=[3, 50, 77])
    index.close()
    plain = whoosh_index.open_dir(str(folder))
    with plain.writer(codec=W3Codec()) as writer:
        for n in range(200, 240):
            writer.add_document(
                article_id=str(n), article_number=n, title=text_of(rng, 3), body=text_of(rng, 30)
            )
    plain.close()
    index = ArchiveIndex(folder)
    index.update([random_document(rng, n) for n in (5, 6, 130, 240, 241)])
    yield index
    index.close()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveIndex]:
    """Segments written whole by ``rebuild`` (rare terms inlined in the term dictionary),
    then an ordinary update with deletions."""
    rng = random.Random(13)
    documents = {n: random_document(rng, n) for n in range(1, 400)}
    index = ArchiveIndex(Path(tmp_path_factory.mktemp("vector-rebuilt")) / "whoosh")
    saved = rebuild_module.SEGMENT_DOCUMENTS
    rebuild_module.SEGMENT_DOCUMENTS = 150
    try:
        index.rebuild(list(documents), lambda ids: (documents[i] for i in ids))
    finally:
        rebuild_module.SEGMENT_DOCUMENTS = saved
    index.update([random_document(rng, n) for n in (7, 8, 500)], deletions=[20, 21, 160])
    yield index
    index.close()


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveIndex]:
    """One segment of more than 5,000 documents, and a small one."""
    rng = random.Random(9)
    index = ArchiveIndex(Path(tmp_path_factory.mktemp("vector-large")) / "whoosh")
    index.update([random_document(rng, n, words=8) for n in range(1, 5200)], fresh=True)
    index.update([random_document(rng, n) for n in range(5200, 5230)], deletions=[10, 11])
    yield index
    index.close()


@pytest.mark.parametrize("text", QUERIES)
def test_same_ranking_totals_and_scores_as_whoosh(
    small: ArchiveIndex, rebuilt: ArchiveIndex, large: ArchiveIndex, text: str
) -> None:
    for index in (small, rebuilt, large):
        for limit in (1, 10, 10_000):
            assert_same_as_whoosh(index, text, limit)


@pytest.mark.parametrize("text", QUERIES[:20] + QUERIES[-12:])
def test_same_date_sorts_as_whoosh(
    small: ArchiveIndex, rebuilt: ArchiveIndex, large: ArchiveIndex, text: str
) -> None:
    for index in (small, rebuilt, large):
        for sort in ("published", "added"):
            assert_same_as_whoosh(index, text, 25, sort)


@pytest.mark.parametrize("text", QUERIES)
def test_same_matching_ids_as_whoosh(small: ArchiveIndex, text: str) -> None:
    searcher = small._searcher
    parsed = searcher.parse(text)
    whoosh_ids = [searcher.article_numbers()[d] for d in searcher.searcher().docs_for_query(parsed)]
    assert small.matching_ids(text) == whoosh_ids


@pytest.mark.parametrize("text", QUERIES)
def test_same_terms_matched_in_a_document_as_whoosh(
    small: ArchiveIndex, rebuilt: ArchiveIndex, text: str
) -> None:
    # The terms behind "every hit in context" (``match_spans``), for hits and non-hits;
    # a date range's trie terms (which Whoosh lists too) are not words of the text.
    for index in (small, rebuilt):
        searcher = index._searcher
        parsed = searcher.parse(text)
        hits = [hit.article_id for hit in index.search(text, limit=3).hits]
        for article_id in [*hits, 2, 5, 131, 240]:
            expected = {
                (field, term if isinstance(term, bytes) else str(term).encode())
                for field, term in searcher.terms_whoosh(parsed, article_id)
                if field not in ("published", "added")
            }
            assert searcher.terms_vector(parsed, article_id) == expected, (text, article_id)


def test_the_fixtures_exercise_every_path(
    small: ArchiveIndex, rebuilt: ArchiveIndex, large: ArchiveIndex
) -> None:
    # Deletions, several segments, and a segment on each side of 5,000 documents.
    assert len(small._searcher.segments()) >= 3
    assert any(arrays.live is not None for arrays, _, _ in small._searcher.segments())
    assert max(arrays.doc_count for arrays, _, _ in large._searcher.segments()) > 5000
    assert len(rebuilt._searcher.segments()) == 4  # three rebuilt, one updated
    # Every query above takes the vectorised path (none falls back).
    for index in (small, rebuilt, large):
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
def test_random_queries_match_whoosh(small: ArchiveIndex, rebuilt: ArchiveIndex, text: str) -> None:
    assert_same_as_whoosh(small, text, 10_000)
    assert_same_as_whoosh(rebuilt, text, 10_000)
