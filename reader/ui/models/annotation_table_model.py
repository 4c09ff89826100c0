"""The archive-wide annotation list: a table model over rows loaded off the GUI thread.

``load_annotation_rows`` runs on a worker (it reads the archive); the model only holds the
plain rows it returns, so ``data()`` never touches the archive and never raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

if TYPE_CHECKING:
    from reader.core.library import Library

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 60
COLUMNS = ("Code", "Quote", "Note", "Tags", "Article", "Modified", "Anchor")
#: The date filter's choices: label -> days back (None: any time).
PERIODS = {"Any time": None, "Today": 0, "Last 7 days": 7, "Last 30 days": 30, "Last year": 365}
_STATUS_TEXT = {
    "exact_position": "exact",
    "exact_quote": "moved",
    "fuzzy": "approximate",
    "orphan": "orphaned",
}


@dataclass(frozen=True)
class AnnotationFilter:
    """What the browser's filter bar asks for; empty fields filter nothing."""

    color: str | None = None
    tag: str = ""
    article: str = ""  # words of the article's title
    words: str = ""  # words of the quote, note or tags
    period: str = "Any time"
    orphans_only: bool = False


@dataclass(frozen=True)
class AnnotationRow:
    """One annotation as the browser lists it."""

    id: str
    article_id: int
    article_title: str
    color: str
    code: str
    light: str
    dark: str
    quote: str
    note: str
    tags: tuple[str, ...]
    modified: str
    status: str


def since_for(period: str, now: datetime | None = None) -> str | None:
    """The ISO date a period choice starts at (None: any time)."""
    days = PERIODS.get(period)
    if days is None:
        return None
    return ((now or datetime.now(UTC)) - timedelta(days=days)).strftime("%Y-%m-%d")


def load_annotation_rows(library: Library, chosen: AnnotationFilter) -> list[AnnotationRow]:
    """Reads the annotations matching the filter, newest first (runs on a worker)."""
    found = library.find_annotations(
        color=chosen.color,
        tag=chosen.tag.strip() or None,
        orphans_only=chosen.orphans_only,
        words=chosen.words,
        modified_since=since_for(chosen.period),
    )
    summaries = library.summaries(sorted({s.annotation.article_id for s in found}))
    title_words = chosen.article.casefold().split()
    palette = library.palette()
    rows: list[AnnotationRow] = []
    for stored in found:
        annotation = stored.annotation
        summary = summaries.get(annotation.article_id)
        title = summary.title if summary is not None else f"Article {annotation.article_id}"
        if not all(word in title.casefold() for word in title_words):
            continue
        colour = palette.get(annotation.color)
        quote = annotation.quote
        rows.append(
            AnnotationRow(
                annotation.id,
                annotation.article_id,
                title,
                colour.id,
                colour.code,
                colour.light,
                colour.dark,
                quote.exact if quote is not None else "",
                annotation.note,
                annotation.tags,
                annotation.modified,
                stored.anchor.status.value,
            )
        )
    return rows


def _shorten(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class AnnotationTableModel(QAbstractTableModel):
    """Rows of annotations; ``ROW_ROLE`` gives the ``AnnotationRow`` of any cell."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.rows: list[AnnotationRow] = []
        self.dark = False

    def set_rows(self, rows: list[AnnotationRow]) -> None:
        """Replaces every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.code,
                _shorten(row.quote),
                _shorten(row.note),
                ", ".join(row.tags),
                row.article_title,
                row.modified[:16].replace("T", " "),
                _STATUS_TEXT.get(row.status, row.status),
            )
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(row.dark if self.dark else row.light)
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 2):
            return row.quote if column == 1 else (row.note or None)
        return None
