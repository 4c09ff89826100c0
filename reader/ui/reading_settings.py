"""Reading settings (font, size, line width, theme) and the reader's style sheet.

Stored with ``QSettings`` under ``reader/``; the style sheet uses only what QTextBrowser's CSS
subset supports (no custom properties, ``@media`` or ``max-width``: one of those silently drops
every rule after it), and the line width is applied by the view's margins instead.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "background": "#ffffff",
        "text": "#1d1d1d",
        "muted": "#5a5a5a",
        "link": "#0b57a4",
        "rule": "#d0d0d0",
        "quote": "#f2f2f2",
        "find": "#c2410c",
        "find_text": "#ffffff",
        "hit": "#29339b",
        "hit_text": "#ffffff",
    },
    "sepia": {
        "background": "#f6efdf",
        "text": "#3b2f22",
        "muted": "#6d5b47",
        "link": "#7a3f00",
        "rule": "#d9ccb0",
        "quote": "#ece2cb",
        "find": "#c2410c",
        "find_text": "#ffffff",
        "hit": "#29339b",
        "hit_text": "#ffffff",
    },
    "dark": {
        "background": "#1e1f22",
        "text": "#e6e6e6",
        "muted": "#a9a9a9",
        "link": "#8cc4ff",
        "rule": "#44464b",
        "quote": "#2a2c30",
        "find": "#ff922b",
        "find_text": "#000000",
        "hit": "#ffd43b",
        "hit_text": "#000000",
    },
}

FONT_FAMILIES = ("DejaVu Serif", "DejaVu Sans", "Serif", "Sans Serif")
MIN_SIZE, MAX_SIZE = 9, 32


@dataclass(frozen=True)
class ReadingSettings:
    font_family: str = "DejaVu Serif"
    font_size: int = 13
    line_width: int = 70  # characters per line, roughly
    theme: str = "light"

    @property
    def is_dark(self) -> bool:
        return self.theme == "dark"

    def zoomed(self, steps: int) -> ReadingSettings:
        """A copy with the font ``steps`` points bigger (negative: smaller), within limits."""
        return replace(self, font_size=max(MIN_SIZE, min(MAX_SIZE, self.font_size + steps)))

    def colours(self) -> dict[str, str]:
        return THEMES.get(self.theme, THEMES["light"])


def load_reading_settings(settings: QSettings) -> ReadingSettings:
    """Reads the saved settings, falling back to defaults for missing or bad values."""
    default = ReadingSettings()

    def number(key: str, fallback: int, low: int, high: int) -> int:
        try:
            value = int(str(settings.value(key, fallback)))
        except ValueError:
            return fallback
        return max(low, min(high, value))

    theme = str(settings.value("reader/theme", default.theme))
    return ReadingSettings(
        font_family=str(settings.value("reader/font_family", default.font_family)),
        font_size=number("reader/font_size", default.font_size, MIN_SIZE, MAX_SIZE),
        line_width=number("reader/line_width", default.line_width, 40, 200),
        theme=theme if theme in THEMES else default.theme,
    )


def save_reading_settings(settings: QSettings, reading: ReadingSettings) -> None:
    """Writes the reading settings to ``settings``."""
    settings.setValue("reader/font_family", reading.font_family)
    settings.setValue("reader/font_size", reading.font_size)
    settings.setValue("reader/line_width", reading.line_width)
    settings.setValue("reader/theme", reading.theme)


def style_sheet(reading: ReadingSettings) -> str:
    """The reader's document style sheet for these settings."""
    c = reading.colours()
    family = reading.font_family.replace("'", "")
    return f"""
body {{ font-family: '{family}'; font-size: {reading.font_size}pt; color: {c["text"]};
        background-color: {c["background"]}; line-height: 150%; }}
p {{ margin-top: 0; margin-bottom: 0.8em; }}
h1.title {{ font-size: {round(reading.font_size * 1.8)}pt; margin-bottom: 0.3em; }}
h2 {{ font-size: {round(reading.font_size * 1.4)}pt; }}
h3 {{ font-size: {round(reading.font_size * 1.2)}pt; }}
p.byline {{ color: {c["muted"]}; }}
p.saved-url {{ color: {c["muted"]}; font-size: {max(MIN_SIZE - 1, reading.font_size - 2)}pt; }}
p.caption {{ color: {c["muted"]}; font-style: italic; }}
p.figure {{ color: {c["muted"]}; font-style: italic; line-height: 100%; }}
a.url {{ color: {c["link"]}; }}
blockquote {{ background-color: {c["quote"]}; margin-left: 2em; margin-right: 2em;
              font-style: italic; }}
pre {{ font-family: 'DejaVu Sans Mono', monospace; background-color: {c["quote"]}; }}
td {{ border-color: {c["rule"]}; }}
"""
