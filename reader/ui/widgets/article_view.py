"""The reading view: an article rebuilt by ``article_html`` in a ``QTextBrowser``.

Guarantees: the view never fetches anything. ``loadResource`` answers only the
``archive-resource:`` names of the article's own saved images and refuses every other URL
(remote images, stylesheets, links); refused URLs are recorded in ``refused_urls``.
Links are never followed by the browser itself: clicks reach ``link_activated``.

Offsets in and out of this view are canonical code points; the conversion to document
positions goes through the rendered segments and ``text_spans``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QImage,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core.model import Article, EntitySpan
from reader.ui.article_html import RESOURCE_SCHEME, RenderedArticle, Segment, render_article
from reader.ui.entity_styles import char_format
from reader.ui.reading_settings import ReadingSettings, style_sheet
from reader.ui.text_spans import OffsetMap, utf16_length

ENTITY_PROPERTY = QTextCharFormat.Property.UserProperty + 1
FLASH_MS = 1200


@dataclass
class LoadedArticle:
    """Everything the view needs, loaded off the GUI thread."""

    article: Article
    entities: list[EntitySpan]
    images: dict[str, bytes] = field(default_factory=dict)  # image location -> bytes
    tags: list[str] = field(default_factory=list)
    notes: list[NoteMark] = field(default_factory=list)
    # The user's notes on entities: (label, canonical name) -> Markdown note.
    entity_notes: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass(frozen=True)
class NoteMark:
    """One annotation as the reader shows it; ``start``/``end`` are -1 for an orphan."""

    id: str
    start: int
    end: int
    quote: str
    note: str
    light: str  # highlight colour on light themes
    dark: str  # highlight colour on the dark theme
    color: str = "yellow"  # the palette colour id
    code: str = ""  # the colour's code name ("Claim"...)
    tags: tuple[str, ...] = ()
    modified: str = ""

    @property
    def is_orphan(self) -> bool:
        return self.start < 0

    def contains(self, offset: int) -> bool:
        """Whether a canonical offset lies in this highlight (its end included)."""
        return not self.is_orphan and self.start <= offset <= self.end


class ArticleView(QTextBrowser):
    """Shows one article with entity highlights, search hits and find matches."""

    link_activated = Signal(str)  # the href of a clicked link, never opened by the view
    # The context menu is about to open at this canonical offset: listeners add their actions.
    context_menu_opening = Signal(QMenu, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.refused_urls: list[str] = []
        self.loaded: LoadedArticle | None = None
        self._rendered: RenderedArticle | None = None
        self._segment_starts: list[int] = []
        self._segment_positions: list[int] = []
        self._images: dict[str, bytes] = {}
        self._settings = ReadingSettings()
        self._visible_labels: set[str] = set()
        self._hit_spans: list[tuple[int, int]] = []
        self._find_cursor: QTextCursor | None = None
        self.flashing_span: tuple[int, int] | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._on_flash_timer_timeout)

    # -- content -----------------------------------------------------------------------------

    def show_article(self, loaded: LoadedArticle, visible_labels: Iterable[str]) -> None:
        """Renders the article and highlights the entities of the visible types."""
        self.loaded = loaded
        self._visible_labels = set(visible_labels)
        self._hit_spans = []
        self._find_cursor = None
        self.flashing_span = None
        self._render()

    def clear_article(self) -> None:
        """Shows nothing."""
        self.loaded = None
        self._rendered = None
        self._segment_starts = []
        self._segment_positions = []
        self._images = {}
        self._hit_spans = []
        self._find_cursor = None
        self.clear()

    def apply_settings(self, settings: ReadingSettings) -> None:
        """Applies font, size, line width and theme (re-renders the article)."""
        self._settings = settings
        self.document().setDefaultStyleSheet(style_sheet(settings))
        colours = settings.colours()
        self.setStyleSheet(
            f"QTextBrowser {{ background-color: {colours['background']};"
            f" color: {colours['text']}; border: 2px solid transparent; }}"
            "QTextBrowser:focus { border: 2px solid #3d6fb6; }"
        )
        self._update_margins()
        if self.loaded is not None:
            self._render()

    def set_visible_labels(self, labels: Iterable[str]) -> None:
        """Shows entity highlights for these types only (re-renders, keeping the scroll)."""
        self._visible_labels = set(labels)
        if self.loaded is not None:
            self._render()

    def set_hits(self, spans: Sequence[tuple[int, int]]) -> None:
        """Highlights search hits: canonical [start, end) spans."""
        self._hit_spans = list(spans)
        self._update_extra_selections()

    # -- offsets -----------------------------------------------------------------------------

    def position_of(self, offset: int) -> int:
        """The document position of a canonical offset (the nearest segment's edge if the
        offset falls between segments, e.g. on a block separator)."""
        if not self._segment_starts or self.loaded is None:
            return 0
        index = max(0, bisect_right(self._segment_starts, offset) - 1)
        segment = self._segments()[index]
        offset = max(segment.start, min(offset, segment.end))
        text = self.loaded.article.text
        return self._segment_positions[index] + utf16_length(text[segment.start : offset])

    def offset_at(self, position: int) -> int:
        """The canonical offset of a document position (the inverse of ``position_of``);
        a position between segments (a separator, a bullet) snaps to the next segment."""
        if not self._segment_positions or self.loaded is None:
            return 0
        index = max(0, bisect_right(self._segment_positions, position) - 1)
        segment = self._segments()[index]
        run = OffsetMap(self.loaded.article.text[segment.start : segment.end])
        return segment.start + run.from_qt(max(0, position - self._segment_positions[index]))

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as canonical [start, end), or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.loaded is None:
            return None
        start = self.offset_at(cursor.selectionStart())
        end = self.offset_at(cursor.selectionEnd())
        return (start, end) if end > start else None

    def cursor_for_span(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting canonical [start, end) in the document."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.position_of(start))
        cursor.setPosition(self.position_of(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def scroll_to_offset(self, offset: int) -> None:
        """Moves the cursor to a canonical offset and scrolls it into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.position_of(offset))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def mark_at(self, offset: int) -> NoteMark | None:
        """The shortest highlight containing a canonical offset (nested ones win)."""
        marks = [m for m in (self.loaded.notes if self.loaded else []) if m.contains(offset)]
        return min(marks, key=lambda m: m.end - m.start, default=None)

    def mark_at_cursor(self) -> NoteMark | None:
        """The highlight under the text cursor (or the selection's start), if any."""
        if self.loaded is None:
            return None
        return self.mark_at(self.offset_at(self.textCursor().selectionStart()))

    def tooltip_at(self, offset: int) -> str:
        """What hovering over a canonical offset shows: the highlight's code, note and tags."""
        mark = self.mark_at(offset)
        if mark is None:
            return ""
        lines = [mark.code or mark.color]
        if mark.note:
            lines.append(mark.note if len(mark.note) <= 300 else mark.note[:297] + "…")
        if mark.tags:
            lines.append(" ".join(f"#{tag}" for tag in mark.tags))
        return "\n".join(lines)

    def show_span(self, start: int, end: int, *, flash: bool = False) -> None:
        """Selects canonical [start, end), scrolls it into view, and flashes it if asked."""
        self.setTextCursor(self.cursor_for_span(start, end))
        self.ensureCursorVisible()
        if flash:
            self.flashing_span = (start, end)
            self._update_extra_selections()
            self._flash_timer.start(FLASH_MS)

    def _on_flash_timer_timeout(self) -> None:
        self.flashing_span = None
        self._update_extra_selections()

    # -- find --------------------------------------------------------------------------------

    def find_text(self, text: str, *, backward: bool = False) -> bool:
        """Selects the next (or previous) match of ``text``, wrapping around; True if found."""
        if not text:
            self._find_cursor = None
            self._update_extra_selections()
            return False
        flags = QTextDocument.FindFlag(0)
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        start = self._find_cursor or self.textCursor()
        found = self.document().find(text, start, flags)
        if found.isNull():
            wrap = QTextCursor(self.document())
            if backward:
                wrap.movePosition(QTextCursor.MoveOperation.End)
            found = self.document().find(text, wrap, flags)
        self._find_cursor = None if found.isNull() else found
        if self._find_cursor is not None:
            self.setTextCursor(self._find_cursor)
            self.ensureCursorVisible()
        self._update_extra_selections()
        return self._find_cursor is not None

    # -- Qt overrides ------------------------------------------------------------------------

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt override
        """Answers only the article's own saved images; refuses everything else."""
        if isinstance(name, str):
            name = QUrl(name)
        url = name.toString()
        if name.scheme() == RESOURCE_SCHEME and self._rendered is not None:
            location = self._rendered.images.get(url)
            data = self._images.get(location) if location else None
            if data:
                image = QImage.fromData(data)
                if not image.isNull():
                    return image
            return None
        self.refused_urls.append(url)
        return None

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Highlights are extra selections, which carry no tooltip of their own.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(event.pos()).position()
            text = self.tooltip_at(self.offset_at(position)) if self.loaded else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
                return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, point: QPoint) -> QMenu:
        """The standard menu (Copy, Select all) plus what ``context_menu_opening`` adds.

        A right click outside the selection moves the cursor there first, so the actions
        apply to the highlight under the pointer.
        """
        cursor = self.cursorForPosition(point)
        current = self.textCursor()
        inside = current.selectionStart() <= cursor.position() <= current.selectionEnd()
        if not (current.hasSelection() and inside):
            self.setTextCursor(cursor)
        menu = self.createStandardContextMenu(self.viewport().mapToGlobal(point))
        if self.loaded is not None:
            self.context_menu_opening.emit(menu, self.offset_at(cursor.position()))
        return menu

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_margins()

    # -- internals ---------------------------------------------------------------------------

    def _segments(self) -> list[Segment]:
        return self._rendered.segments if self._rendered is not None else []

    def _render(self) -> None:
        loaded = self.loaded
        if loaded is None:
            return
        scroll = self.verticalScrollBar().value()
        rendered = render_article(loaded.article, available_images=set(loaded.images))
        self._rendered = rendered
        self._images = loaded.images
        self.document().setDefaultStyleSheet(style_sheet(self._settings))
        self.setHtml(rendered.html)
        self._find_cursor = None  # it pointed into the document just replaced
        self._locate_segments()
        self._highlight_entities()
        self._update_extra_selections()
        self.verticalScrollBar().setValue(scroll)

    def _locate_segments(self) -> None:
        positions: dict[str, int] = {}
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                for name in fragment.charFormat().anchorNames():
                    positions.setdefault(name, fragment.position())
                iterator += 1
            block = block.next()
        segments = self._segments()
        self._segment_starts = [segment.start for segment in segments]
        self._segment_positions = [positions.get(segment.name, 0) for segment in segments]

    def _highlight_entities(self) -> None:
        loaded = self.loaded
        if loaded is None:
            return
        dark = self._settings.is_dark
        formats: dict[str, QTextCharFormat] = {}
        for span in loaded.entities:
            if span.label not in self._visible_labels:
                continue
            fmt = formats.get(span.label)
            if fmt is None:
                fmt = formats[span.label] = char_format(span.label, dark=dark)
            # A mention can cross segment edges (rare: a table cell); highlight per segment.
            for start, end in self._split_by_segment(span.start, span.end):
                cursor = self.cursor_for_span(start, end)
                mention = QTextCharFormat(fmt)
                mention.setToolTip(f"{span.text} — {fmt.toolTip()}")
                mention.setProperty(ENTITY_PROPERTY, span.label)
                cursor.mergeCharFormat(mention)

    def _split_by_segment(self, start: int, end: int) -> list[tuple[int, int]]:
        pieces: list[tuple[int, int]] = []
        for segment in self._segments():
            if segment.end <= start:
                continue
            if segment.start >= end:
                break
            pieces.append((max(start, segment.start), min(end, segment.end)))
        return pieces

    def _update_extra_selections(self) -> None:
        colours = self._settings.colours()
        selections: list[QTextEdit.ExtraSelection] = []
        for mark in self.loaded.notes if self.loaded is not None else []:
            if mark.is_orphan:
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self.cursor_for_span(mark.start, mark.end)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(mark.dark if self._settings.is_dark else mark.light))
            # A thick underline too: the user's own marks stay visible over entity colours.
            fmt.setFontOverline(True)
            selection.format = fmt
            selections.append(selection)
        for start, end in self._hit_spans:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self.cursor_for_span(start, end)
            fmt = QTextCharFormat()
            # Hits invert the text (dark on light themes, light on dark) so they stand out
            # from every entity background; bold is the cue that does not rely on colour.
            fmt.setBackground(QColor(colours["hit"]))
            fmt.setForeground(QColor(colours["hit_text"]))
            fmt.setFontWeight(QFont.Weight.Bold)
            selection.format = fmt
            selections.append(selection)
        if self.flashing_span is not None:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self.cursor_for_span(*self.flashing_span)
            fmt = QTextCharFormat()
            # The flash uses the find colours: strong on every theme, unlike any highlight.
            fmt.setBackground(QColor(colours["find"]))
            fmt.setForeground(QColor(colours["find_text"]))
            selection.format = fmt
            selections.append(selection)
        if self._find_cursor is not None:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._find_cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colours["find"]))
            fmt.setForeground(QColor(colours["find_text"]))
            fmt.setFontUnderline(True)
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def _update_margins(self) -> None:
        # QTextBrowser has no max-width: keep lines readable by widening the side margins.
        metrics_width = max(6, round(self._settings.font_size * 0.62 * self.logicalDpiX() / 72))
        line = self._settings.line_width * metrics_width
        side = max(
            12,
            (
                self.viewport().width()
                + self.viewportMargins().left()
                + self.viewportMargins().right()
                - line
            )
            // 2,
        )
        self.setViewportMargins(side, 8, side, 8)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        self.link_activated.emit(url.toString())
