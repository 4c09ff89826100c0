"""Opening articles: header and text, entity highlights and toggles, find, remote resources."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument

from reader.core.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.text_spans import OffsetMap
from reader.ui.widgets.article_view import ENTITY_PROPERTY, ArticleView

from .conftest import article_id_titled, entity_group


def entity_positions(view: ArticleView) -> dict[int, str]:
    """Document position -> entity label, for every highlighted character."""
    marked: dict[int, str] = {}
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            label = fragment.charFormat().property(ENTITY_PROPERTY)
            if label:
                for offset in range(fragment.length()):
                    marked[fragment.position() + offset] = str(label)
            iterator += 1
        block = block.next()
    return marked


def highlighted_text(view: ArticleView) -> set[str]:
    """The highlighted runs of text, as strings."""
    marked = entity_positions(view)
    text = view.document().toPlainText()
    # Document positions are UTF-16 units; the Python string counts code points.
    mapping = OffsetMap(text)
    runs: set[str] = set()
    current: list[str] = []
    previous = -2
    for position in sorted(marked):
        if position != previous + 1 and current:
            runs.add("".join(current))
            current = []
        character = text[mapping.from_qt(position)]
        if not current or mapping.to_qt(mapping.from_qt(position)) == position:
            current.append(character)
        previous = position
    if current:
        runs.add("".join(current))
    return runs


def test_opening_an_article_shows_title_and_clean_text(
    window: MainWindow, library: Library
) -> None:
    article_id = article_id_titled(library, "Taliban attack")
    window.open_article(article_id)
    shown = window.reader.view.document().toPlainText()
    assert "Taliban attack provincial capital amid US pullout" in shown
    assert library.article(article_id).text.split("\n\n")[0] in shown
    assert "Skip to" not in shown


def test_every_entity_mention_is_highlighted_on_its_own_characters(
    window: MainWindow, library: Library
) -> None:
    # The emoji page puts astral characters before the names: offsets must not drift.
    article_id = article_id_titled(library, "Reading club")
    entities = library.entities(article_id)
    assert entities, "the test page should have entities"
    window.open_article(article_id)
    view = window.reader.view
    visible = window.entities.visible_labels()
    expected = {span.text for span in entities if span.label in visible}
    shown = highlighted_text(view)
    for name in expected:
        assert any(name in run for run in shown), (name, shown)
    # And nothing but entity text is marked.
    text = library.article(article_id).text
    mentioned = "".join(text[s.start : s.end] for s in entities if s.label in visible)
    assert all(run.replace(" ", "") in mentioned.replace(" ", "") for run in shown)


def test_entity_type_toggle_removes_and_restores_highlights(
    window: MainWindow, library: Library
) -> None:
    article_id = article_id_titled(library, "Taliban attack")
    window.open_article(article_id)
    view = window.reader.view
    labels = set(entity_positions(view).values())
    assert "PERSON" in labels
    window.entities.set_visible_labels(window.entities.visible_labels() - {"PERSON"})
    assert "PERSON" not in set(entity_positions(view).values())
    window.entities.toggle_all()
    assert entity_positions(view) == {}
    window.entities.toggle_all()
    assert "PERSON" in set(entity_positions(view).values())


def test_entities_panel_lists_types_with_counts(window: MainWindow, library: Library) -> None:
    article_id = article_id_titled(library, "Taliban attack")
    window.open_article(article_id)
    people = sum(1 for span in library.entities(article_id) if span.label == "PERSON")
    tree = window.entities.tree
    rows = {
        tree.topLevelItem(i).text(0).split(" (")[0]: tree.topLevelItem(i).text(1)
        for i in range(tree.topLevelItemCount())
    }
    assert rows["Person"] == str(people)


def test_clicking_an_entity_jumps_to_its_mention_and_finds_it_in_the_archive(
    window: MainWindow, library: Library
) -> None:
    article_id = article_id_titled(library, "Taliban attack")
    window.open_article(article_id)
    tree = window.entities.tree
    person = entity_group(window, "Person")
    first = person.child(0)
    tree.setCurrentItem(first)
    window.entities.next_button.click()
    assert window.reader.view.textCursor().selectedText() == first.text(0)
    window.entities.find_button.click()
    assert window.search_bar.query() == f'person:"{first.text(0)}"'
    assert article_id in window.list_model.ids()


def test_find_in_article_moves_between_matches(window: MainWindow, library: Library) -> None:
    window.open_article(article_id_titled(library, "Taliban attack"))
    bar = window.reader.find_bar
    bar.open_bar()
    bar.field.setText("Herat")
    assert bar.find_next()
    first = window.reader.view.textCursor().selectionStart()
    assert bar.find_next()
    second = window.reader.view.textCursor().selectionStart()
    assert second != first
    assert bar.find_previous()
    assert window.reader.view.textCursor().selectionStart() == first
    bar.field.setText("no such words anywhere")
    assert not bar.find_next()
    assert bar.status.text() == "Not found"


def test_local_images_load_and_remote_urls_are_refused(
    window: MainWindow, library: Library
) -> None:
    window.open_article(article_id_titled(library, "Community orchard"))
    view = window.reader.view
    document: QTextDocument = view.document()
    image = view.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("archive-resource:0")
    )
    assert image is not None and not image.isNull()
    assert document.toPlainText().count("\ufffc") == 1  # the figure is in the document

    window.open_article(article_id_titled(library, "Ferry operators"))
    html = view.toHtml()
    assert "https://images.example.net" not in html and "tracker.example.net" not in html
    assert view.refused_urls == []  # nothing in our own HTML even asked for a remote URL
    for url in (
        "https://images.example.net/ferry-at-dawn.jpg",
        "https://cdn.example.net/site.css",
        "file:///etc/passwd",
    ):
        assert view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url)) is None
    assert len(view.refused_urls) == 3


def test_saved_url_opens_only_after_confirmation(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(
        "reader.ui.widgets.reader_panel.QDesktopServices.openUrl",
        lambda url: opened.append(url.toString()),
    )
    monkeypatch.setattr(window.reader, "confirm_open_url", lambda url: asked.append(url) or False)
    window.open_article(article_id_titled(library, "Ferry operators"))
    window.reader.view.link_activated.emit("saved-url:https://harbour-gazette.example/ferries")
    assert asked == ["https://harbour-gazette.example/ferries"] and opened == []
    monkeypatch.setattr(window.reader, "confirm_open_url", lambda url: True)
    window.reader.view.link_activated.emit("saved-url:https://harbour-gazette.example/ferries")
    assert opened == ["https://harbour-gazette.example/ferries"]
    window.reader.view.link_activated.emit("https://elsewhere.example/")  # not ours: ignored
    assert len(opened) == 1


def test_selection_offsets_convert_back_to_canonical(window: MainWindow, library: Library) -> None:
    article_id = article_id_titled(library, "Reading club")
    window.open_article(article_id)
    text = library.article(article_id).text
    start = text.index("Margaret Okafor")
    cursor = window.reader.view.cursor_for_span(start, start + len("Margaret Okafor"))
    assert cursor.selectedText() == "Margaret Okafor"
    assert isinstance(cursor, QTextCursor)


def _name_item(window: MainWindow, type_name: str, name: str):  # type: ignore[no-untyped-def]
    tree = window.entities.tree
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        if group.text(0).split(" (")[0] == type_name:
            for j in range(group.childCount()):
                if group.child(j).text(0) == name:
                    return group.child(j)
    return None


def test_entity_corrections_rename_and_reject(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    article_id = article_id_titled(library, "Taliban attack")
    window.open_article(article_id)
    people = [s.text for s in library.entities(article_id) if s.label == "PERSON"]
    name = people[0]
    item = _name_item(window, "Person", name)
    assert item is not None
    window.entities.tree.setCurrentItem(item)
    menu = window.entities.correction_menu()
    labels = [action.text() for action in menu.actions()]
    assert f"Rename “{name}”…" in labels and "Not an entity" in labels
    monkeypatch.setattr(window.corrections, "ask_name", lambda title, current: "Renamed Person")
    window.entities.correction_requested.emit("rename", "PERSON", [name])
    assert _name_item(window, "Person", "Renamed Person") is not None
    window.entities.correction_requested.emit("reject", "PERSON", ["Renamed Person", name])
    assert _name_item(window, "Person", "Renamed Person") is None
    assert all(s.text != name for s in library.entities(article_id) if s.label == "PERSON")


def test_selection_becomes_a_note_shown_in_the_notes_tab(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # The emoji page: the selection's document positions differ from canonical offsets.
    article_id = article_id_titled(library, "Reading club")
    window.open_article(article_id)
    text = library.article(article_id).text
    start = text.index("Margaret Okafor")
    view = window.reader.view
    view.setTextCursor(view.cursor_for_span(start, start + len("Margaret Okafor")))
    assert view.selected_span() == (start, start + len("Margaret Okafor"))
    monkeypatch.setattr(
        window.annotating, "ask_annotation", lambda **_shown: ("yellow", "leads the circle", ())
    )
    window.annotate_selection(with_note=True)
    stored = library.annotations(article_id)
    assert len(stored) == 1 and stored[0].annotation.note == "leads the circle"
    assert (stored[0].anchor.start, stored[0].anchor.end) == (start, start + len("Margaret Okafor"))
    assert window.notes.count() == 1 and "Margaret Okafor" in window.notes.item(0).text()
    assert any(s.cursor.selectedText() == "Margaret Okafor" for s in view.extraSelections())
    window.notes.delete_requested.emit(stored[0].annotation.id)
    assert library.annotations(article_id) == [] and window.notes.count() == 0
