"""Annotating from the reader: highlight in a colour, note, tags, recolour, edit, delete and
undo, re-attach an orphan, carry annotations to a newer capture, notes on entities, and
the palette of colour codes.

Offsets come from ``ArticleView.selected_span`` (canonical code points); the facade stores
each annotation with both a position and a quote selector, so it survives re-extraction.
Every write goes through the ``TaskRunner``; the dialogs are opened by the ``ask_*``
methods, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from reader.core.annotations.palette import DEFAULT_PALETTE, Palette
from reader.ui.dialogs.annotation_dialog import AnnotationDialog
from reader.ui.dialogs.palette_dialog import PaletteDialog
from reader.ui.tasks import TaskRunner
from reader.ui.widgets.article_view import NoteMark

if TYPE_CHECKING:
    from reader.core.library import Library

#: What ``ask_annotation`` returns: (colour id, note, tags), or None when cancelled.
AnnotationValues = tuple[str, str, tuple[str, ...]]


class AnnotationActions(QObject):
    changed = Signal(str)  # a status message; the open article must be shown again
    failed = Signal(str)
    palette_changed = Signal(object)  # the new Palette

    def __init__(self, runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._runner = runner
        self._parent = parent_widget
        self.palette: Palette = DEFAULT_PALETTE
        self.dark = False
        self.last_color = DEFAULT_PALETTE.colours[0].id
        self.last_deleted: list[str] = []

    # -- dialogs (replaced in tests) ---------------------------------------------------------

    def ask_annotation(
        self, *, quote: str = "", color: str = "", note: str = "", tags: tuple[str, ...] = ()
    ) -> AnnotationValues | None:
        """Opens the annotation dialog; None when the user cancels."""
        dialog = AnnotationDialog(
            self.palette,
            quote=quote,
            color=color or self.last_color,
            note=note,
            tags=tags,
            dark=self.dark,
            parent=self._parent,
        )
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_palette(self) -> Palette | None:
        """Opens the palette dialog; None when the user cancels."""
        dialog = PaletteDialog(self.palette, dark=self.dark, parent=self._parent)
        return dialog.edited_palette() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_entity_note(self, name: str, current: str) -> str | None:
        """Asks for the note on an entity; None when the user cancels."""
        value, ok = QInputDialog.getMultiLineText(
            self._parent, "Note on entity", f"Note on {name} (Markdown; empty removes it):", current
        )
        return value if ok else None

    # -- palette -----------------------------------------------------------------------------

    def load_palette(self) -> None:
        """Reads the archive's palette; ``palette_changed`` delivers it."""
        self._runner.run(
            lambda library: library.palette(), self._on_palette_loaded, self.report_failure
        )

    def edit_palette(self) -> None:
        """Lets the user rename and reorder the colour codes, then saves the palette."""
        edited = self.ask_palette()
        if edited is None or edited == self.palette:
            return

        def saved(_result: object) -> None:
            self._on_palette_loaded(edited)
            self.changed.emit("Colour codes saved")

        self._runner.run(
            lambda library: library.set_palette(edited), saved, self.report_failure, writes=True
        )

    def colour_id(self, index: int) -> str | None:
        """The id of the palette's ``index``-th colour (0-based), if there is one."""
        colours = self.palette.colours
        return colours[index].id if 0 <= index < len(colours) else None

    # -- creating and editing ----------------------------------------------------------------

    def highlight(
        self,
        article_id: int,
        span: tuple[int, int] | None,
        *,
        color: str | None = None,
        with_note: bool = False,
        quote: str = "",
    ) -> None:
        """Highlights ``span`` in a colour (the last one used by default), asking for a note
        and tags first when ``with_note``; reports by signal."""
        if span is None:
            self.failed.emit("Select some text in the article first")
            return
        chosen, note = color or self.last_color, ""
        tags: tuple[str, ...] = ()
        if with_note:
            answer = self.ask_annotation(quote=quote, color=chosen)
            if answer is None:
                return
            chosen, note, tags = answer
        self.last_color = chosen
        start, end = span
        message = "Note saved" if note else f"Highlighted as {self.palette.get(chosen).code}"
        self._write(
            lambda library: library.annotate(
                article_id, start, end, color=chosen, note=note, tags=tags
            ),
            message,
        )

    def recolour(self, annotation_id: str, color: str) -> None:
        """Gives an existing highlight another colour (code)."""
        self.last_color = color
        self._write(
            lambda library: library.update_annotation(annotation_id, color=color),
            f"Recoloured as {self.palette.get(color).code}",
        )

    def edit(self, mark: NoteMark) -> None:
        """Edits an annotation's colour, note and tags in the dialog."""
        answer = self.ask_annotation(
            quote=mark.quote, color=mark.color, note=mark.note, tags=mark.tags
        )
        if answer is None:
            return
        color, note, tags = answer
        self._write(
            lambda library: library.update_annotation(mark.id, color=color, note=note, tags=tags),
            "Annotation saved",
        )

    def delete(self, annotation_id: str) -> None:
        """Deletes one annotation (the core keeps a tombstone; ``undo_delete`` restores it)."""
        self.last_deleted = [annotation_id]
        self._write(
            lambda library: library.delete_annotation(annotation_id),
            "Annotation deleted (undo: Annotate → Undo delete annotation, Ctrl+Alt+Z)",
        )

    def undo_delete(self) -> bool:
        """Restores the annotation deleted last; False when there is none."""
        if not self.last_deleted:
            return False
        chosen, self.last_deleted = self.last_deleted, []

        def restore(library: Library) -> None:
            for annotation_id in chosen:
                library.restore_annotation(annotation_id)

        self._write(restore, "Annotation restored")
        return True

    def reattach(self, annotation_id: str, span: tuple[int, int] | None) -> None:
        """Points an orphaned annotation at the selected text."""
        if span is None:
            self.failed.emit("Select the text to re-attach the annotation to first")
            return
        start, end = span
        self._write(
            lambda library: library.reattach_annotation(annotation_id, start, end),
            "Annotation re-attached",
        )

    def carry_over(self, source_id: int, target_id: int) -> None:
        """Copies an earlier capture's annotations onto this one, re-anchored."""

        def done(counts: dict[str, int]) -> None:
            orphans = counts.get("orphan", 0)
            placed = sum(counts.values()) - orphans
            self.changed.emit(
                f"Carried over {placed} annotation(s)"
                + (f"; {orphans} orphaned (text not found), listed in Notes" if orphans else "")
            )

        self._runner.run(
            lambda library: library.carry_annotations(source_id, target_id),
            done,
            self.report_failure,
            writes=True,
        )

    def edit_entity_note(self, label: str, name: str) -> None:
        """Asks for a note on an entity and saves it (blank removes it)."""

        def ask(current: object) -> None:
            text = getattr(current, "note", "")
            answer = self.ask_entity_note(name, str(text))
            if answer is not None:
                self._write(
                    lambda library: library.set_entity_note(label, name, answer),
                    "Entity note saved" if answer.strip() else "Entity note removed",
                )

        self._runner.run(lambda library: library.entity_note(label, name), ask, self.report_failure)

    # -- internals ---------------------------------------------------------------------------

    def _write(self, op: Callable[[Library], object], message: str) -> None:
        self._runner.run(
            op, lambda _result: self.changed.emit(message), self.report_failure, writes=True
        )

    def _on_palette_loaded(self, palette: Palette) -> None:
        self.palette = palette
        if self.last_color not in palette.ids:
            self.last_color = palette.colours[0].id
        self.palette_changed.emit(palette)

    def report_failure(self, error: BaseException) -> None:
        """Reports a failed task through ``failed``."""
        self.failed.emit(str(error) or type(error).__name__)
