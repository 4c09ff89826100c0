"""GUI test fixtures: offscreen Qt, a synchronous task runner, temporary settings, archives.

``QT_QPA_PLATFORM`` is set before anything imports Qt: without a display pytest-qt would
abort otherwise. Archives are built once per session from small real pages (the seed page and
the files in ``data/``) and copied for each test that changes them.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTreeWidgetItem

from reader.core.importing.pipeline import ImportOptions
from reader.core.library import Library
from reader.ui import tasks
from reader.ui.main_window import MainWindow

DATA = Path(__file__).parent / "data"


@pytest.fixture
def sync_tasks(monkeypatch: pytest.MonkeyPatch) -> type[tasks.TaskRunner]:
    """Makes every runner the application creates run its tasks synchronously."""
    monkeypatch.setattr(
        tasks,
        "create_runner",
        lambda library=None, parent=None: tasks.SynchronousTaskRunner(library, parent),
    )
    return tasks.SynchronousTaskRunner


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _build(target: Path, pages: list[Path]) -> Path:
    with Library.open(target) as library:
        report = library.import_paths(pages, options=ImportOptions(recognize_entities=True))
        assert not report.failed, report.failed
    return target


@pytest.fixture(scope="session")
def seed_archive_template(tmp_path_factory: pytest.TempPathFactory, seed_page: Path) -> Path:
    """An archive holding the seed page and the small test pages (built once)."""
    pages = [seed_page, DATA]
    return _build(tmp_path_factory.mktemp("archives") / "seed", pages)


@pytest.fixture
def archive(seed_archive_template: Path, tmp_path: Path) -> Path:
    """A private copy of the seed archive, free to change."""
    target = tmp_path / "archive"
    shutil.copytree(seed_archive_template, target)
    return target


@pytest.fixture
def library(archive: Path) -> Iterator[Library]:
    opened = Library.open(archive)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot, library: Library, settings: QSettings, sync_tasks: object) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window on the copied archive, with a synchronous task runner."""
    main = MainWindow(tasks.create_runner(), settings)
    qtbot.addWidget(main)
    main.set_library(library)
    main.show()
    return main


def entity_group(window: MainWindow, title: str) -> QTreeWidgetItem:
    """The entities panel's top-level item of one type ("Person"...)."""
    tree = window.entities.tree
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        if item is not None and item.text(0).startswith(title):
            return item
    raise AssertionError(f"no {title} entities listed")


def article_id_titled(library: Library, fragment: str) -> int:
    for article_id, summary in library.summaries(library.article_ids()).items():
        if fragment.lower() in summary.title.lower():
            return article_id
    raise AssertionError(f"no article titled like {fragment!r}")


_TOPICS = (
    ("A new footbridge opens over the Tay", "Dundee", "Fiona Baird", "Tayside Bridges Trust"),
    ("Bakers revive a medieval bread recipe", "York", "Tomasz Nowak", "Guild of Northern Bakers"),
    ("Volunteers map the dunes of Texel", "Texel", "Sanne de Vries", "Wadden Coast Foundation"),
    (
        "A lighthouse keeper's diaries go online",
        "Aberdeen",
        "Ruth McLeod",
        "Northern Lights Archive",
    ),
)


def write_page(folder: Path, index: int, suffix: str = ".html") -> Path:
    """A small article page unlike any other in the test archive (no near-duplicates)."""
    title, place, person, organisation = _TOPICS[index % len(_TOPICS)]
    paragraphs = [
        f"{person} spent {index + 3} years preparing the project in {place}, working with the "
        f"{organisation} and a group of local volunteers who met every Saturday morning.",
        f"The {organisation} said the work in {place} had cost less than planned because "
        f"{index + 12} retired engineers gave their time without pay.",
        f'"We wanted people to feel it belongs to them," {person} said on the opening day, as '
        f"a crowd gathered despite rain and a cold wind from the sea.",
    ]
    path = folder / f"page-{index}{suffix}"
    if suffix == ".html":
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        path.write_text(
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>",
            encoding="utf-8",
        )
    else:
        path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path
