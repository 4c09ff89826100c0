"""Named entities: mentions with the user's corrections, the archive-wide entity table, and
corrections themselves. Part of the ``Library`` facade.

Corrections are archive-wide data applied when mentions are read; each correction
re-indexes the articles it touches, so ``person:``/``org:``/``place:`` queries follow it.
Mentions found by an older recognizer (``RECOGNIZER_VERSION``) are refreshed by
``recognize_entities``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from reader.core.entities import (
    Corrections,
    WatchEntry,
    apply_corrections,
    canonical_name,
    normalise_surface,
    parse_label,
    parse_watch_list,
)
from reader.core.errors import ReaderError
from reader.core.facade.base import FacadeBase
from reader.core.importing.pool import default_workers
from reader.core.model import EntitySpan
from reader.core.operations import entity_browsing, recognizing
from reader.core.operations.entity_browsing import EntitySummary
from reader.core.operations.recognizing import RecognizeOutcome
from reader.core.progress import CancelToken, ProgressCallback
from reader.core.store import articles as article_rows
from reader.core.store import entities as mention_rows
from reader.core.store.index_queue import queue_everything, queue_for_indexing
from reader.core.store.settings import ENTITY_CORRECTIONS, get_setting


class EntitiesMixin(FacadeBase):
    def entities(self, article_id: int) -> list[EntitySpan]:
        """The article's entity mentions with the user's corrections applied (watch-list
        names found, types overridden, false positives removed); offsets are code points
        into the article's canonical text."""
        connection = self._store.connection()
        text = article_rows.load_texts(connection, [article_id]).get(article_id, "")
        spans = mention_rows.load_mentions(connection, article_id)
        return apply_corrections(text, spans, self.entity_corrections())

    def canonical_entities(self, article_id: int) -> list[EntitySpan]:
        """Like ``entities``, with each span's ``text`` replaced by its canonical name."""
        corrections = self.entity_corrections()  # cached: entities() reuses the same value
        return [
            replace(span, text=canonical_name(span, corrections))
            for span in self.entities(article_id)
        ]

    def entity_corrections(self) -> Corrections:
        """The archive's corrections. Parsed once per change: a ``Corrections`` value caches
        its compiled watch-list matcher, and every article read uses it."""
        stored = get_setting(self._store.connection(), ENTITY_CORRECTIONS) or ""
        cached: tuple[str, Corrections] | None = getattr(self, "_corrections_cache", None)
        if cached is None or cached[0] != stored:
            cached = (stored, Corrections.from_json(stored) if stored else Corrections())
            self._corrections_cache = cached
        return cached[1]

    def entity_table(self, label: str | None = None) -> list[EntitySummary]:
        """Every entity in the archive (or of one type), with its spellings and counts."""
        return entity_browsing.entity_table(
            self._store.connection(), self.entity_corrections(), label
        )

    def entity_article_ids(self, name: str, label: str) -> list[int]:
        """Articles mentioning the entity under any of its spellings, newest first."""
        return entity_browsing.articles_for_entity(
            self._store.connection(), self.entity_corrections(), name, label
        )

    # -- recognition after an upgrade ---------------------------------------------------------

    def outdated_entity_articles(self) -> list[int]:
        """Articles whose mentions were found by another recognizer version (or never)."""
        return recognizing.outdated_article_ids(self._store.connection())

    def recognize_entities(
        self,
        article_ids: Iterable[int] | None = None,
        *,
        everything: bool = False,
        workers: int | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[RecognizeOutcome]:
        """Recognises entities again from the stored texts and re-indexes the articles.

        Args:
            article_ids: These articles; default: the outdated ones
                (``outdated_entity_articles``), or every article with ``everything``.
            everything: Every stored article, current or not.
            workers: Worker processes (default: one per core, two at most); 1 runs the
                recognizer in this process.
            progress: Reports after each batch.
            cancel: Stops between batches; finished batches are kept and indexed.

        Returns:
            One outcome per processed article (fewer when cancelled).

        Raises:
            ReaderError: The archive is open read-only.
            EntityModelMissing: No spaCy pipeline can be loaded.
        """
        if self._store.read_only:
            raise ReaderError("the archive is open read-only: entities cannot be updated")
        connection = self._store.connection()
        if article_ids is not None:
            ids = list(article_ids)
        elif everything:
            ids = recognizing.stored_article_ids(connection)
        else:
            ids = recognizing.outdated_article_ids(connection)
        try:
            return list(
                recognizing.recognize_stored(
                    self._store,
                    ids,
                    workers=default_workers() if workers is None else workers,
                    progress=progress,
                    cancel=cancel,
                )
            )
        finally:
            # Also after a cancel or an error: what was written is queued and gets indexed.
            self.sync_index()

    # -- corrections --------------------------------------------------------------------------

    def rename_entity(self, name: str, canonical: str) -> None:
        """Shows ``name`` (and every spelling merged with it) as ``canonical``."""
        self._correct(lambda c: c.rename(name, canonical), [name, canonical])

    def merge_entities(self, names: Iterable[str], canonical: str) -> None:
        """Makes all ``names`` spellings of one entity, shown as ``canonical``."""
        spellings = list(names)
        self._correct(lambda c: c.merge(spellings, canonical), [*spellings, canonical])

    def set_entity_type(self, name: str, label: str) -> None:
        """Changes an entity's type (``PERSON``, ``ORG``, ``PLACE``... or their names)."""
        chosen = parse_label(label)
        self._correct(lambda c: c.set_type(name, chosen), [name])

    def reject_entity(self, name: str, label: str | None = None) -> None:
        """Marks ``name`` as not an entity (of that type, or of any type), archive-wide."""
        chosen = parse_label(label) if label else None
        self._correct(lambda c: c.reject(name, chosen), [name])

    def unreject_entity(self, name: str, label: str | None = None) -> None:
        chosen = parse_label(label) if label else None
        self._correct(lambda c: c.unreject(name, chosen), [name])

    def watch_entities(self, entries: Iterable[WatchEntry]) -> None:
        """Adds names to the watch list: found in every article, even where the model
        misses them."""
        chosen = list(entries)
        self._correct(lambda c: c.watch(chosen), None)

    def import_watch_list(self, text: str) -> int:
        """Reads a plain list (one name per line) or CSV ``name,type,aliases``; returns
        the number of names added."""
        result = parse_watch_list(text)
        self.watch_entities(result.entries)
        return len(result.entries)

    def set_entity_corrections(self, corrections: Corrections) -> None:
        """Replaces all corrections (e.g. from an exported file)."""
        self._correct(lambda _: corrections, None)

    def _correct(
        self, edit: Callable[[Corrections], Corrections], touched_names: list[str] | None
    ) -> None:
        """Applies one edit to the stored corrections and re-indexes the articles it
        touches (all of them when ``touched_names`` is None: a watch list can match
        anywhere)."""
        with self._store.transaction() as connection:
            before = entity_browsing.load_corrections(connection)
            after = edit(before)
            entity_browsing.save_corrections(connection, after)
            if touched_names is None:
                queue_everything(connection)
            else:
                keys = {normalise_surface(name) for name in touched_names}
                # Spellings already merged with a touched name are touched too.
                keys |= {
                    surface
                    for surface, canonical in {**before.aliases, **after.aliases}.items()
                    if normalise_surface(canonical) in keys
                }
                queue_for_indexing(
                    connection, mention_rows.articles_mentioning(connection, sorted(keys))
                )
        self.sync_index()
