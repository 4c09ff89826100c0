"""The main window: sidebar | search bar + library list | reader | entities and hits.

The window owns the widgets and wires them together; archive work goes through the
``TaskRunner`` (``operations`` for reads, ``ArticleActions``/``ImportController`` for writes).
It never blocks on the archive except for the list model's page reads (a few ms each).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.palette import Palette
from reader.ui import operations
from reader.ui.annotation_actions import AnnotationActions
from reader.ui.annotation_exports import AnnotationExports
from reader.ui.annotation_flow import AnnotationFlow
from reader.ui.article_actions import ArticleActions
from reader.ui.dialogs.annotation_browser import AnnotationBrowserDialog
from reader.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from reader.ui.entity_corrections import EntityCorrections
from reader.ui.entity_updates import EntityUpdates
from reader.ui.import_flow import ImportController
from reader.ui.models.article_list_model import ArticleListModel, ArticleProxyModel
from reader.ui.palette import app_icon, apply_palette
from reader.ui.reading_settings import (
    ReadingSettings,
    load_reading_settings,
    save_reading_settings,
)
from reader.ui.search_flow import SearchController
from reader.ui.tasks import TaskRunner
from reader.ui.widgets.article_table import ArticleTable
from reader.ui.widgets.article_view import LoadedArticle
from reader.ui.widgets.entities_panel import EntitiesPanel
from reader.ui.widgets.notes_list import NotesList
from reader.ui.widgets.reader_panel import HitsList, ReaderPanel
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.sidebar import ALL, TRASH, Sidebar, SidebarData, Source
from reader.ui.window_menus import build_menus, update_colour_actions

if TYPE_CHECKING:
    from reader.core.library import Library


class MainWindow(QMainWindow):
    def __init__(
        self, runner: TaskRunner, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Archival Reader")
        self.setAcceptDrops(True)
        self.runner = runner
        self.settings = settings
        self.reading = load_reading_settings(settings)
        self.current_article_id: int | None = None
        self.last_error: str | None = None
        self._source: Source = ALL
        self._article_request = 0

        self.sidebar = Sidebar(self)
        self.search_bar = SearchBar(self)
        self.search = SearchController(runner, self.search_bar, self)
        self.list_model = ArticleListModel(None, self)
        self.proxy = ArticleProxyModel(self)
        self.proxy.setSourceModel(self.list_model)
        self.list_view = ArticleTable(self)
        self.list_view.setModel(self.proxy)
        self.list_view.apply_default_layout()
        self.reader = ReaderPanel(self)
        self.entities = EntitiesPanel(self)
        self.hits = HitsList(self)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.entities, "Entities")
        self.side_tabs.addTab(self.hits, "Hits")
        self.notes = NotesList(self)
        notes_tab = QWidget(self)
        self.carry_button = QPushButton(notes_tab)
        notes_layout = QVBoxLayout(notes_tab)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.carry_button)
        notes_layout.addWidget(self.notes, 1)
        self.side_tabs.addTab(notes_tab, "Notes")
        self.annotating = AnnotationActions(runner, self)
        self.exports = AnnotationExports(runner, self)
        self.annotation_flow = AnnotationFlow(
            runner, self.reader.view, self.notes, self.annotating, self.carry_button, self
        )
        self.browser: AnnotationBrowserDialog | None = None
        self.colour_actions: list[QAction] = []
        self.actions_ = ArticleActions(runner, self)
        self.importer = ImportController(runner, self)
        self.corrections = EntityCorrections(runner, self)
        self.entity_updates = EntityUpdates(runner, self)

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(4, 4, 4, 4)
        middle_layout.addWidget(self.search_bar)
        middle_layout.addWidget(self.list_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (self.sidebar, middle, self.reader, self.side_tabs):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([180, 500, 550, 270])
        self.setCentralWidget(self.splitter)

        self.theme_group = build_menus(self)
        self.setWindowIcon(app_icon())
        # Tab moves through the panes in reading order: sources, search, list, article, entities.
        for first, second in (
            (self.sidebar, self.search_bar.field),
            (self.search_bar.field, self.list_view),
            (self.list_view, self.reader.view),
            (self.reader.view, self.entities.tree),
        ):
            QWidget.setTabOrder(first, second)
        self._connect()
        self._apply_reading(self.reading, save=False)
        self._restore_layout()
        self.statusBar().showMessage("Opening the archive…")

    # -- archive -----------------------------------------------------------------------------

    def set_library(self, library: Library | None) -> None:
        """Shows this archive (None: nothing open)."""
        self.runner.library = library
        self.list_model.set_library(library)
        self.reader.view.clear_article()
        self.current_article_id = None
        if library is not None:
            self.annotating.load_palette()
            self.refresh()
            self.entity_updates.check()

    def refresh(self) -> None:
        """Reloads the sidebar counts and the current list (after imports and changes)."""
        if self.runner.library is None:
            return
        self.runner.run(operations.load_sidebar, self._on_sidebar_loaded, self._on_task_failed)
        self.search.load_history()
        if self.search.query:
            self.search.run_query(self.search.query)
        else:
            self.show_source(self._source)

    def show_source(self, source: Source) -> None:
        """Lists the articles of a sidebar source (loaded in the background)."""
        self._source = source
        if self.runner.library is None:
            return
        self.runner.run(
            lambda library: operations.ids_for_source(library, source),
            lambda ids: self._on_ids_loaded(source, ids),
            self._on_task_failed,
        )

    def open_article(self, article_id: int) -> None:
        """Loads an article in the background and shows it with its entities."""
        if self.runner.library is None:
            return
        self._article_request += 1
        request = self._article_request

        def loaded(result: LoadedArticle) -> None:
            if request == self._article_request:
                self._on_article_loaded(result)

        self.runner.run(
            lambda library: operations.load_article(library, article_id),
            loaded,
            self._on_task_failed,
        )

    def when_idle(self, callback: Callable[[], None], *, settle_ms: int = 60) -> None:
        """Calls ``callback`` once no task has run for a moment (scripted screenshots)."""
        quiet = [0]
        timer = QTimer(self)

        def check() -> None:
            quiet[0] = 0 if self.runner.busy else quiet[0] + 1
            if quiet[0] >= 3:
                timer.stop()
                callback()

        timer.timeout.connect(check)
        timer.start(settle_ms)

    # -- selection ---------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows, mapped through the proxy to the source model."""
        rows = sorted({index.row() for index in self.list_view.selectionModel().selectedRows()})
        ids = [self.proxy.article_id(self.proxy.index(row, 0)) for row in rows]
        return [i for i in ids if i is not None]

    def select_article(self, article_id: int) -> bool:
        """Selects (and so opens) an article in the list; False if it is not listed."""
        row = self.list_model.row_of(article_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.list_model.index(row, 0))
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index)
        return True

    def move_selection(self, step: int) -> None:
        """Selects the next (``step`` 1) or previous (-1) article (J/K)."""
        current = self.list_view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        while row >= self.proxy.rowCount() and self.proxy.canFetchMore(QModelIndex()):
            self.proxy.fetchMore(QModelIndex())
        if 0 <= row < self.proxy.rowCount():
            self.list_view.setCurrentIndex(self.proxy.index(row, 0))

    # -- reading settings --------------------------------------------------------------------

    def set_reading(self, reading: ReadingSettings) -> None:
        """Applies and remembers reading settings."""
        self._apply_reading(reading, save=True)

    def _apply_reading(self, reading: ReadingSettings, *, save: bool) -> None:
        self.reading = reading
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, dark=reading.is_dark)
        self.entities.set_dark(reading.is_dark)
        self.annotating.dark = self.notes.dark = reading.is_dark
        self.reader.view.apply_settings(reading)
        for action in self.theme_group.actions():
            action.setChecked(action.data() == reading.theme)
        if save:
            save_reading_settings(self.settings, reading)

    # -- window state ------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1500, 900)
        sizes = self.settings.value("window/splitter")
        if isinstance(sizes, QByteArray) and not sizes.isEmpty():
            self.splitter.restoreState(sizes)
        columns = self.settings.value("window/columns")
        if isinstance(columns, QByteArray) and not columns.isEmpty():
            self.list_view.restore_state(columns)

    def save_layout(self) -> None:
        """Remembers the window geometry, splitter sizes and list columns."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/columns", self.list_view.save_state())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.importer.cancel_all()
        self.entity_updates.cancel()
        self.save_layout()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.runner.library is not None and self.importer.import_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- actions -----------------------------------------------------------------------------

    def adjust_reading(self, **changes: object) -> None:
        """Changes some reading settings (font_family, font_size, line_width, theme)."""
        self.set_reading(replace(self.reading, **changes))  # type: ignore[arg-type]

    def shortcut_actions(self) -> list[QAction]:
        """Every window action that has a keyboard shortcut."""
        return [a for a in self.actions() if a.shortcuts()]

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help → Keyboard shortcuts."""
        dialog = ShortcutsDialog(self.shortcut_actions(), self)
        dialog.open()
        return dialog

    def current_query(self) -> str:
        """The search that is running or shown (empty: a sidebar list)."""
        return self.search.query

    def focus_search(self) -> None:
        """Puts the keyboard focus in the search field (Ctrl+L, /)."""
        self.search_bar.field.setFocus()
        self.search_bar.field.selectAll()

    # -- wiring ------------------------------------------------------------------------------

    def _connect(self) -> None:
        self.sidebar.source_chosen.connect(self._on_sidebar_source_chosen)
        self.sidebar.articles_dropped.connect(self.actions_.add_to_collection)
        self.search.results_ready.connect(self._on_search_results_ready)
        self.search.cleared.connect(lambda: self.show_source(self._source))
        self.search.failed.connect(self.show_error)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_list_current_row_changed)
        self.list_view.customContextMenuRequested.connect(self._on_list_context_menu_requested)
        self.list_view.doubleClicked.connect(lambda _index: self.open_selected())
        self.entities.visibility_changed.connect(self.reader.view.set_visible_labels)
        self.entities.mention_requested.connect(self._show_span)
        self.entities.archive_search_requested.connect(self.search_bar.set_query)
        self.hits.hit_chosen.connect(self._show_span)
        self.actions_.changed.connect(self._on_actions_changed)
        self.actions_.failed.connect(self.show_error)
        self.reader.url_copied.connect(lambda _url: self.statusBar().showMessage("Copied", 5000))
        self.sidebar.menu_requested.connect(self._on_sidebar_menu_requested)
        self.entities.correction_requested.connect(self.corrections.apply)
        self.annotating.changed.connect(self._on_corrections_corrected)
        self.annotating.failed.connect(self.show_error)
        self.annotating.palette_changed.connect(self._on_annotating_palette_changed)
        self.annotation_flow.open_requested.connect(self.open_article)
        self.exports.finished.connect(lambda message: self.statusBar().showMessage(message, 10_000))
        self.exports.imported.connect(
            lambda count: self._on_corrections_corrected(f"Imported {count} annotation(s)")
        )
        self.exports.failed.connect(self.show_error)
        self.entities.note_requested.connect(self.annotating.edit_entity_note)
        self.corrections.corrected.connect(self._on_corrections_corrected)
        self.corrections.failed.connect(self.show_error)
        self.importer.import_finished.connect(lambda _outcomes: self.refresh())
        self.entity_updates.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.entity_updates.updated.connect(self._on_corrections_corrected)
        self.entity_updates.failed.connect(self.show_error)

    def show_error(self, message: str) -> None:
        """Shows a message in the status bar (and keeps it in ``last_error``)."""
        self.last_error = message
        self.statusBar().showMessage(message, 10_000)

    def _on_task_failed(self, error: BaseException) -> None:
        self.show_error(str(error) or type(error).__name__)

    def _on_sidebar_loaded(self, data: SidebarData) -> None:
        self.actions_.collections = list(data.collections)
        self.sidebar.populate(data)

    def _on_sidebar_source_chosen(self, source: Source) -> None:
        self.search.reset()
        self.show_source(source)

    def _on_ids_loaded(self, source: Source, ids: list[int]) -> None:
        if source != self._source or self.search.query:
            return  # the user moved on before the list arrived
        self.list_model.set_ids(ids)
        self.search_bar.show_status(f"{len(ids)} article(s)")
        self.statusBar().showMessage(f"{len(ids)} article(s)")
        self._reselect()

    def _on_search_results_ready(
        self, ids: list[int], snippets: dict[int, str], status: str
    ) -> None:
        self.list_model.set_ids(ids, snippets)
        self.statusBar().showMessage(status)
        self._reselect()

    def _reselect(self) -> None:
        if self.current_article_id is not None:
            self.select_article(self.current_article_id)

    def _on_list_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.proxy.article_id(current)
        if article_id is not None and article_id != self.current_article_id:
            self.open_article(article_id)

    def open_selected(self) -> None:
        """Opens the first selected article."""
        ids = self.selected_ids()
        if ids:
            self.open_article(ids[0])

    def _on_article_loaded(self, loaded: LoadedArticle) -> None:
        self.current_article_id = loaded.article.id
        self.reader.view.show_article(loaded, self.entities.visible_labels())
        self.entities.show_entities(loaded.entities, loaded.entity_notes)
        self.notes.show_notes(loaded.notes)
        self.side_tabs.setTabText(2, f"Notes ({len(loaded.notes)})" if loaded.notes else "Notes")
        self.annotation_flow.article_shown(loaded)
        self.setWindowTitle(f"{loaded.article.title} — Archival Reader")
        self.hits.clear()
        self.side_tabs.setTabText(1, "Hits")
        if self.search.query:
            query, article_id, text = self.search.query, loaded.article.id, loaded.article.text
            self.runner.run(
                lambda library: operations.hits_in_article(library, article_id, query),
                lambda spans: self._on_hits_loaded(article_id, text, spans),
                self._on_task_failed,
            )

    def _on_hits_loaded(self, article_id: int, text: str, spans: list[tuple[int, int]]) -> None:
        if article_id != self.current_article_id:
            return
        self.reader.view.set_hits(spans)
        self.hits.show_hits(text, spans)
        self.side_tabs.setTabText(1, f"Hits ({len(spans)})")
        if spans:
            self.reader.view.scroll_to_offset(spans[0][0])

    def _show_span(self, start: int, end: int) -> None:
        view = self.reader.view
        view.setTextCursor(view.cursor_for_span(start, end))
        view.ensureCursorVisible()

    def _on_list_context_menu_requested(self, point: QPoint) -> None:
        menu = self.actions_.build_menu(
            self.selected_ids(),
            in_trash=self._source == TRASH and not self.search.query,
            open_article=self.open_article,
        )
        menu.popup(self.list_view.viewport().mapToGlobal(point))

    def _on_sidebar_menu_requested(self, source: Source, point: QPoint) -> None:
        menu = self.actions_.build_sidebar_menu(source, self.search.query)
        if not menu.isEmpty():
            menu.popup(point)

    def _on_corrections_corrected(self, message: str) -> None:
        """After an entity correction or a note: show the article again, refresh counts."""
        self.statusBar().showMessage(message, 10_000)
        if self.browser is not None and self.browser.isVisible():
            self.browser.reload()
        if self.current_article_id is not None:
            self.open_article(self.current_article_id)
        self.runner.run(operations.load_sidebar, self._on_sidebar_loaded, self._on_task_failed)

    # -- annotations -------------------------------------------------------------------------

    def annotate_selection(self, *, with_note: bool) -> None:
        """Highlights the selected text of the open article (with a note if asked)."""
        self.annotation_flow.highlight_selection(with_note=with_note)

    def apply_colour(self, index: int) -> None:
        """Ctrl+1..8: highlight the selection, or recolour the highlight at the cursor."""
        self.annotation_flow.apply_colour(index)

    def edit_annotation_at_cursor(self) -> None:
        """Annotate → Edit annotation at cursor."""
        self.annotation_flow.edit_at_cursor()

    def delete_annotation_at_cursor(self) -> None:
        """Annotate → Delete annotation at cursor."""
        self.annotation_flow.delete_at_cursor()

    def reattach_selected_orphan(self) -> None:
        """Annotate → Re-attach the orphan chosen in Notes to the selected text."""
        self.annotation_flow.reattach()

    def chosen_article_ids(self) -> list[int]:
        """The selected articles, or the open one when none is selected."""
        ids = self.selected_ids()
        if ids:
            return ids
        return [self.current_article_id] if self.current_article_id is not None else []

    def chosen_article_id(self) -> int | None:
        """The open article, or the first selected one."""
        if self.current_article_id is not None:
            return self.current_article_id
        ids = self.selected_ids()
        return ids[0] if ids else None

    def show_annotation_browser(self) -> AnnotationBrowserDialog:
        """Annotate → Annotation browser: every annotation in the archive, filterable."""
        if self.browser is None:
            self.browser = AnnotationBrowserDialog(
                self.runner, self.annotating.palette, dark=self.reading.is_dark, parent=self
            )
            self.browser.annotation_chosen.connect(self.annotation_flow.go_to)
        self.browser.show()
        self.browser.raise_()
        self.browser.reload()
        return self.browser

    def _on_annotating_palette_changed(self, palette: Palette) -> None:
        update_colour_actions(self, palette)
        if self.browser is not None:
            self.browser.set_palette(palette, dark=self.reading.is_dark)

    def _on_actions_changed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        self.list_model.refresh()
        self.refresh()

    def open_original(self) -> None:
        """Opens the selected (or open) article's original file, after a confirmation."""
        ids = self.selected_ids() or ([self.current_article_id] if self.current_article_id else [])
        if ids:
            self.actions_.open_original(ids[0])

    def paste_clipboard(self) -> None:
        """Creates an article from the clipboard's HTML or text (Ctrl+Shift+V)."""
        mime = QGuiApplication.clipboard().mimeData()
        if self.runner.library is None or mime is None or not self.importer.paste(mime):
            self.statusBar().showMessage(
                "Nothing to paste: copy some text or a web page first", 5000
            )
