"""What the list's context menu and the Article menu do to the selected articles.

Trash is undoable: ``trash`` remembers the last batch and ``undo_trash`` restores it. Every
change runs as a writer task; ``changed`` fires when it is done so the window refreshes.
Dialogs (collection name, tags, export file) are methods that tests can replace.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from reader.ui.tasks import TaskRunner
from reader.ui.widgets.sidebar import CollectionInfo, Source

if TYPE_CHECKING:
    from reader.core.library import Library


def article_as_text(library: Library, article_id: int) -> str:
    """An article exported as plain text: title, byline, source, then the canonical text."""
    article = library.article(article_id)
    extracted = article.extracted
    lines = [article.title]
    if extracted.authors:
        lines.append("By " + ", ".join(extracted.authors))
    if extracted.published:
        lines.append(extracted.published)
    url = extracted.url or article.provenance.saved_url
    if url:
        lines.append(url)
    return "\n".join(lines) + "\n\n" + article.text + "\n"


def reextract_message(outcomes: Sequence[object]) -> str:
    """The status line after re-extraction: changed texts, failures, orphaned annotations."""
    errors = [o for o in outcomes if getattr(o, "error", None)]
    changed = sum(1 for o in outcomes if getattr(o, "text_changed", False))
    message = f"Re-extracted {len(outcomes)} article(s): {changed} changed"
    if errors:
        message += f", {len(errors)} failed ({getattr(errors[0], 'error', '')})"
    orphans = sum(getattr(o, "annotations", {}).get("orphan", 0) for o in outcomes)
    if orphans:
        message += f"; {orphans} annotation(s) orphaned (text not found): see Orphaned annotations"
    return message


class ArticleActions(QObject):
    changed = Signal(str)  # a status message after a change
    failed = Signal(str)  # a message for the user

    def __init__(self, runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._runner = runner
        self._parent = parent_widget
        self.last_trashed: list[int] = []
        self.collections: list[CollectionInfo] = []

    # -- the menu ----------------------------------------------------------------------------

    def build_menu(
        self, ids: Sequence[int], *, in_trash: bool, open_article: Callable[[int], None]
    ) -> QMenu:
        """The list's context menu for these articles (restore and empty in the trash)."""
        menu = QMenu(self._parent)
        chosen = list(ids)
        if not chosen:
            return menu
        menu.addAction("Open", lambda: open_article(chosen[0]))
        menu.addAction("Open original…", lambda: self.open_original(chosen[0]))
        if in_trash:
            menu.addAction("Restore", lambda: self.restore(chosen))
            menu.addAction("Empty trash…", self.empty_trash)
            return menu
        collections = menu.addMenu("Add to collection")
        for info in self.collections:
            collections.addAction(info.name, self._adder(info.id, chosen))
        collections.addSeparator()
        collections.addAction("New collection…", lambda: self.add_to_new_collection(chosen))
        menu.addAction("Tags…", lambda: self.edit_tags(chosen))
        menu.addAction("Export as text…", lambda: self.export(chosen))
        menu.addAction("Re-extract", lambda: self.reextract(chosen))
        menu.addSeparator()
        menu.addAction("Move to trash", lambda: self.trash(chosen))
        return menu

    def _adder(self, collection_id: int, ids: list[int]) -> Callable[[], None]:
        return lambda: self.add_to_collection(collection_id, ids)

    # -- dialogs (replaceable in tests) ------------------------------------------------------

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """Asks for one line of text; None when the user cancels."""
        value, ok = QInputDialog.getText(self._parent, title, label, text=text)
        return value if ok else None

    def confirm(self, title: str, text: str) -> bool:
        """Asks a yes/no question; True for yes."""
        answer = QMessageBox.question(self._parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_export_folder(self) -> Path | None:
        """Asks where to export; None when the user cancels."""
        folder = QFileDialog.getExistingDirectory(self._parent, "Export articles as text to…")
        return Path(folder) if folder else None

    # -- operations --------------------------------------------------------------------------

    def trash(self, ids: Sequence[int]) -> None:
        """Moves the articles to the trash; ``undo_trash`` brings them back."""
        chosen = list(ids)
        if not chosen:
            return

        def done(_result: object) -> None:
            self.last_trashed = chosen
            self.changed.emit(f"Moved {len(chosen)} article(s) to the trash — Ctrl+Z to undo")

        self._write(lambda library: library.trash(chosen), done)

    def undo_trash(self) -> bool:
        """Restores the last batch moved to the trash; False when there is none."""
        if not self.last_trashed:
            return False
        chosen, self.last_trashed = self.last_trashed, []
        self._write(
            lambda library: library.restore(chosen),
            lambda _r: self.changed.emit(f"Restored {len(chosen)} article(s)"),
        )
        return True

    def restore(self, ids: Sequence[int]) -> None:
        """Takes the articles out of the trash."""
        chosen = list(ids)
        self._write(
            lambda library: library.restore(chosen),
            lambda _r: self.changed.emit(f"Restored {len(chosen)} article(s)"),
        )

    def empty_trash(self) -> None:
        """Deletes every trashed article for good, after a confirmation."""
        if not self.confirm("Empty trash", "Delete every article in the trash for good?"):
            return
        self._write(
            lambda library: library.empty_trash(),
            lambda count: self.changed.emit(f"Deleted {count} article(s) for good"),
        )

    def add_to_collection(self, collection_id: int, ids: Sequence[int]) -> None:
        """Adds the articles to a collection."""
        chosen = list(ids)
        self._write(
            lambda library: library.add_to_collection(collection_id, chosen),
            lambda _r: self.changed.emit(f"Added {len(chosen)} article(s) to the collection"),
        )

    def add_to_new_collection(self, ids: Sequence[int]) -> None:
        """Asks for a name, creates the collection and adds the articles."""
        name = self.ask_text("New collection", "Name:")
        if not name or not name.strip():
            return
        chosen = list(ids)

        def create(library: Library) -> None:
            collection_id = library.create_collection(name.strip())
            library.add_to_collection(collection_id, chosen)

        self._write(create, lambda _r: self.changed.emit(f"Created “{name.strip()}”"))

    def create_collection(self, parent_id: int | None = None) -> None:
        """Asks for a name and creates a collection (under ``parent_id``)."""
        name = self.ask_text("New collection", "Name:")
        if name and name.strip():
            self._write(
                lambda library: library.create_collection(name.strip(), parent_id),
                lambda _r: self.changed.emit(f"Created “{name.strip()}”"),
            )

    def edit_tags(self, ids: Sequence[int]) -> None:
        """Asks for tags: replaces one article's tags, or adds to several articles'."""
        chosen = list(ids)
        if not chosen:
            return
        library = self._runner.library
        current = (
            ", ".join(library.tags_of(chosen[0]))
            if library is not None and len(chosen) == 1
            else ""
        )
        answer = self.ask_text("Tags", "Tags, separated by commas:", current)
        if answer is None:
            return
        tags = [tag.strip() for tag in answer.split(",") if tag.strip()]

        def apply(library: Library) -> None:
            for article_id in chosen:
                # With several articles selected the tags are added, not replaced.
                existing = library.tags_of(article_id) if len(chosen) > 1 else []
                library.set_tags(article_id, [*existing, *tags])

        self._write(apply, lambda _r: self.changed.emit("Tags saved"))

    def export(self, ids: Sequence[int]) -> None:
        """Writes each article as a text file into a folder the user picks."""
        folder = self.ask_export_folder()
        if folder is None:
            return
        chosen = list(ids)

        def write(library: Library) -> int:
            for article_id in chosen:
                (folder / f"article-{article_id}.txt").write_text(
                    article_as_text(library, article_id), encoding="utf-8"
                )
            return len(chosen)

        self._runner.run(
            write,
            lambda n: self.changed.emit(f"Exported {n} article(s) to {folder}"),
            self._on_failure,
        )

    def open_original(self, article_id: int) -> None:
        """Opens the stored original in the system's application, after a confirmation."""
        library = self._runner.library
        if library is None:
            return
        try:
            path = library.original_path(article_id)
        except Exception as error:  # noqa: BLE001 - shown to the user
            self.failed.emit(str(error))
            return
        if self.confirm(
            "Open original",
            f"Open the original file in another application?\n{path}\n\n"
            "That application may load content from the web; Archival Reader itself never does.",
        ):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def reextract(self, ids: Sequence[int]) -> None:
        """Runs extraction again on the stored originals (annotations are re-anchored)."""
        chosen = list(ids)

        def done(outcomes: object) -> None:
            results = list(outcomes) if isinstance(outcomes, list) else []
            self.changed.emit(reextract_message(results))

        self._write(lambda library: library.reextract(chosen), done)

    # -- the sidebar's menu ------------------------------------------------------------------

    def build_sidebar_menu(self, source: Source, current_query: str) -> QMenu:
        """Actions for a sidebar entry: collections, saved searches, the trash."""
        menu = QMenu(self._parent)
        if source.kind == "collection" and source.collection_id is not None:
            collection_id = source.collection_id
            menu.addAction("New sub-collection…", lambda: self.create_collection(collection_id))
            menu.addAction("Rename…", lambda: self.rename_collection(collection_id, source.value))
            menu.addAction(
                "Delete collection…", lambda: self.delete_collection(collection_id, source.value)
            )
        elif source.kind == "heading" and source.value == "Collections":
            menu.addAction("New collection…", self.create_collection)
        elif source.kind == "saved":
            menu.addAction("Delete saved search", lambda: self.delete_saved_search(source.name))
        elif source.kind == "trash":
            menu.addAction("Empty trash…", self.empty_trash)
        if current_query:
            menu.addAction("Save current search…", lambda: self.save_search(current_query))
        return menu

    def rename_collection(self, collection_id: int, current: str) -> None:
        """Asks for a new name and renames the collection."""
        name = self.ask_text("Rename collection", "Name:", current)
        if name and name.strip() and name.strip() != current:
            new_name = name.strip()
            self._write(
                lambda library: library.rename_collection(collection_id, new_name),
                lambda _r: self.changed.emit(f"Renamed to “{new_name}”"),
            )

    def delete_collection(self, collection_id: int, name: str) -> None:
        """Deletes a collection and its sub-collections (not the articles)."""
        if self.confirm(
            "Delete collection",
            f"Delete “{name}” and its sub-collections? The articles stay in the archive.",
        ):
            self._write(
                lambda library: library.delete_collection(collection_id),
                lambda _r: self.changed.emit(f"Deleted “{name}”"),
            )

    def save_search(self, query: str) -> None:
        """Asks for a name and saves the query as a saved search."""
        name = self.ask_text("Save search", "Name:", query)
        if name and name.strip():
            chosen = name.strip()
            self._write(
                lambda library: library.save_search(chosen, query),
                lambda _r: self.changed.emit(f"Saved the search “{chosen}”"),
            )

    def delete_saved_search(self, name: str) -> None:
        """Deletes one saved search (others with the same query stay)."""
        self._write(
            lambda library: library.delete_saved_search(name),
            lambda _r: self.changed.emit("Deleted the saved search"),
        )

    # -- internals ---------------------------------------------------------------------------

    def _write(self, op: Callable[[Library], object], done: Callable[[object], None]) -> None:
        self._runner.run(op, done, self._on_failure, writes=True)

    def _on_failure(self, error: BaseException) -> None:
        self.failed.emit(str(error) or type(error).__name__)
