"""Annotations, their exports and citations: part of the ``Library`` facade.

Every change is committed at once (its own transaction) and re-queues the article for
indexing, so ``note:``, ``quote:``, ``color:``, ``has:`` and ``is:orphan`` see it.
Deleting keeps a tombstone until the trash is emptied; ``restore_annotation`` undoes it.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.annotations.entity_notes import (
    ENTITY_NOTES,
    EntityNote,
    find_note,
    notes_from_json,
    notes_to_json,
    with_note,
)
from reader.core.annotations.export_csv import export_csv
from reader.core.annotations.export_html import export_html
from reader.core.annotations.export_markdown import export_markdown
from reader.core.annotations.filtering import filter_annotations
from reader.core.annotations.jsonld import export_jsonld, parse_annotations
from reader.core.annotations.merge import merge
from reader.core.annotations.palette import Palette, palette_to_json
from reader.core.citations import CitationFormat, format_citation
from reader.core.errors import ReaderError
from reader.core.facade.base import FacadeBase
from reader.core.model import Article
from reader.core.operations import annotating, carrying
from reader.core.store import annotations as annotation_rows
from reader.core.store import articles as article_rows
from reader.core.store.annotations import StoredAnnotation
from reader.core.store.index_queue import queue_for_indexing
from reader.core.store.settings import ANNOTATION_PALETTE, get_setting, set_setting
from reader.core.timestamps import utc_now

EXPORT_FORMATS = ("markdown", "csv", "jsonld", "html")


class AnnotationsMixin(FacadeBase):
    def palette(self) -> Palette:
        """The highlight colours with their code names (editable, archive-wide)."""
        return annotating.palette(self._store.connection())

    def set_palette(self, palette: Palette) -> None:
        with self._store.transaction() as connection:
            set_setting(connection, ANNOTATION_PALETTE, palette_to_json(palette))

    def annotate(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str = "yellow",
        note: str = "",
        tags: Iterable[str] = (),
    ) -> StoredAnnotation:
        """Highlights ``text[start:end]`` (code points into the article's canonical text).

        Raises:
            ReaderError: an empty or out-of-range selection, or an unknown colour.
        """
        text = self._article_text(article_id)
        with self._store.transaction() as connection:
            stored = annotating.create(
                connection,
                article_id,
                text,
                start,
                end,
                color=color,
                note=note,
                tags=tuple(tags),
            )
            queue_for_indexing(connection, [article_id])
        self.sync_index()
        return stored

    def annotate_quote(
        self, article_id: int, quote: str, occurrence: int = 1, **details: object
    ) -> StoredAnnotation:
        """Highlights the ``occurrence``-th (1-based) appearance of ``quote``."""
        start, end = annotating.find_occurrence(self._article_text(article_id), quote, occurrence)
        return self.annotate(article_id, start, end, **details)  # type: ignore[arg-type]

    def annotation(self, annotation_id: str) -> StoredAnnotation:
        stored = annotation_rows.load(self._store.connection(), annotation_id)
        if stored is None:
            raise annotating.AnnotationNotFound(annotation_id)
        return stored

    def annotations(
        self, article_id: int | None = None, *, include_deleted: bool = False
    ) -> list[StoredAnnotation]:
        """An article's annotations in text order, or all of them (newest first)."""
        connection = self._store.connection()
        if article_id is not None:
            return annotation_rows.of_article(
                connection, article_id, include_deleted=include_deleted
            )
        return annotation_rows.everywhere(connection, include_deleted=include_deleted)

    def find_annotations(
        self,
        *,
        article_ids: Iterable[int] | None = None,
        color: str | None = None,
        tag: str | None = None,
        orphans_only: bool = False,
        words: str = "",
        modified_since: str | None = None,
        modified_until: str | None = None,
    ) -> list[StoredAnnotation]:
        """Annotations across the archive (newest first), filtered by article, colour, tag,
        orphan state, words in quote/note/tags, and modification date range (ISO dates)."""
        found = annotation_rows.everywhere(
            self._store.connection(),
            article_ids=article_ids,
            color=color,
            tag=tag,
            orphans_only=orphans_only,
        )
        return filter_annotations(
            found, words=words, modified_since=modified_since, modified_until=modified_until
        )

    def annotation_counts(self, article_ids: Iterable[int]) -> dict[int, int]:
        return annotation_rows.counts_by_article(self._store.connection(), article_ids)

    def annotated_article_ids(self, *, orphans_only: bool = False) -> list[int]:
        return annotation_rows.articles_with_annotations(
            self._store.connection(), orphans_only=orphans_only
        )

    def update_annotation(
        self,
        annotation_id: str,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> StoredAnnotation:
        with self._store.transaction() as connection:
            stored = annotating.update(
                connection,
                annotation_id,
                color=color,
                note=note,
                tags=None if tags is None else tuple(tags),
            )
            queue_for_indexing(connection, [stored.annotation.article_id])
        self.sync_index()
        return stored

    def delete_annotation(self, annotation_id: str) -> None:
        """Deletes an annotation (kept as a tombstone until the trash is emptied)."""
        self._set_deleted(annotation_id, True)

    def restore_annotation(self, annotation_id: str) -> None:
        """Undoes ``delete_annotation``."""
        self._set_deleted(annotation_id, False)

    def _set_deleted(self, annotation_id: str, deleted: bool) -> None:
        with self._store.transaction() as connection:
            changed = annotating.set_deleted(connection, annotation_id, deleted)
            queue_for_indexing(connection, [changed.article_id])
        self.sync_index()

    def reattach_annotation(self, annotation_id: str, start: int, end: int) -> StoredAnnotation:
        """Points an orphaned annotation at text the user selected in its article."""
        article_id = self.annotation(annotation_id).annotation.article_id
        text = self._article_text(article_id)
        with self._store.transaction() as connection:
            stored = annotating.reattach(connection, annotation_id, text, start, end)
            queue_for_indexing(connection, [article_id])
        self.sync_index()
        return stored

    # -- other captures of the same page -----------------------------------------------------

    def carry_candidates(self, article_id: int) -> tuple[int, int] | None:
        """An earlier capture of this article's page whose annotations it lacks.

        Returns:
            ``(earlier article id, number of annotations to carry)`` for the most recent
            such capture, or None.
        """
        connection = self._store.connection()
        for other_id, _captured in article_rows.versions(connection, article_id):
            if other_id == article_id:
                continue
            pending = carrying.pending_carry(connection, other_id, article_id)
            if pending:
                return other_id, len(pending)
        return None

    def carry_annotations(self, source_id: int, target_id: int) -> dict[str, int]:
        """Copies an earlier capture's annotations onto a newer one, re-anchored in its text.

        Returns:
            How many copies were placed, by anchor status (orphans included: never dropped).
        """
        text = self._article_text(target_id)
        with self._store.transaction() as connection:
            counts = carrying.carry_annotations(connection, source_id, target_id, text)
            queue_for_indexing(connection, [target_id])
        self.sync_index()
        return counts

    # -- notes on entities ------------------------------------------------------------------

    def entity_note(self, label: str, name: str) -> EntityNote | None:
        """The user's note on an entity (type and canonical name), if any."""
        notes = notes_from_json(get_setting(self._store.connection(), ENTITY_NOTES))
        return find_note(notes, label, name)

    def entity_notes(self) -> list[EntityNote]:
        """Every entity note, by type and name."""
        notes = notes_from_json(get_setting(self._store.connection(), ENTITY_NOTES))
        return [notes[key] for key in sorted(notes)]

    def set_entity_note(self, label: str, name: str, note: str) -> None:
        """Sets (or, with a blank note, removes) the note on an entity."""
        with self._store.transaction() as connection:
            notes = notes_from_json(get_setting(connection, ENTITY_NOTES))
            changed = with_note(notes, label, name, note, now=utc_now())
            set_setting(connection, ENTITY_NOTES, notes_to_json(changed))

    # -- exports and imports ----------------------------------------------------------------

    def export_annotations(self, article_ids: Iterable[int], fmt: str) -> str:
        """Annotations of the given articles as Markdown, CSV, W3C JSON-LD or HTML.

        Raises:
            ReaderError: an unknown format.
        """
        if fmt not in EXPORT_FORMATS:
            raise ReaderError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        palette = self.palette()
        connection = self._store.connection()
        ids = list(article_ids)
        if fmt == "jsonld":
            everything = [
                stored.annotation
                for article_id in ids
                for stored in annotation_rows.of_article(connection, article_id)
            ]
            return export_jsonld(everything, palette)
        articles = [article_rows.load_article(connection, article_id) for article_id in ids]
        annotations = {
            article.id: [
                stored.annotation for stored in annotation_rows.of_article(connection, article.id)
            ]
            for article in articles
        }
        if fmt == "csv":
            tables = [export_csv(a, annotations[a.id], palette) for a in articles]
            # One header row: every table has the same columns.
            return "".join(
                table if number == 0 else table.split("\r\n", 1)[1]
                for number, table in enumerate(tables)
            )
        render = export_markdown if fmt == "markdown" else export_html
        return "\n\n".join(render(a, annotations[a.id], palette) for a in articles)

    def import_annotations(self, jsonld: str) -> int:
        """Imports W3C JSON-LD annotations of this archive's articles (as exported);
        annotations already here are merged by id (the newer ``modified`` wins).

        Raises:
            AnnotationFormatError: the file is not valid; the message says where.
        """
        incoming = parse_annotations(jsonld)
        connection = self._store.connection()
        by_article: dict[int, list[StoredAnnotation]] = {}
        for annotation in incoming:
            if annotation.article_id not in by_article:
                by_article[annotation.article_id] = annotation_rows.of_article(
                    connection, annotation.article_id, include_deleted=True
                )
        count = 0
        with self._store.transaction() as writer:
            for article_id, existing in by_article.items():
                text = self._article_text(article_id)
                mine = [stored.annotation for stored in existing]
                theirs = [a for a in incoming if a.article_id == article_id]
                known = {a.id: a for a in mine}
                for annotation in merge(mine, theirs):
                    if known.get(annotation.id) == annotation:
                        continue
                    annotating.anchor_imported(writer, annotation, text)
                    count += 1
            queue_for_indexing(writer, by_article)
        self.sync_index()
        return count

    def cite(self, article_id: int, fmt: str) -> str:
        """A citation of the article: "csl" (or "csl-json"), "ris", "bibtex" or "text"."""
        try:
            chosen = CitationFormat("csl-json" if fmt == "csl" else fmt)
        except ValueError:
            names = ", ".join(item.value for item in CitationFormat)
            raise ReaderError(f"unknown citation format {fmt!r}; choose one of {names}") from None
        return format_citation(self._load(article_id), chosen)

    def _load(self, article_id: int) -> Article:
        return article_rows.load_article(self._store.connection(), article_id)

    def _article_text(self, article_id: int) -> str:
        return self._load(article_id).text
