"""Conversion between Python code-point offsets and Qt's UTF-16 positions.

The core counts offsets in code points (``str`` indices) into an article's canonical text; Qt's
``QTextCursor`` counts UTF-16 code units, where a character outside the Basic Multilingual Plane
(most emoji, some CJK) counts 2. This module is the only place that converts between the two:
every other UI module calls it instead of doing arithmetic on offsets itself.
"""

from __future__ import annotations

from bisect import bisect_left

_BMP_LIMIT = 0xFFFF


def utf16_length(text: str) -> int:
    """The number of UTF-16 code units Qt uses for ``text``."""
    return len(text) + sum(1 for character in text if ord(character) > _BMP_LIMIT)


def to_qt(text: str, offset: int) -> int:
    """Converts a code-point offset into ``text`` to a UTF-16 position.

    Args:
        text: the string the offset points into.
        offset: a Python index, 0 <= offset <= len(text) (clamped otherwise).

    Returns:
        The matching position for ``QTextCursor.setPosition`` relative to the text's start.
    """
    offset = max(0, min(offset, len(text)))
    return utf16_length(text[:offset])


def from_qt(text: str, position: int) -> int:
    """Converts a UTF-16 position (relative to the text's start) to a code-point offset.

    A position inside a surrogate pair maps to the character that pair encodes.
    """
    return OffsetMap(text).from_qt(position)


class OffsetMap:
    """Precomputed conversions for one text, for converting many offsets cheaply.

    Stores only the indices of the (usually few) astral characters, so building it is one pass
    over the text and each conversion is a binary search.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._astral = [
            index for index, character in enumerate(text) if ord(character) > _BMP_LIMIT
        ]
        # UTF-16 position of each astral character, for the reverse direction.
        self._astral_qt = [index + rank for rank, index in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """Code-point offset -> UTF-16 position (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """UTF-16 position -> code-point offset (clamped to the text)."""
        position = max(0, position)
        # Astral characters that start strictly before the position each add one extra unit,
        # except one whose second half is the position itself (inside the pair).
        before = bisect_left(self._astral_qt, position)
        offset = position - before
        if before and self._astral_qt[before - 1] + 1 == position:
            offset = self._astral[before - 1]
        return min(offset, len(self.text))

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """A code-point span -> a UTF-16 span."""
        return self.to_qt(start), self.to_qt(end)
