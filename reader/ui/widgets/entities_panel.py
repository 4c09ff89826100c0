"""The Entities panel: the article's entities grouped by type, with per-type toggles.

Shows each type with its mention count, a checkbox that toggles its highlights, and the
legend cue (colour and underline style); each entity lists its distinct names with counts.
Activating a name jumps to its next mention; "Find in archive" searches every article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import EntitySpan
from reader.ui.entity_styles import ENTITY_STYLES, style_for

LABEL_ROLE = Qt.ItemDataRole.UserRole + 20
NAME_ROLE = Qt.ItemDataRole.UserRole + 21

# Query field for "find in archive", by type; other types use the generic field.
SEARCH_FIELDS = {"PERSON": "person", "ORG": "org", "PLACE": "place"}


def archive_query(label: str, name: str) -> str:
    """The query that finds every article mentioning this entity."""
    field = SEARCH_FIELDS.get(label, "entity")
    return f'{field}:"{name.replace(chr(34), "")}"'


class EntitiesPanel(QWidget):
    visibility_changed = Signal(object)  # the labels whose highlights are on
    mention_requested = Signal(int, int)  # canonical start, end of the mention to show
    archive_search_requested = Signal(str)  # a query
    note_requested = Signal(str, str)  # label, name: the user wants to write a note on it
    # kind ("rename", "merge", "type", "reject"), label, the names chosen
    correction_requested = Signal(str, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Entity", "Mentions"])
        self.tree.setAccessibleName("Entities in this article")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        # A click on a name shows its next mention; the type rows' check boxes toggle.
        self.tree.itemClicked.connect(self._on_tree_item_activated)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        self.find_button = QPushButton("Find in archive", self)
        self.find_button.setToolTip("Search every article for the selected entity")
        self.find_button.clicked.connect(self._on_find_button_clicked)
        self.next_button = QPushButton("Next mention", self)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self._visible = {
            label for label, style in ENTITY_STYLES.items() if not style.hidden_by_default
        }
        self._mentions: dict[tuple[str, str], list[EntitySpan]] = {}
        self._cursor: dict[tuple[str, str], int] = {}
        self._dark = False
        self.show_entities([])

    def visible_labels(self) -> set[str]:
        """The entity types whose highlights are on."""
        return set(self._visible)

    def set_visible_labels(self, labels: set[str]) -> None:
        """Turns highlights on for exactly these types."""
        self._visible = set(labels)
        self.visibility_changed.emit(self.visible_labels())

    def toggle_all(self) -> None:
        """Turns every highlight off, or back on (the default types) when all are off."""
        if self._visible:
            self._visible = set()
        else:
            self._visible = {
                label for label, style in ENTITY_STYLES.items() if not style.hidden_by_default
            }
        self._sync_checks()
        self.visibility_changed.emit(self.visible_labels())

    def set_dark(self, dark: bool) -> None:
        """Uses the dark theme's colours for the type rows."""
        self._dark = dark

    def show_entities(
        self, entities: list[EntitySpan], notes: dict[tuple[str, str], str] | None = None
    ) -> None:
        """Fills the tree: every known type (so the legend is complete), then its names.

        ``notes`` maps (label, name) to the user's note on that entity: shown in italics, the
        note in the tooltip."""
        notes = notes or {}
        self.tree.blockSignals(True)
        self.tree.clear()
        by_label: dict[str, list[EntitySpan]] = defaultdict(list)
        for span in entities:
            by_label[span.label].append(span)
        self._mentions = {}
        self._cursor = {}
        labels = list(ENTITY_STYLES) + sorted(set(by_label) - set(ENTITY_STYLES))
        for label in labels:
            style = style_for(label)
            spans = by_label.get(label, [])
            # The type's row names its underline too: colour is never the only cue.
            cue = style.cue.replace(" underline", "")
            item = QTreeWidgetItem([f"{style.display_name} ({cue})", str(len(spans))])
            item.setData(0, LABEL_ROLE, label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if label in self._visible else Qt.CheckState.Unchecked
            )
            item.setBackground(0, QBrush(QColor(style.dark if self._dark else style.light)))
            item.setToolTip(0, f"{style.display_name}: highlighted with {style.cue}")
            counts = Counter(span.text for span in spans)
            for name, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0].lower())):
                child = QTreeWidgetItem([name, str(count)])
                child.setData(0, LABEL_ROLE, label)
                child.setData(0, NAME_ROLE, name)
                note = notes.get((label, name))
                child.setToolTip(
                    0, (f"Note: {note}\n\n" if note else "") + "Enter: jump to the next mention"
                )
                if note:
                    font = child.font(0)
                    font.setItalic(True)
                    child.setFont(0, font)
                item.addChild(child)
                self._mentions[(label, name)] = sorted(
                    (s for s in spans if s.text == name), key=lambda s: s.start
                )
            self.tree.addTopLevelItem(item)
            item.setExpanded(bool(spans) and len(counts) <= 12)
        self.tree.blockSignals(False)

    def selected_entity(self) -> tuple[str, str] | None:
        """(label, name) of the current entity name, or None."""
        item = self.tree.currentItem()
        if item is None or item.data(0, NAME_ROLE) is None:
            return None
        return str(item.data(0, LABEL_ROLE)), str(item.data(0, NAME_ROLE))

    def selected_names(self) -> list[tuple[str, str]]:
        """(label, name) of every selected entity name, in tree order."""
        chosen: list[tuple[str, str]] = []
        for item in self.tree.selectedItems():
            name = item.data(0, NAME_ROLE)
            if name is not None:
                chosen.append((str(item.data(0, LABEL_ROLE)), str(name)))
        return chosen

    def correction_menu(self) -> QMenu:
        """Corrections for the selected names: they apply archive-wide."""
        menu = QMenu(self)
        chosen = self.selected_names()
        if not chosen:
            return menu
        label, name = chosen[0]
        names = [n for _l, n in chosen]
        menu.addAction("Next mention", self._on_next_button_clicked)
        menu.addAction("Find in archive", self._on_find_button_clicked)
        menu.addAction(f"Note on “{name}”…", lambda: self.note_requested.emit(label, name))
        menu.addSeparator()
        if len(chosen) == 1:
            menu.addAction(
                f"Rename “{name}”…", lambda: self.correction_requested.emit("rename", label, names)
            )
        else:
            menu.addAction(
                f"Merge {len(chosen)} names into one…",
                lambda: self.correction_requested.emit("merge", label, names),
            )
        types = menu.addMenu("Change type to")
        for other, style in ENTITY_STYLES.items():
            if other != label:
                types.addAction(style.display_name, self._requester("type", other, names))
        menu.addAction(
            "Not an entity", lambda: self.correction_requested.emit("reject", label, names)
        )
        return menu

    def _requester(self, kind: str, label: str, names: list[str]) -> Callable[[], None]:
        return lambda: self.correction_requested.emit(kind, label, names)

    # -- slots -------------------------------------------------------------------------------

    def _on_tree_context_menu_requested(self, point: QPoint) -> None:
        menu = self.correction_menu()
        if not menu.isEmpty():
            menu.popup(self.tree.viewport().mapToGlobal(point))

    def _sync_checks(self) -> None:
        self.tree.blockSignals(True)
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is None:
                continue
            label = item.data(0, LABEL_ROLE)
            item.setCheckState(
                0, Qt.CheckState.Checked if label in self._visible else Qt.CheckState.Unchecked
            )
        self.tree.blockSignals(False)

    def _on_tree_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        label = item.data(0, LABEL_ROLE)
        if column != 0 or item.data(0, NAME_ROLE) is not None or label is None:
            return
        if item.checkState(0) == Qt.CheckState.Checked:
            self._visible.add(str(label))
        else:
            self._visible.discard(str(label))
        self.visibility_changed.emit(self.visible_labels())

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, NAME_ROLE) is not None:
            self._on_next_button_clicked()

    def _on_next_button_clicked(self) -> None:
        chosen = self.selected_entity()
        if chosen is None:
            return
        mentions = self._mentions.get(chosen, [])
        if not mentions:
            return
        position = self._cursor.get(chosen, -1) + 1
        position %= len(mentions)
        self._cursor[chosen] = position
        self.mention_requested.emit(mentions[position].start, mentions[position].end)

    def _on_find_button_clicked(self) -> None:
        chosen = self.selected_entity()
        if chosen is not None:
            self.archive_search_requested.emit(archive_query(*chosen))
