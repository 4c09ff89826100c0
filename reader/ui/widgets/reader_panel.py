"""The reader side of the window: a find bar above the article view, and the hits list.

``FindBar`` drives ``ArticleView.find_text``; ``HitsList`` shows every search hit of the open
article in context and scrolls the view to the one chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.article_html import SAVED_URL_SCHEME
from reader.ui.widgets.article_view import ArticleView

CONTEXT_CHARS = 60
SPAN_ROLE = Qt.ItemDataRole.UserRole + 30


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in article")
        self.field.setAccessibleName("Find in article")
        self.status = QLabel(self)
        previous = QToolButton(self)
        previous.setText("Previous")
        previous.setToolTip("Previous match (Shift+F3)")
        following = QToolButton(self)
        following.setText("Next")
        following.setToolTip("Next match (F3, Enter)")
        close = QToolButton(self)
        close.setText("Close")
        close.setToolTip("Close (Escape)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.field.textEdited.connect(lambda _text: self.find_next())
        self.field.returnPressed.connect(self.find_next)
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)

    def open_bar(self) -> None:
        """Shows the find bar and focuses its field (Ctrl+F)."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hides the find bar and clears the match highlight."""
        self.hide()
        self._view.find_text("")
        self._view.setFocus()
        self.closed.emit()

    def find_next(self) -> bool:
        """Selects the next match; True if there is one."""
        return self._report(self._view.find_text(self.field.text()))

    def find_previous(self) -> bool:
        """Selects the previous match; True if there is one."""
        return self._report(self._view.find_text(self.field.text(), backward=True))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def _report(self, found: bool) -> bool:
        self.status.setText("" if found or not self.field.text() else "Not found")
        return found


class HitsList(QListWidget):
    """Every search hit in the open article, each with a little context."""

    hit_chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Search hits in this article")
        self.setWordWrap(True)
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)

    def show_hits(self, text: str, spans: list[tuple[int, int]]) -> None:
        """Lists every hit span with some context around it."""
        self.clear()
        for start, end in spans:
            before = text[max(0, start - CONTEXT_CHARS) : start].replace("\n", " ")
            after = text[end : end + CONTEXT_CHARS].replace("\n", " ")
            item = QListWidgetItem(f"…{before}[{text[start:end]}]{after}…")
            item.setData(SPAN_ROLE, (start, end))
            self.addItem(item)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        start, end = item.data(SPAN_ROLE)
        self.hit_chosen.emit(int(start), int(end))


class ReaderPanel(QWidget):
    """The article view with its find bar; handles the saved URL (copy, open on request).

    The app never fetches anything: the saved URL opens in the system browser only after an
    explicit click and a confirmation (``confirm_open_url``, replaceable in tests).
    """

    url_copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ArticleView(self)
        self.view.setAccessibleName("Article")
        self.find_bar = FindBar(self.view, self)
        self.find_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.view.link_activated.connect(self._on_view_link_activated)

    def saved_url(self) -> str | None:
        """The open article's saved URL, if it has one."""
        loaded = self.view.loaded
        if loaded is None:
            return None
        return loaded.article.extracted.url or loaded.article.provenance.saved_url

    def copy_saved_url(self) -> None:
        """Copies the saved URL to the clipboard."""
        url = self.saved_url()
        if url:
            QGuiApplication.clipboard().setText(url)
            self.url_copied.emit(url)

    def confirm_open_url(self, url: str) -> bool:
        """Asks before the system browser opens (and fetches) the URL."""
        answer = QMessageBox.question(
            self,
            "Open in browser",
            f"Open this address in your web browser?\n\n{url}\n\n"
            "The browser will fetch it from the web.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_view_link_activated(self, href: str) -> None:
        prefix = f"{SAVED_URL_SCHEME}:"
        if not href.startswith(prefix):
            return  # links inside articles are not followed: nothing is fetched
        url = href[len(prefix) :]
        if url.startswith(("http://", "https://")) and self.confirm_open_url(url):
            QDesktopServices.openUrl(QUrl(url))
