"""Editing the highlight palette: each colour's code name, and the colours' order.

The order is the order of the colour menu and of the Ctrl+1..8 shortcuts. Colours keep their
ids, so renaming a code or moving it never changes an existing highlight.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.palette import Palette, rename_code, reorder
from reader.ui.highlight_colours import swatch_icon

ID_ROLE = Qt.ItemDataRole.UserRole + 50


class PaletteDialog(QDialog):
    """Lists the colours with editable names; ``palette()`` returns the edited palette."""

    def __init__(
        self, palette: Palette, *, dark: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Highlight colours")
        self._original = palette
        self.colours = QListWidget(self)
        self.colours.setAccessibleName("Colours and their code names")
        for colour in palette.colours:
            item = QListWidgetItem(swatch_icon(colour, dark=dark), colour.code)
            item.setData(ID_ROLE, colour.id)
            item.setToolTip(f"Colour {colour.id}: double-click or F2 to rename")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.colours.addItem(item)
        self.colours.setCurrentRow(0)
        self.up_button = QPushButton("Move &up", self)
        self.down_button = QPushButton("Move &down", self)
        self.rename_button = QPushButton("&Rename", self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        side = QVBoxLayout()
        for button in (self.rename_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.colours, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Name each colour's code. The order is the menu's and Ctrl+1…8's.", self)
        )
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.rename_button.clicked.connect(
            lambda: self.colours.editItem(self.colours.currentItem())
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(380, 360)

    def move_current(self, step: int) -> None:
        """Moves the current colour up (-1) or down (1) the list."""
        row = self.colours.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.colours.count():
            return
        item = self.colours.takeItem(row)
        self.colours.insertItem(target, item)
        self.colours.setCurrentRow(target)

    def edited_palette(self) -> Palette:
        """The edited palette: new names (a blank one keeps the old name) in the new order."""
        edited = self._original
        order: list[str] = []
        for row in range(self.colours.count()):
            item = self.colours.item(row)
            colour_id = str(item.data(ID_ROLE))
            order.append(colour_id)
            if item.text().strip():
                edited = rename_code(edited, colour_id, item.text())
        return reorder(edited, order)
