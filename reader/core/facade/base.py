"""What every part of the ``Library`` facade relies on: the store, the index, and syncing."""

from __future__ import annotations

from reader.core.index import ArchiveIndex
from reader.core.progress import ProgressCallback
from reader.core.store.store import Store


class FacadeBase:
    _store: Store
    _index: ArchiveIndex

    def sync_index(self, progress: ProgressCallback | None = None) -> int:
        raise NotImplementedError
