"""The window's menus and keyboard shortcuts.

Every action is added to the window too (``addAction``), so its shortcut works wherever the
focus is, and Help -> Keyboard shortcuts lists it. Single-key shortcuts (J, K, /) do not
fire while a text field has the focus: Qt gives printable keys to the field first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from reader.ui.reading_settings import FONT_FAMILIES, THEMES, ReadingSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from reader.ui.main_window import MainWindow

MENUS = ("File", "Edit", "View", "Article", "Help")


def build_menus(window: MainWindow) -> QActionGroup:
    """Fills the window's menu bar; returns the theme actions' group."""
    bar = window.menuBar()
    menus: dict[str, QMenu] = {name: bar.addMenu(f"&{name}") for name in MENUS}

    def add(menu: str, text: str, slot: Callable[[], object], *keys: str) -> QAction:
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(lambda _checked=False: slot())
        window.addAction(action)  # window-wide shortcuts, even with the menu bar hidden
        menus[menu].addAction(action)
        return action

    actions = window.actions_
    reader = window.reader
    add("File", "Import &files…", window.importer.choose_files, "Ctrl+O")
    add("File", "Import f&older…", window.importer.choose_folder, "Ctrl+Shift+O")
    add("File", "&Paste as new article", window.paste_clipboard, "Ctrl+Shift+V")
    menus["File"].addSeparator()
    add("File", "&Quit", window.close, "Ctrl+Q")
    add("Edit", "&Search", window.focus_search, "Ctrl+L", "/")
    add("Edit", "Sa&ve current search…", lambda: actions.save_search(window.current_query()))
    add("Edit", "&Find in article", reader.find_bar.open_bar, "Ctrl+F")
    add("Edit", "Find &next", reader.find_bar.find_next, "F3")
    add("Edit", "Find pre&vious", reader.find_bar.find_previous, "Shift+F3")
    add("Edit", "&Undo move to trash", actions.undo_trash, "Ctrl+Z")
    add("Edit", "New &collection…", actions.create_collection)
    add("View", "Go to &sources", window.sidebar.setFocus, "Ctrl+1")
    add("View", "Go to article &list", window.list_view.setFocus, "Ctrl+2")
    add("View", "Go to &article text", window.reader.view.setFocus, "Ctrl+3")
    add("View", "Go to entities", window.entities.tree.setFocus, "Ctrl+4")
    add("View", "&Next article", lambda: window.move_selection(1), "J")
    add("View", "&Previous article", lambda: window.move_selection(-1), "K")
    add("View", "Toggle &entity highlights", window.entities.toggle_all, "Ctrl+E")
    add(
        "View", "Zoom &in", lambda: window.set_reading(window.reading.zoomed(1)), "Ctrl++", "Ctrl+="
    )
    add("View", "Zoom &out", lambda: window.set_reading(window.reading.zoomed(-1)), "Ctrl+-")
    add(
        "View",
        "&Reset zoom",
        lambda: window.adjust_reading(font_size=ReadingSettings().font_size),
        "Ctrl+0",
    )
    add(
        "View",
        "&Wider lines",
        lambda: window.adjust_reading(line_width=min(200, window.reading.line_width + 10)),
    )
    add(
        "View",
        "Na&rrower lines",
        lambda: window.adjust_reading(line_width=max(40, window.reading.line_width - 10)),
    )
    fonts = menus["View"].addMenu("&Font")
    for family in FONT_FAMILIES:
        fonts.addAction(family, _setter(window, "font_family", family))
    themes = menus["View"].addMenu("&Theme")
    group = QActionGroup(window)
    for theme in THEMES:
        action = themes.addAction(theme.title())
        action.setCheckable(True)
        action.setData(theme)
        group.addAction(action)
        action.triggered.connect(_setter(window, "theme", theme))
    add("Article", "&Open selected", window.open_selected, "Return")
    add("Article", "Open &original…", window.open_original)
    add("Article", "&Tags…", lambda: actions.edit_tags(window.selected_ids()), "Ctrl+T")
    add("Article", "&Export as text…", lambda: actions.export(window.selected_ids()))
    add("Article", "Re-e&xtract", lambda: actions.reextract(window.selected_ids()))
    add("Article", "Move to &trash", lambda: actions.trash(window.selected_ids()), "Delete")
    add("Article", "Copy saved &URL", reader.copy_saved_url, "Ctrl+Shift+C")
    add(
        "Article",
        "&Highlight selection",
        lambda: window.annotate_selection(with_note=False),
        "Ctrl+H",
    )
    add(
        "Article",
        "Add &note to selection…",
        lambda: window.annotate_selection(with_note=True),
        "Ctrl+Shift+N",
    )
    add("Help", "&Keyboard shortcuts", window.show_shortcuts, "F1")
    return group


def _setter(window: MainWindow, name: str, value: object) -> Callable[[], None]:
    return lambda: window.adjust_reading(**{name: value})
