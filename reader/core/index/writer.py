"""Opening, creating and updating the Whoosh index of an archive.

Guarantees: one ``IndexWriter`` per archive at a time (the archive lock sees to that);
every ``update`` replaces the article's document (its old version is deleted by the unique
``article_id``; a batch of ``BULK_DOCUMENTS`` or more is written as one new segment, a
smaller one through Whoosh's writer), and commits are batched by the caller. A commit's new
segments are written before the table of contents names them: a crash leaves the index as
it was before the commit, plus unreferenced files the next commit clears. The index is
derived data: when it is missing, unreadable or of an older schema, ``open_or_create``
starts an empty one and the caller re-queues every article.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from whoosh.index import Index
from whoosh.writing import CLEAR

from reader.core.errors import StoreError
from reader.core.index.codec import ArchiveCodec, LeanPostingPool
from reader.core.index.documents import ENTITY_FIELDS, Documents, IndexDocument
from reader.core.index.merging import merge_tiers
from reader.core.index.schema import SCHEMA_VERSION, build_schema
from reader.core.index.storage import MappedStorage

VERSION_FILE = "archival-reader-index.json"


def open_or_create(folder: Path, *, read_only: bool = False) -> tuple[Index, bool]:
    """Opens the index in ``folder``; returns it and whether it was (re)created empty.

    Raises:
        StoreError: in read-only mode, when the index is missing or damaged (rebuilding it
            needs write access).
    """
    version_file = folder / VERSION_FILE
    try:
        recorded = json.loads(version_file.read_text())["schema_version"]
    except (OSError, ValueError, KeyError, TypeError):
        recorded = None
    if recorded == SCHEMA_VERSION:
        try:
            opened = MappedStorage(str(folder)).open_index()
            opened.doc_count()  # reads the table of contents: fails on damage
            return opened, False
        except Exception:  # noqa: BLE001 - any damage means: rebuild from the store
            pass
    if read_only:
        raise StoreError(
            "the search index is missing or damaged; open the archive for writing to rebuild it"
        )
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    created = MappedStorage(str(folder)).create_index(build_schema())
    version_file.write_text(json.dumps({"schema_version": SCHEMA_VERSION}))
    return created, True


def fields_of(document: IndexDocument) -> dict[str, Any]:
    """The Whoosh fields of a document (field name → value, as ``add_document`` takes them)."""
    fields: dict[str, Any] = {
        "article_id": str(document.article_id),
        "article_number": document.article_id,
        "title": document.title,
        "body": document.body,
    }
    optional: dict[str, Any] = {
        "author": " ; ".join(document.authors),
        "site": document.site,
        "url": document.url,
        "lang": document.language,
        "published": document.published,
        "added": document.added,
        "tag": ",".join(document.tags),
        "collection": ",".join(document.collections),
        "color": ",".join(document.colors),
        "note": "\n".join(document.notes),
        "quote": "\n".join(document.quotes),
        "has": ",".join(document.flags),
        "is": ",".join(document.states),
        "entity": " ; ".join(name for names in document.entities.values() for name in names),
    }
    for label, field_name in ENTITY_FIELDS.items():
        optional[field_name] = " ; ".join(document.entities.get(label, ()))
    fields.update({name: value for name, value in optional.items() if value})
    return fields


# Whoosh's estimate of the posting pool's size (MB) at which it spills a sorted run to disk.
BULK_POOL_MB = 256
UPDATE_POOL_MB = 32


# Batches of at least this many documents are written as a whole segment by
# ``bulk.SegmentBuilder`` (term analysis with NumPy: measured 4x less CPU than Whoosh's
# writer on import batches); smaller ones (an edited note, a tag) go through Whoosh's
# writer, which does not need NumPy loaded.
BULK_DOCUMENTS = 16


class IndexWriter:
    """Batches document updates and deletions into one Whoosh commit."""

    def __init__(self, index: Index) -> None:
        self._index = index

    def apply(
        self,
        updates: Iterable[IndexDocument],
        deletions: Iterable[int] = (),
        *,
        fresh: bool = False,
        source: Documents | None = None,
    ) -> int:
        """Writes one batch in a single commit; returns the number of documents updated.
        ``source`` reads articles from the store for merges (see ``merge_tiers``).
        Rebuilds go through ``rebuild.rebuild`` instead (whole segments at once)."""
        # The last version of each article wins, as with successive ``update_document``s.
        documents = list({document.article_id: document for document in updates}.values())
        # Segments stay separate files (not compound): ``MappedStorage`` maps each one,
        # where Whoosh copied a compound segment's parts into memory at every open.
        options = {"codec": ArchiveCodec(), "poolclass": LeanPostingPool, "compound": False}
        # The posting pool stays in this process until it spills a sorted run to disk.
        # Everyday updates (an import's batches and the merges they start, which hold every
        # posting of the merged segments) keep the app's memory flat with a small one.
        limitmb = BULK_POOL_MB if fresh else UPDATE_POOL_MB
        writer = self._index.writer(limitmb=limitmb, **options)
        added: list[Any] = []

        def policy(writer: Any, segments: list[Any]) -> list[Any]:
            return merge_tiers(writer, [*segments, *added], source)

        try:
            for article_id in deletions:
                writer.delete_by_term("article_id", str(article_id))
            if len(documents) >= BULK_DOCUMENTS:
                added.extend(self._write_segment(writer, documents, replace=not fresh))
            else:
                write = writer.add_document if fresh else writer.update_document
                for document in documents:
                    write(**fields_of(document))
            writer.commit(mergetype=policy)
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise
        return len(documents)

    def _write_segment(
        self, writer: Any, documents: list[IndexDocument], *, replace: bool
    ) -> list[Any]:
        """Deletes the old versions of ``documents`` in ``writer`` and writes them as one new
        segment for its commit to add (its files are written before the table of contents
        names them, so a crash leaves the index as it was, plus unreferenced files the next
        commit clears)."""
        # Imported here: NumPy and the builder are not needed to open an archive.
        from reader.core.index.rebuild import build_segment

        if replace:
            for document in documents:
                writer.delete_by_term("article_id", str(document.article_id))
        segment, _ = build_segment(self._index, documents)
        return [segment] if segment is not None else []

    def clear(self) -> None:
        writer = self._index.writer(codec=ArchiveCodec())
        writer.commit(mergetype=CLEAR)
