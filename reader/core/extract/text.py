"""Canonical text builder: blocks in, one string plus offsets out.

The canonical text is what the index, the entity recogniser and annotations point into, so
its layout is fixed: one block per structural unit, blocks joined by exactly ``"\\n\\n"``,
whitespace inside a block collapsed to single spaces (newlines survive only inside
preformatted blocks). Table rows join their cells with ``" | "``.

Callers add blocks in reading order and call ``build()`` once; they must not rely on
empty blocks being kept (they are dropped, except image blocks whose alt text is empty).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from reader.core.model import Block, BlockKind

CELL_SEPARATOR = " | "
BLOCK_SEPARATOR = "\n\n"

_BLANK_LINES = re.compile(r"\n\s*\n+")


def normalize_space(text: str) -> str:
    """Collapses every run of whitespace (including non-breaking spaces) to one space.

    Args:
        text: any text.

    Returns:
        The text with single spaces and no leading or trailing whitespace.
    """
    # ``str.split`` splits on exactly what ``\s`` matches (``str.isspace``) and is several
    # times cheaper than the expression; this runs on every block and byline candidate.
    return " ".join(text.replace("\u00ad", "").replace("\u200b", "").split())


# UTF-8 bytes read as windows-1252: a lead byte (Â-ô) then one to three continuation
# bytes, which windows-1252 shows as Latin-1 supplement letters or punctuation.
_CONTINUATION = (
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122]"
)
_MOJIBAKE = re.compile("[\u00c2-\u00f4]" + _CONTINUATION + "{1,3}")


def _fix_sequence(match: re.Match[str]) -> str:
    sequence = match.group(0)
    for codec in ("cp1252", "latin-1"):
        try:
            return sequence.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return sequence


def repair_mojibake(text: str) -> str:
    """Undoes UTF-8-read-as-windows-1252 sequences ("Investorâ€™s" -> "Investor’s").

    Each suspicious sequence is converted on its own and only when it decodes as UTF-8,
    so legitimate accented text is left alone.
    """
    if not _MOJIBAKE.search(text):
        return text
    return _MOJIBAKE.sub(_fix_sequence, text)


def repair_text(text: str) -> str:
    """Unescapes stray HTML entities and repairs mojibake in a metadata value.

    Meta values and JSON-LD strings are often escaped twice ("It&amp;#39;s") or were
    stored by a misconfigured CMS as mojibake. Returns the value with spaces normalised.
    """
    for _ in range(2):
        if "&" not in text:
            break
        text = html.unescape(text)
    return normalize_space(repair_mojibake(text))


def normalize_preformatted(text: str) -> str:
    """Keeps line breaks of code/preformatted text but never a blank line.

    A blank line inside a block would make the ``"\\n\\n"`` separator ambiguous.
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    joined = "\n".join(lines).strip("\n")
    return _BLANK_LINES.sub("\n", joined)


@dataclass(frozen=True)
class PendingBlock:
    """A block before offsets are known."""

    kind: BlockKind
    text: str
    level: int = 0
    ordered: bool = False
    source: str | None = None


class BlockBuilder:
    """Collects blocks in reading order and lays them out as canonical text."""

    def __init__(self) -> None:
        self.blocks: list[PendingBlock] = []

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        level: int = 0,
        ordered: bool = False,
        source: str | None = None,
    ) -> None:
        """Appends one block; text is normalised and empty text blocks are skipped.

        Args:
            kind: the block's structural role.
            text: its raw text (whitespace is normalised here).
            level: heading level (1-6) or list nesting depth.
            ordered: True for items of numbered lists.
            source: image location, for image blocks.
        """
        if kind is BlockKind.PREFORMATTED:
            clean = normalize_preformatted(repair_mojibake(text))
        else:
            clean = normalize_space(repair_mojibake(text))
        if not clean and kind is not BlockKind.IMAGE:
            return
        if kind is BlockKind.HEADING:
            level = min(max(level, 1), 6)
        self.blocks.append(PendingBlock(kind, clean, level, ordered, source))

    def add_table_row(self, cells: list[str]) -> None:
        """Appends a table row whose non-empty cells are joined by ``" | "``."""
        clean = [normalize_space(cell) for cell in cells]
        text = CELL_SEPARATOR.join(cell for cell in clean if cell)
        if text:
            self.blocks.append(PendingBlock(BlockKind.TABLE_ROW, text))

    def extend(self, blocks: list[PendingBlock]) -> None:
        """Appends blocks that are already normalised."""
        self.blocks.extend(blocks)

    def build(self) -> tuple[str, tuple[Block, ...]]:
        """Lays the blocks out.

        Returns:
            The canonical text and the blocks with their offsets into it.
        """
        return layout_blocks(self.blocks)


def layout_blocks(pending: list[PendingBlock]) -> tuple[str, tuple[Block, ...]]:
    """Joins pending blocks with ``"\\n\\n"`` and computes each block's span.

    An image block with empty alt text gets an empty span at its position; it still
    contributes a separator so that the text stays a plain join of block texts.

    Args:
        pending: blocks in reading order.

    Returns:
        The canonical text and the blocks with offsets.
    """
    parts: list[str] = []
    blocks: list[Block] = []
    position = 0
    for index, block in enumerate(pending):
        if index:
            parts.append(BLOCK_SEPARATOR)
            position += len(BLOCK_SEPARATOR)
        parts.append(block.text)
        blocks.append(
            Block(
                kind=block.kind,
                start=position,
                end=position + len(block.text),
                level=block.level,
                ordered=block.ordered,
                source=block.source,
            )
        )
        position += len(block.text)
    return "".join(parts), tuple(blocks)
