"""The sidebar: where the library list gets its articles from.

Fixed sources (All articles, Recently added, Annotated, Trash) plus the archive's collections
(nested; articles can be dropped onto them), tags and saved searches (with live counts).
Each item carries a ``Source``; choosing one emits ``source_chosen``. The sidebar never reads
the archive itself: the window loads a ``SidebarData`` off the GUI thread and passes it in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from reader.ui.models.article_list_model import ARTICLE_IDS_MIME

SOURCE_ROLE = Qt.ItemDataRole.UserRole + 10


@dataclass(frozen=True)
class Source:
    """One sidebar entry: ``kind`` is all/recent/annotated/trash/collection/tag/saved."""

    kind: str
    value: str = ""
    collection_id: int | None = None
    name: str = ""  # a saved search's name (its ``value`` is the query)


@dataclass(frozen=True)
class CollectionInfo:
    id: int
    name: str
    parent_id: int | None
    count: int


@dataclass
class SidebarData:
    total: int = 0
    trashed: int = 0
    collections: list[CollectionInfo] = field(default_factory=list)
    tags: dict[str, int] = field(default_factory=dict)
    saved: list[tuple[str, str, int | None]] = field(default_factory=list)  # name, query, count


ALL = Source("all")
RECENT = Source("recent")
ANNOTATED = Source("annotated")
ORPHANS = Source("orphans")
TRASH = Source("trash")


def decode_article_ids(mime: QMimeData) -> list[int]:
    """The article ids carried by a drag from the list."""
    raw = bytes(mime.data(ARTICLE_IDS_MIME).data()).decode()
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]


class Sidebar(QTreeWidget):
    source_chosen = Signal(object)  # Source
    articles_dropped = Signal(int, object)  # collection id, article ids
    menu_requested = Signal(object, QPoint)  # the Source under the pointer (or None), global point

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName("Library sources")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.currentItemChanged.connect(self._on_current_item_changed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)
        self._current = ALL
        self.populate(SidebarData())

    def current_source(self) -> Source:
        """The selected source."""
        return self._current

    def populate(self, data: SidebarData) -> None:
        """Rebuilds the tree, keeping the current source selected when it still exists."""
        current = self._current
        self.blockSignals(True)
        self.clear()
        self._add(None, f"All articles ({data.total})", ALL)
        self._add(None, "Recently added", RECENT)
        self._add(None, "Annotated", ANNOTATED)
        orphans = self._add(None, "Orphaned annotations", ORPHANS)
        orphans.setToolTip(
            0, "Articles with notes whose text could not be found after re-extraction"
        )
        collections = self._add(None, "Collections", None)
        items: dict[int, QTreeWidgetItem] = {}
        pending = list(data.collections)
        # Parents may come after children in the list: place what we can until nothing moves.
        while pending:
            placed = [c for c in pending if c.parent_id is None or c.parent_id in items]
            if not placed:
                placed = pending  # orphaned parents: show at top level rather than hide
            for info in placed:
                parent = items.get(info.parent_id, collections) if info.parent_id else collections
                items[info.id] = self._add(
                    parent, f"{info.name} ({info.count})", Source("collection", info.name, info.id)
                )
                pending.remove(info)
        tags = self._add(None, "Tags", None)
        for tag, count in sorted(data.tags.items()):
            self._add(tags, f"{tag} ({count})", Source("tag", tag))
        saved = self._add(None, "Saved searches", None)
        for name, query, saved_count in data.saved:
            label = f"{name} ({saved_count})" if saved_count is not None else name
            item = self._add(saved, label, Source("saved", query, name=name))
            item.setToolTip(0, query)
        self._add(None, f"Trash ({data.trashed})", TRASH)
        self.expandAll()
        self.blockSignals(False)
        self.select_source(current, announce=False)

    def select_source(self, source: Source, *, announce: bool = True) -> None:
        """Selects a source (announcing it unless told not to)."""
        for item in self._items():
            if item.data(0, SOURCE_ROLE) == source:
                self.blockSignals(not announce)
                self.setCurrentItem(item)
                self.blockSignals(False)
                self._current = source
                return

    def item_for(self, source: Source) -> QTreeWidgetItem | None:
        """The tree item of a source, or None."""
        for item in self._items():
            if item.data(0, SOURCE_ROLE) == source:
                return item
        return None

    # -- drag and drop of articles onto collections -----------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(ARTICLE_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        source = item.data(0, SOURCE_ROLE) if item is not None else None
        if (
            event.mimeData().hasFormat(ARTICLE_IDS_MIME)
            and isinstance(source, Source)
            and source.kind == "collection"
        ):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        source = item.data(0, SOURCE_ROLE) if item is not None else None
        if not (
            isinstance(source, Source) and source.kind == "collection" and source.collection_id
        ):
            event.ignore()
            return
        ids = decode_article_ids(event.mimeData())
        if ids:
            self.articles_dropped.emit(source.collection_id, ids)
        event.acceptProposedAction()

    def dropMimeData(
        self, parent: QTreeWidgetItem, index: int, data: QMimeData, action: Qt.DropAction
    ) -> bool:  # noqa: N802
        return False

    # -- internals ---------------------------------------------------------------------------

    def _add(
        self, parent: QTreeWidgetItem | None, text: str, source: Source | None
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        if source is None:
            # Group headings are not sources: not selectable, but still readable.
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        else:
            item.setData(0, SOURCE_ROLE, source)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack: list[QTreeWidgetItem | None] = [
            self.topLevelItem(i) for i in range(self.topLevelItemCount())
        ]
        while stack:
            item = stack.pop(0)
            if item is None:
                continue
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _on_context_menu_requested(self, point: QPoint) -> None:
        item = self.itemAt(point)
        source = item.data(0, SOURCE_ROLE) if item is not None else None
        heading = item.text(0) if item is not None and source is None else ""
        chosen = source if isinstance(source, Source) else Source("heading", heading)
        self.menu_requested.emit(chosen, self.viewport().mapToGlobal(point))

    def _on_current_item_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        source = current.data(0, SOURCE_ROLE) if current is not None else None
        if isinstance(source, Source):
            self._current = source
            self.source_chosen.emit(source)


__all__ = ["QModelIndex", "Sidebar", "SidebarData", "Source", "CollectionInfo"]
