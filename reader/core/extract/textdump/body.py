"""The chosen units of a dump as article blocks: captions, credits and headings restored.

A dump has lost the markup that said what a short line was. Here a line ending in an
image credit ("... Image: AFP/Getty Images") becomes a caption with its credit moved to
the credits, and the alt-text line just before it is dropped; a short line without
sentence punctuation that introduces more text becomes a heading.
"""

from __future__ import annotations

import re

from reader.core.extract.figures import split_credit
from reader.core.extract.rules import CREDIT_TAIL
from reader.core.extract.text import BlockBuilder
from reader.core.extract.textdump.features import is_prose
from reader.core.extract.textdump.units import Unit
from reader.core.model import BlockKind

_TERMINAL = re.compile(r"[.!?:;…\"”»)]$")
# Words of a line that can be a heading or an image's alt text.
_HEADING_MAX_WORDS = 15
_ALT_MAX_WORDS = 20
_CAPTION_MAX_CHARS = 300


def build_body(units: list[Unit], builder: BlockBuilder, credits: list[str]) -> None:
    """Adds the article's units to ``builder`` as blocks.

    Args:
        units: the article's units in order (title, date and byline already taken out).
        builder: receives the blocks.
        credits: receives image credits split off captions.
    """
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        if unit.kind in (BlockKind.PARAGRAPH, BlockKind.CAPTION) and CREDIT_TAIL.search(unit.text):
            caption, credit = split_credit(unit.text)
            if credit and len(caption) < _CAPTION_MAX_CHARS:
                credits.append(credit)
                # The short line right before a credited caption is the image's alt text.
                previous = builder.blocks[-1] if builder.blocks else None
                if (
                    previous is not None
                    and previous.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
                    and len(previous.text.split()) <= _ALT_MAX_WORDS
                    and not _TERMINAL.search(previous.text)
                ):
                    builder.blocks.pop()
                builder.add(BlockKind.CAPTION, caption)
                continue
        if (
            unit.kind is BlockKind.PARAGRAPH
            and not is_prose(unit)
            and not _TERMINAL.search(unit.text)
            and unit.words <= _HEADING_MAX_WORDS
            and following is not None
        ):
            builder.add(BlockKind.HEADING, unit.text, level=2)
            continue
        builder.add(
            unit.kind, unit.text, level=unit.level, ordered=unit.ordered, source=unit.source
        )
