"""Highlight colours and the codes (names) researchers give them.

The eight defaults derive from the Okabe-Ito palette, chosen to stay distinguishable with
the common colour-vision deficiencies, plus a neutral grey. Each colour has a light tint
(a background under dark text in a light theme) and a dark shade (under light text in a
dark theme); tests check both reach WCAG AA contrast with the text and stay apart from
each other.

A ``Palette`` is an ordered, immutable list of colours: renaming a code or reordering
returns a new palette. Annotations store the colour ``id`` only, so never reuse an id for a
different colour: that would silently recolour existing work.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from reader.core.errors import ReaderError


@dataclass(frozen=True)
class Colour:
    """One highlight colour: a stable id, its editable code name and its theme hex values."""

    id: str
    code: str
    light: str  # "#rrggbb" background for a light theme (dark text on top)
    dark: str  # "#rrggbb" background for a dark theme (light text on top)


@dataclass(frozen=True)
class Palette:
    """The ordered colours offered to the user."""

    colours: tuple[Colour, ...]

    def get(self, colour_id: str) -> Colour:
        """Returns the colour with this id, or a neutral stand-in for an unknown id.

        An annotation imported from elsewhere may name a colour this palette lacks; it must
        still display, so the stand-in keeps the id and borrows the last colour's values.
        """
        for colour in self.colours:
            if colour.id == colour_id:
                return colour
        fallback = self.colours[-1]
        return Colour(colour_id, colour_id, fallback.light, fallback.dark)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(colour.id for colour in self.colours)


DEFAULT_PALETTE = Palette(
    (
        Colour("yellow", "Key point", "#f7f0a0", "#6b6413"),
        Colour("orange", "Claim", "#f5cf80", "#7a5200"),
        Colour("vermillion", "Contradiction", "#f2b08c", "#8a3a00"),
        Colour("purple", "Question", "#ebc1da", "#7a3a62"),
        Colour("blue", "Method", "#99c2e0", "#004a75"),
        Colour("sky", "Definition", "#bfe3f7", "#2a6a8f"),
        Colour("green", "Evidence", "#99d8c6", "#00604a"),
        Colour("grey", "Background", "#d9d9d9", "#555555"),
    )
)


class PaletteError(ReaderError):
    """A palette edit or file that would break existing annotations."""


def rename_code(palette: Palette, colour_id: str, code: str) -> Palette:
    """Returns a palette where ``colour_id`` carries the code name ``code``.

    Args:
        palette: the current palette.
        colour_id: the colour to rename.
        code: the new name, e.g. "Evidence"; surrounding spaces are dropped.

    Returns:
        A new palette; annotations keep their colour id, so they follow the rename.

    Raises:
        PaletteError: unknown colour id or empty name.
    """
    code = code.strip()
    if not code:
        raise PaletteError("a colour code needs a name")
    if colour_id not in palette.ids:
        raise PaletteError(f"no colour {colour_id!r} in the palette")
    return Palette(
        tuple(replace(c, code=code) if c.id == colour_id else c for c in palette.colours)
    )


def reorder(palette: Palette, colour_ids: list[str] | tuple[str, ...]) -> Palette:
    """Returns the palette in the order given, which must name every colour exactly once.

    Raises:
        PaletteError: when ``colour_ids`` is not a permutation of the palette's ids.
    """
    if sorted(colour_ids) != sorted(palette.ids):
        raise PaletteError("a new order must list every colour exactly once")
    by_id = {colour.id: colour for colour in palette.colours}
    return Palette(tuple(by_id[colour_id] for colour_id in colour_ids))


def palette_to_json(palette: Palette) -> str:
    """Serialises a palette (for settings) as a JSON list of objects."""
    return json.dumps(
        [{"id": c.id, "code": c.code, "light": c.light, "dark": c.dark} for c in palette.colours],
        ensure_ascii=False,
    )


def palette_from_json(data: str) -> Palette:
    """Parses ``palette_to_json`` output.

    Raises:
        PaletteError: malformed JSON, missing fields, bad hex values or duplicate ids.
    """
    try:
        items = json.loads(data)
    except json.JSONDecodeError as error:
        raise PaletteError(f"palette settings are not valid JSON: {error}") from error
    if not isinstance(items, list) or not items:
        raise PaletteError("palette settings must be a non-empty list")
    colours: list[Colour] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise PaletteError(f"palette entry {index} is not an object")
        values = [item.get(key) for key in ("id", "code", "light", "dark")]
        if not all(isinstance(value, str) and value for value in values):
            raise PaletteError(f"palette entry {index} needs id, code, light and dark")
        colour = Colour(*(str(value) for value in values))
        for hex_value in (colour.light, colour.dark):
            if not _is_hex_colour(hex_value):
                raise PaletteError(f"palette entry {index}: {hex_value!r} is not #rrggbb")
        colours.append(colour)
    if len({colour.id for colour in colours}) != len(colours):
        raise PaletteError("palette colour ids must be unique")
    return Palette(tuple(colours))


def _is_hex_colour(value: str) -> bool:
    hex_digits = "0123456789abcdefABCDEF"
    return len(value) == 7 and value[0] == "#" and all(c in hex_digits for c in value[1:])
