"""Importing from the window: file and folder dialogs, dropped files, and pasted text.

Every route ends in ``ImportController.import_paths``, which runs the import as a writer task
and shows an ``ImportDialog``. A paste is written to a temporary ``pasted-<timestamp>.html``
(or ``.txt``) file first, so it goes through exactly the same pipeline as any saved page; the
file is deleted once imported (the archive keeps its own copy of the original).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core.model import ImportOutcome
from reader.core.progress import CancelToken
from reader.ui.dialogs.import_dialog import ImportDialog
from reader.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.library import Library

PAGE_FILTER = (
    "Saved pages (*.html *.htm *.xhtml *.mhtml *.mht *.warc *.warc.gz *.arc *.wacz"
    " *.webarchive *.txt *.gz);;All files (*)"
)


def local_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in dropped data (remote URLs are ignored, never fetched)."""
    return [
        Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()
    ]


def write_pasted(mime: QMimeData, folder: Path) -> Path | None:
    """Writes the clipboard's HTML (preferred) or text to a new file in ``folder``."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    if mime.hasHtml() and mime.html().strip():
        path = folder / f"pasted-{stamp}.html"
        path.write_text(mime.html(), encoding="utf-8")
        return path
    if mime.hasText() and mime.text().strip():
        path = folder / f"pasted-{stamp}.txt"
        path.write_text(mime.text(), encoding="utf-8")
        return path
    return None


class ImportController(QObject):
    """Runs imports for the window; ``import_finished`` fires after each run."""

    import_finished = Signal(object)  # the outcomes

    def __init__(self, runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._runner = runner
        self._parent = parent_widget
        self.dialog: ImportDialog | None = None
        self._running: list[CancelToken] = []

    def cancel_all(self) -> None:
        """Asks every running import to stop after its current file (the window is closing)."""
        for token in self._running:
            token.cancel()

    def choose_files(self) -> None:
        """File → Import files: asks for files and imports them."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self._parent, "Import saved pages", "", PAGE_FILTER
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        """File → Import folder: asks for a folder and imports everything in it."""
        folder = QFileDialog.getExistingDirectory(self._parent, "Import a folder of saved pages")
        if folder:
            self.import_paths([Path(folder)])

    def import_mime(self, mime: QMimeData) -> bool:
        """Imports dropped files and folders; False when the data held none."""
        paths = local_paths(mime)
        if paths:
            self.import_paths(paths)
        return bool(paths)

    def paste(self, mime: QMimeData) -> bool:
        """Creates an article from pasted HTML or text; False when there was nothing to paste."""
        folder = Path(tempfile.mkdtemp(prefix="archival-reader-paste-"))
        path = write_pasted(mime, folder)
        if path is None:
            shutil.rmtree(folder, ignore_errors=True)
            return False
        self.import_paths([path], cleanup=folder)
        return True

    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        cleanup: Path | None = None,
        keep_non_articles: bool = False,
    ) -> None:
        """Imports files and folders in the background, with the progress dialog and report.

        Args:
            paths: files and folders.
            cleanup: a temporary folder to delete afterwards (a paste's).
            keep_non_articles: keep pages that are not articles, whole (the report offers
                this when pages were skipped).
        """
        cancel = CancelToken()
        self._running.append(cancel)
        wanted = list(paths)
        # A paste's file is deleted afterwards: it cannot be read again for its skipped pages.
        dialog = ImportDialog(cancel, self._parent, can_keep_skipped=cleanup is None)
        dialog.keep_skipped_requested.connect(
            lambda: self.import_paths(wanted, keep_non_articles=True)
        )
        self.dialog = dialog
        dialog.open()
        add_outcome = self._runner.relay(dialog.add_outcome)
        report_progress = self._runner.progress_relay(dialog.show_progress)

        def run(library: Library) -> bool:
            from reader.core.importing.pipeline import ImportOptions

            # The GUI always finds entities: highlighting them is what the reader is for.
            options = ImportOptions(recognize_entities=True, keep_non_articles=keep_non_articles)
            outcomes = library.iter_import(
                wanted, options=options, progress=report_progress, cancel=cancel
            )
            for outcome in outcomes:
                add_outcome(outcome)
            return cancel.cancelled

        def finished(cancelled: bool) -> None:
            dialog.finish(cancelled=cancelled)
            self._done(cancel, dialog.outcomes, cleanup)

        def failed(error: BaseException) -> None:
            dialog.finish(cancelled=False, error=str(error) or type(error).__name__)
            self._done(cancel, dialog.outcomes, cleanup)

        self._runner.run(run, finished, failed, writes=True)

    def _done(
        self, cancel: CancelToken, outcomes: list[ImportOutcome], cleanup: Path | None
    ) -> None:
        if cancel in self._running:
            self._running.remove(cancel)
        if cleanup is not None:
            shutil.rmtree(cleanup, ignore_errors=True)
        self.import_finished.emit(list(outcomes))
