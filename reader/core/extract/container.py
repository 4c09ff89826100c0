"""A second opinion on where the article starts and ends: readability's container.

trafilatura assembles the article from many elements of the page, and at its edges it
often takes in blocks from outside the article's own container: a newsletter box or a
teaser list after the last paragraph, a sidebar paragraph before the first. readability
chooses one container element instead. When the extracted blocks that readability's
container also holds form a dense core, and the blocks outside that core at the start
and at the end are a small part of the whole, those outer blocks are furniture and are
dropped (at the start only short ones: pages often put the lead paragraph or a summary
list in a header of their own; at the end not when they hold several long paragraphs:
notes, methods and answers that readability left out). Blocks inside the core are never
dropped (readability leaves out lists, tables and headings that trafilatura rightly
keeps), and a container that covers little of the extraction says nothing: readability
then picked a sidebar or one section.

Thresholds measured on both benchmarks' development halves (``benchmarks/extraction.py``).
"""

from __future__ import annotations

import re

from reader.core.extract.text import PendingBlock
from reader.core.model import BlockKind

_WORDS = re.compile(r"\w+")
_SHINGLE = 3  # word triples (``_shingles`` is written for three)
# A block belongs to the container when this share of its word triples occurs in it.
_INSIDE = 0.5
# A block before the core this long is a lead paragraph, not furniture.
_MAX_LEADING_WORDS = 40
# A list before the core of this many items, sentence-long on average, is the article's
# summary ("Key takeaways"), not a menu: menus and tag lists are made of short labels.
_MIN_SUMMARY_ITEMS = 3
_MIN_SUMMARY_ITEM_WORDS = 10
# Blocks after the core holding this many blocks of ``_LONG_WORDS`` or more are the
# article's own closing sections (methodology, notes, answers), not furniture: boxes and
# teaser lists after an article are made of short blocks.
_LONG_WORDS = 40
_MIN_LONG_TRAILING = 4
# Blocks outside the core may hold at most this share of the extraction's words ...
_MAX_OUTSIDE_SHARE = 0.3
# ... and blocks inside the container at least this share of the core's words.
_MIN_CORE_DENSITY = 0.85


def _tokens(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def _shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < _SHINGLE:
        return {tuple(tokens)}
    return set(zip(tokens, tokens[1:], tokens[2:], strict=False))


def trim_to_container(blocks: list[PendingBlock], container: str) -> list[PendingBlock]:
    """Drops blocks before and after the part of the extraction readability agrees on.

    Args:
        blocks: the extracted blocks in order (images not yet placed).
        container: the text of readability's container ("" when there is none).

    Returns:
        The blocks, possibly without some leading and trailing ones.
    """
    if not container or not blocks:
        return blocks
    inside_text = _shingles(_tokens(container))
    sizes: list[int] = []
    inside: list[bool] = []
    for block in blocks:
        tokens = _tokens(block.text)
        sizes.append(len(tokens))
        if not tokens or block.kind is BlockKind.IMAGE:
            inside.append(False)
            continue
        shingles = _shingles(tokens)
        inside.append(len(shingles & inside_text) >= _INSIDE * len(shingles))
    if True not in inside:
        return blocks
    first = inside.index(True)
    last = len(inside) - 1 - inside[::-1].index(True)
    if any(size > _MAX_LEADING_WORDS for size in sizes[:first]) or _is_summary(
        blocks[:first], sizes[:first]
    ):
        # A long paragraph (or a summary list) before the container is the article's lead,
        # which pages often put in a header of their own.
        first = 0
    if sum(1 for size in sizes[last + 1 :] if size >= _LONG_WORDS) >= _MIN_LONG_TRAILING:
        last = len(blocks) - 1
    total = sum(sizes)
    outside = sum(sizes[:first]) + sum(sizes[last + 1 :])
    if outside == 0 or outside > _MAX_OUTSIDE_SHARE * total:
        return blocks
    core = range(first, last + 1)
    agreed = sum(sizes[index] for index in core if inside[index])
    if agreed < _MIN_CORE_DENSITY * sum(sizes[index] for index in core):
        return blocks
    return blocks[first : last + 1]


def _is_summary(blocks: list[PendingBlock], sizes: list[int]) -> bool:
    items = [
        size for block, size in zip(blocks, sizes, strict=True) if block.kind is BlockKind.LIST_ITEM
    ]
    return len(items) >= _MIN_SUMMARY_ITEMS and sum(items) >= _MIN_SUMMARY_ITEM_WORDS * len(items)
