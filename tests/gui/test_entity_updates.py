"""After a recognizer upgrade the window offers to update entities, and does it."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QSettings

from reader.core.entities import RECOGNIZER_VERSION
from reader.core.library import Library
from reader.core.operations import recognizing
from reader.ui import tasks
from reader.ui.main_window import MainWindow

UPGRADED = RECOGNIZER_VERSION + "-upgraded"


def stored_versions(library: Library) -> set[str]:
    rows = library._store.connection().execute("SELECT DISTINCT entities_version FROM articles")
    return {row[0] for row in rows}


def open_window(qtbot, library: Library, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(tasks.create_runner(), settings)
    qtbot.addWidget(window)
    window.set_library(library)
    return window


def test_an_up_to_date_archive_offers_nothing(window: MainWindow) -> None:
    assert window.entity_updates.outdated == 0
    assert window.entity_updates.action is not None
    assert not window.entity_updates.action.isEnabled()


def test_outdated_entities_are_announced_and_updated(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    settings: QSettings,
    sync_tasks: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(recognizing, "RECOGNIZER_VERSION", UPGRADED)
    count = library.count()
    window = open_window(qtbot, library, settings)
    action = window.entity_updates.action
    assert action is not None and action.isEnabled()
    assert f"({count} outdated)" in action.text()
    assert "older recognizer" in window.statusBar().currentMessage()

    action.trigger()

    assert stored_versions(library) == {UPGRADED}
    assert window.entity_updates.outdated == 0 and not action.isEnabled()
    assert f"Entities updated in {count} article(s)" in window.statusBar().currentMessage()
    assert library.search('person:"Javad Zarif"').total == 1


def test_a_read_only_archive_is_not_offered_an_update(
    qtbot,  # type: ignore[no-untyped-def]
    archive,  # type: ignore[no-untyped-def]
    settings: QSettings,
    sync_tasks: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(recognizing, "RECOGNIZER_VERSION", UPGRADED)
    with Library.open(archive, read_only=True) as read_only:
        window = open_window(qtbot, read_only, settings)
        assert window.entity_updates.outdated == 0
        assert window.entity_updates.action is not None
        assert not window.entity_updates.action.isEnabled()
