"""A text dump cut into units: the paragraphs, headings, items and rows a reader would see.

Converters leave marks that give a unit its kind: Markdown ``#`` headings, ``*``/``1.``
items, ``>`` quotes, ``|`` or tab separated table cells, ``![alt](src)`` images. Units
without a mark are paragraphs; whether they are prose, headings or furniture is decided
later from their features. A blank-line separated group of hard-wrapped lines is one
paragraph; any other group gives one unit per line.

Guarantees: the units are in reading order, their text has single spaces and no Markdown
marks, and no unit is empty except an image without alt text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.extract.text import normalize_space
from reader.core.model import BlockKind

HEADING_MARK = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
LIST_MARK = re.compile(r"^(\s*)(?:[*\-+•·▪◦]|(\d{1,3})[.)])\s+(.*)$")
QUOTE_MARK = re.compile(r"^>\s?(.*)$")
_TABLE_LINE = re.compile(r"^\|?(.+\|.+)\|?$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
# Converters escape brackets inside alt text ("![\\[photo\\]](src)") and parentheses
# inside addresses ("(https://.../filters:focal\\(0x0:659x692\\)/a.jpg)").
# The address ends at a space (a title may follow) or at the closing parenthesis.
_MD_IMAGE = re.compile(r"!\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^)\s\\])*)(?:\s(?:\\.|[^)\\])*)?\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:\\.|[^)\\])*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<!\w)[*_](\S.*?\S|\S)[*_](?!\w)")
_RULE = re.compile(r"^\s*([-*_=])\s*(?:\1\s*){2,}$")
# Empty inline code and escape debris that converters leave for icons and buttons.
_DEBRIS = re.compile(r"``|\\(?=[-+.*_#>!\[\]()`])")
_TAB_CELLS = re.compile(r"\S\t+\S")
_WORDS = re.compile(r"\w+")
# Scripts written without spaces between words: a run of their letters is many words.
_UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]"
)
# Characters of an unspaced script that make about one word of a spaced one.
_CHARACTERS_PER_WORD = 2
# Lines of a hard-wrapped paragraph are at least this long (all but its last line).
_WRAP_MIN = 50
# A line that goes on with the sentence of the line before, and one broken off before it.
_CONTINUATION = re.compile(r"^[a-zß-öø-ÿ]")
_CONTINUED_MIN_WORDS = 6
_BROKEN_OFF = re.compile(r"[^\W_],?$")


@dataclass
class Unit:
    """One candidate block of a dump.

    ``marked`` says that the kind came from a converter's mark, not from a guess;
    ``indent`` is the line's leading spaces (layout renderers indent by nesting depth);
    ``barrier`` marks the start of the reader comments, never part of the article.
    """

    kind: BlockKind
    text: str
    level: int = 0
    ordered: bool = False
    source: str | None = None
    marked: bool = False
    indent: int = 0
    barrier: bool = False
    # The word count and the text it was counted on: features ask for it many times.
    _counted: tuple[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def words(self) -> int:
        """Words of the unit's text (``count_words``), counted once per text."""
        counted = self._counted
        if counted is None or counted[0] is not self.text:
            counted = (self.text, count_words(self.text))
            self._counted = counted
        return counted[1]


