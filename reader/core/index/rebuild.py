"""Rebuilding the index from the store: segments written whole, in parallel.

The article ids are split into contiguous chunks of at most ``SEGMENT_DOCUMENTS``; each
chunk becomes one segment written by ``bulk.SegmentBuilder`` (documents read from the
store by the worker itself, through the ``documents`` callable), and one commit adds every
segment to the index. With ``processes`` > 1 the chunks are built in forked processes:
only single-threaded callers (the command line) may ask for that, since forking a
process with other threads running (Qt, SQLite work) is unsafe.

Memory: a worker holds one chunk's vocabulary and per-document values; its postings wait
in a temporary file and are sorted and written a part at a time (``bulkfields``).
"""

from __future__ import annotations

import math
import multiprocessing
from collections.abc import Iterable, Sequence
from typing import Any

from whoosh.index import Index

from reader.core.index.bulk import SegmentBuilder
from reader.core.index.codec import ArchiveCodec
from reader.core.index.documents import Documents, IndexDocument
from reader.core.index.writer import fields_of
from reader.core.progress import Progress, ProgressCallback

# Documents per segment: fewer, larger segments make queries cheaper (a look-up per
# segment and term, and prefix and fuzzy expansion walk each segment's terms: at 50,000
# articles in 4 segments rather than 2, prefix queries took twice as long). A worker's
# memory grows with its chunk's vocabulary more than with its postings: about 160 MB at its
# peak for 25,000 articles of 500 words, of which about 50 MB the process had at start
# (``benchmarks/memory_bench.py --rebuild``; 470 MB when the postings stayed in memory).
SEGMENT_DOCUMENTS = 25_000


# The job of the forked workers, set before they fork (they inherit it; nothing is pickled
# but the chunk number and the finished segment).
_JOB: tuple[Index, list[list[int]], Documents] | None = None


def chunks_of(ids: Sequence[int], processes: int) -> list[list[int]]:
    """Contiguous chunks of about equal size, about ``SEGMENT_DOCUMENTS`` each (at most
    half as much again), as many as a multiple of ``processes`` (so that the processes
    finish together)."""
    if not ids:
        return []
    processes = max(1, processes)
    count = max(1, round(len(ids) / SEGMENT_DOCUMENTS))
    count = min(math.ceil(count / processes) * processes, len(ids))
    size = math.ceil(len(ids) / count)
    return [list(ids[start : start + size]) for start in range(0, len(ids), size)]


def build_segment(target: Any, documents: Iterable[IndexDocument]) -> tuple[Any, int]:
    """Writes ``documents`` as a new segment of ``target``'s index (the index, or a writer
    of it: anything with its ``storage``, ``schema`` and ``indexname``), not yet committed
    (a table of contents must name it); returns the segment (None when there were no
    documents) and the number of documents."""
    storage = target.storage
    # Postings wait in a temporary file in the index's folder (a file storage has one).
    builder = SegmentBuilder(target.schema, getattr(storage, "folder", None))
    for document in documents:
        builder.add(fields_of(document))
    if not builder.doc_count:
        return None, 0
    codec = ArchiveCodec()
    segment = codec.new_segment(storage, target.indexname)
    return builder.write(codec, storage, segment), builder.doc_count


def _build_chunk(number: int) -> tuple[int, Any, int]:
    assert _JOB is not None
    index, chunks, documents = _JOB
    segment, count = build_segment(index, documents(chunks[number]))
    return number, segment, count


def rebuild(
    index: Index,
    ids: Sequence[int],
    documents: Documents,
    *,
    processes: int = 1,
    progress: ProgressCallback | None = None,
) -> int:
    """Adds the documents of ``ids`` (none of them in the index yet) in one commit, as new
    segments; returns how many documents were written. Existing segments stay as they are.
    """
    global _JOB
    chunks = chunks_of(ids, processes)
    writer = index.writer(codec=ArchiveCodec(), compound=False)
    written = 0
    # Segments by chunk number: committed in chunk order (document numbers then follow the
    # ids), whatever order the workers finish in.
    segments: dict[int, Any] = {}
    try:
        if progress is not None:
            progress(Progress("Indexing", 0, len(ids)))
        done = 0

        def finished(number: int, segment: Any, count: int) -> None:
            nonlocal done, written
            if segment is not None:
                segments[number] = segment
            written += count
            done += len(chunks[number])
            if progress is not None:
                progress(Progress("Indexing", done, len(ids)))

        if processes <= 1 or len(chunks) <= 1:
            for number, chunk in enumerate(chunks):
                finished(number, *build_segment(index, documents(chunk)))
        else:
            _JOB = (index, chunks, documents)
            try:
                context = multiprocessing.get_context("fork")
                with context.Pool(min(processes, len(chunks))) as pool:
                    for result in pool.imap_unordered(_build_chunk, range(len(chunks))):
                        finished(*result)
            finally:
                _JOB = None
        writer._close_segment()  # the writer's own segment is empty: its files go
        writer._commit_toc(list(writer.segments) + [segments[n] for n in sorted(segments)])
        writer._finish()
    except BaseException:
        writer.cancel()
        raise
    return written
