"""Bringing entities up to date after the recognizer was upgraded.

A new version of the app may ship a better entity recognizer. Articles imported before keep
the mentions the old one found until they are recognised again. On opening an archive the
window asks how many are outdated, says so in the status bar and enables Article → Update
entities; the update itself runs in the background with a progress dialog and Cancel (what
was finished before a cancel is kept and indexed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.core.progress import CancelToken, Progress
from reader.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.library import Library


class EntityUpdates(QObject):
    """Finds outdated entity mentions and recognises them again on request."""

    # A line for the status bar, when outdated articles are found.
    message = Signal(str)
    failed = Signal(str)
    # After an update (also a cancelled one): what was done, for the status bar.
    updated = Signal(str)

    def __init__(self, runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._runner = runner
        self._parent = parent_widget
        self.outdated = 0
        self.action: QAction | None = None  # Article → Update entities, set by the menus
        self._cancel: CancelToken | None = None

    def check(self) -> None:
        """Counts the outdated articles of the open archive (in the background)."""
        library = self._runner.library
        if library is None or library.read_only:
            self._set_outdated(0)
            return
        self._runner.run(
            lambda opened: len(opened.outdated_entity_articles()),
            self._on_counted,
            lambda _error: self._set_outdated(0),
        )

    def update(self) -> None:
        """Recognises the outdated articles again, with a progress dialog and Cancel."""
        if self.outdated == 0 or self._cancel is not None:
            return
        cancel = CancelToken()
        self._cancel = cancel
        dialog = QProgressDialog("Updating entities…", "Cancel", 0, self.outdated, self._parent)
        dialog.setWindowTitle("Update entities")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(cancel.cancel)

        def show(report: Progress) -> None:
            dialog.setMaximum(max(report.maximum, 1))
            dialog.setValue(min(report.value, report.maximum))

        report = self._runner.progress_relay(show)

        def run(library: Library) -> int:
            return len(library.recognize_entities(progress=report, cancel=cancel))

        def finished(count: int) -> None:
            dialog.reset()
            self._cancel = None
            stopped = " (cancelled)" if cancel.cancelled else ""
            self.updated.emit(f"Entities updated in {count} article(s){stopped}")
            self.check()

        def failed(error: BaseException) -> None:
            dialog.reset()
            self._cancel = None
            self.failed.emit(f"Entities not updated: {error}")
            self.check()

        self._runner.run(run, finished, failed, writes=True)

    def cancel(self) -> None:
        """Stops a running update after its current batch (the window is closing)."""
        if self._cancel is not None:
            self._cancel.cancel()

    def _on_counted(self, count: int) -> None:
        self._set_outdated(count)
        if count:
            self.message.emit(
                f"{count} article(s) have entities from an older recognizer: "
                "Article → Update entities"
            )

    def _set_outdated(self, count: int) -> None:
        self.outdated = count
        if self.action is not None:
            self.action.setEnabled(count > 0)
            self.action.setText(
                f"Update &entities ({count} outdated)" if count else "Update &entities"
            )
