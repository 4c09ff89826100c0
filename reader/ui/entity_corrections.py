"""Entity corrections from the Entities panel: rename, merge, change type, not an entity.

Corrections are archive-wide (the facade stores them and re-indexes what they touch); after
each one the window reloads the article so highlights and the panel follow. The name
dialog is a method tests can replace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from reader.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.library import Library


class EntityCorrections(QObject):
    corrected = Signal(str)  # a status message
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._runner = runner
        self._parent = parent_widget

    def ask_name(self, title: str, current: str) -> str | None:
        """Asks for an entity name; None when the user cancels or leaves it empty."""
        value, ok = QInputDialog.getText(self._parent, title, "Name:", text=current)
        return value.strip() if ok and value.strip() else None

    def apply(self, kind: str, label: str, names: list[str]) -> None:
        """Runs one correction; ``label`` is the entity type (the new one for "type")."""
        if not names:
            return
        if kind == "rename":
            canonical = self.ask_name("Rename entity", names[0])
            if canonical is None or canonical == names[0]:
                return
            self._write(
                lambda library: library.rename_entity(names[0], canonical),
                f"“{names[0]}” is now shown as “{canonical}”",
            )
        elif kind == "merge":
            canonical = self.ask_name("Merge entities", names[0])
            if canonical is None:
                return
            self._write(
                lambda library: library.merge_entities(names, canonical),
                f"Merged {len(names)} names into “{canonical}”",
            )
        elif kind == "type":

            def set_types(library: Library) -> None:
                for name in names:
                    library.set_entity_type(name, label)

            self._write(set_types, f"Changed the type of {len(names)} name(s)")
        elif kind == "reject":

            def reject(library: Library) -> None:
                for name in names:
                    library.reject_entity(name, label)

            self._write(reject, f"{len(names)} name(s) marked as not an entity")

    def _write(self, op: object, message: str) -> None:
        self._runner.run(
            op,  # type: ignore[arg-type]
            lambda _result: self.corrected.emit(message),
            lambda error: self.failed.emit(str(error) or type(error).__name__),
            writes=True,
        )
