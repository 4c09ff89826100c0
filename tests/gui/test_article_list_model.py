"""The lazy article list model: Qt's model checks, paging, placeholders, sorting."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt

from reader.core.library import Library
from reader.core.model import ArticleSummary
from reader.ui.models.article_list_model import (
    ID_ROLE,
    PAGE_SIZE,
    ArticleListModel,
    ArticleProxyModel,
)


def test_model_passes_qt_model_checks(qtmodeltester, library: Library) -> None:  # type: ignore[no-untyped-def]
    model = ArticleListModel(library)
    model.set_ids(library.article_ids())
    qtmodeltester.check(model)
    proxy = ArticleProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_rows_are_fetched_in_pages() -> None:
    model = ArticleListModel()
    requested: list[int] = []

    def fetch(ids: Sequence[int]) -> dict[int, ArticleSummary]:
        requested.append(len(ids))
        return {i: ArticleSummary(i, f"Article {i}", None, (), None, "2024-01-01") for i in ids}

    model.fetch_summaries = fetch
    model.set_ids(list(range(1, PAGE_SIZE * 2 + 11)))
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE * 2 + 10
    assert not model.canFetchMore(QModelIndex())
    assert model.data(model.index(PAGE_SIZE + 3, 0)) == f"Article {PAGE_SIZE + 4}"
    assert requested == [PAGE_SIZE]  # only the page that was shown was read


def test_a_failing_fetch_becomes_a_placeholder_row() -> None:
    model = ArticleListModel()

    def broken(ids: Sequence[int]) -> dict[int, ArticleSummary]:
        raise OSError("disk went away")

    model.fetch_summaries = broken
    model.set_ids([7, 8])
    title = model.data(model.index(0, 0))
    assert (
        isinstance(title, str) and "could not load article 7" in title and "disk went away" in title
    )
    assert model.data(model.index(1, 0), ID_ROLE) == 8


def test_sorting_covers_rows_not_fetched_yet() -> None:
    model = ArticleListModel()
    titles = {i: f"T{(i * 7919) % 1000:04d}" for i in range(1, PAGE_SIZE * 3)}
    model.fetch_summaries = lambda ids: {
        i: ArticleSummary(i, titles[i], None, (), None, "2024-01-01") for i in ids
    }
    model.set_ids(list(titles))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0)) == min(titles.values())
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == max(titles.values())
