"""Renders the app icon (resources/icons/archival-reader.svg) to the PNG sizes desktops use,
under resources/icons/hicolor/<size>x<size>/apps/. Run after editing the SVG:
``QT_QPA_PLATFORM=offscreen python packaging/render_icons.py``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "archival-reader.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    application = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = (
            ROOT
            / "resources"
            / "icons"
            / "hicolor"
            / f"{size}x{size}"
            / "apps"
            / "archival-reader.png"
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
    del application
    return 0


if __name__ == "__main__":
    sys.exit(main())
