"""Collections, tags, saved searches and the trash, through the window."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent

from reader.core.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.models.article_list_model import ARTICLE_IDS_MIME
from reader.ui.widgets.sidebar import TRASH, Source

from .conftest import article_id_titled


def test_trash_then_undo(window: MainWindow, library: Library) -> None:
    article_id = article_id_titled(library, "Ferry operators")
    window.select_article(article_id)
    assert window.selected_ids() == [article_id]
    window.actions_.trash(window.selected_ids())
    assert article_id not in window.list_model.ids()
    assert library.trashed_ids() == [article_id]
    window.sidebar.select_source(TRASH)
    assert window.list_model.ids() == [article_id]
    assert window.actions_.undo_trash()
    assert library.trashed_ids() == []
    assert window.list_model.ids() == []  # the trash view is now empty


def test_dropping_articles_on_a_collection_adds_them(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(window.actions_, "ask_text", lambda *a, **k: "Islands")
    window.actions_.create_collection()
    collection = next(c for c in library.collections() if c.name == "Islands")
    source = Source("collection", "Islands", collection.id)
    item = window.sidebar.item_for(source)
    assert item is not None
    article_id = article_id_titled(library, "Ferry operators")
    mime = QMimeData()
    mime.setData(ARTICLE_IDS_MIME, str(article_id).encode())
    point = window.sidebar.visualItemRect(item).center()
    event = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.sidebar.dropEvent(event)
    assert library.collection_article_ids(collection.id) == [article_id]
    window.sidebar.select_source(source)
    assert window.list_model.ids() == [article_id]
    assert window.sidebar.item_for(source) is not None
    assert "(1)" in window.sidebar.item_for(source).text(0)


def test_list_drag_carries_the_selected_ids(window: MainWindow, library: Library) -> None:
    ids = library.article_ids()[:2]
    rows = [window.list_model.row_of(i) for i in ids]
    mime = window.list_model.mimeData(
        [window.list_model.index(r, 0) for r in rows if r is not None]
    )
    assert bytes(mime.data(ARTICLE_IDS_MIME).data()).decode() == ",".join(map(str, sorted(ids)))


def test_tags_and_saved_searches_appear_with_counts(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    article_id = article_id_titled(library, "Taliban attack")
    monkeypatch.setattr(window.actions_, "ask_text", lambda *a, **k: "conflict, afghanistan")
    window.actions_.edit_tags([article_id])
    assert library.tags_of(article_id) == ["afghanistan", "conflict"] or set(
        library.tags_of(article_id)
    ) == {"afghanistan", "conflict"}
    library.save_search("Herat mentions", "Herat")
    window.refresh()
    texts = [item.text(0) for item in window.sidebar._items()]
    assert "conflict (1)" in texts
    assert "Herat mentions (1)" in texts
    window.sidebar.select_source(Source("tag", "conflict"))
    assert window.list_model.ids() == [article_id]


def test_context_menu_offers_the_article_actions(window: MainWindow, library: Library) -> None:
    window.select_article(library.article_ids()[0])
    menu = window.actions_.build_menu(
        window.selected_ids(), in_trash=False, open_article=window.open_article
    )
    names = [action.text() for action in menu.actions()]
    for expected in (
        "Open",
        "Open original…",
        "Add to collection",
        "Tags…",
        "Export as text…",
        "Move to trash",
    ):
        assert expected in names
    window._on_list_context_menu_requested(QPoint(5, 5))  # builds and pops up without error


def test_annotated_source_lists_annotated_articles(window: MainWindow, library: Library) -> None:
    article_id = article_id_titled(library, "Community orchard")
    library.annotate(article_id, 0, 10, note="check the tonnage")
    window.refresh()
    window.sidebar.select_source(Source("annotated"))
    assert window.list_model.ids() == [article_id]
    window.sidebar.select_source(Source("orphans"))
    assert window.list_model.ids() == []  # the note still anchors


def test_sidebar_menu_saves_the_current_search(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window.search_bar.set_query("Herat")
    monkeypatch.setattr(window.actions_, "ask_text", lambda *a, **k: "Herat")
    menu = window.actions_.build_sidebar_menu(
        Source("heading", "Saved searches"), window.current_query()
    )
    save = next(a for a in menu.actions() if a.text() == "Save current search…")
    save.trigger()
    assert [s.query for s in library.saved_searches()] == ["Herat"]
    library.save_search("Herat again", "Herat")  # same query, another name
    window.actions_.delete_saved_search("Herat")
    assert [s.name for s in library.saved_searches()] == ["Herat again"]


def test_reextract_reports_back(window: MainWindow, library: Library) -> None:
    article_id = article_id_titled(library, "Ferry operators")
    messages: list[str] = []
    window.actions_.changed.connect(messages.append)
    window.actions_.reextract([article_id])
    assert messages and messages[-1].startswith("Re-extracted 1 article(s)")
    assert library.article(article_id).title.startswith("Ferry operators")
