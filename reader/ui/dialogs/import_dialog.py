"""The import dialog: progress with per-file status, Cancel, and a report at the end.

The dialog only shows what it is told: the window runs the import (a writer task) and feeds
``add_outcome``/``show_progress``; ``finish`` turns the dialog into the report, listing every
failure with its reason.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import ImportOutcome, OutcomeStatus
from reader.core.progress import CancelToken, Progress

_STATUS_WORDS = {
    OutcomeStatus.IMPORTED: "imported",
    OutcomeStatus.DUPLICATE: "already in the archive",
    OutcomeStatus.SKIPPED: "skipped",
    OutcomeStatus.FAILED: "FAILED",
}


def describe_outcome(outcome: ImportOutcome) -> str:
    """One line for the per-file list: file (part), what happened, and why if it failed."""
    where = outcome.path + (f" [{outcome.part}]" if outcome.part else "")
    line = f"{where}: {_STATUS_WORDS.get(outcome.status, outcome.status.value)}"
    if outcome.title and outcome.status is OutcomeStatus.IMPORTED:
        line += f" — {outcome.title}"
    if outcome.error:
        line += f" — {outcome.error}"
    return line


class ImportDialog(QDialog):
    """Progress, then the report. When pages were skipped as not being articles and the files
    can be read again, the report offers to keep them (``keep_skipped_requested``)."""

    keep_skipped_requested = Signal()

    def __init__(
        self, cancel: CancelToken, parent: QWidget | None = None, *, can_keep_skipped: bool = True
    ) -> None:
        super().__init__(parent)
        self._can_keep_skipped = can_keep_skipped
        self.setWindowTitle("Importing")
        self.setMinimumWidth(560)
        self.cancel_token = cancel
        self.outcomes: list[ImportOutcome] = []
        self.label = QLabel("Starting…", self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.files = QListWidget(self)
        self.files.setAccessibleName("Files imported so far")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self._on_buttons_rejected)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.files)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.finished_import = False

    def show_progress(self, progress: Progress) -> None:
        """Shows a progress report from the import."""
        self.label.setText(progress.label)
        if progress.maximum > 0:
            self.bar.setRange(0, progress.maximum)
            self.bar.setValue(min(progress.value, progress.maximum))

    def add_outcome(self, outcome: ImportOutcome) -> None:
        """Adds one file's (or page's) result to the list."""
        self.outcomes.append(outcome)
        self.files.addItem(describe_outcome(outcome))
        self.files.scrollToBottom()

    def finish(self, *, cancelled: bool, error: str | None = None) -> None:
        """Shows the report: counts per status and the failures with their reasons."""
        self.finished_import = True
        counts = {status: 0 for status in OutcomeStatus}
        for outcome in self.outcomes:
            counts[outcome.status] += 1
        parts = [
            f"{counts[OutcomeStatus.IMPORTED]} imported",
            f"{counts[OutcomeStatus.DUPLICATE]} already there",
            f"{counts[OutcomeStatus.SKIPPED]} skipped",
            f"{counts[OutcomeStatus.FAILED]} failed",
        ]
        text = ("Import cancelled: " if cancelled else "Import finished: ") + ", ".join(parts) + "."
        failures = [o for o in self.outcomes if o.status is OutcomeStatus.FAILED]
        if failures:
            text += "\n\nFailures:\n" + "\n".join(describe_outcome(o) for o in failures)
        if error:
            text += f"\n\nThe import stopped: {error}"
        self.label.setText("Done" if not cancelled else "Cancelled")
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.summary.setText(text)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.accept)
        if counts[OutcomeStatus.SKIPPED] and self._can_keep_skipped and not cancelled:
            keep = self.buttons.addButton(
                "Keep skipped pages too", QDialogButtonBox.ButtonRole.ActionRole
            )
            keep.setToolTip(
                "Import the skipped pages as they are (link lists, error pages…), whole"
            )
            keep.clicked.connect(self._on_keep_clicked)

    def _on_keep_clicked(self) -> None:
        self.accept()
        self.keep_skipped_requested.emit()

    def _on_buttons_rejected(self) -> None:
        if self.finished_import:
            self.accept()
            return
        self.cancel_token.cancel()
        self.label.setText("Cancelling after the current file…")
