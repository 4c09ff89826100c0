"""Annotating in the window: the reader's context menu, Ctrl+1..8, the Notes tab's actions,
going to an annotation (open, scroll, flash), orphans and carrying annotations over.

Glue only: the actions write through ``AnnotationActions`` (and so the ``TaskRunner``);
this module decides *which* annotation or span an action applies to.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from reader.core.annotations.palette import Palette
from reader.ui.annotation_actions import AnnotationActions
from reader.ui.highlight_colours import colour_label, swatch_icon
from reader.ui.tasks import TaskRunner
from reader.ui.widgets.article_view import ArticleView, LoadedArticle, NoteMark
from reader.ui.widgets.notes_list import NotesList


class AnnotationFlow(QObject):
    open_requested = Signal(int)  # an article to open (to show one of its annotations)

    def __init__(
        self,
        runner: TaskRunner,
        view: ArticleView,
        notes: NotesList,
        actions: AnnotationActions,
        carry_button: QPushButton,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.view = view
        self.notes = notes
        self.actions = actions
        self.carry_button = carry_button
        self.pending_annotation: str | None = None
        self._carry_from: int | None = None
        view.context_menu_opening.connect(self._on_view_context_menu_opening)
        notes.note_chosen.connect(lambda start, end: view.show_span(start, end, flash=True))
        notes.delete_requested.connect(actions.delete)
        notes.edit_requested.connect(actions.edit)
        notes.recolour_requested.connect(actions.recolour)
        notes.reattach_requested.connect(self.reattach)
        actions.palette_changed.connect(self._on_actions_palette_changed)
        carry_button.clicked.connect(self._on_carry_button_clicked)
        carry_button.hide()

    @property
    def article_id(self) -> int | None:
        loaded = self.view.loaded
        return loaded.article.id if loaded is not None else None

    # -- on the selection or the highlight under the cursor ----------------------------------

    def apply_colour(self, index: int) -> None:
        """Ctrl+1..8: highlights the selection in that colour, or recolours the highlight
        under the cursor when nothing is selected."""
        color = self.actions.colour_id(index)
        article_id = self.article_id
        if color is None or article_id is None:
            return
        span = self.view.selected_span()
        if span is not None:
            self.actions.highlight(article_id, span, color=color)
            return
        mark = self.view.mark_at_cursor()
        if mark is not None:
            self.actions.recolour(mark.id, color)
        else:
            self.actions.failed.emit("Select some text, or put the cursor in a highlight")

    def highlight_selection(self, *, with_note: bool) -> None:
        """Highlights the selection in the last colour used (asking for a note if asked)."""
        article_id = self.article_id
        if article_id is None:
            return
        span = self.view.selected_span()
        # Qt marks paragraph breaks in a selection with U+2029.
        quote = self.view.textCursor().selectedText().replace("\u2029", "\n") if span else ""
        self.actions.highlight(article_id, span, with_note=with_note, quote=quote)

    def edit_at_cursor(self) -> None:
        """Opens the annotation dialog for the highlight under the cursor."""
        mark = self.view.mark_at_cursor()
        if mark is None:
            self.actions.failed.emit("Put the cursor in a highlight first")
        else:
            self.actions.edit(mark)

    def delete_at_cursor(self) -> None:
        """Deletes the highlight under the cursor (undo: Ctrl+Alt+Z)."""
        mark = self.view.mark_at_cursor()
        if mark is None:
            self.actions.failed.emit("Put the cursor in a highlight first")
        else:
            self.actions.delete(mark.id)

    def selected_orphan(self) -> NoteMark | None:
        """The orphan chosen in the Notes tab, if the current note is one."""
        mark = self.notes.current_mark()
        return mark if mark is not None and mark.is_orphan else None

    def reattach(self, annotation_id: str | None = None) -> None:
        """Re-attaches an orphan (the one chosen in the Notes tab by default) to the
        selected text."""
        chosen = annotation_id or getattr(self.selected_orphan(), "id", None)
        if chosen is None:
            self.actions.failed.emit("Choose an orphaned annotation in the Notes tab first")
            return
        self.actions.reattach(chosen, self.view.selected_span())

    # -- going to an annotation --------------------------------------------------------------

    def go_to(self, article_id: int, annotation_id: str) -> None:
        """Shows an annotation: opens its article if needed, scrolls to it and flashes it."""
        self.pending_annotation = annotation_id
        if self.article_id == article_id and self.view.loaded is not None:
            self.article_shown(self.view.loaded)
        else:
            self.open_requested.emit(article_id)

    def article_shown(self, loaded: LoadedArticle) -> None:
        """After an article is shown: flash the annotation asked for, offer carrying."""
        wanted, self.pending_annotation = self.pending_annotation, None
        for row, mark in enumerate(self.notes.marks()):
            if mark.id == wanted:
                self.notes.setCurrentRow(row)
                if not mark.is_orphan:
                    self.view.show_span(mark.start, mark.end, flash=True)
        self._offer_carry(loaded.article.id)

    # -- carrying annotations from an earlier capture ----------------------------------------

    def _offer_carry(self, article_id: int) -> None:
        self.carry_button.hide()
        self._carry_from = None

        def found(candidate: tuple[int, int] | None) -> None:
            if candidate is None or article_id != self.article_id:
                return
            self._carry_from, count = candidate
            self.carry_button.setText(
                f"Carry over {count} annotation(s) from an earlier capture of this page"
            )
            self.carry_button.show()

        self._runner.run(
            lambda library: library.carry_candidates(article_id), found, self.actions.report_failure
        )

    def _on_carry_button_clicked(self) -> None:
        target = self.article_id
        if self._carry_from is not None and target is not None:
            self.carry_button.hide()
            self.actions.carry_over(self._carry_from, target)

    # -- menus -------------------------------------------------------------------------------

    def colour_menu(self, parent: QMenu, title: str, apply: Callable[[str], object]) -> QMenu:
        """A submenu with one action per palette colour, calling ``apply(colour_id)``."""
        menu = parent.addMenu(title)
        for index, colour in enumerate(self.actions.palette.colours):
            action = QAction(
                swatch_icon(colour, dark=self.actions.dark), colour_label(colour), menu
            )
            action.triggered.connect(lambda _checked=False, chosen=colour.id: apply(chosen))
            menu.addAction(action)
            if index < 8:
                action.setShortcut(f"Ctrl+{index + 1}")
        return menu

    def _on_view_context_menu_opening(self, menu: QMenu, offset: int) -> None:
        article_id = self.article_id
        if article_id is None:
            return
        menu.addSeparator()
        span = self.view.selected_span()
        if span is not None:
            self.colour_menu(
                menu,
                "Highlight as",
                lambda color: self.actions.highlight(article_id, span, color=color),
            )
            menu.addAction("Highlight with note…", lambda: self.highlight_selection(with_note=True))
            orphan = self.selected_orphan()
            if orphan is not None:
                menu.addAction(
                    f"Re-attach “{orphan.quote[:30]}” here", lambda: self.reattach(orphan.id)
                )
        mark = self.view.mark_at(offset)
        if mark is not None:
            self.colour_menu(
                menu, "Colour code", lambda color: self.actions.recolour(mark.id, color)
            )
            menu.addAction("Edit note and tags…", lambda: self.actions.edit(mark))
            menu.addAction("Delete annotation", lambda: self.actions.delete(mark.id))

    def _on_actions_palette_changed(self, palette: Palette) -> None:
        self.notes.palette_ = palette
        self.notes.dark = self.actions.dark
