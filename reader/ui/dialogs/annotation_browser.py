"""The archive-wide annotation browser: filter by colour/code, tag, article, date and words.

Choosing a row emits ``annotation_chosen``; the window opens the article, scrolls to the
highlight and flashes it. Rows are loaded through the ``TaskRunner``; a load started for an
older filter is dropped when a newer one was asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.palette import Palette
from reader.ui.highlight_colours import colour_label, swatch_icon
from reader.ui.models.annotation_table_model import (
    PERIODS,
    ROW_ROLE,
    AnnotationFilter,
    AnnotationRow,
    AnnotationTableModel,
    load_annotation_rows,
)
from reader.ui.tasks import TaskRunner

# Typing pauses this long before the list reloads.
FILTER_DELAY_MS = 250


class AnnotationBrowserDialog(QDialog):
    annotation_chosen = Signal(int, str)  # article id, annotation id

    def __init__(
        self,
        runner: TaskRunner,
        palette: Palette,
        *,
        dark: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Annotations in the archive")
        self._runner = runner
        self._request = 0
        self.colour = QComboBox(self)
        self.colour.setAccessibleName("Filter by colour code")
        self.tag = QLineEdit(self)
        self.tag.setPlaceholderText("tag")
        self.tag.setAccessibleName("Filter by tag")
        self.article = QLineEdit(self)
        self.article.setPlaceholderText("words of the article's title")
        self.article.setAccessibleName("Filter by article")
        self.words = QLineEdit(self)
        self.words.setPlaceholderText("words in quote, note or tags")
        self.words.setAccessibleName("Filter by text")
        self.period = QComboBox(self)
        self.period.setAccessibleName("Filter by date modified")
        self.period.addItems(list(PERIODS))
        self.orphans = QCheckBox("Orphaned only", self)
        self.status = QLabel(self)
        self.model = AnnotationTableModel(self)
        self.model.dark = dark
        self.table = QTableView(self)
        self.table.setAccessibleName("Annotations")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((110, 260, 180, 90, 200, 120)):
            self.table.setColumnWidth(column, width)
        self.set_palette(palette, dark=dark)

        filters = QGridLayout()
        filters.addWidget(QLabel("Colour:"), 0, 0)
        filters.addWidget(self.colour, 0, 1)
        filters.addWidget(QLabel("Tag:"), 0, 2)
        filters.addWidget(self.tag, 0, 3)
        filters.addWidget(QLabel("Date:"), 0, 4)
        filters.addWidget(self.period, 0, 5)
        filters.addWidget(QLabel("Article:"), 1, 0)
        filters.addWidget(self.article, 1, 1)
        filters.addWidget(QLabel("Text:"), 1, 2)
        filters.addWidget(self.words, 1, 3)
        filters.addWidget(self.orphans, 1, 4, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(FILTER_DELAY_MS)
        self._typing.timeout.connect(self.reload)
        for field in (self.tag, self.article, self.words):
            field.textEdited.connect(lambda _text: self._typing.start())
            field.returnPressed.connect(self.reload)
        self.colour.currentIndexChanged.connect(lambda _index: self.reload())
        self.period.currentIndexChanged.connect(lambda _index: self.reload())
        self.orphans.toggled.connect(lambda _checked: self.reload())
        self.table.activated.connect(self._on_table_activated)
        self.table.clicked.connect(self._on_table_activated)
        self.resize(1100, 560)

    def set_palette(self, palette: Palette, *, dark: bool = False) -> None:
        """Offers the palette's colours in the colour filter (keeping the choice)."""
        chosen = self.colour.currentData()
        self.colour.blockSignals(True)
        self.colour.clear()
        self.colour.addItem("Any colour", None)
        for colour in palette.colours:
            self.colour.addItem(swatch_icon(colour, dark=dark), colour_label(colour), colour.id)
        self.colour.setCurrentIndex(max(0, self.colour.findData(chosen)))
        self.colour.blockSignals(False)

    def current_filter(self) -> AnnotationFilter:
        """The filter the bar shows."""
        color = self.colour.currentData()
        return AnnotationFilter(
            color=str(color) if color else None,
            tag=self.tag.text(),
            article=self.article.text(),
            words=self.words.text(),
            period=self.period.currentText(),
            orphans_only=self.orphans.isChecked(),
        )

    def reload(self) -> None:
        """Loads the rows for the current filter in the background."""
        self._typing.stop()
        self._request += 1
        request, chosen = self._request, self.current_filter()

        def loaded(rows: list[AnnotationRow]) -> None:
            if request == self._request:  # an older filter's rows arrive too late: drop them
                self.model.set_rows(rows)
                self.status.setText(f"{len(rows)} annotation(s)")

        self._runner.run(
            lambda library: load_annotation_rows(library, chosen),
            loaded,
            lambda error: self.status.setText(str(error) or type(error).__name__),
        )

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = self.model.data(index, ROW_ROLE)
        if isinstance(row, AnnotationRow):
            self.annotation_chosen.emit(row.article_id, row.id)
