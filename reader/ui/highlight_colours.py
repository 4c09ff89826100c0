"""How the highlight palette looks in menus and lists: swatch icons and labels."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from reader.core.annotations.palette import Colour

SWATCH_SIZE = 16


def swatch_icon(colour: Colour, *, dark: bool = False) -> QIcon:
    """A small square of the colour as it shows under text in the current theme."""
    pixmap = QPixmap(SWATCH_SIZE, SWATCH_SIZE)
    pixmap.fill(QColor(colour.dark if dark else colour.light))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#808080"))
    painter.drawRect(0, 0, SWATCH_SIZE - 1, SWATCH_SIZE - 1)
    painter.end()
    return QIcon(pixmap)


def colour_label(colour: Colour) -> str:
    """The menu text of a colour: its code name and, if different, its colour id."""
    if colour.code.lower() == colour.id.lower():
        return colour.code
    return f"{colour.code} ({colour.id})"


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as a comma-separated list: trimmed, blanks and repeats dropped."""
    seen: dict[str, None] = {}
    for tag in text.split(","):
        if tag.strip():
            seen.setdefault(tag.strip(), None)
    return tuple(seen)
