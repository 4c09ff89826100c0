"""Annotations out of and into the archive from the GUI: export files, JSON-LD import, and
"Copy citation" to the clipboard.

The facade renders every format (``Library.export_annotations``, ``Library.cite``); this
module only asks where to save or what to open (``ask_*``, replaced in tests) and writes
the file on the worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.library import Library

#: Export formats: facade name -> (file dialog filter, file suffix).
EXPORT_FORMATS = {
    "markdown": ("Markdown (*.md)", ".md"),
    "csv": ("CSV, one row per annotation (*.csv)", ".csv"),
    "jsonld": ("W3C Web Annotation JSON-LD (*.jsonld *.json)", ".jsonld"),
    "html": ("HTML, article with highlights (*.html)", ".html"),
}
#: Citation formats offered by "Copy citation": facade name -> menu text.
CITATION_FORMATS = {"csl": "CSL-JSON", "ris": "RIS", "bibtex": "BibTeX"}


def format_for_filter(chosen_filter: str, path: str) -> str:
    """The export format a save dialog's filter (or, failing that, the file suffix) names."""
    for name, (file_filter, _suffix) in EXPORT_FORMATS.items():
        if chosen_filter == file_filter:
            return name
    for name, (_filter, suffix) in EXPORT_FORMATS.items():
        if path.lower().endswith(suffix):
            return name
    return "markdown"


class AnnotationExports(QObject):
    finished = Signal(str)  # a status message
    imported = Signal(int)  # how many annotations were added or updated
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._runner = runner
        self._parent = parent_widget

    def ask_export_path(self, count: int) -> tuple[Path, str] | None:
        """Asks where to save and in which format; None when cancelled."""
        filters = ";;".join(file_filter for file_filter, _suffix in EXPORT_FORMATS.values())
        path, chosen = QFileDialog.getSaveFileName(
            self._parent, f"Export annotations of {count} article(s)", "annotations.md", filters
        )
        if not path:
            return None
        fmt = format_for_filter(chosen, path)
        suffix = EXPORT_FORMATS[fmt][1]
        target = Path(path)
        return (target if target.suffix else target.with_suffix(suffix)), fmt

    def ask_import_path(self) -> Path | None:
        """Asks for a JSON-LD file to import; None when cancelled."""
        path, _chosen = QFileDialog.getOpenFileName(
            self._parent, "Import annotations", "", EXPORT_FORMATS["jsonld"][0]
        )
        return Path(path) if path else None

    def export(self, article_ids: Sequence[int]) -> None:
        """Exports the annotations of these articles to a file the user chooses."""
        ids = list(article_ids)
        if not ids:
            self.failed.emit("Select or open an article first")
            return
        answer = self.ask_export_path(len(ids))
        if answer is None:
            return
        path, fmt = answer

        def write(library: Library) -> Path:
            text = library.export_annotations(ids, fmt)
            # newline="" keeps CSV's CRLF rows as the exporter wrote them.
            path.write_text(text, encoding="utf-8", newline="")
            return path

        self._runner.run(
            write, lambda saved: self.finished.emit(f"Annotations exported to {saved}"), self._fail
        )

    def import_jsonld(self) -> None:
        """Imports annotations from a W3C JSON-LD file (as exported)."""
        path = self.ask_import_path()
        if path is None:
            return
        self._runner.run(
            lambda library: library.import_annotations(path.read_text(encoding="utf-8")),
            self.imported.emit,
            self._fail,
            writes=True,
        )

    def copy_citation(self, article_id: int | None, fmt: str) -> None:
        """Copies the article's citation (CSL-JSON, RIS or BibTeX) to the clipboard."""
        if article_id is None:
            self.failed.emit("Select or open an article first")
            return

        def copy(citation: str) -> None:
            QGuiApplication.clipboard().setText(citation)
            self.finished.emit(f"Copied the {CITATION_FORMATS.get(fmt, fmt)} citation")

        self._runner.run(lambda library: library.cite(article_id, fmt), copy, self._fail)

    def _fail(self, error: BaseException) -> None:
        self.failed.emit(str(error) or type(error).__name__)
