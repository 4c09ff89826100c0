"""Window-level behaviour: keyboard navigation, shortcuts, settings persistence, fonts."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from reader.core.library import Library
from reader.ui import tasks
from reader.ui.main_window import MainWindow
from reader.ui.reading_settings import load_reading_settings


def test_a_real_font_is_available(qapp: QApplication) -> None:
    # Without fonts Qt draws boxes silently (offscreen needs fonts-dejavu-core).
    assert QFontInfo(qapp.font()).family()


def test_j_and_k_move_between_articles(window: MainWindow) -> None:
    window.move_selection(1)
    first = window.current_article_id
    window.move_selection(1)
    second = window.current_article_id
    assert first is not None and second is not None and first != second
    window.move_selection(-1)
    assert window.current_article_id == first


def test_every_shortcut_is_listed_in_help(window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    listed = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    for name in (
        "Import files…",
        "Search",
        "Find in article",
        "Next article",
        "Previous article",
        "Toggle entity highlights",
        "Zoom in",
        "Paste as new article",
    ):
        assert name in listed
    shortcuts = {
        a.text().replace("&", ""): a.shortcut().toString() for a in window.shortcut_actions()
    }
    assert shortcuts["Search"] == "Ctrl+L" and shortcuts["Next article"] == "J"


def test_reading_settings_and_layout_persist(qtbot, library: Library, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(tasks.SynchronousTaskRunner(), settings)
    qtbot.addWidget(first)
    first.set_library(library)
    first.set_reading(first.reading.zoomed(3))
    first.theme_group.actions()[-1].trigger()  # the last theme in the menu
    chosen = first.reading
    first.splitter.setSizes([150, 500, 600, 250])
    sizes = first.splitter.sizes()
    first.close()
    assert load_reading_settings(settings) == chosen
    second = MainWindow(tasks.SynchronousTaskRunner(), settings)
    qtbot.addWidget(second)
    assert second.reading == chosen
    assert second.splitter.sizes() == sizes


def test_zoom_changes_the_reader_font(window: MainWindow) -> None:
    size = window.reading.font_size
    next(a for a in window.actions() if a.text() == "Zoom &in").trigger()
    assert window.reading.font_size == size + 1
    assert f"{size + 1}pt" in window.reader.view.document().defaultStyleSheet()


def test_keyboard_shortcuts_reach_the_panes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.activateWindow()
    qtbot.waitUntil(
        lambda: QApplication.activeWindow() is window or window.isActiveWindow(), timeout=2000
    )
    window.list_view.setFocus()
    QTest.keyClick(window.list_view, Qt.Key.Key_J)
    first = window.current_article_id
    assert first is not None
    QTest.keyClick(window.list_view, Qt.Key.Key_J)
    assert window.current_article_id != first
    QTest.keyClick(window.list_view, Qt.Key.Key_K)
    assert window.current_article_id == first
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.field.hasFocus()
    QTest.keyClicks(window.search_bar.field, "jk")  # letters typed in a field stay text
    assert window.search_bar.field.text() == "jk"
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.reader.view.hasFocus()
    QTest.keyClick(window.reader.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.find_bar.isVisible() and window.reader.find_bar.field.hasFocus()