def count_words(text: str) -> int:
    """Words of a text; in scripts without spaces (CJK, Thai), two characters make one."""
    tokens = _WORDS.findall(text)
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(tokens)
    spaced = sum(1 for token in tokens if not _UNSPACED.search(token))
    return spaced + -(-unspaced // _CHARACTERS_PER_WORD)


def unit_key(text: str) -> str:
    """A unit's words, lower-cased and single-spaced: equal for lines that read the same."""
    return " ".join(_WORDS.findall(text.lower()))


def strip_markdown(text: str) -> str:
    """Removes link targets, emphasis marks and escapes, keeping the visible text."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    return _DEBRIS.sub("", text)


def _line_unit(line: str) -> Unit | None:
    stripped = line.strip()
    indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
    if not stripped or _RULE.match(stripped) or _TABLE_RULE.match(stripped):
        return None
    image = _MD_IMAGE.fullmatch(stripped)
    if image:
        return Unit(BlockKind.IMAGE, image.group(1), source=image.group(2), marked=True)
    image_in_line = _MD_IMAGE.search(stripped)
    stripped = _MD_IMAGE.sub("", stripped).strip()
    heading = HEADING_MARK.match(stripped)
    if heading:
        text = strip_markdown(heading.group(2))
        return Unit(BlockKind.HEADING, text, len(heading.group(1)), marked=True, indent=indent)
    item = LIST_MARK.match(_MD_IMAGE.sub("", line))
    if item:
        if not item.group(3).strip() and image_in_line:
            # An item that is only an image (a thumbnail in a list of teasers or videos).
            return Unit(
                BlockKind.IMAGE, image_in_line.group(1), source=image_in_line.group(2), marked=True
            )
        depth = 1 + len(item.group(1).expandtabs(4)) // 2
        text = strip_markdown(item.group(3))
        return Unit(
            BlockKind.LIST_ITEM, text, depth, bool(item.group(2)), marked=True, indent=indent
        )
    quote = QUOTE_MARK.match(stripped)
    if quote:
        return Unit(BlockKind.QUOTE, strip_markdown(quote.group(1)), marked=True, indent=indent)
    if _TAB_CELLS.search(stripped):
        # Browsers put a tab between table cells when a page is copied.
        cells = [normalize_space(cell) for cell in stripped.split("\t")]
        return Unit(BlockKind.TABLE_ROW, " | ".join(c for c in cells if c), marked=True)
    if stripped.count("|") >= 2 and _TABLE_LINE.match(stripped):
        cells = [normalize_space(strip_markdown(cell)) for cell in stripped.strip("|").split("|")]
        return Unit(BlockKind.TABLE_ROW, " | ".join(c for c in cells if c), marked=True)
    return Unit(BlockKind.PARAGRAPH, strip_markdown(stripped), indent=indent)


def _is_wrapped(lines: list[str]) -> bool:
    return (
        len(lines) > 1
        and all(len(line.strip()) >= _WRAP_MIN and not LIST_MARK.match(line) for line in lines[:-1])
        and not any(HEADING_MARK.match(line.strip()) for line in lines)
        and not any(_TAB_CELLS.search(line.strip()) for line in lines)
    )


def split_units(text: str) -> list[Unit]:
    """Splits a dump into units: hard-wrapped paragraphs are joined, other lines kept apart.

    Args:
        text: the decoded dump.

    Returns:
        The units in order, before any filtering.
    """
    units: list[Unit] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for group in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [line for line in group.split("\n") if line.strip()]
        if not lines:
            continue
        if _is_wrapped(lines):
            quote_lines = [QUOTE_MARK.match(line.strip()) for line in lines]
            if all(quote_lines):
                joined = " ".join(match.group(1) for match in quote_lines if match)
                units.append(Unit(BlockKind.QUOTE, strip_markdown(joined), marked=True))
                continue
            indent = lines[0][: len(lines[0]) - len(lines[0].lstrip())]
            unit = _line_unit(indent + " ".join(line.strip() for line in lines))
            if unit is not None:
                units.append(unit)
            continue
        for index, line in enumerate(lines):
            unit = _line_unit(line)
            if unit is None:
                continue
            # A list item whose text continues on indented lines (html2text wraps items).
            if (
                units
                and index
                and unit.kind is BlockKind.PARAGRAPH
                and line.startswith("  ")
                and units[-1].kind is BlockKind.LIST_ITEM
            ):
                units[-1].text += " " + unit.text
                continue
            # A sentence broken across lines (line breaks of the page's source, kept by a
            # renderer): the line before has begun a sentence and stops at a word or a
            # comma, and this one goes on in lower case. Short lines are labels and items
            # ("Price", "the toolchain of Go"); lines of code end in brackets; addresses
            # start in lower case.
            if (
                units
                and index
                and unit.kind is BlockKind.PARAGRAPH
                and units[-1].kind is BlockKind.PARAGRAPH
                and units[-1].words >= _CONTINUED_MIN_WORDS
                and not unit.marked
                and not units[-1].marked
                and _CONTINUATION.match(unit.text)
                and _BROKEN_OFF.search(units[-1].text)
                and "://" not in unit.text
                and "://" not in units[-1].text
            ):
                units[-1].text += " " + unit.text
                continue
            units.append(unit)
    for unit in units:
        unit.text = normalize_space(unit.text)
    return [unit for unit in units if unit.text or unit.kind is BlockKind.IMAGE]
