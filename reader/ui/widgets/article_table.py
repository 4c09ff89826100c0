"""The library list's view: a table of articles with choosable columns.

Right-click on the header to show or hide columns; the header's state (widths, order,
hidden columns, sort) is saved with the window. Columns the narrow default layout has no
room for (Added, Notes) start hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from reader.ui.models.article_list_model import COLUMNS

DEFAULT_WIDTHS = (0, 130, 110, 88, 88, 48)  # 0: the title stretches
HIDDEN_BY_DEFAULT = (4, 5)


class ArticleTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Articles")
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)

    def apply_default_layout(self) -> None:
        """Column widths and visibility for a first start (call after ``setModel``)."""
        header = self.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate(DEFAULT_WIDTHS):
            if width:
                self.setColumnWidth(column, width)
        for column in HIDDEN_BY_DEFAULT:
            self.setColumnHidden(column, True)

    def save_state(self) -> QByteArray:
        """The header's state (widths, order, hidden columns) for the settings."""
        return self.horizontalHeader().saveState()

    def restore_state(self, state: QByteArray) -> bool:
        """Restores a saved header state; False if it does not fit."""
        return bool(self.horizontalHeader().restoreState(state))

    def column_menu(self) -> QMenu:
        """A menu of check boxes that show or hide columns."""
        menu = QMenu(self)
        for column, name in enumerate(COLUMNS):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(column))
            # The title stays: without it the rows cannot be told apart.
            action.setEnabled(column != 0)
            action.toggled.connect(lambda shown, c=column: self.setColumnHidden(c, not shown))
        return menu

    def _on_header_context_menu_requested(self, point: QPoint) -> None:
        self.column_menu().popup(self.horizontalHeader().mapToGlobal(point))
