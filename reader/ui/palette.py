"""The application palette for the light/sepia and dark themes (Fusion style)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.paths import resources_path


def load_style_sheet() -> str:
    """The application style sheet (focus outlines...), empty if the file is missing."""
    path = resources_path() / "styles" / "app.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def app_icon() -> QIcon:
    """The application's icon."""
    return QIcon(str(resources_path() / "icons" / "archival-reader.svg"))


def apply_palette(app: QApplication, *, dark: bool) -> None:
    """Switches the whole window between Fusion's light palette and a readable dark one."""
    app.setStyle("Fusion")
    app.setPalette(app.style().standardPalette() if not dark else dark_palette())
    # Widgets styled by a style sheet keep the colours they were polished with: setting the
    # sheet again after the palette makes them pick up the new one.
    app.setStyleSheet(load_style_sheet())


def dark_palette() -> QPalette:
    """A dark palette with readable contrast for text, selections and disabled items."""
    palette = QPalette()
    role = QPalette.ColorRole
    palette.setColor(role.Window, QColor("#26282c"))
    palette.setColor(role.WindowText, QColor("#e6e6e6"))
    palette.setColor(role.Base, QColor("#1e1f22"))
    palette.setColor(role.AlternateBase, QColor("#2b2d31"))
    palette.setColor(role.ToolTipBase, QColor("#2b2d31"))
    palette.setColor(role.ToolTipText, QColor("#e6e6e6"))
    palette.setColor(role.Text, QColor("#e6e6e6"))
    palette.setColor(role.PlaceholderText, QColor("#9a9a9a"))
    palette.setColor(role.Button, QColor("#303237"))
    palette.setColor(role.ButtonText, QColor("#e6e6e6"))
    palette.setColor(role.Highlight, QColor("#3d6fb6"))
    palette.setColor(role.HighlightedText, QColor("#ffffff"))
    palette.setColor(role.Link, QColor("#8cc4ff"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#7a7a7a"))
    return palette
