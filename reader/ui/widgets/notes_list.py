"""The Notes tab: the open article's annotations in text order, orphans last.

Choosing one scrolls the reader to it; an orphan (its text was not found after the article
was re-extracted) is listed with its quote, never hidden. Delete is in the context menu.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QWidget

from reader.ui.widgets.article_view import NoteMark

MARK_ROLE = Qt.ItemDataRole.UserRole + 40


class NotesList(QListWidget):
    note_chosen = Signal(int, int)
    delete_requested = Signal(str)  # annotation id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Notes in this article")
        self.setWordWrap(True)
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)

    def show_notes(self, marks: list[NoteMark]) -> None:
        """Lists the article's notes: anchored ones in text order, then orphans."""
        self.clear()
        for mark in sorted(marks, key=lambda m: (m.is_orphan, m.start)):
            quote = mark.quote if len(mark.quote) <= 80 else mark.quote[:77] + "…"
            text = f"“{quote}”" + (f"\n{mark.note}" if mark.note else "")
            if mark.is_orphan:
                text = "[orphaned: text not found] " + text
            item = QListWidgetItem(text)
            item.setData(MARK_ROLE, mark)
            self.addItem(item)

    def _mark(self, item: QListWidgetItem | None) -> NoteMark | None:
        mark = item.data(MARK_ROLE) if item is not None else None
        return mark if isinstance(mark, NoteMark) else None

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        mark = self._mark(item)
        if mark is not None and not mark.is_orphan:
            self.note_chosen.emit(mark.start, mark.end)

    def _on_context_menu_requested(self, point: QPoint) -> None:
        mark = self._mark(self.itemAt(point))
        if mark is None:
            return
        menu = QMenu(self)
        menu.addAction("Delete note", lambda: self.delete_requested.emit(mark.id))
        menu.popup(self.viewport().mapToGlobal(point))
