"""Text dumps: pages saved or copied as plain text, back to an article.

A dump has lost its markup, so everything is decided unit by unit:

1. the dump is cut into units (``units.py``); agency sign-offs and credit lines go to the
   credits; the reader comments are cut off at their first marker ("Leave a Reply");
2. each unit gets a probability of being article text from two small learned models
   (``features.py``, ``model.py``): its own form and neighbourhood, then the main run of
   likely text around it; furniture lines (share, subscribe, "Skip to ...") never count;
3. the article is the units above the threshold; the title, date and byline are read
   from the lines around its start (``headers.py``) and the rest become blocks
   (``body.py``).

Guarantees: ``clean_dump`` never raises on any text and is linear in its length.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.extract.rules import (
    BOILERPLATE_LINE,
    COPYRIGHT_CREDIT,
    COUNTED_ENTRIES,
    COUNTED_ENTRY,
    CREDIT_LINE,
    SIGN_OFF,
)
from reader.core.extract.text import BlockBuilder
from reader.core.extract.textdump.body import build_body
from reader.core.extract.textdump.comments import cut_comments, is_comments_marker
from reader.core.extract.textdump.features import is_prose, unit_features
from reader.core.extract.textdump.headers import read_header
from reader.core.extract.textdump.model import article_probabilities
from reader.core.extract.textdump.units import Unit, split_units, unit_key
from reader.core.model import BlockKind

_CREDIT_LINE_MAX_WORDS = 10
# Words a unit needs for its repetition to be dropped: labels and short steps ("Eat 60-90
# minutes before your workout", a table cell) rightly recur in an article; a sentence or
# a caption does not.
REPEAT_MIN_WORDS = 10
# A unit is article text when both models together give it at least this probability.
THRESHOLD = 0.5
# Without any unit at the threshold: the share of the best probability a unit needs.
_FALLBACK_SHARE = 0.7
# A list introduced by a kept line: its least items, and the words of a line between items.
_LIST_MIN_ITEMS = 2
_LIST_GAP_MAX_WORDS = 6
# Counted entries ("Uncategorized (12)") in a row that make a category or archive widget.
_WIDGET_MIN_ENTRIES = 3


@dataclass
class DumpResult:
    """The article found in a dump: blocks plus the metadata read from its lines."""

    builder: BlockBuilder
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    credits: list[str] = field(default_factory=list)


def is_furniture(unit: Unit) -> bool:
    """A navigation, sharing or legal line that is never article text."""
    text = unit.text
    if BOILERPLATE_LINE.match(text.strip(" .:!>|»›")):
        return True
    return COPYRIGHT_CREDIT.match(text) is not None and unit.words < 25


def prepare_units(text: str, credits: list[str]) -> list[Unit]:
    """The units of a dump that may be article text, in order.

    Args:
        text: the decoded dump.
        credits: receives agency sign-offs and credit lines, which are not units.

    Returns:
        The units up to the start of the comments.
    """
    units: list[Unit] = []
    for unit in split_units(text):
        if is_comments_marker(unit):
            unit.barrier = True
        elif SIGN_OFF.match(unit.text) or (
            CREDIT_LINE.match(unit.text) and unit.words <= _CREDIT_LINE_MAX_WORDS
        ):
            credits.append(unit.text)
            continue
        units.append(unit)
    return cut_comments(units, [is_prose(unit) for unit in units])


def select_units(units: list[Unit], probabilities: list[float]) -> list[bool]:
    """Which units are article text, given each unit's probability of being so.

    Furniture lines and comments markers never are. A page none of whose units reaches
    the threshold (a one-paragraph notice, a portfolio page) keeps the units that come
    closest to it.
    """
    allowed = [not unit.barrier and not is_furniture(unit) for unit in units]
    for index in widget_entries(units):
        allowed[index] = False
    chosen = [
        probability >= THRESHOLD and ok
        for probability, ok in zip(probabilities, allowed, strict=True)
    ]
    if not any(chosen):
        top = max((p for p, ok in zip(probabilities, allowed, strict=True) if ok), default=1.0)
        chosen = [
            probability >= top * _FALLBACK_SHARE and ok
            for probability, ok in zip(probabilities, allowed, strict=True)
        ]
    keep_introduced_lists(units, chosen, allowed)
    return chosen


def widget_entries(units: list[Unit]) -> list[int]:
    """Indexes of the units that are entries of category, tag or archive widgets.

    One "Name (count)" line can be an article's ("Eggs (2)"); three in a row, or a line
    that runs three together (nested lists flattened by a converter), are a sidebar's
    list of categories or months.
    """
    found: list[int] = []
    run: list[int] = []
    for index, unit in enumerate(units + [Unit(BlockKind.PARAGRAPH, "")]):
        if unit.text and COUNTED_ENTRY.match(unit.text):
            run.append(index)
            continue
        if len(run) >= _WIDGET_MIN_ENTRIES:
            found += run
        run = []
        if unit.text and COUNTED_ENTRIES.match(unit.text):
            found.append(index)
    return found


def keep_introduced_lists(units: list[Unit], chosen: list[bool], allowed: list[bool]) -> None:
    """Keeps, whole, a marked list that a kept line introduces with a colon.

    "The offers not to miss:" followed by forty product items: the items are short and
    name-like, so one by one they look like a menu, and the models drop the list's tail.
    The colon says the list is the article's. The run is the list items after the line,
    with the short lines between them (a price, a link), up to the first other unit.
    Changes ``chosen`` in place.
    """
    index = 0
    while index < len(units):
        unit = units[index]
        index += 1
        if not chosen[index - 1] or not unit.text.endswith(":"):
            continue
        end, items = index, 0
        while end < len(units) and allowed[end]:
            other = units[end]
            if other.kind is BlockKind.LIST_ITEM and other.marked:
                items += 1
            elif other.kind is BlockKind.HEADING or other.words > _LIST_GAP_MAX_WORDS:
                break
            end += 1
        if items >= _LIST_MIN_ITEMS:
            for inside in range(index, end):
                chosen[inside] = True
            index = end


def drop_repeats(units: list[Unit]) -> list[Unit]:
    """The units without later copies of a unit already kept.

    Pages repeat text that a reader sees once: gallery captions shown per slide ("2of4A
    shopper looks ..." after "A shopper looks ..."), a cookie notice in the banner and in
    the footer, a teaser in two lists. A unit of at least ``REPEAT_MIN_WORDS`` words that
    reads like an earlier one (same words, case and punctuation aside), or does so but
    for its first word, is a copy. Images are kept (their alt text is not body text).
    """
    seen: set[str] = set()
    kept: list[Unit] = []
    for unit in units:
        if unit.kind is not BlockKind.IMAGE and unit.words >= REPEAT_MIN_WORDS:
            key = unit_key(unit.text)
            tail = key.partition(" ")[2]
            if key in seen or tail in seen:
                continue
            seen.update((key, tail))
        kept.append(unit)
    return kept


def clean_dump(text: str) -> DumpResult:
    """Finds the article in a text dump.

    Args:
        text: the decoded dump.

    Returns:
        The article's blocks with title, date, byline and credits read from the dump.
    """
    result = DumpResult(builder=BlockBuilder())
    units = prepare_units(text, result.credits)
    probabilities = article_probabilities(unit_features(units), [u.words for u in units])
    chosen = select_units(units, probabilities)
    kept = [index for index, keep in enumerate(chosen) if keep]
    if not kept:
        return result
    header = read_header(units, kept[0], kept[-1] + 1, probabilities)
    result.title, result.published, result.authors = header.title, header.published, header.authors
    body = drop_repeats([units[index] for index in kept if index not in header.used])
    build_body(body, result.builder, result.credits)
    return result
