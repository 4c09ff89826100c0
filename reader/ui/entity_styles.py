"""How each entity type looks: a colour-blind-safe background plus a second, non-colour cue.

Colours come from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies), lightened so black text stays readable on them; each type also gets its own
underline style, so the type can be told apart without colour (and in a greyscale print).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat


@dataclass(frozen=True)
class EntityStyle:
    label: str
    display_name: str
    light: str  # background on light and sepia themes
    dark: str  # background on the dark theme
    underline: QTextCharFormat.UnderlineStyle
    cue: str  # the underline in words, for the legend and tooltips
    hidden_by_default: bool = False


_U = QTextCharFormat.UnderlineStyle

# label -> (light background, dark background, underline, words): Okabe-Ito hues.
_LOOKS: dict[str, tuple[str, str, QTextCharFormat.UnderlineStyle, str]] = {
    "PERSON": ("#ffe2a8", "#7a5200", _U.SingleUnderline, "solid underline"),  # orange
    "ORG": ("#bfe3f7", "#1f5f85", _U.DashUnderline, "dashed underline"),  # sky blue
    "PLACE": ("#b9ecd9", "#005f46", _U.DotLine, "dotted underline"),  # bluish green
    "GROUP": ("#f7efa0", "#6b6200", _U.DashDotLine, "dash-dot underline"),  # yellow
    "DATE": ("#c7d7f0", "#163f73", _U.WaveUnderline, "wavy underline"),  # blue
    "EVENT": ("#f6c9a8", "#7a3300", _U.DashDotDotLine, "dash-dot-dot underline"),  # vermillion
    "WORK": ("#edc9df", "#6e2a55", _U.SingleUnderline, "solid underline, italic"),  # purple
    "LAW": ("#dcdcdc", "#4a4a4a", _U.DashUnderline, "dashed underline, italic"),  # grey
    "MONEY": ("#e6e6c8", "#55552a", _U.DotLine, "dotted underline, italic"),
    "QUANTITY": ("#d8e6e6", "#2f5050", _U.WaveUnderline, "wavy underline, italic"),
}

# Used when the core's type table is not importable (older core, trimmed install).
_FALLBACK_NAMES: dict[str, tuple[str, bool]] = {
    "PERSON": ("Person", False),
    "ORG": ("Organisation", False),
    "PLACE": ("Place", False),
    "GROUP": ("Group", False),
    "DATE": ("Date", False),
    "EVENT": ("Event", False),
    "WORK": ("Work of art", False),
    "LAW": ("Law", False),
    "MONEY": ("Money", True),
    "QUANTITY": ("Quantity", True),
}

# The second half of the palette reuses hues with an italic cue, so it stays distinct.
_ITALIC = frozenset({"WORK", "LAW", "MONEY", "QUANTITY"})


def _type_names() -> dict[str, tuple[str, bool]]:
    try:
        from reader.core.entities.types import ENTITY_TYPES
    except ImportError:
        return dict(_FALLBACK_NAMES)
    names = {
        entity.label: (entity.display_name, entity.hidden_by_default) for entity in ENTITY_TYPES
    }
    return names or dict(_FALLBACK_NAMES)


def _build_styles() -> dict[str, EntityStyle]:
    styles: dict[str, EntityStyle] = {}
    for label, (display_name, hidden) in _type_names().items():
        light, dark, underline, cue = _LOOKS.get(
            label, ("#e0e0e0", "#505050", _U.DotLine, "dotted underline")
        )
        styles[label] = EntityStyle(label, display_name, light, dark, underline, cue, hidden)
    return styles


ENTITY_STYLES: dict[str, EntityStyle] = _build_styles()


def style_for(label: str) -> EntityStyle:
    """The style of a label, with a neutral one for labels this build does not know."""
    found = ENTITY_STYLES.get(label)
    if found is not None:
        return found
    return EntityStyle(label, label.title(), "#e0e0e0", "#505050", _U.DotLine, "dotted underline")


def char_format(label: str, *, dark: bool) -> QTextCharFormat:
    """The character format that marks one mention of a ``label`` entity."""
    style = style_for(label)
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(style.dark if dark else style.light))
    fmt.setUnderlineStyle(style.underline)
    fmt.setFontItalic(label in _ITALIC)
    fmt.setToolTip(style.display_name)
    return fmt
