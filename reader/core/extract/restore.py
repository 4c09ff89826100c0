"""Headings and lists the extraction lost between two of its own blocks.

trafilatura drops a heading or a list now and then inside an article it otherwise keeps
whole: a numbered heading that is a link ("3. Sisense"), an FAQ question wrapped in a
button, a bullet list in a container of its own. A reader then sees two sections run
together, or a sentence announcing a list followed by no list. An element of the page
whose neighbouring text blocks are two consecutive blocks of the extraction sits inside
the article, so it is put back between them. Lists made mostly of links are navigation
and are left out, and so are lists nested in other lists or inside page furniture.

``survey_page`` reads the page before content selection (which prunes the tree);
``restore_blocks`` runs on the extracted blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement

from reader.core.extract.figures import anchor_key
from reader.core.extract.text import PendingBlock, normalize_space
from reader.core.model import BlockKind

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements a reader reads as one block of text: the neighbours of a heading or list.
_TEXT_UNITS = ("p", "li", "blockquote", "pre", "dd", "dt", "td", "th", *sorted(_HEADINGS))
_LISTS = ("ul", "ol")
# A list inside these is page furniture or part of a bigger unit.
_NOT_ARTICLE_LIST = frozenset(
    {"ul", "ol", "nav", "header", "footer", "aside", "form", "li", "td", "th", "blockquote", "dd"}
)
# Lists whose words are mostly link texts are menus and link lists.
_MAX_LINK_SHARE = 0.5


@dataclass(frozen=True)
class PageElement:
    """A heading or list of the page, with the keys of the text blocks around it.

    Attributes:
        blocks: the blocks it becomes (one heading, or the list's items).
        before: ``figures.anchor_key`` of the page's text block just before it.
        after: the same for the block just after it.
    """

    blocks: tuple[PendingBlock, ...]
    before: str
    after: str
    keys: frozenset[str] = field(default_factory=frozenset)


class _Units:
    """The page's text blocks in document order, with their keys computed on demand."""

    def __init__(self, tree: HtmlElement) -> None:
        self.elements = list(tree.iter(*_TEXT_UNITS))
        # The list keeps the element objects alive, so they can be dictionary keys.
        self.index = {element: number for number, element in enumerate(self.elements)}
        self._keys: dict[int, str] = {}

    def key(self, number: int) -> str:
        if number not in self._keys:
            self._keys[number] = anchor_key(self.elements[number].text_content())
        return self._keys[number]

    def key_before(self, number: int) -> str:
        return next((self.key(i) for i in range(number - 1, -1, -1) if self.key(i)), "")

    def key_after(self, number: int) -> str:
        return next((self.key(i) for i in range(number + 1, len(self.elements)) if self.key(i)), "")


def _heading(units: _Units, number: int) -> PageElement | None:
    element = units.elements[number]
    text = normalize_space(element.text_content())
    if not text:
        return None
    block = PendingBlock(BlockKind.HEADING, text, int(element.tag[1]))
    return PageElement(
        (block,), units.key_before(number), units.key_after(number), frozenset({anchor_key(text)})
    )


def _list(units: _Units, element: HtmlElement) -> PageElement | None:
    if any(ancestor.tag in _NOT_ARTICLE_LIST for ancestor in element.iterancestors()):
        return None
    if any(True for _ in element.iterdescendants(*_LISTS)):
        return None
    items = [normalize_space(item.text_content()) for item in element.iter("li")]
    items = [item for item in items if item]
    inside = [units.index[unit] for unit in element.iter(*_TEXT_UNITS) if unit in units.index]
    if not items or not inside:
        return None
    words = sum(len(item.split()) for item in items)
    linked = sum(len(link.text_content().split()) for link in element.iter("a"))
    if linked > _MAX_LINK_SHARE * words:
        return None
    ordered = element.tag == "ol"
    blocks = tuple(PendingBlock(BlockKind.LIST_ITEM, item, 1, ordered) for item in items)
    return PageElement(
        blocks,
        units.key_before(min(inside)),
        units.key_after(max(inside)),
        frozenset(anchor_key(item) for item in items),
    )


def survey_page(tree: HtmlElement) -> list[PageElement]:
    """Finds the page's headings and article lists with the text blocks around them.

    Args:
        tree: the parsed page (read only).

    Returns:
        The elements in document order; those without a text block on either side
        are left out.
    """
    units = _Units(tree)
    found: list[PageElement] = []
    for number, element in enumerate(units.elements):
        if element.tag in _HEADINGS:
            heading = _heading(units, number)
            if heading is not None:
                found.append(heading)
    for element in tree.iter(*_LISTS):
        listed = _list(units, element)
        if listed is not None:
            found.append(listed)
    return [item for item in found if item.before and item.after]


def restore_blocks(
    blocks: list[PendingBlock], elements: list[PageElement], *, title: str | None
) -> list[PendingBlock]:
    """Puts back headings and lists that sit between two consecutive extracted blocks.

    Args:
        blocks: the extracted blocks in order.
        elements: ``survey_page`` of the page.
        title: the title metadata; a heading repeating it is not put back.

    Returns:
        The blocks with the lost elements inserted.
    """
    if not elements or len(blocks) < 2:
        return blocks
    by_neighbours: dict[tuple[str, str], list[PageElement]] = {}
    for element in elements:
        by_neighbours.setdefault((element.before, element.after), []).append(element)
    keys = [anchor_key(block.text) for block in blocks]
    present = set(keys)
    if title:
        present.add(anchor_key(title))
    after_block: dict[int, list[PageElement]] = {}
    for index in range(len(keys) - 1):
        for element in by_neighbours.get((keys[index], keys[index + 1]), []):
            # Nothing of it was kept: a partly kept list was shortened on purpose.
            if element.keys.isdisjoint(present):
                after_block.setdefault(index, []).append(element)
                present |= element.keys
    if not after_block:
        return blocks
    restored: list[PendingBlock] = []
    for index, block in enumerate(blocks):
        restored.append(block)
        for element in after_block.get(index, []):
            restored.extend(element.blocks)
    return restored
