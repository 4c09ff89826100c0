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

from dataclasses import dataclass

from lxml.html import HtmlElement

from reader.core.extract.figures import anchor_key, element_anchor_key
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
        element: the ``h1``-``h6``, ``ul`` or ``ol`` element (still readable after content
            selection prunes it from the tree).
        before: ``figures.anchor_key`` of the page's text block just before it.
        after: the same for the block just after it.
    """

    element: HtmlElement
    before: str
    after: str

    def blocks(self) -> list[PendingBlock]:
        """The blocks it becomes: one heading, or the list's items."""
        tag = self.element.tag
        if tag in _HEADINGS:
            text = normalize_space(self.element.text_content())
            return [PendingBlock(BlockKind.HEADING, text, int(tag[1]))] if text else []
        items = (normalize_space(item.text_content()) for item in self.element.iter("li"))
        return [PendingBlock(BlockKind.LIST_ITEM, item, 1, tag == "ol") for item in items if item]


class _Units:
    """The page's text blocks in document order, with their keys computed on demand."""

    def __init__(self, tree: HtmlElement) -> None:
        self.elements = list(tree.iter(*_TEXT_UNITS))
        # The list keeps the element objects alive, so they can be dictionary keys.
        self.index = {element: number for number, element in enumerate(self.elements)}
        self._keys: dict[int, str] = {}

    def key(self, number: int) -> str:
        if number not in self._keys:
            self._keys[number] = element_anchor_key(self.elements[number])
        return self._keys[number]

    def key_before(self, number: int) -> str:
        return next((self.key(i) for i in range(number - 1, -1, -1) if self.key(i)), "")

    def key_after(self, number: int) -> str:
        return next((self.key(i) for i in range(number + 1, len(self.elements)) if self.key(i)), "")


def _is_article_list(element: HtmlElement) -> bool:
    if any(ancestor.tag in _NOT_ARTICLE_LIST for ancestor in element.iterancestors()):
        return False
    if any(True for _ in element.iterdescendants(*_LISTS)):
        return False
    # Item by item: items often have no white space between them in the markup.
    words = sum(len(item.text_content().split()) for item in element.iter("li"))
    linked = sum(len(link.text_content().split()) for link in element.iter("a"))
    return words > 0 and linked <= _MAX_LINK_SHARE * words


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
        if element.tag in _HEADINGS and units.key(number):
            found.append(PageElement(element, units.key_before(number), units.key_after(number)))
    for element in tree.iter(*_LISTS):
        if not _is_article_list(element):
            continue
        inside = [units.index[unit] for unit in element.iter(*_TEXT_UNITS) if unit in units.index]
        if inside:
            found.append(
                PageElement(element, units.key_before(min(inside)), units.key_after(max(inside)))
            )
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
    after_block: dict[int, list[PendingBlock]] = {}
    for index in range(len(keys) - 1):
        for element in by_neighbours.get((keys[index], keys[index + 1]), []):
            lost = element.blocks()
            lost_keys = {anchor_key(block.text) for block in lost}
            # Nothing of it was kept: a partly kept list was shortened on purpose.
            if lost and lost_keys.isdisjoint(present):
                after_block.setdefault(index, []).extend(lost)
                present |= lost_keys
    if not after_block:
        return blocks
    restored: list[PendingBlock] = []
    for index, block in enumerate(blocks):
        restored.append(block)
        restored.extend(after_block.get(index, []))
    return restored
