"""The search bar: a query field with a debounce, an inline error line and facet chips.

The bar only edits and announces queries (``query_changed`` after the user pauses typing,
``query_submitted`` on Enter); running them is the window's job, off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

DEBOUNCE_MS = 250

QUERY_HELP = """<b>Search</b> (results appear as you type)<br>
Words: <code>flood barrier</code> (all words), <code>"tidal barrier"</code> (phrase),
<code>flood OR storm</code>, <code>NOT opinion</code>, <code>barr*</code><br>
Fields: <code>title:</code> <code>author:</code> <code>site:</code> <code>person:</code>
<code>org:</code> <code>place:</code> <code>entity:</code> <code>tag:</code>
<code>collection:</code> <code>lang:</code> <code>color:</code> <code>note:</code>
<code>quote:</code><br>
Dates: <code>published:2024</code>, <code>published:2024-05</code>,
<code>published:[2020 TO 2022]</code>, <code>added:-7d</code>"""
CHIPS_PER_FACET = 4

# facet name -> the query field that selects it
FACET_FIELDS: dict[str, str] = {
    "site": "site",
    "year": "published",
    "language": "lang",
    "tag": "tag",
    "color": "color",
    "person": "person",
    "org": "org",
    "place": "place",
}


def facet_term(facet: str, value: str) -> str:
    """The query term that narrows a search to one facet value."""
    field = FACET_FIELDS.get(facet, facet)
    if facet == "year":
        return f"{field}:{value}"
    escaped = value.replace('"', "")
    return f'{field}:"{escaped}"'


class SearchBar(QWidget):
    query_changed = Signal(str)  # debounced, while typing
    query_submitted = Signal(str)  # Enter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(
            'Search  (e.g. person:"Jane Doe" AND site:example  —  Ctrl+L)'
        )
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search query")
        self.field.setToolTip(QUERY_HELP)
        self.status = QLabel(self)
        self.status.setAccessibleName("Search status")
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("queryError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self._chips = QWidget(self)
        self._chips_layout = QHBoxLayout(self._chips)
        self._chips_layout.setContentsMargins(0, 0, 0, 0)
        self._chips_layout.addStretch(1)
        chips_area = QScrollArea(self)
        chips_area.setWidget(self._chips)
        chips_area.setWidgetResizable(True)
        chips_area.setFixedHeight(44)
        chips_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chips_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self._chips_area = chips_area
        chips_area.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(chips_area)
        layout.addWidget(self.status)

        self._history = QStringListModel(self)
        completer = QCompleter(self._history, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(completer)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.field.textEdited.connect(self._on_field_text_edited)
        self.field.returnPressed.connect(self._on_field_return_pressed)

    # -- API ---------------------------------------------------------------------------------

    def query(self) -> str:
        """The query as typed, trimmed."""
        return self.field.text().strip()

    def set_query(self, query: str, *, announce: bool = True) -> None:
        """Replaces the query (from a facet, an entity, a saved search) and runs it now."""
        self._timer.stop()
        self.field.setText(query)
        if announce:
            self.query_submitted.emit(self.query())

    def add_term(self, term: str) -> None:
        """Appends a term (a facet's) to the query and runs it."""
        current = self.query()
        self.set_query(f"{current} {term}".strip() if current else term)

    def set_history(self, queries: list[str]) -> None:
        """Earlier queries, newest first: offered as completions while typing."""
        self._history.setStringList(queries)

    def history(self) -> list[str]:
        """The completion list."""
        return list(self._history.stringList())

    def show_error(self, message: str) -> None:
        """Shows a query error under the field (empty: hides it)."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def show_status(self, message: str) -> None:
        """Shows the result count line."""
        self.status.setText(message)

    def show_facets(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        """Replaces the chips: the most frequent values of each facet, as clickable buttons."""
        while self._chips_layout.count() > 1:
            item = self._chips_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        added = 0
        for facet, values in facets.items():
            for value, count in values[:CHIPS_PER_FACET]:
                chip = QToolButton(self._chips)
                chip.setText(f"{facet}: {value} ({count})")
                chip.setToolTip(f"Narrow the search to {facet_term(facet, value)}")
                chip.setAutoRaise(False)
                term = facet_term(facet, value)
                chip.clicked.connect(lambda _=False, t=term: self.add_term(t))
                self._chips_layout.insertWidget(self._chips_layout.count() - 1, chip)
                added += 1
        self._chips_area.setVisible(added > 0)

    def chip_texts(self) -> list[str]:
        """The facet chips' labels, in order."""
        texts: list[str] = []
        for index in range(self._chips_layout.count()):
            item = self._chips_layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QToolButton):
                texts.append(widget.text())
        return texts

    # -- slots -------------------------------------------------------------------------------

    def _on_field_text_edited(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.query_changed.emit(self.query())

    def _on_field_return_pressed(self) -> None:
        self._timer.stop()
        self.query_submitted.emit(self.query())
