"""The window's menus and keyboard shortcuts.

Every action is added to the window too (``addAction``), so its shortcut works wherever the
focus is, and Help -> Keyboard shortcuts lists it. Single-key shortcuts (J, K, /) do not
fire while a text field has the focus: Qt gives printable keys to the field first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.core.annotations.palette import Palette
from reader.ui.annotation_exports import CITATION_FORMATS
from reader.ui.highlight_colours import colour_label, swatch_icon
from reader.ui.reading_settings import FONT_FAMILIES, THEMES, ReadingSettings

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

MENUS = ("File", "Edit", "View", "Article", "Annotate", "Help")
#: Highlight colours reachable by Ctrl+1 ... Ctrl+8, in palette order.
COLOUR_SHORTCUTS = 8


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
    add("View", "Go to &sources", window.sidebar.setFocus, "Alt+1")
    add("View", "Go to article &list", window.list_view.setFocus, "Alt+2")
    add("View", "Go to &article text", window.reader.view.setFocus, "Alt+3")
    add("View", "Go to entities", window.entities.tree.setFocus, "Alt+4")
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
    window.entity_updates.action = add("Article", "Update &entities", window.entity_updates.update)
    window.entity_updates.action.setEnabled(False)
    add("Article", "Move to &trash", lambda: actions.trash(window.selected_ids()), "Delete")
    add("Article", "Copy saved &URL", reader.copy_saved_url, "Ctrl+Shift+C")
    _build_annotate_menu(window, menus["Annotate"], add)
    add("Help", "&Keyboard shortcuts", window.show_shortcuts, "F1")
    return group


def _build_annotate_menu(window: MainWindow, menu: QMenu, add: Callable[..., QAction]) -> None:
    annotating, exports = window.annotating, window.exports
    add(
        "Annotate",
        "&Highlight selection",
        lambda: window.annotate_selection(with_note=False),
        "Ctrl+H",
    )
    colours = menu.addMenu("Highlight &as")
    window.colour_actions = []
    for index in range(COLOUR_SHORTCUTS):
        action = QAction(f"Colour {index + 1}", window)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda _checked=False, i=index: window.apply_colour(i))
        window.addAction(action)
        colours.addAction(action)
        window.colour_actions.append(action)
    add(
        "Annotate",
        "Add &note to selection…",
        lambda: window.annotate_selection(with_note=True),
        "Ctrl+Shift+N",
    )
    add("Annotate", "&Edit annotation at cursor…", window.edit_annotation_at_cursor)
    add("Annotate", "&Delete annotation at cursor", window.delete_annotation_at_cursor)
    add("Annotate", "&Undo delete annotation", annotating.undo_delete, "Ctrl+Alt+Z")
    add("Annotate", "&Re-attach orphan to selection", window.reattach_selected_orphan)
    menu.addSeparator()
    add("Annotate", "Annotation &browser…", window.show_annotation_browser, "Ctrl+Shift+A")
    add("Annotate", "&Colour codes…", annotating.edit_palette)
    menu.addSeparator()
    add(
        "Annotate",
        "E&xport annotations…",
        lambda: exports.export(window.chosen_article_ids()),
        "Ctrl+Shift+E",
    )
    add("Annotate", "&Import annotations (JSON-LD)…", exports.import_jsonld)
    citations = menu.addMenu("Copy &citation")
    for fmt, name in CITATION_FORMATS.items():
        action = QAction(name, window)
        action.triggered.connect(
            lambda _checked=False, chosen=fmt: exports.copy_citation(
                window.chosen_article_id(), chosen
            )
        )
        citations.addAction(action)


def update_colour_actions(window: MainWindow, palette: Palette) -> None:
    """Names the Ctrl+1..8 actions after the palette's colours (hides the missing ones)."""
    for index, action in enumerate(window.colour_actions):
        if index < len(palette.colours):
            colour = palette.colours[index]
            action.setText(colour_label(colour))
            action.setIcon(swatch_icon(colour, dark=window.reading.is_dark))
            action.setVisible(True)
        else:
            action.setVisible(False)


def _setter(window: MainWindow, name: str, value: object) -> Callable[[], None]:
    return lambda: window.adjust_reading(**{name: value})
