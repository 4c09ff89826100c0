"""Highlighting and noting the selected text, and deleting notes, from the reader.

Offsets come from ``ArticleView.selected_span`` (canonical code points); the facade stores
the annotation with both a position and a quote selector, so it survives re-extraction.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from reader.ui.tasks import TaskRunner


class AnnotationActions(QObject):
    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._runner = runner
        self._parent = parent_widget

    def ask_note(self) -> str | None:
        """Asks for the note's text; None when the user cancels."""
        value, ok = QInputDialog.getMultiLineText(
            self._parent, "Note", "Note on the selected text:"
        )
        return value if ok else None

    def highlight(self, article_id: int, span: tuple[int, int] | None, *, with_note: bool) -> None:
        """Highlights ``span`` of the article (with a note when asked); reports by signal."""
        if span is None:
            self.failed.emit("Select some text in the article first")
            return
        note = ""
        if with_note:
            answer = self.ask_note()
            if answer is None:
                return
            note = answer
        start, end = span
        self._runner.run(
            lambda library: library.annotate(article_id, start, end, note=note),
            lambda _stored: self.changed.emit("Note saved" if note else "Highlighted"),
            self._on_failure,
            writes=True,
        )

    def delete(self, annotation_id: str) -> None:
        """Deletes one annotation (the core keeps a tombstone)."""
        self._runner.run(
            lambda library: library.delete_annotation(annotation_id),
            lambda _r: self.changed.emit("Note deleted"),
            self._on_failure,
            writes=True,
        )

    def _on_failure(self, error: BaseException) -> None:
        self.failed.emit(str(error) or type(error).__name__)
