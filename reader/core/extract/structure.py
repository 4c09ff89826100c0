"""trafilatura's XML body to our blocks.

trafilatura describes the main content with a small vocabulary: ``head`` (with ``rend``
h1-h6), ``p``, ``list``/``item`` (nested), ``quote``, ``table``/``row``/``cell``,
``graphic`` and inline ``hi``/``ref``/``lb``. Each maps to one block kind; a list item's
nested list becomes deeper items after it, and a figure caption recorded by the figure
stage is put back right after its image. Images come back later (``figures``).
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from reader.core.extract.figures import PREFORMATTED_MARK
from reader.core.extract.text import BlockBuilder
from reader.core.model import BlockKind

_INLINE = {"hi", "ref", "lb", "del", "span", "b", "i", "em", "strong", "a", "sub", "sup"}
# Blocks that trafilatura keeps inside a list item, a cell or a paragraph (an event's date,
# title and place as three blocks of one item): their texts are words apart, never glued
# ("March 16, 2026FABCONAtlanta").
_NESTED_BLOCKS = frozenset(
    {"p", "head", "quote", "item", "list", "table", "row", "cell", "div", "section",
     "article", "blockquote", "pre", "figure", "figcaption", "dl", "dt", "dd", "ul", "ol",
     "li", "h1", "h2", "h3", "h4", "h5", "h6"}
)  # fmt: skip


def _own_text(element: etree._Element, skip: frozenset[str] = frozenset({"list"})) -> str:
    """Text of an element and its inline descendants, without nested lists; ``lb`` is a space."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag in skip:
            parts.append(" " + (child.tail or ""))
            continue
        if child.tag == "lb":
            parts.append(" ")
        elif child.tag == "graphic":
            pass
        elif child.tag in _NESTED_BLOCKS:
            parts.append(" " + _own_text(child, skip) + " ")
        else:
            parts.append(_own_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _preformatted_text(element: etree._Element) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _preformatted_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


class _Converter:
    def __init__(self) -> None:
        self.builder = BlockBuilder()

    def add_graphic(self, element: etree._Element) -> None:
        source = element.get("src")
        if not source:
            return
        alt = element.get("alt") or element.get("title") or ""
        self.builder.add(BlockKind.IMAGE, alt, source=source)

    def add_list(self, element: etree._Element, depth: int) -> None:
        ordered = (element.get("rend") or "").lower() == "ol"
        for item in element:
            if item.tag != "item":
                self.add_element(item, depth)
            else:
                self.builder.add(BlockKind.LIST_ITEM, _own_text(item), level=depth, ordered=ordered)
                for nested in item.findall("list"):
                    self.add_list(nested, depth + 1)
                for graphic in item.iter("graphic"):
                    self.add_graphic(graphic)
            if item.tail and item.tail.strip():
                self.builder.add(BlockKind.PARAGRAPH, item.tail)

    def add_table(self, element: etree._Element) -> None:
        for row in element.iter("row"):
            cells = [_own_text(cell, frozenset()) for cell in row if cell.tag == "cell"]
            self.builder.add_table_row(cells)

    def add_paragraph_like(self, element: etree._Element, kind: BlockKind) -> None:
        text = _own_text(element, frozenset({"list", "graphic"}))
        if text.lstrip().startswith(PREFORMATTED_MARK):
            raw = _preformatted_text(element).replace(PREFORMATTED_MARK, "")
            self.builder.add(BlockKind.PREFORMATTED, raw)
        else:
            self.builder.add(kind, text.replace(PREFORMATTED_MARK, ""))
        for graphic in element.iter("graphic"):
            self.add_graphic(graphic)
        for nested in element.findall("list"):
            self.add_list(nested, 1)

    def add_element(self, element: etree._Element, depth: int = 1) -> None:
        tag = element.tag
        if tag == "head":
            rend = element.get("rend") or "h2"
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            self.builder.add(BlockKind.HEADING, _own_text(element), level=level)
        elif tag == "p":
            self.add_paragraph_like(element, BlockKind.PARAGRAPH)
        elif tag == "quote":
            self.add_paragraph_like(element, BlockKind.QUOTE)
        elif tag == "code":
            self.builder.add(BlockKind.PREFORMATTED, _preformatted_text(element))
        elif tag == "list":
            self.add_list(element, depth)
        elif tag == "table":
            self.add_table(element)
        elif tag == "graphic":
            self.add_graphic(element)
        elif tag in _INLINE:
            self.builder.add(BlockKind.PARAGRAPH, _own_text(element))
        else:
            # Containers trafilatura sometimes keeps (div, section): walk their children.
            self.add_children(element, depth)

    def add_children(self, element: etree._Element, depth: int = 1) -> None:
        """Adds a container's children, with its own text and their tails as paragraphs.

        trafilatura leaves text that sat between blocks of the page (a paragraph written
        straight into a section, after an image link) as the tail of the block before it.
        """
        if element.text and element.text.strip():
            self.builder.add(BlockKind.PARAGRAPH, element.text)
        for child in element:
            self.add_element(child, depth)
            if child.tail and child.tail.strip():
                self.builder.add(BlockKind.PARAGRAPH, child.tail)


def convert_body(body: etree._Element) -> BlockBuilder:
    """Turns trafilatura's XML body into blocks.

    Args:
        body: the ``body`` element of ``bare_extraction``'s document.

    Returns:
        A builder holding the blocks in reading order.
    """
    converter = _Converter()
    converter.add_children(body)
    builder = converter.builder
    # The preformatted mark can reach any kind of block (code inside a list item, a table
    # cell); it must never reach the text.
    builder.blocks = [
        replace(block, text=block.text.replace(PREFORMATTED_MARK, "").strip())
        if PREFORMATTED_MARK in block.text
        else block
        for block in builder.blocks
    ]
    return builder
