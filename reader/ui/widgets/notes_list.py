"""The Notes tab: the open article's annotations in text order, orphans last.

Choosing one scrolls the reader to it and flashes it; an orphan (its text was not found
after the article was re-extracted) is listed with its quote, never hidden, and can be
re-attached to the selected text. The context menu recolours, edits, deletes; so do the
keys F2 (edit) and Delete.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QWidget

from reader.core.annotations.palette import DEFAULT_PALETTE, Palette
from reader.ui.highlight_colours import colour_label, swatch_icon
from reader.ui.widgets.article_view import NoteMark

MARK_ROLE = Qt.ItemDataRole.UserRole + 40


def describe_mark(mark: NoteMark) -> str:
    """The list text of an annotation: code, quote, note and tags."""
    quote = mark.quote if len(mark.quote) <= 80 else mark.quote[:77] + "…"
    text = f"[{mark.code}] “{quote}”" if mark.code else f"“{quote}”"
    if mark.note:
        text += f"\n{mark.note}"
    if mark.tags:
        text += "\n" + " ".join(f"#{tag}" for tag in mark.tags)
    if mark.is_orphan:
        text = "[orphaned: text not found] " + text
    return text


class NotesList(QListWidget):
    note_chosen = Signal(int, int)
    delete_requested = Signal(str)  # annotation id
    edit_requested = Signal(object)  # the NoteMark
    recolour_requested = Signal(str, str)  # annotation id, colour id
    reattach_requested = Signal(str)  # annotation id (of an orphan)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Notes in this article")
        self.setWordWrap(True)
        self.palette_: Palette = DEFAULT_PALETTE
        self.dark = False
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)

    def show_notes(self, marks: list[NoteMark]) -> None:
        """Lists the article's notes: anchored ones in text order, then orphans."""
        self.clear()
        for mark in sorted(marks, key=lambda m: (m.is_orphan, m.start)):
            item = QListWidgetItem(describe_mark(mark))
            item.setIcon(swatch_icon(self.palette_.get(mark.color), dark=self.dark))
            item.setData(MARK_ROLE, mark)
            self.addItem(item)

    def marks(self) -> list[NoteMark]:
        """The listed annotations, in list order."""
        found = [self._mark(self.item(row)) for row in range(self.count())]
        return [mark for mark in found if mark is not None]

    def current_mark(self) -> NoteMark | None:
        """The annotation of the current row, if any."""
        return self._mark(self.currentItem())

    def menu_for(self, mark: NoteMark) -> QMenu:
        """The actions on one annotation (its context menu)."""
        menu = QMenu(self)
        if mark.is_orphan:
            menu.addAction(
                "Re-attach to the selected text", lambda: self.reattach_requested.emit(mark.id)
            )
        else:
            menu.addAction("Show in article", lambda: self.note_chosen.emit(mark.start, mark.end))
        colours = menu.addMenu("Colour code")
        for colour in self.palette_.colours:
            action = QAction(swatch_icon(colour, dark=self.dark), colour_label(colour), colours)
            action.triggered.connect(
                lambda _checked=False, chosen=colour.id: self.recolour_requested.emit(
                    mark.id, chosen
                )
            )
            colours.addAction(action)
            action.setCheckable(True)
            action.setChecked(colour.id == mark.color)
        menu.addAction("Edit note and tags…", lambda: self.edit_requested.emit(mark))
        menu.addSeparator()
        menu.addAction("Delete annotation", lambda: self.delete_requested.emit(mark.id))
        return menu

    def event(self, event: QEvent) -> bool:
        # Delete is also the window's "Move to trash" shortcut: here it must reach this list
        # (and delete the annotation), never trash the article.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_F2)
            and self.current_mark() is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Keyboard users: Delete deletes the current annotation, F2 edits it.
        mark = self.current_mark()
        if mark is not None and event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit(mark.id)
        elif mark is not None and event.key() == Qt.Key.Key_F2:
            self.edit_requested.emit(mark)
        else:
            super().keyPressEvent(event)

    def _mark(self, item: QListWidgetItem | None) -> NoteMark | None:
        mark = item.data(MARK_ROLE) if item is not None else None
        return mark if isinstance(mark, NoteMark) else None

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        mark = self._mark(item)
        if mark is not None and not mark.is_orphan:
            self.note_chosen.emit(mark.start, mark.end)

    def _on_context_menu_requested(self, point: QPoint) -> None:
        # The context-menu key opens it at the widget's centre: fall back to the current row.
        mark = self._mark(self.itemAt(point)) or self.current_mark()
        if mark is not None:
            self.menu_for(mark).popup(self.viewport().mapToGlobal(point))
