"""Editing one annotation: its colour/code, its Markdown note (with a preview) and its tags."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QWidget,
)

from reader.core.annotations.palette import Palette
from reader.ui.highlight_colours import colour_label, parse_tags, swatch_icon


class AnnotationDialog(QDialog):
    """Asks for colour, note and tags; ``values()`` reads them after ``accept``."""

    def __init__(
        self,
        palette: Palette,
        *,
        quote: str = "",
        color: str = "yellow",
        note: str = "",
        tags: tuple[str, ...] = (),
        dark: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Annotation")
        self.colour = QComboBox(self)
        self.colour.setAccessibleName("Colour code")
        for colour in palette.colours:
            self.colour.addItem(swatch_icon(colour, dark=dark), colour_label(colour), colour.id)
        index = self.colour.findData(color)
        self.colour.setCurrentIndex(max(0, index))
        self.note = QPlainTextEdit(note, self)
        self.note.setAccessibleName("Note (Markdown)")
        self.note.setPlaceholderText("Note in Markdown: *emphasis*, lists, [links](…)")
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName("Note preview")
        self.preview.setOpenLinks(False)
        self.preview.setMaximumHeight(110)
        self.tags = QLineEdit(", ".join(tags), self)
        self.tags.setAccessibleName("Tags")
        self.tags.setPlaceholderText("tags, separated by commas")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QFormLayout(self)
        if quote:
            shown = quote if len(quote) <= 200 else quote[:197] + "…"
            quoted = QTextBrowser(self)
            quoted.setPlainText(shown)
            quoted.setMaximumHeight(60)
            layout.addRow("Quote:", quoted)
        layout.addRow("Colour:", self.colour)
        layout.addRow("Note:", self.note)
        layout.addRow("Preview:", self.preview)
        layout.addRow("Tags:", self.tags)
        layout.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self._on_note_text_changed)
        self._on_note_text_changed()
        self.resize(480, 420)

    def values(self) -> tuple[str, str, tuple[str, ...]]:
        """(colour id, note, tags) as entered."""
        return str(self.colour.currentData()), self.note.toPlainText(), parse_tags(self.tags.text())

    def _on_note_text_changed(self) -> None:
        self.preview.setMarkdown(self.note.toPlainText())
