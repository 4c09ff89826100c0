"""The index's merge policy: segments merge by size tier, re-analysed from the store.

Whoosh-Reloaded's default policy (``MERGE_SMALL``) merges every segment up to a "merge
point"; with about 20 segments of similar size that point is the last one, and a one-article
commit rewrote the whole index (3 minutes at 50,000 articles, measured). Here segments are
grouped in tiers by size (1-9, 10-99, 100-999... documents) and only a full tier merges, so
the cost of a commit stays proportional to what it adds, amortised.

A merge re-analyses the live articles of the merged segments from the store (the index is
derived data) with ``bulk.SegmentBuilder``, in segments of at most
``rebuild.SEGMENT_DOCUMENTS``: measured 1.6-3 ms of CPU per article, where Whoosh's own
merge, which copies postings one at a time, cost 20 (a pause of minutes once an import
passed about 20,000 files), and the builder's memory is that of a rebuild's worker. Segments
of half that size or more are "full": they merge no more (which also guarantees that every
merge leaves fewer segments), and are rewritten alone only when most of their documents
were replaced or deleted. Without a store to read from (``documents`` is None), a full tier
goes through Whoosh's merge into one segment.
"""

from __future__ import annotations

import math
from typing import Any

from reader.core.index.documents import Documents

# A tier merges once it holds this many segments.
MERGE_AT = 8
# A full segment is rewritten once this share of its documents is deleted (replaced
# versions, mostly): rewriting it earlier would redo work that a re-extraction of the whole
# archive, which replaces every article in turn, would soon make useless again.
REWRITE_DELETED_SHARE = 0.5


def full_size() -> int:
    """Segments of at least this many documents merge no more."""
    from reader.core.index import rebuild

    return rebuild.SEGMENT_DOCUMENTS // 2


def _tier(segment: Any) -> int:
    return len(str(max(1, int(segment.doc_count_all()))))


def live_article_ids(writer: Any, segment: Any) -> list[int]:
    """The article ids of a segment's documents that are not deleted (counting the
    deletions ``writer`` has made so far)."""
    from whoosh.reading import SegmentReader

    reader = SegmentReader(writer.storage, writer.schema, segment)
    try:
        numbers = reader.column_reader("article_number")
        return [int(numbers[docnum]) for docnum in reader.all_doc_ids()]
    finally:
        reader.close()


def reanalysed(writer: Any, members: list[Any], documents: Documents) -> list[Any]:
    """New segments of at most ``SEGMENT_DOCUMENTS`` documents (as few as that allows)
    holding the live articles of ``members``, read again from the store."""
    from reader.core.index import rebuild

    ids = [article_id for segment in members for article_id in live_article_ids(writer, segment)]
    if not ids:
        return []
    size = math.ceil(len(ids) / math.ceil(len(ids) / rebuild.SEGMENT_DOCUMENTS))
    added = []
    for start in range(0, len(ids), size):
        segment, _ = rebuild.build_segment(writer, documents(ids[start : start + size]))
        if segment is not None:
            added.append(segment)
    return added


def merge_tiers(writer: Any, segments: list[Any], documents: Documents | None = None) -> list[Any]:
    """A Whoosh merge policy (see the module's description)."""
    from whoosh.reading import SegmentReader

    full = full_size()
    kept: list[Any] = []
    tiers: dict[int, list[Any]] = {}
    rewritten: list[Any] = []
    for segment in segments:
        total = int(segment.doc_count_all())
        live = int(segment.doc_count())
        if live == 0:  # every document deleted: nothing to keep
            continue
        if total >= full:
            if documents is not None and live <= total * (1 - REWRITE_DELETED_SHARE):
                rewritten.extend(reanalysed(writer, [segment], documents))
            else:
                kept.append(segment)
            continue
        tiers.setdefault(_tier(segment), []).append(segment)
    for members in tiers.values():
        if len(members) < MERGE_AT:
            kept.extend(members)
        elif documents is not None:
            rewritten.extend(reanalysed(writer, members, documents))
        else:
            for segment in members:
                reader = SegmentReader(writer.storage, writer.schema, segment)
                writer.add_reader(reader)
                reader.close()
    order = {id(segment): number for number, segment in enumerate(segments)}
    return sorted(kept, key=lambda segment: order[id(segment)]) + rewritten
