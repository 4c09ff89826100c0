"""Import batches are written as whole segments (``bulk.SegmentBuilder``) rather than
through Whoosh's writer: the same matches, ranks and scores, old versions replaced, and a
failed batch leaves the index as it was."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from whoosh.writing import SegmentWriter

from reader.core.index import ArchiveIndex, IndexDocument
from reader.core.index import rebuild as rebuild_module
from reader.core.index import writer as writer_module

from .helpers import QUERIES, random_document


def _ranked(index: ArchiveIndex, text: str) -> list[tuple[int, float]]:
    results = index.search(text, limit=10_000)
    return [(hit.article_id, round(hit.score, 9)) for hit in results.hits]


def _whoosh_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer_module, "BULK_DOCUMENTS", 10**9)


def _batches(documents: list[IndexDocument], size: int) -> list[list[IndexDocument]]:
    return [documents[start : start + size] for start in range(0, len(documents), size)]


def _index_in_batches(
    folder: Path, batches: list[tuple[list[IndexDocument], list[int]]], *, reanalyse: bool = False
) -> ArchiveIndex:
    """An index fed ``batches``; with ``reanalyse``, merges read the articles back from a
    stand-in for the store (the latest version of each, deleted ones gone)."""
    index = ArchiveIndex(folder)
    store: dict[int, IndexDocument] = {}

    def source(ids: Sequence[int]) -> Iterator[IndexDocument]:
        return (store[article_id] for article_id in ids if article_id in store)

    for documents, deletions in batches:
        store.update((document.article_id, document) for document in documents)
        for article_id in deletions:
            store.pop(article_id, None)
        index.update(documents, deletions=deletions, source=source if reanalyse else None)
    return index


def test_batches_written_as_segments_rank_as_whoosh_writer_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(5)
    documents = [random_document(rng, n) for n in range(1, 301)]
    # Then new versions of 60 of them (with other words), and 10 deleted.
    replaced = [random_document(rng, n, words=12) for n in range(100, 160)]
    batches = [(batch, []) for batch in _batches(documents, 100)]
    batches.append((replaced, list(range(290, 300))))
    bulk = _index_in_batches(tmp_path / "bulk", batches)
    with monkeypatch.context() as patch:
        _whoosh_only(patch)
        whoosh = _index_in_batches(tmp_path / "whoosh", batches)
    try:
        expected_ids = set(range(1, 301)) - set(range(290, 300))
        assert bulk.indexed_ids() == whoosh.indexed_ids() == expected_ids
        assert len(bulk._searcher.segments()) == 4
        for text in QUERIES:
            assert _ranked(bulk, text) == _ranked(whoosh, text), text
        # The old versions' words are gone: article 120's new body is what matches.
        new_words = replaced[20].body.rstrip(".").lower().split()
        assert 120 in bulk.matching_ids(f'"{new_words[0]}"')
    finally:
        bulk.close()
        whoosh.close()


def test_the_last_version_in_a_batch_wins(tmp_path: Path) -> None:
    rng = random.Random(9)
    documents = [random_document(rng, n) for n in range(1, 30)]
    documents.append(IndexDocument(3, "Third, again", "Quinoa harvest."))
    index = ArchiveIndex(tmp_path / "whoosh")
    try:
        assert index.update(documents) == 29
        assert index.document_count() == 29
        assert index.matching_ids("quinoa") == [3]
        assert index.matching_ids('title:"third again"') == [3]
    finally:
        index.close()


@pytest.mark.parametrize(
    ("reanalyse", "segment_documents"),
    [(False, None), (True, None), (True, 100)],
    ids=["whoosh-merge", "re-analysed", "re-analysed-into-two"],
)
def test_segments_of_a_full_tier_merge_into_the_same_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reanalyse: bool, segment_documents: int | None
) -> None:
    # Nine batches of 20 (the tier of 10-99 documents holds 8 before it merges), every
    # other batch replacing some earlier articles and deleting one.
    rng = random.Random(13)
    batches: list[tuple[list[IndexDocument], list[int]]] = []
    for number in range(9):
        ids = list(range(number * 20 + 1, number * 20 + 21))
        deletions = []
        if number % 2:
            ids[:5] = rng.sample(range(1, number * 20), 5)
            deletions = [rng.choice([n for n in range(1, number * 20) if n not in ids])]
        batches.append(([random_document(rng, n) for n in ids], deletions))
    with monkeypatch.context() as patch:
        if segment_documents is not None:  # fewer than the 8 batches' live articles
            patch.setattr(rebuild_module, "SEGMENT_DOCUMENTS", segment_documents)
        if reanalyse:  # then no posting is copied through Whoosh's merge
            patch.setattr(SegmentWriter, "add_reader", None)
        merged = _index_in_batches(tmp_path / "merged", batches, reanalyse=reanalyse)
    with monkeypatch.context() as patch:
        _whoosh_only(patch)
        whoosh = _index_in_batches(tmp_path / "whoosh", batches)
    try:
        sizes = sorted(segment.doc_count_all() for segment in merged._index._segments())
        if segment_documents is None:
            # The full tier became one segment of the next: 8 batches, then the ninth.
            assert len(sizes) == 2 and sizes[-1] >= 100, sizes
        else:
            # The merged articles did not fit one segment: two, then the ninth batch.
            assert len(sizes) == 3 and sizes[0] == 20 and sizes[-1] <= segment_documents, sizes
        assert merged.indexed_ids() == whoosh.indexed_ids()
        assert merged.document_count() == whoosh.document_count()
        # (Listed in document order, which differs: Whoosh's writer puts the merged
        # documents before the batch's own in the new segment.)
        for text in QUERIES:
            assert sorted(merged.matching_ids(text)) == sorted(whoosh.matching_ids(text)), text
    finally:
        merged.close()
        whoosh.close()


def test_full_segments_merge_no_more_and_are_rewritten_once_mostly_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(21)
    # Nine batches of 20, each a full segment (half of SEGMENT_DOCUMENTS): no tier merges.
    batches = [
        ([random_document(rng, n) for n in range(b * 20 + 1, b * 20 + 21)], []) for b in range(9)
    ]
    # New versions of 12 of the first segment's articles: it is rewritten with the other 8.
    batches.append(([random_document(rng, n, words=12) for n in range(1, 13)], []))
    # Those 8 deleted: the rewritten segment holds nothing more and goes.
    batches.append(([], list(range(13, 21))))
    with monkeypatch.context() as patch:
        patch.setattr(rebuild_module, "SEGMENT_DOCUMENTS", 40)
        patch.setattr(SegmentWriter, "add_reader", None)
        index = _index_in_batches(tmp_path / "merged", batches[:10], reanalyse=True)
        sizes = sorted(segment.doc_count_all() for segment in index._index._segments())
        assert sizes == [8, 12] + [20] * 8
        index.close()
        index = _index_in_batches(tmp_path / "merged-then-deleted", batches, reanalyse=True)
    with monkeypatch.context() as patch:
        _whoosh_only(patch)
        whoosh = _index_in_batches(tmp_path / "whoosh", batches)
    try:
        sizes = sorted(segment.doc_count_all() for segment in index._index._segments())
        assert sizes == [12] + [20] * 8
        assert (
            index.indexed_ids() == whoosh.indexed_ids() == set(range(1, 13)) | set(range(21, 181))
        )
        for text in QUERIES:
            assert sorted(index.matching_ids(text)) == sorted(whoosh.matching_ids(text)), text
    finally:
        index.close()
        whoosh.close()


def test_a_batch_that_fails_leaves_the_index_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(2)
    first = [random_document(rng, n) for n in range(1, 41)]
    index = ArchiveIndex(tmp_path / "whoosh")
    try:
        index.update(first)
        before = {text: _ranked(index, text) for text in QUERIES}

        def broken(*args: object, **kwargs: object) -> None:
            raise OSError("disk full")

        with monkeypatch.context() as patch:
            patch.setattr(rebuild_module, "build_segment", broken)
            with pytest.raises(OSError, match="disk full"):
                index.update([random_document(rng, n) for n in range(20, 60)], deletions=[1])
        index._searcher.close()
        reopened = ArchiveIndex(tmp_path / "whoosh")
        try:
            assert reopened.indexed_ids() == set(range(1, 41))
            for text in QUERIES:
                assert _ranked(reopened, text) == before[text], text
            # The write lock was released: the next batch goes in.
            reopened.update([random_document(rng, n) for n in range(41, 61)])
            assert reopened.indexed_ids() == set(range(1, 61))
        finally:
            reopened.close()
    finally:
        index.close()
