"""The index is derived data: an index of another schema version starts again empty (the
library then rebuilds it from the store), segments written by Whoosh's own codec read, and a
rebuild in parallel chunks gives the same results as indexing document by document."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec

from reader.core.index import ArchiveIndex, IndexDocument
from reader.core.index import rebuild as rebuild_module
from reader.core.index import writer as writer_module
from reader.core.index.codec import ArchiveCodec
from reader.core.index.schema import SCHEMA_VERSION
from reader.core.index.writer import VERSION_FILE
from reader.core.library import Library

from .helpers import QUERIES, assert_same_as_whoosh, random_document

DOCUMENT = IndexDocument(7, "Energy report", "Energy prices rose again in the winter.")


def test_an_index_of_an_older_schema_is_recreated_empty(tmp_path: Path) -> None:
    folder = tmp_path / "whoosh"
    first = ArchiveIndex(folder)
    first.update([DOCUMENT])
    first.close()
    (folder / VERSION_FILE).write_text(json.dumps({"schema_version": SCHEMA_VERSION - 1}))
    reopened = ArchiveIndex(folder)
    try:
        assert reopened.created_empty
        assert reopened.document_count() == 0
        assert json.loads((folder / VERSION_FILE).read_text())["schema_version"] == SCHEMA_VERSION
    finally:
        reopened.close()


def test_the_current_index_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "whoosh"
    first = ArchiveIndex(folder)
    first.update([DOCUMENT])
    first.close()
    reopened = ArchiveIndex(folder)
    try:
        assert not reopened.created_empty
        assert reopened.indexed_ids() == {7}
    finally:
        reopened.close()


def test_a_segment_from_whoosh_codec_and_one_of_ours_search_together(tmp_path: Path) -> None:
    folder = tmp_path / "whoosh"
    ours = ArchiveIndex(folder)
    ours.update([DOCUMENT])
    ours.close()
    plain = whoosh_index.open_dir(str(folder))
    with plain.writer(codec=W3Codec()) as writer:
        writer.add_document(
            article_id="8", article_number=8, title="Winter", body="Energy in winter."
        )
    plain.close()
    both = ArchiveIndex(folder)
    try:
        assert {hit.article_id for hit in both.search("energy").hits} == {7, 8}
        assert both.indexed_ids() == {7, 8}
    finally:
        both.close()


def test_deleted_and_replaced_documents_are_not_listed(tmp_path: Path) -> None:
    archive_index = ArchiveIndex(tmp_path / "whoosh")
    try:
        archive_index.update([DOCUMENT, IndexDocument(8, "Other", "Energy elsewhere.")])
        archive_index.update([IndexDocument(8, "Other", "Energy, replaced.")], deletions=[7])
        assert archive_index.indexed_ids() == {8}
        assert archive_index.matching_ids("energy") == [8]
        assert [hit.article_id for hit in archive_index.search("replaced").hits] == [8]
    finally:
        archive_index.close()


def _ranked(index: ArchiveIndex, text: str) -> list[tuple[int, float]]:
    results = index.search(text, limit=10_000)
    return [(hit.article_id, round(hit.score, 9)) for hit in results.hits]


def test_a_rebuild_in_parallel_chunks_ranks_as_document_by_document_indexing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rebuild_module, "SEGMENT_DOCUMENTS", 70)
    # The reference goes through Whoosh's own writer, not the segment builder it checks.
    monkeypatch.setattr(writer_module, "BULK_DOCUMENTS", 10**9)
    rng = random.Random(21)
    documents = [random_document(rng, n) for n in range(1, 320)]
    one_by_one = ArchiveIndex(tmp_path / "one")
    one_by_one.update(documents)
    rebuilt = ArchiveIndex(tmp_path / "rebuilt")
    by_id = {document.article_id: document for document in documents}
    # A missing article (trashed since it was queued) is skipped.
    ids = [*by_id, 10_000]
    written = rebuilt.rebuild(
        ids, lambda chunk: (by_id[i] for i in chunk if i in by_id), processes=2
    )
    try:
        assert written == len(documents)
        # 320 ids in chunks of at most 70, as many as a multiple of the 2 processes.
        assert len(rebuilt._searcher.segments()) == 6
        assert rebuilt.indexed_ids() == set(by_id)
        for text in QUERIES:
            assert _ranked(rebuilt, text) == _ranked(one_by_one, text), text
        assert rebuilt.search("").total == len(documents)
    finally:
        one_by_one.close()
        rebuilt.close()


def test_an_archive_with_an_index_of_an_older_format_is_rebuilt_at_open(
    tmp_path: Path, seed_page: Path
) -> None:
    root = tmp_path / "archive"
    with Library.open(root) as library:
        library.import_paths([seed_page])
        expected = library.search("Qala-e-Naw").total
    (root / "whoosh" / VERSION_FILE).write_text(json.dumps({"schema_version": SCHEMA_VERSION - 1}))
    with Library.open(root) as reopened:
        assert reopened.search("Qala-e-Naw").total == expected == 1
        assert reopened.search('"provincial capital"').total == 1
        assert reopened.check().consistent
    assert (
        json.loads((root / "whoosh" / VERSION_FILE).read_text())["schema_version"] == SCHEMA_VERSION
    )


def test_rebuilt_segments_merge_through_whoosh_into_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whoosh's writer reads rebuilt segments (inlined rare terms, array blocks) when later
    # commits merge them.
    monkeypatch.setattr(rebuild_module, "SEGMENT_DOCUMENTS", 60)
    rng = random.Random(8)
    documents = {n: random_document(rng, n) for n in range(1, 200)}
    index = ArchiveIndex(tmp_path / "whoosh")
    try:
        index.rebuild(list(documents), lambda ids: (documents[i] for i in ids))
        before = {text: index.matching_ids(text) for text in QUERIES}
        assert len(index._searcher.segments()) == 3  # 199 articles, about 60 per segment
        with index._index.writer(codec=ArchiveCodec()) as writer:
            writer.optimize = True  # merge every segment into one
        assert len(index._searcher.segments()) == 1
        # The same matches; scores move a little (Whoosh's merge sums the one-byte length
        # approximations into the field totals), identically on both paths.
        for text in QUERIES:
            assert index.matching_ids(text) == before[text], text
            assert_same_as_whoosh(index, text, 10_000)
    finally:
        index.close()
