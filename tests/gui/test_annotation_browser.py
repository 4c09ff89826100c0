"""The archive-wide annotation browser, and exports, import and citations from the menus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.core.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.models.annotation_table_model import ROW_ROLE, AnnotationRow, AnnotationTableModel

from .conftest import article_id_titled
from .test_annotating import action_named


def _annotate_two_articles(library: Library) -> tuple[int, int]:
    club = article_id_titled(library, "Reading club")
    war = article_id_titled(library, "Taliban")
    library.annotate_quote(club, "Margaret Okafor", color="green", note="chairs", tags=["people"])
    library.annotate_quote(war, "Qala-e-Naw", color="orange", note="capital", tags=["places"])
    library.annotate_quote(war, "Taliban", color="green", tags=["people"])
    return club, war


def _quotes(model: AnnotationTableModel) -> list[str]:
    rows = [model.data(model.index(row, 0), ROW_ROLE) for row in range(model.rowCount())]
    return sorted(row.quote for row in rows if isinstance(row, AnnotationRow))


def test_browser_filters_by_colour_tag_article_text_and_date(
    window: MainWindow, library: Library, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    _annotate_two_articles(library)
    QTest.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    browser = window.browser
    assert browser is not None and browser.isVisible()
    qtmodeltester.check(browser.model)
    assert _quotes(browser.model) == ["Margaret Okafor", "Qala-e-Naw", "Taliban"]
    browser.colour.setCurrentIndex(browser.colour.findData("green"))
    assert _quotes(browser.model) == ["Margaret Okafor", "Taliban"]
    QTest.keyClicks(browser.article, "reading")
    browser.article.returnPressed.emit()
    assert _quotes(browser.model) == ["Margaret Okafor"]
    browser.article.clear()
    browser.colour.setCurrentIndex(0)
    browser.tag.setText("places")
    browser.reload()
    assert _quotes(browser.model) == ["Qala-e-Naw"]
    browser.tag.clear()
    browser.words.setText("chairs")
    browser.reload()
    assert _quotes(browser.model) == ["Margaret Okafor"]
    browser.words.clear()
    browser.period.setCurrentText("Today")
    assert len(_quotes(browser.model)) == 3
    browser.orphans.setChecked(True)
    assert _quotes(browser.model) == []
    assert browser.status.text() == "0 annotation(s)"


def test_clicking_an_annotation_opens_its_article_and_flashes_it(
    window: MainWindow, library: Library, qtbot
) -> None:  # type: ignore[no-untyped-def]
    club, war = _annotate_two_articles(library)
    window.open_article(club)
    browser = window.show_annotation_browser()
    browser.words.setText("capital")
    browser.reload()
    assert browser.model.rowCount() == 1
    rect = browser.table.visualRect(browser.model.index(0, 1))
    qtbot.mouseClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_article_id == war
    [stored] = [s for s in library.annotations(war) if s.annotation.note == "capital"]
    view = window.reader.view
    assert view.flashing_span == (stored.anchor.start, stored.anchor.end)
    assert view.textCursor().selectedText() == "Qala-e-Naw"
    assert window.notes.current_mark() is not None
    assert window.notes.current_mark().id == stored.annotation.id  # type: ignore[union-attr]


def test_export_each_format_and_import_jsonld_back(
    window: MainWindow, library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    club, war = _annotate_two_articles(library)
    window.open_article(war)
    exported: dict[str, Path] = {}
    for fmt, suffix in (
        ("markdown", ".md"),
        ("csv", ".csv"),
        ("jsonld", ".jsonld"),
        ("html", ".html"),
    ):
        exported[fmt] = tmp_path / f"notes{suffix}"
        monkeypatch.setattr(window.exports, "ask_export_path", lambda _n, f=fmt: (exported[f], f))
        QTest.keyClick(
            window,
            Qt.Key.Key_E,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert "Qala-e-Naw" in exported["markdown"].read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(exported["csv"].read_text(encoding="utf-8"))))
    assert len(rows) == 2  # the open article only: nothing selected in the list
    data = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    assert "http://www.w3.org/ns/anno.jsonld" in json.dumps(data["@context"])
    assert "<mark" in exported["html"].read_text(encoding="utf-8").lower()

    # Round trip: the file, edited elsewhere later, comes back onto the same annotation at
    # the same place (merged by id: the newer one wins).
    stored = next(s for s in library.annotations(war) if s.annotation.note == "capital")
    for item in data["first"]["items"]:
        if stored.annotation.id in item["id"]:
            item["modified"] = "2999-01-01T00:00:00Z"
            for body in item["body"]:
                if body["purpose"] == "commenting":
                    body["value"] = "provincial capital"
    exported["jsonld"].write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(window.exports, "ask_import_path", lambda: exported["jsonld"])
    action_named(window.actions(), "Import annotations (JSON-LD)…").trigger()
    [back] = [s for s in library.annotations(war) if s.annotation.id == stored.annotation.id]
    assert back.annotation.note == "provincial capital"
    assert (back.anchor.start, back.anchor.end) == (stored.anchor.start, stored.anchor.end)
    assert len(library.annotations(war)) == 2
    assert "provincial capital" in window.notes.item(0).text() + window.notes.item(1).text()


def test_copy_citation_puts_each_format_on_the_clipboard(
    window: MainWindow, library: Library
) -> None:
    war = article_id_titled(library, "Taliban")
    window.open_article(war)
    clipboard = QApplication.clipboard()
    try:
        for name, marker in (("CSL-JSON", '"type"'), ("RIS", "TY  -"), ("BibTeX", "@")):
            action_named(window.actions() + window.menuBar().actions(), name).trigger()
            assert marker in clipboard.text(), name
            assert clipboard.text() == library.cite(
                war, {"CSL-JSON": "csl", "RIS": "ris", "BibTeX": "bibtex"}[name]
            )
    finally:
        clipboard.clear()
