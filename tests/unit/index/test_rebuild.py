"""The index is derived data: an index of another schema version starts again empty (the
library then re-queues every article), and segments written by Whoosh's own codec read."""

from __future__ import annotations

import json
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec

from reader.core.index import ArchiveIndex, IndexDocument
from reader.core.index.schema import SCHEMA_VERSION
from reader.core.index.writer import VERSION_FILE

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
