"""The full-text index: the only package that imports Whoosh.

``ArchiveIndex`` bundles the index folder, its writer and its searchers. The index holds
derived data only; ``reader.core.library`` rebuilds it from the store when it is missing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.index.documents import Documents, IndexDocument, document_from_article
from reader.core.index.results import RawHit, RawResults
from reader.core.index.writer import IndexWriter, open_or_create
from reader.core.progress import ProgressCallback

if TYPE_CHECKING:
    from reader.core.index.search import IndexSearcher

__all__ = ["ArchiveIndex", "IndexDocument", "RawHit", "RawResults", "document_from_article"]


class ArchiveIndex:
    def __init__(self, folder: Path, *, read_only: bool = False) -> None:
        self.folder = folder
        self._index, self.created_empty = open_or_create(folder, read_only=read_only)
        self._writer = IndexWriter(self._index)
        self._searcher_made: IndexSearcher | None = None
        self._searcher_lock = threading.Lock()

    @property
    def _searcher(self) -> IndexSearcher:
        """Made at the first search: the query path imports NumPy (about 70 ms), which
        opening an archive (the app's start-up) does not need."""
        with self._searcher_lock:
            if self._searcher_made is None:
                from reader.core.index.search import IndexSearcher

                self._searcher_made = IndexSearcher(self._index)
            return self._searcher_made

    def update(
        self,
        documents: Iterable[IndexDocument],
        deletions: Iterable[int] = (),
        *,
        fresh: bool = False,
        source: Documents | None = None,
    ) -> int:
        """Adds or replaces documents and deletes others, in one commit. ``fresh``: none of
        the documents is in the index yet (skips the lookup for an old version).
        ``source`` reads the current documents of article ids from the store: segments the
        commit merges are then re-analysed from it (faster than Whoosh's merge)."""
        return self._writer.apply(documents, deletions, fresh=fresh, source=source)

    def rebuild(
        self,
        ids: Sequence[int],
        documents: Documents,
        *,
        processes: int = 1,
        progress: ProgressCallback | None = None,
    ) -> int:
        """Adds the documents of ``ids`` (none of them in the index yet) as whole new
        segments in one commit; ``documents`` reads a chunk of them (in a forked worker
        when ``processes`` > 1: see ``rebuild.rebuild``). Returns how many were written."""
        # Imported here: the segment builder is needed for rebuilds only, and importing it
        # at start-up cost the app tens of milliseconds before its window was usable.
        from reader.core.index.rebuild import rebuild as rebuild_index

        return rebuild_index(self._index, ids, documents, processes=processes, progress=progress)

    def clear(self) -> None:
        self._writer.clear()

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        sort: str = "relevance",
        load_texts: Callable[[list[int]], dict[int, str]] | None = None,
    ) -> RawResults:
        return self._searcher.search(text, limit=limit, sort=sort, load_texts=load_texts)

    def matching_ids(self, text: str) -> list[int]:
        return self._searcher.matching_ids(text)

    def match_spans(self, text: str, article_id: int, article_text: str) -> list[tuple[int, int]]:
        return self._searcher.match_spans(text, article_id, article_text)

    def suggest(self, text: str, load_text: Callable[[int], str]) -> str | None:
        return self._searcher.suggest(text, load_text)

    def indexed_ids(self) -> set[int]:
        """Every article id in the index (for consistency checks)."""
        reader = self._searcher.searcher().reader()
        numbers = self._searcher.article_numbers()
        # Not the term list: deleted documents keep their terms until segments merge.
        return {numbers[docnum] for docnum in reader.all_doc_ids()}

    def document_count(self) -> int:
        return int(self._searcher.searcher().doc_count())

    def close(self) -> None:
        if self._searcher_made is not None:
            self._searcher_made.close()
        self._index.close()
