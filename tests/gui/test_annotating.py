"""Annotating in the window: colour codes and Ctrl+1..8, recolour, edit, delete and undo,
orphans re-attached, click to scroll and flash, carry-over, entity notes, palette."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from reader.core.annotations.palette import rename_code, reorder
from reader.core.library import Library
from reader.core.operations.reextracting import ReextractOutcome
from reader.ui.article_actions import reextract_message
from reader.ui.dialogs.annotation_dialog import AnnotationDialog
from reader.ui.dialogs.palette_dialog import PaletteDialog
from reader.ui.main_window import MainWindow
from reader.ui.widgets.sidebar import ORPHANS

from .conftest import article_id_titled, entity_group

QUOTE = "Margaret Okafor"


def open_and_select(window: MainWindow, library: Library, phrase: str = QUOTE) -> tuple[int, int]:
    """Opens the emoji page (offsets differ from Qt positions there) and selects a phrase."""
    article_id = article_id_titled(library, "Reading club")
    window.open_article(article_id)
    start = library.article(article_id).text.index(phrase)
    view = window.reader.view
    view.setTextCursor(view.cursor_for_span(start, start + len(phrase)))
    return article_id, start


def action_named(actions: list[QAction], text: str) -> QAction:
    for action in actions:
        if action.text().replace("&", "") == text:
            return action
        if action.menu() is not None:
            try:
                return action_named(action.menu().actions(), text)
            except LookupError:
                pass
    raise LookupError(text)


def menu_action(menu: QMenu, text: str) -> QAction:
    return action_named(menu.actions(), text)


def test_ctrl_digit_highlights_in_that_colour_and_recolours_at_the_cursor(
    window: MainWindow, library: Library
) -> None:
    article_id, start = open_and_select(window, library)
    palette = library.palette()
    assert window.colour_actions[1].text().startswith(palette.colours[1].code)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    [stored] = library.annotations(article_id)
    assert stored.annotation.color == palette.colours[1].id
    assert (stored.anchor.start, stored.anchor.end) == (start, start + len(QUOTE))
    # No selection, cursor inside the highlight: Ctrl+7 recolours it.
    view = window.reader.view
    view.setTextCursor(view.cursor_for_span(start + 3, start + 3))
    QTest.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    [stored] = library.annotations(article_id)
    assert stored.annotation.color == palette.colours[6].id
    assert window.notes.marks()[0].code == palette.colours[6].code


def test_reader_context_menu_highlights_and_then_edits_the_highlight(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    article_id, start = open_and_select(window, library)
    view = window.reader.view
    point = view.cursorRect(view.cursor_for_span(start + 2, start + 2)).center()
    menu = view.build_context_menu(point)
    evidence = library.palette().get("green")
    menu_action(menu, f"{evidence.code} ({evidence.id})").trigger()
    [stored] = library.annotations(article_id)
    assert stored.annotation.color == "green"
    monkeypatch.setattr(
        window.annotating,
        "ask_annotation",
        lambda **shown: ("purple", f"*{shown['quote']}* chairs it", ("people", "club")),
    )
    view.setTextCursor(view.cursor_for_span(start + 2, start + 2))
    menu = view.build_context_menu(point)
    menu_action(menu, "Edit note and tags…").trigger()
    [stored] = library.annotations(article_id)
    assert stored.annotation.note == f"*{QUOTE}* chairs it"
    assert stored.annotation.tags == ("people", "club") and stored.annotation.color == "purple"
    assert "#people #club" in window.notes.item(0).text()


def test_delete_from_the_notes_tab_and_undo(window: MainWindow, library: Library) -> None:
    article_id, _start = open_and_select(window, library)
    window.annotate_selection(with_note=False)
    [mark] = window.notes.marks()
    menu_action(window.notes.menu_for(mark), "Delete annotation").trigger()
    assert library.annotations(article_id) == [] and window.notes.count() == 0
    QTest.keyClick(
        window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert [s.annotation.id for s in library.annotations(article_id)] == [mark.id]
    assert window.notes.count() == 1
    # The keyboard does the same: Delete in the Notes tab, then undo again.
    window.notes.setCurrentRow(0)
    QTest.keyClick(window.notes, Qt.Key.Key_Delete)
    assert library.annotations(article_id) == []
    assert article_id not in library.trashed_ids()  # not the window's "Move to trash"
    QTest.keyClick(
        window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert len(library.annotations(article_id)) == 1


def _orphan(library: Library, article_id: int) -> str:
    """Imports an annotation whose quote is nowhere in the article: it arrives orphaned."""
    stored = library.annotate_quote(article_id, QUOTE, note="who?")
    exported = json.loads(library.export_annotations([article_id], "jsonld"))
    item = exported["first"]["items"][0] if "first" in exported else exported["items"][0]
    library.delete_annotation(stored.annotation.id)
    new_id = str(uuid.uuid4())
    item["id"] = item["id"].replace(stored.annotation.id, new_id)
    for selector in item["target"]["selector"]:
        if selector["type"] == "TextQuoteSelector":
            selector.update(exact="Dorothy Wainwright-Achebe", prefix="", suffix="")
    assert library.import_annotations(json.dumps(exported)) == 1
    return new_id


def test_an_orphan_is_listed_and_reattached_to_selected_text(
    window: MainWindow, library: Library
) -> None:
    article_id = article_id_titled(library, "Reading club")
    orphan_id = _orphan(library, article_id)
    [stored] = library.annotations(article_id)
    assert stored.anchor.is_orphan
    window.sidebar.source_chosen.emit(ORPHANS)  # the "Orphaned annotations" entry
    assert window.list_model.ids() == [article_id]
    _, start = open_and_select(window, library)
    [mark] = window.notes.marks()
    assert mark.is_orphan and "orphaned" in window.notes.item(0).text()
    window.notes.setCurrentRow(0)
    action_named(window.actions(), "Re-attach orphan to selection").trigger()
    [stored] = library.annotations(article_id)
    assert stored.annotation.id == orphan_id and not stored.anchor.is_orphan
    assert (stored.anchor.start, stored.anchor.end) == (start, start + len(QUOTE))
    assert stored.annotation.note == "who?"


def test_clicking_a_note_scrolls_to_it_and_flashes_it(window: MainWindow, library: Library) -> None:
    _article_id, start = open_and_select(window, library)
    window.annotate_selection(with_note=False)
    view = window.reader.view
    view.setTextCursor(view.cursor_for_span(0, 0))
    item = window.notes.item(0)
    window.notes.itemClicked.emit(item)
    assert view.flashing_span == (start, start + len(QUOTE))
    assert view.textCursor().selectedText() == QUOTE
    QTest.qWait(1400)  # the flash ends by itself
    assert view.flashing_span is None


def test_entity_note_from_the_entities_menu(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    article_id = article_id_titled(library, "Taliban")
    window.open_article(article_id)
    window.entities.tree.setCurrentItem(entity_group(window, "Person").child(0))
    label, name = window.entities.selected_entity()  # type: ignore[misc]
    monkeypatch.setattr(window.annotating, "ask_entity_note", lambda _name, _current: "met in 2019")
    menu_action(window.entities.correction_menu(), f"Note on “{name}”…").trigger()
    note = library.entity_note(label, name)
    assert note is not None and note.note == "met in 2019"
    child = next(
        entity_group(window, "Person").child(i)
        for i in range(entity_group(window, "Person").childCount())
        if entity_group(window, "Person").child(i).text(0) == name
    )
    assert child.font(0).italic() and "met in 2019" in child.toolTip(0)


def test_palette_dialog_renames_and_reorders(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    palette = library.palette()
    dialog = PaletteDialog(palette)
    qtbot.addWidget(dialog)
    dialog.colours.item(1).setText("Argument")
    dialog.colours.setCurrentRow(1)
    dialog.up_button.click()
    edited = dialog.edited_palette()
    assert edited.colours[0].id == palette.colours[1].id and edited.colours[0].code == "Argument"
    assert edited.colours[1] == palette.colours[0]


def test_edited_palette_is_saved_and_names_the_shortcuts(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    palette = library.palette()
    edited = reorder(
        rename_code(palette, "grey", "Aside"), ["grey", *[c.id for c in palette.colours[:-1]]]
    )
    monkeypatch.setattr(window.annotating, "ask_palette", lambda: edited)
    action_named(window.actions(), "Colour codes…").trigger()
    assert library.palette() == edited
    assert window.colour_actions[0].text() == "Aside (grey)"


def test_annotation_dialog_returns_colour_note_and_tags(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    dialog = AnnotationDialog(library.palette(), quote="q", color="blue", tags=("a",))
    qtbot.addWidget(dialog)
    assert dialog.values() == ("blue", "", ("a",))
    dialog.note.setPlainText("**bold** claim")
    dialog.tags.setText(" x, y ,x,, ")
    dialog.colour.setCurrentIndex(dialog.colour.findData("orange"))
    assert dialog.values() == ("orange", "**bold** claim", ("x", "y"))
    assert "bold" in dialog.preview.toPlainText() and "**" not in dialog.preview.toPlainText()


def test_carry_over_offered_for_a_newer_capture(
    window: MainWindow, library: Library, tmp_path: Path
) -> None:
    import os

    harbour = Path(__file__).parents[1] / "data" / "pages" / "harbour-strike.html"
    older, newer = tmp_path / "old.html", tmp_path / "new.html"
    older.write_bytes(harbour.read_bytes())
    os.utime(older, (1_684_000_000, 1_684_000_000))
    newer.write_bytes(
        harbour.read_bytes().replace(b"Port authorities expect", b"Port authorities now expect")
    )
    os.utime(newer, (1_715_000_000, 1_715_000_000))
    report = library.import_paths([older, newer])
    ids = {Path(o.path).name: o.article_id for o in report.imported}
    old_id, new_id = ids["old.html"], ids["new.html"]
    assert old_id is not None and new_id is not None
    library.annotate_quote(old_id, "Anneliese Brouwer", note="minister")
    window.open_article(old_id)
    assert window.carry_button.isHidden()
    window.open_article(new_id)
    assert not window.carry_button.isHidden() and "1 annotation" in window.carry_button.text()
    window.carry_button.click()
    [stored] = library.annotations(new_id)
    assert stored.annotation.note == "minister" and not stored.anchor.is_orphan
    assert window.notes.count() == 1 and window.carry_button.isHidden()


def test_view_context_menu_without_article_has_no_annotation_actions(window: MainWindow) -> None:
    window.reader.view.clear_article()
    menu = window.reader.view.build_context_menu(QPoint(5, 5))
    assert all("Highlight" not in a.text() for a in menu.actions())
    QApplication.processEvents()


def test_hovering_a_highlight_shows_its_code_note_and_tags(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _article_id, start = open_and_select(window, library)
    monkeypatch.setattr(
        window.annotating, "ask_annotation", lambda **_shown: ("blue", "chairs it", ("people",))
    )
    window.annotate_selection(with_note=True)
    view = window.reader.view
    point = view.cursorRect(view.cursor_for_span(start + 4, start + 4)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    method = library.palette().get("blue").code
    assert QToolTip.text() == f"{method}\nchairs it\n#people"
    QToolTip.hideText()


def test_reextraction_reports_orphaned_annotations() -> None:
    outcomes = [
        ReextractOutcome(1, True, {"exact_quote": 3, "orphan": 2}),
        ReextractOutcome(2, False),
        ReextractOutcome(3, True, {"orphan": 1}),
    ]
    message = reextract_message(outcomes)
    assert message.startswith("Re-extracted 3 article(s): 2 changed")
    assert "3 annotation(s) orphaned" in message and "Orphaned annotations" in message
    assert "orphaned" not in reextract_message([ReextractOutcome(1, True, {"fuzzy": 2})])
