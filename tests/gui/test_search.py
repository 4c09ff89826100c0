"""Searching from the bar: typed queries, inline syntax errors, facets, hits in context."""

from __future__ import annotations

from reader.core.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.search_flow import FACETS_DELAY_MS
from reader.ui.widgets.search_bar import DEBOUNCE_MS

from .conftest import article_id_titled


def test_typed_query_shows_matching_articles(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.search_bar.field, "ferry timetable")
    qtbot.waitUntil(
        lambda: window.list_model.ids() == [article_id_titled(library, "Ferry operators")],
        timeout=DEBOUNCE_MS + 10_000,  # returns as soon as true: generous for loaded machines
    )
    assert "match" in window.search_bar.status.text()


def test_syntax_error_is_shown_inline_and_cleared(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    before = window.list_model.ids()
    window.search_bar.set_query('title:"unclosed')
    assert window.search_bar.error.isVisibleTo(window)
    assert "not closed" in window.search_bar.error.text()
    assert window.list_model.ids() == before  # the list is not emptied by a typo
    window.search_bar.set_query("Taliban")
    assert not window.search_bar.error.isVisibleTo(window)


def test_facet_chips_narrow_the_query(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.search_bar.set_query("Taliban")
    # Facets are counted once the user pauses (FACETS_DELAY_MS after the results).
    qtbot.waitUntil(
        lambda: any(chip.startswith("year: 2021") for chip in window.search_bar.chip_texts()),
        timeout=FACETS_DELAY_MS + 10_000,
    )
    window.search_bar.add_term("published:2021")
    assert window.search_bar.query() == "Taliban published:2021"
    assert len(window.list_model.ids()) == 1


def test_hits_are_listed_in_context_and_highlighted(window: MainWindow, library: Library) -> None:
    window.search_bar.set_query("Herat")
    article_id = article_id_titled(library, "Taliban attack")
    window.select_article(article_id)
    assert window.current_article_id == article_id
    count = window.hits.count()
    assert count >= 2
    assert all("[Herat]" in window.hits.item(i).text() for i in range(count))
    assert len(window.reader.view.extraSelections()) == count
    window.hits.hit_chosen.emit(*window.hits.item(1).data(0x0100 + 30))
    assert window.reader.view.textCursor().selectedText() == "Herat"


def test_clearing_the_query_returns_to_the_list(window: MainWindow, library: Library) -> None:
    window.search_bar.set_query("ferry")
    window.search_bar.set_query("")
    assert sorted(window.list_model.ids()) == sorted(library.article_ids())


def test_results_list_every_match_with_the_ranked_ones_first(
    window: MainWindow, library: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("reader.ui.operations.SEARCH_LIMIT", 1)
    query = "said"
    matching = library.matching_ids(query)
    assert len(matching) > 1, "the test archive should have several matches"
    window.search_bar.set_query(query)
    listed = window.list_model.ids()
    assert sorted(listed) == sorted(matching)
    assert listed[0] == library.search(query, limit=1).hits[0].article_id
    assert window.search_bar.status.text().startswith(f"{len(matching)} match(es)")


def test_submitted_queries_are_offered_again(window: MainWindow) -> None:
    window.search_bar.set_query("Herat")
    window.search_bar.set_query("ferry timetable")
    assert window.search_bar.history()[:2] == ["ferry timetable", "Herat"]
