"""Organising articles: collections, tags, the trash, saved searches and search history.

Part of the ``Library`` facade (see ``reader.core.library``). Each change re-queues the
touched articles for indexing in its own transaction, so ``tag:`` and ``collection:``
queries see it at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.facade.base import FacadeBase
from reader.core.store import annotations as annotation_rows
from reader.core.store import organising
from reader.core.store.index_queue import queue_for_indexing
from reader.core.store.organising import Collection, SavedSearch
from reader.core.timestamps import utc_now


class OrganisingMixin(FacadeBase):
    def remember_search(self, query: str) -> None:
        with self._store.transaction() as connection:
            organising.remember_search(connection, query, utc_now())

    def search_history(self, limit: int = 50) -> list[str]:
        return organising.search_history(self._store.connection(), limit)

    def saved_searches(self) -> list[SavedSearch]:
        return organising.saved_searches(self._store.connection())

    def save_search(self, name: str, query: str) -> None:
        """Raises:
        QueryError: the query cannot be parsed (it is checked before saving).
        """
        self._index.matching_ids(query)
        with self._store.transaction() as connection:
            organising.save_search(connection, name, query, utc_now())

    def delete_saved_search(self, name: str) -> None:
        with self._store.transaction() as connection:
            organising.delete_saved_search(connection, name)

    def collections(self) -> list[Collection]:
        return organising.list_collections(self._store.connection())

    def create_collection(self, name: str, parent_id: int | None = None) -> int:
        with self._store.transaction() as connection:
            return organising.create_collection(connection, name, parent_id, utc_now())

    def rename_collection(self, collection_id: int, name: str) -> None:
        with self._store.transaction() as connection:
            members = organising.articles_in_collections(connection, [collection_id])
            organising.rename_collection(connection, collection_id, name)
            queue_for_indexing(connection, members)
        self.sync_index()

    def delete_collection(self, collection_id: int) -> None:
        """Deletes the collection and its sub-collections; the articles stay."""
        with self._store.transaction() as connection:
            subtree = organising.collection_subtree(connection, collection_id)
            members = organising.articles_in_collections(connection, subtree)
            connection.execute("DELETE FROM collections WHERE id = ?", (collection_id,))
            queue_for_indexing(connection, members)
        self.sync_index()

    def add_to_collection(self, collection_id: int, article_ids: Iterable[int]) -> None:
        ids = list(article_ids)
        with self._store.transaction() as connection:
            organising.add_to_collection(connection, collection_id, ids, utc_now())
            queue_for_indexing(connection, ids)
        self.sync_index()

    def remove_from_collection(self, collection_id: int, article_ids: Iterable[int]) -> None:
        ids = list(article_ids)
        with self._store.transaction() as connection:
            organising.remove_from_collection(connection, collection_id, ids)
            queue_for_indexing(connection, ids)
        self.sync_index()

    def collection_article_ids(self, collection_id: int, *, nested: bool = True) -> list[int]:
        connection = self._store.connection()
        scope = (
            organising.collection_subtree(connection, collection_id) if nested else [collection_id]
        )
        return organising.articles_in_collections(connection, scope)

    def tags_of(self, article_id: int) -> list[str]:
        return organising.tags_of(self._store.connection(), article_id)

    def set_tags(self, article_id: int, tags: Iterable[str]) -> list[str]:
        """Replaces the article's tags; returns them as stored (lower-cased, trimmed)."""
        with self._store.transaction() as connection:
            stored = organising.set_tags(connection, article_id, tags)
            queue_for_indexing(connection, [article_id])
        self.sync_index()
        return stored

    def all_tags(self) -> dict[str, int]:
        return organising.all_tags(self._store.connection())

    def tagged_article_ids(self, tag: str) -> list[int]:
        return organising.articles_with_tag(self._store.connection(), tag)

    def trash(self, article_ids: Iterable[int]) -> None:
        """Moves articles to the trash: hidden from lists and searches, kept until emptied."""
        ids = list(article_ids)
        with self._store.transaction() as connection:
            organising.trash(connection, ids, utc_now())
            queue_for_indexing(connection, ids)
        self.sync_index()

    def restore(self, article_ids: Iterable[int]) -> None:
        ids = list(article_ids)
        with self._store.transaction() as connection:
            organising.restore(connection, ids)
            queue_for_indexing(connection, ids)
        self.sync_index()

    def trashed_ids(self) -> list[int]:
        return organising.trashed_ids(self._store.connection())

    def empty_trash(self) -> int:
        """Deletes the trashed articles and deleted annotations for good; returns how many
        articles. Originals that no article uses any more are removed too, so importing
        the same file again brings the article back."""
        with self._store.transaction() as connection:
            ids = organising.trashed_ids(connection)
            connection.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in ids])
            annotation_rows.purge_deleted(connection)
            unused = organising.delete_unused_originals(connection)
            queue_for_indexing(connection, ids)
        for sha256 in unused:
            self._store.blobs.path_of(sha256).unlink(missing_ok=True)
        self.sync_index()
        return len(ids)
