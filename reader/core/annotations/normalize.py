"""A forgiving view of a text for matching quotes, with a map back to the original offsets.

Extractors and editors disagree on things a reader never notices: runs of whitespace and
line breaks, curly versus straight quotes, dashes, ellipses, soft hyphens and zero-width
characters. Matching on this folded view makes those differences cost nothing; every match is
then mapped back to the original code-point offsets, which are what annotations store.

Letter case is deliberately *not* folded: a case change can change meaning ("Turkey" and
"turkey"), so it counts as an edit in fuzzy matching instead.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
}
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Runs of two or more spacing characters, or one that is not a plain space, or a character
# to fold; a lone space (most of them) is left alone without a match object.
_SPACING = "[\\s" + _INVISIBLE + "]"
_CHANGES = re.compile(_SPACING + "{2,}|[^\\S ]|[" + _INVISIBLE + "]|[" + "".join(_FOLD) + "]")


@dataclass(frozen=True)
class NormalizedText:
    """The folded text plus the segments where it differs from the original.

    ``segments`` holds one ``(folded_start, original_start, folded_length, original_length)``
    per replaced run; between them the two texts are identical, so the map is stored in
    O(number of changes) instead of one entry per character.
    """

    original: str
    text: str
    segments: tuple[tuple[int, int, int, int], ...]
    folded_starts: tuple[int, ...]
    original_starts: tuple[int, ...]

    def _segment_before(self, folded: int) -> int:
        return bisect.bisect_right(self.folded_starts, folded) - 1

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Maps a folded range ``[start, end)`` to the original text's range.

        A range edge inside a replaced run widens to cover the whole run, so a match never
        ends in the middle of an original character sequence it replaced.
        """
        original_start = self._original_start(start)
        # An empty range just after removed characters maps past them on both sides.
        return original_start, max(original_start, self._original_end(end))

    def _original_start(self, folded: int) -> int:
        index = self._segment_before(folded)
        if index < 0:
            return folded
        f_start, o_start, f_len, o_len = self.segments[index]
        if folded < f_start + f_len:
            return o_start
        return o_start + o_len + (folded - f_start - f_len)

    def _original_end(self, folded: int) -> int:
        if folded <= 0:
            return 0
        index = self._segment_before(folded - 1)
        if index < 0:
            return folded
        f_start, o_start, f_len, o_len = self.segments[index]
        if folded <= f_start + f_len:
            return o_start + o_len
        return o_start + o_len + (folded - f_start - f_len)

    def from_original(self, offset: int) -> int:
        """Maps an original offset to the nearest folded offset (for position hints)."""
        index = bisect.bisect_right(self.original_starts, offset) - 1
        if index < 0:
            return offset
        f_start, o_start, f_len, o_len = self.segments[index]
        if offset < o_start + o_len:
            return f_start
        return f_start + f_len + (offset - o_start - o_len)


def fold(text: str) -> str:
    """Returns only the folded string (for short strings such as quotes and contexts)."""
    return _build(text).text


@lru_cache(maxsize=4)
def normalize(text: str) -> NormalizedText:
    """Folds whitespace runs to one space, quotes and dashes to ASCII, drops invisibles.

    Cached: re-anchoring many annotations on one article folds its text once.

    Args:
        text: any text, usually an article's canonical text.

    Returns:
        The folded view with its offset map.
    """
    return _build(text)


def _build(text: str) -> NormalizedText:
    pieces: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    folded_length = 0
    copied_to = 0
    for match in _CHANGES.finditer(text):
        run = match.group()
        replacement = _FOLD.get(run[0]) or (" " if run.strip(_INVISIBLE) else "")
        if replacement == run:
            continue
        pieces.append(text[copied_to : match.start()])
        folded_length += match.start() - copied_to
        segments.append((folded_length, match.start(), len(replacement), len(run)))
        pieces.append(replacement)
        folded_length += len(replacement)
        copied_to = match.end()
    pieces.append(text[copied_to:])
    return NormalizedText(
        text,
        "".join(pieces),
        tuple(segments),
        tuple(segment[0] for segment in segments),
        tuple(segment[1] for segment in segments),
    )
