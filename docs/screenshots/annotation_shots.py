"""Regenerates the annotation screenshots in this folder from a copy of the demo archive.

Highlights a few passages of two demo articles in different colour codes (with notes and
tags), then grabs the window with the Notes tab, the annotation browser, the annotation
dialog and the palette dialog with ``QWidget.grab()``. Headless: ``QT_QPA_PLATFORM``
defaults to ``offscreen``.

Usage: .venv/bin/python docs/screenshots/annotation_shots.py
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reader.core.demo import build_demo_archive
from reader.core.library import Library
from reader.ui.dialogs.annotation_dialog import AnnotationDialog
from reader.ui.dialogs.palette_dialog import PaletteDialog
from reader.ui.main_window import MainWindow
from reader.ui.tasks import SynchronousTaskRunner

OUT = Path(__file__).resolve().parent
SENTENCE = re.compile(r"[A-Z][^.!?\n]{40,160}[.!?]")
NOTES = (
    ("orange", "The council's own figure; no independent estimate yet.", ("cost",)),
    ("green", "", ("evidence", "flooding")),
    ("vermillion", "Contradicts the **2019 survey** quoted earlier.", ()),
    ("blue", "How was this measured?", ("method",)),
)


def annotate(library: Library, article_id: int) -> None:
    text = library.article(article_id).text
    sentences = list(SENTENCE.finditer(text))
    for (color, note, tags), match in zip(NOTES, sentences[1::2], strict=False):
        library.annotate(article_id, match.start(), match.end(), color=color, note=note, tags=tags)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "demo"
        shutil.copytree(build_demo_archive(), archive)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        with Library.open(archive) as library:
            titles = {s.title: i for i, s in library.summaries(library.article_ids()).items()}
            ids = [i for title, i in titles.items() if "Humber" in title or "Danube" in title]
            for article_id in ids:
                annotate(library, article_id)
            window = MainWindow(SynchronousTaskRunner(library), settings)
            window.set_library(library)
            window.resize(1500, 900)
            window.show()
            window.open_article(ids[0])
            window.side_tabs.setCurrentIndex(2)
            app.processEvents()
            window.grab().save(str(OUT / "annotations-reader.png"))
            browser = window.show_annotation_browser()
            app.processEvents()
            browser.grab().save(str(OUT / "annotation-browser.png"))
            mark = window.notes.marks()[0]
            dialog = AnnotationDialog(
                library.palette(),
                quote=mark.quote,
                color=mark.color,
                note=mark.note,
                tags=mark.tags,
            )
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(OUT / "annotation-dialog.png"))
            palette = PaletteDialog(library.palette())
            palette.show()
            app.processEvents()
            palette.grab().save(str(OUT / "palette-dialog.png"))
            window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
