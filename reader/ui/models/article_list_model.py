"""The library list: a lazy table model over article ids.

The model holds the ids of the current view (all articles, a collection, search results...)
and shows them in pages: ``canFetchMore``/``fetchMore`` grow the row count ``PAGE_SIZE`` rows
at a time, and summaries are read from the archive one page at a time into a cache. A page
that cannot be read becomes placeholder rows; ``data()`` never raises.

Sorting reorders the ids themselves (through the archive's orderings, or the cached summaries
for the columns it has no ordering for), so a sort covers every article, not only the rows
fetched so far. A ``QSortFilterProxyModel`` on top delegates its sort here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.core.model import ArticleSummary

if TYPE_CHECKING:
    from reader.core.library import Library

log = logging.getLogger(__name__)

PAGE_SIZE = 200
ARTICLE_IDS_MIME = "application/x-archival-reader-article-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS: tuple[str, ...] = ("Title", "Site", "Authors", "Published", "Added", "Notes")
# Column -> the archive's own ordering, when it has one (the fast path for big archives).
_ARCHIVE_ORDERS: dict[int, str] = {0: "title", 1: "site", 3: "published", 4: "added"}

Index = QModelIndex | QPersistentModelIndex


def _placeholder(article_id: int, reason: str) -> ArticleSummary:
    return ArticleSummary(
        article_id, f"(could not load article {article_id}: {reason})", None, (), None, ""
    )


class ArticleListModel(QAbstractTableModel):
    """Lazy rows of article summaries; see the module docstring."""

    def __init__(self, library: Library | None = None, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._library = library
        self._ids: list[int] = []
        self._loaded = 0
        self._cache: dict[int, ArticleSummary] = {}
        self._snippets: dict[int, str] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.fetch_summaries: Callable[[Sequence[int]], dict[int, ArticleSummary]] | None = None

    # -- content -----------------------------------------------------------------------------

    def set_library(self, library: Library | None) -> None:
        """Uses another archive (None: none) and empties the list."""
        self._library = library
        self.set_ids([])

    def set_ids(self, ids: Sequence[int], snippets: dict[int, str] | None = None) -> None:
        """Shows these articles, in this order (a search's relevance order, say)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._snippets = dict(snippets or {})
        self._cache.clear()
        self._loaded = min(PAGE_SIZE, len(self._ids))
        self.endResetModel()

    def ids(self) -> list[int]:
        """Every id of the current list, in its order (fetched or not)."""
        return list(self._ids)

    def article_id(self, row: int) -> int | None:
        """The id on a fetched row, or None."""
        return self._ids[row] if 0 <= row < self._loaded else None

    def row_of(self, article_id: int) -> int | None:
        """The row of an article (fetching pages up to it), or None if not listed."""
        try:
            row = self._ids.index(article_id)
        except ValueError:
            return None
        while row >= self._loaded and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        return row

    def total(self) -> int:
        """How many articles the list holds, fetched or not."""
        return len(self._ids)

    def refresh(self) -> None:
        """Drops the cache so rows are read again (after tags, trash, re-extraction...)."""
        self._cache.clear()
        if self._loaded:
            self.dataChanged.emit(self.index(0, 0), self.index(self._loaded - 1, len(COLUMNS) - 1))

    # -- Qt model API ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid():
            return
        count = min(PAGE_SIZE, len(self._ids) - self._loaded)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
        self._loaded += count
        self.endInsertRows()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        article_id = self._ids[index.row()]
        if role == ID_ROLE:
            return article_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SNIPPET_ROLE):
            return None
        summary = self._summary(index.row())
        if role == SNIPPET_ROLE:
            return self._snippets.get(article_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            snippet = self._snippets.get(article_id)
            return f"{summary.title}\n\n{snippet}" if snippet else summary.title
        return _cell(summary, index.column())

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        ids = sorted({self._ids[index.row()] for index in indexes if index.isValid()})
        mime = QMimeData()
        mime.setData(ARTICLE_IDS_MIME, QByteArray(",".join(map(str, ids)).encode()))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorders every id (not only the fetched rows) by ``column``."""
        if not 0 <= column < len(COLUMNS) or not self._ids:
            return
        self._sort = (column, order)
        ordered = self._sorted_ids(column)
        if order == Qt.SortOrder.DescendingOrder:
            ordered.reverse()
        self.layoutAboutToBeChanged.emit()
        self._ids = ordered
        self.layoutChanged.emit()
        self.refresh()

    # -- internals ---------------------------------------------------------------------------

    def _sorted_ids(self, column: int) -> list[int]:
        wanted = set(self._ids)
        archive_order = _ARCHIVE_ORDERS.get(column)
        if self._library is not None and archive_order is not None:
            try:
                ordered = [i for i in self._library.article_ids(archive_order) if i in wanted]
            except Exception:  # noqa: BLE001 - fall back to sorting the summaries
                log.exception("archive ordering %s failed", archive_order)
            else:
                # The archive sorts descending by date; the view's "ascending" means oldest first.
                if archive_order in ("added", "published"):
                    ordered.reverse()
                placed = set(ordered)
                missing = [i for i in self._ids if i not in placed]
                return ordered + missing
        summaries = self._fetch(self._ids)
        return sorted(self._ids, key=lambda i: _sort_key(summaries.get(i), column))

    def _summary(self, row: int) -> ArticleSummary:
        article_id = self._ids[row]
        cached = self._cache.get(article_id)
        if cached is not None:
            return cached
        page_start = row - row % PAGE_SIZE
        page = self._ids[page_start : page_start + PAGE_SIZE]
        try:
            found = self._fetch(page)
        except Exception as error:  # noqa: BLE001 - a bad page must not break the view
            log.warning("could not read summaries: %s", error)
            found = {}
            reason = str(error) or type(error).__name__
        else:
            reason = "missing"
        for page_id in page:
            self._cache[page_id] = found.get(page_id) or _placeholder(page_id, reason)
        return self._cache[article_id]

    def _fetch(self, ids: Sequence[int]) -> dict[int, ArticleSummary]:
        if self.fetch_summaries is not None:
            return self.fetch_summaries(ids)
        if self._library is None:
            return {}
        return self._library.summaries(ids)


def _cell(summary: ArticleSummary, column: int) -> str:
    if column == 0:
        return summary.title
    if column == 1:
        return summary.site or ""
    if column == 2:
        return ", ".join(summary.authors)
    if column == 3:
        return summary.published or ""
    if column == 4:
        return summary.added_at[:10]
    return str(summary.annotation_count) if summary.annotation_count else ""


def _sort_key(summary: ArticleSummary | None, column: int) -> tuple[int, str | int]:
    if summary is None:
        return (1, "")
    if column == 5:
        return (0, summary.annotation_count)
    value = _cell(summary, column)
    return (0 if value else 1, value.casefold())


class ArticleProxyModel(QSortFilterProxyModel):
    """Passes sorting down to the source model, which can sort rows it has not fetched yet.

    Filtering is the search's job (it covers every article, fetched or not), so this proxy
    does not filter; callers map its indexes with ``article_id``/``mapToSource``.
    """

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, ArticleListModel):
            source.sort(column, order)
        else:
            super().sort(column, order)

    def article_id(self, index: QModelIndex) -> int | None:
        source = self.sourceModel()
        if not isinstance(source, ArticleListModel) or not index.isValid():
            return None
        return source.article_id(self.mapToSource(index).row())
