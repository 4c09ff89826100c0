"""The window with the real threaded runner: results cross threads intact."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from reader.core.library import Library
from reader.ui import tasks
from reader.ui.main_window import MainWindow

from .conftest import article_id_titled


def test_search_and_open_with_worker_threads(qtbot, library: Library, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    runner = tasks.TaskRunner()
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    try:
        window.set_library(library)
        qtbot.waitUntil(lambda: window.list_model.rowCount() == library.count(), timeout=10_000)
        window.search_bar.set_query("Herat")
        expected = article_id_titled(library, "Taliban attack")
        qtbot.waitUntil(lambda: window.list_model.ids() == [expected], timeout=10_000)
        window.select_article(expected)
        qtbot.waitUntil(lambda: window.current_article_id == expected, timeout=10_000)
        qtbot.waitUntil(lambda: window.hits.count() > 0, timeout=10_000)
        assert "Taliban attack" in window.reader.view.document().toPlainText()
    finally:
        runner.wait()
