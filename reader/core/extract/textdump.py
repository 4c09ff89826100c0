"""Text dumps: pages saved or copied as plain text, back to an article.

A dump has lost its markup, so everything is decided line by line:

1. lines are grouped into units (a blank-line separated group is one paragraph when its
   lines are hard-wrapped, otherwise one unit per line); Markdown marks left by converters
   (``#`` headings, ``*``/``1.`` items, ``>`` quotes, ``|`` tables, links) give the kind;
2. furniture is removed: navigation ("Skip to ..."), share/print/subscribe lines, menus
   (runs of short lines), footers; credit lines and agency sign-offs go to the credits;
3. the article is the densest run of prose units (short lines in between are kept as
   headings or list items, long runs of short lines end it);
4. the title is the short line just before that run, a date line and a byline near it
   become metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.extract.authors import split_authors
from reader.core.extract.dates import parse_date
from reader.core.extract.figures import split_credit
from reader.core.extract.rules import (
    BOILERPLATE_LINE,
    COPYRIGHT_CREDIT,
    CREDIT_LINE,
    CREDIT_TAIL,
    SIGN_OFF,
)
from reader.core.extract.text import BlockBuilder, normalize_space
from reader.core.model import BlockKind

_HEADING_MARK = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_LIST_MARK = re.compile(r"^(\s*)(?:[*\-+•·▪◦]|(\d{1,3})[.)])\s+(.*)$")
_QUOTE_MARK = re.compile(r"^>\s?(.*)$")
_TABLE_LINE = re.compile(r"^\|?(.+\|.+)\|?$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<!\w)[*_](\S.*?\S|\S)[*_](?!\w)")
_RULE = re.compile(r"^\s*([-*_=])\s*(?:\1\s*){2,}$")
_BYLINE = re.compile(r"^(?:by|von|par|por|written by|author:)\s+\S", re.IGNORECASE)
_DATE_LINE_WORDS = re.compile(r"^(?:published|updated|posted|last updated|date)\b", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?:;…\"”»)]$")
# Where reader comments start ("Leave a Reply", "12 responses to ...", "Top rated
# comments"): the article never runs past it. A bare comment count ("33 Comments") is not
# one: article headers show it next to the byline.
_COMMENTS_START = re.compile(
    r"^(?:(?:\d+\s+)?(?:responses?|replies|thoughts|comments?) (?:to|on)\b.{0,150}"
    r"|(?:top rated|reader|latest|newest|show|view all|load) comments"
    r"|leave a (?:comment|reply)\b.{0,60}|(?:post|add|write) a comment"
    r"|join the (?:discussion|conversation)\b.{0,60}|comments are closed"
    r"|\d+ comments? feed\b.{0,40}|comments? for this (?:article|story|post))$",
    re.IGNORECASE,
)
# One comment's header: "Jane says:", "Jane on May 3, 2019 at 4:47 pm said:".
_COMMENT_HEADER = re.compile(r"^.{1,80}\s(?:says|said|wrote)\s*:$", re.IGNORECASE)
_WORDS = re.compile(r"\w+")

# Scores that no run of prose can pay for: a comment section's start, a comment header.
_BARRIER_COST = 10_000.0
_COMMENT_HEADER_COST = 40.0
# Prose words that must come before a comments marker for it to end the page's article.
_MIN_ARTICLE_BEFORE_COMMENTS = 80
# A prose unit has this many words; shorter units are headings, items or furniture.
_PROSE_WORDS = 12
# Region scoring (see _unit_scores), tuned on the development half of the dump sets.
_PROSE_COST = 12.0
_SHORT_COST = 6.0
_WRAP_MIN = 50
_DATE_LINE_MAX_WORDS = 15
# Units before the article that are searched for its title, date and byline.
_TITLE_WINDOW = 8
# "Jane Doe", "Everfit Team": two or three capitalised words, the form of names, not titles.
_PERSON_LIKE = re.compile(r"^(?:[A-Z][\w'’.-]+\s){1,2}[A-Z][\w'’.-]+$")


@dataclass
class Unit:
    """One candidate block of a dump."""

    kind: BlockKind
    text: str
    level: int = 0
    ordered: bool = False
    source: str | None = None
    marked: bool = False  # kind came from a Markdown mark, not a guess
    barrier: bool = False  # the start of the comments: never part of the article

    @property
    def words(self) -> int:
        return len(_WORDS.findall(self.text))

    @property
    def is_prose(self) -> bool:
        return self.words >= _PROSE_WORDS or (self.words >= 6 and bool(_TERMINAL.search(self.text)))


@dataclass
class DumpResult:
    """The article found in a dump: blocks plus the metadata read from its lines."""

    builder: BlockBuilder
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    credits: list[str] = field(default_factory=list)


def _strip_markdown(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    return text.replace("\\", "") if "\\" in text and "\\\\" not in text else text


def _line_unit(line: str) -> Unit | None:
    stripped = line.strip()
    if not stripped or _RULE.match(stripped) or _TABLE_RULE.match(stripped):
        return None
    image = _MD_IMAGE.fullmatch(stripped)
    if image:
        return Unit(BlockKind.IMAGE, image.group(1), source=image.group(2), marked=True)
    stripped = _MD_IMAGE.sub("", stripped).strip()
    heading = _HEADING_MARK.match(stripped)
    if heading:
        return Unit(
            BlockKind.HEADING, _strip_markdown(heading.group(2)), len(heading.group(1)), marked=True
        )
    item = _LIST_MARK.match(line)
    if item:
        depth = 1 + len(item.group(1).expandtabs(4)) // 2
        return Unit(
            BlockKind.LIST_ITEM,
            _strip_markdown(item.group(3)),
            depth,
            bool(item.group(2)),
            marked=True,
        )
    quote = _QUOTE_MARK.match(stripped)
    if quote:
        return Unit(BlockKind.QUOTE, _strip_markdown(quote.group(1)), marked=True)
    if stripped.count("|") >= 2 and _TABLE_LINE.match(stripped):
        cells = [normalize_space(_strip_markdown(cell)) for cell in stripped.strip("|").split("|")]
        return Unit(BlockKind.TABLE_ROW, " | ".join(cell for cell in cells if cell), marked=True)
    return Unit(BlockKind.PARAGRAPH, _strip_markdown(stripped))


def split_units(text: str) -> list[Unit]:
    """Splits a dump into units: hard-wrapped paragraphs are joined, other lines kept apart.

    Args:
        text: the decoded dump.

    Returns:
        The units in order, before any filtering.
    """
    units: list[Unit] = []
    for group in re.split(r"\n[ \t\u00a0]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line for line in group.split("\n") if line.strip()]
        if not lines:
            continue
        wrapped = (
            len(lines) > 1
            and all(
                len(line.strip()) >= _WRAP_MIN and not _LIST_MARK.match(line) for line in lines[:-1]
            )
            and not any(_HEADING_MARK.match(line.strip()) for line in lines)
        )
        if wrapped:
            quote_lines = [_QUOTE_MARK.match(line.strip()) for line in lines]
            if all(quote_lines):
                joined = " ".join(match.group(1) for match in quote_lines if match)
                units.append(Unit(BlockKind.QUOTE, _strip_markdown(joined), marked=True))
                continue
            unit = _line_unit(" ".join(line.strip() for line in lines))
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
            units.append(unit)
    for unit in units:
        unit.text = normalize_space(unit.text)
    return [unit for unit in units if unit.text or unit.kind is BlockKind.IMAGE]


def _is_furniture(unit: Unit) -> bool:
    text = unit.text
    if BOILERPLATE_LINE.match(text.strip(" .:!>|»›")):
        return True
    return COPYRIGHT_CREDIT.match(text) is not None and unit.words < 25


def _unit_scores(units: list[Unit]) -> list[float]:
    """Prose counts for the article, short lines against it.

    A prose unit scores its words minus a fixed cost, so that a teaser of a related
    article (short title line, date line, two-line summary) does not pay for itself; a
    short unit costs a fixed amount, except in a run introduced by a line ending in ":"
    (the items of an unmarked list).
    """
    scores: list[float] = []
    introduced = False
    for unit in units:
        if unit.barrier:
            scores.append(-_BARRIER_COST)
            continue
        if _COMMENT_HEADER.match(unit.text):
            scores.append(-_COMMENT_HEADER_COST)
            continue
        if unit.is_prose and not (unit.kind is BlockKind.LIST_ITEM and unit.words < _PROSE_WORDS):
            scores.append(unit.words - _PROSE_COST)
            introduced = unit.text.endswith(":")
            continue
        if unit.text.endswith(":"):
            introduced = True
            scores.append(0.0)
            continue
        scores.append(0.0 if introduced else -_SHORT_COST)
    return scores


def _cut_comments(units: list[Unit]) -> list[Unit]:
    """Drops everything from the start of the comments on, and the other comment markers.

    A comments marker before any real prose is a menu entry ("Comments" in a navigation
    list), not the start of the comments, so it only separates what is around it.
    """
    prose_words = 0
    for index, unit in enumerate(units):
        if unit.barrier and prose_words >= _MIN_ARTICLE_BEFORE_COMMENTS:
            return units[:index]
        if unit.is_prose:
            prose_words += unit.words
    return units


def _pick_region(units: list[Unit]) -> tuple[int, int]:
    """Returns [start, end) of the run of units with the highest total score.

    The article is the maximum-sum run (Kadane's algorithm) of the unit scores: it
    reaches over headings and short lists inside the article, and stops where menus,
    footers or teaser lists cost more than the prose beyond them brings.
    """
    best, best_score = (0, 0), 0.0
    start, total = 0, 0.0
    for index, score in enumerate(_unit_scores(units)):
        if total <= 0:
            start, total = index, 0.0
        total += score
        if total > best_score:
            best, best_score = (start, index + 1), total
    return best


def _looks_like_title(unit: Unit) -> bool:
    return (
        unit.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
        and 2 <= unit.words <= 30
        and len(unit.text) <= 250
        and not unit.text.endswith((".", ":", ";", ","))
        and parse_date(unit.text) is None
    )


def _is_date_line(unit: Unit) -> str | None:
    if unit.words > 12 or unit.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
        return None
    date = parse_date(unit.text)
    if date is None:
        return None
    # The date must be most of the line, or the line must say it is a date.
    rest = re.sub(r"[\d\W_]+", " ", unit.text).split()
    if len(rest) <= 4 or _DATE_LINE_WORDS.match(unit.text):
        return date
    return None


def clean_dump(text: str) -> DumpResult:
    """Finds the article in a text dump.

    Args:
        text: the decoded dump.

    Returns:
        The article's blocks with title, date, byline and credits read from the dump.
    """
    result = DumpResult(builder=BlockBuilder())
    units: list[Unit] = []
    for unit in split_units(text):
        if unit.words <= 25 and _COMMENTS_START.match(unit.text.strip(" .!>|»›")):
            unit.barrier = True
            units.append(unit)
            continue
        if _is_furniture(unit):
            continue
        if SIGN_OFF.match(unit.text):
            result.credits.append(unit.text)
            continue
        credit_only = CREDIT_LINE.match(unit.text)
        if credit_only and unit.words <= 10:
            result.credits.append(unit.text)
            continue
        units.append(unit)

    units = _cut_comments(units)
    start, end = _pick_region(units)
    if end <= start:
        return result
    head = units[max(0, start - _TITLE_WINDOW) : start]
    # Date and byline: the short lines just before the article.
    for unit in reversed(head):
        date = _is_date_line(unit)
        if date and result.published is None:
            result.published = date
        elif _BYLINE.match(unit.text) and not result.authors:
            result.authors = tuple(split_authors(unit.text))
    if result.published is None:
        # A date inside a short line near the start ("Updated March 3, 2025 | 5 min read").
        for unit in [*reversed(head), *units[start : start + 3]]:
            if unit.words <= _DATE_LINE_MAX_WORDS and parse_date(unit.text):
                result.published = parse_date(unit.text)
                break
    title_index = _pick_title(units, start, end)
    if title_index is not None:
        result.title = units[title_index].text
        if title_index == start:
            start += 1
    _build_body(units[start:end], result)
    return result


def _title_score(unit: Unit, distance: int) -> float:
    """How much a unit looks like the headline, from its form and its distance to the text."""
    if (
        unit.barrier
        or not _looks_like_title(unit)
        or _BYLINE.match(unit.text)
        or _is_date_line(unit)
    ):
        return float("-inf")
    words = unit.words
    score = min(words, 12) / 2 - 0.4 * distance
    if unit.kind is BlockKind.HEADING and unit.marked:
        score += 10 if unit.level == 1 else 3
    if words <= 3:
        score -= 5
    if _PERSON_LIKE.match(unit.text):
        score -= 4
    if CREDIT_TAIL.search(unit.text) or unit.text.endswith(("!", "?")) and words <= 3:
        score -= 5
    return score


def _pick_title(units: list[Unit], start: int, end: int) -> int | None:
    """Index of the headline: a title-like unit just before the article, or its first unit.

    A long headline counts as prose and then opens the article region itself.
    """
    candidates = [(index, start - index) for index in range(max(0, start - _TITLE_WINDOW), start)]
    if start < end and not _TERMINAL.search(units[start].text) and start + 1 < end:
        candidates.append((start, 0))
    best: tuple[float, int] | None = None
    for index, distance in candidates:
        score = _title_score(units[index], distance)
        if score > float("-inf") and (best is None or score > best[0]):
            best = (score, index)
    return best[1] if best is not None else None


def _build_body(units: list[Unit], result: DumpResult) -> None:
    builder = result.builder
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        if unit.kind is BlockKind.PARAGRAPH and not unit.is_prose:
            date = _is_date_line(unit)
            if date and index < 3:
                result.published = result.published or date
                continue
            if _BYLINE.match(unit.text) and index < 3 and not result.authors:
                result.authors = tuple(split_authors(unit.text))
                continue
        if unit.kind in (BlockKind.PARAGRAPH, BlockKind.CAPTION) and CREDIT_TAIL.search(unit.text):
            caption, credit = split_credit(unit.text)
            if credit and len(caption) < 300:
                result.credits.append(credit)
                # The short line right before a credited caption is the image's alt text.
                previous = builder.blocks[-1] if builder.blocks else None
                if (
                    previous is not None
                    and previous.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
                    and len(previous.text.split()) <= 20
                    and not _TERMINAL.search(previous.text)
                ):
                    builder.blocks.pop()
                builder.add(BlockKind.CAPTION, caption)
                continue
        kind = unit.kind
        if (
            kind is BlockKind.PARAGRAPH
            and not unit.is_prose
            and not _TERMINAL.search(unit.text)
            and unit.words <= 15
            and following is not None
        ):
            builder.add(BlockKind.HEADING, unit.text, level=2)
            continue
        builder.add(kind, unit.text, level=unit.level, ordered=unit.ordered, source=unit.source)
