"""Importing from the window: the menu action, drag and drop, and paste."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from reader.core.library import Library
from reader.core.model import OutcomeStatus
from reader.ui.dialogs.import_dialog import ImportDialog
from reader.ui.main_window import MainWindow

from .conftest import write_page


def _vanished_file(folder: Path) -> Path:
    """A file the user picked that is gone by the time the import reaches it."""
    return folder / "deleted-before-import.html"


def test_import_action_imports_and_reports_failures(
    window: MainWindow, library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page = write_page(tmp_path, 0, ".txt")
    bad = _vanished_file(tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(page), str(bad)], ""))
    )
    before = library.count()
    window.importer.choose_files()
    dialog = window.importer.dialog
    assert dialog is not None and dialog.finished_import
    statuses = [outcome.status for outcome in dialog.outcomes]
    assert OutcomeStatus.IMPORTED in statuses, dialog.outcomes
    assert OutcomeStatus.FAILED in statuses, dialog.outcomes
    assert library.count() == before + statuses.count(OutcomeStatus.IMPORTED)
    failures = [o for o in dialog.outcomes if o.status is OutcomeStatus.FAILED]
    for failure in failures:
        assert failure.path in dialog.summary.text() and failure.error
    assert dialog.files.count() == len(dialog.outcomes)
    # The window refreshed: the new article is listed.
    assert len(window.list_model.ids()) == library.count()


def test_dropping_files_on_the_window_imports_them(
    window: MainWindow, library: Library, tmp_path: Path
) -> None:
    page = write_page(tmp_path, 1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page)), QUrl("https://remote.example/never-fetched.html")])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    before = library.count()
    window.dropEvent(event)
    assert event.isAccepted()
    dialog = window.importer.dialog
    assert dialog is not None
    assert library.count() == before + 1, dialog.outcomes
    assert [o.path for o in dialog.outcomes] == [page.name]  # the remote URL was ignored


def test_paste_creates_an_article_from_clipboard_html(
    window: MainWindow, library: Library, tmp_path: Path
) -> None:
    html = write_page(tmp_path, 2).read_text(encoding="utf-8")
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("plain fallback")
    QApplication.clipboard().setMimeData(mime)
    before = library.count()
    try:
        window.paste_clipboard()
    finally:
        # The clipboard owns the data now; emptying it here keeps Qt from freeing it again
        # at interpreter exit, after Python has (a segmentation fault at shutdown).
        QApplication.clipboard().clear()
    dialog = window.importer.dialog
    assert dialog is not None and dialog.outcomes
    assert dialog.outcomes[0].path.startswith("pasted-") and dialog.outcomes[0].path.endswith(
        ".html"
    )
    assert library.count() == before + 1, dialog.outcomes


def test_cancel_stops_the_import_and_the_report_says_so(
    window: MainWindow, library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "batch"
    folder.mkdir()
    pages = [write_page(folder, index) for index in range(4)]
    original_add = ImportDialog.add_outcome

    def add_then_cancel(self: ImportDialog, outcome) -> None:  # type: ignore[no-untyped-def]
        original_add(self, outcome)
        self.buttons.rejected.emit()  # the user presses Cancel after the first page

    monkeypatch.setattr(ImportDialog, "add_outcome", add_then_cancel)
    before = library.count()
    window.importer.import_paths([folder])
    dialog = window.importer.dialog
    assert dialog is not None and dialog.finished_import
    assert dialog.cancel_token.cancelled
    assert dialog.summary.text().startswith("Import cancelled")
    assert library.count() - before < len(pages)


def test_the_report_offers_to_keep_skipped_pages_and_keeps_them(
    window: MainWindow, library: Library, tmp_path: Path
) -> None:
    index = tmp_path / "section-front.html"
    links = "".join(f'<li><a href="/s/{n}">Harbour story {n}</a></li>' for n in range(30))
    index.write_text(f"<html><head><title>Harbour index</title></head><body><ul>{links}</ul>")
    before = library.count()
    window.importer.import_paths([index])
    first = window.importer.dialog
    assert first is not None and first.finished_import
    assert [o.status for o in first.outcomes] == [OutcomeStatus.SKIPPED]
    keep = next(b for b in first.buttons.buttons() if b.text() == "Keep skipped pages too")
    keep.click()
    second = window.importer.dialog
    assert second is not first and second is not None and second.finished_import
    assert [o.status for o in second.outcomes] == [OutcomeStatus.IMPORTED]
    assert library.count() == before + 1
    assert "Harbour story 29" in library.article(second.outcomes[0].article_id).text
    # Nothing was skipped this time: no second offer.
    assert all(b.text() != "Keep skipped pages too" for b in second.buttons.buttons())
