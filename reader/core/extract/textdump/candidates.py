"""Candidate lines for a dump's title, date and byline, with the features that rank them.

Candidates come from a window around the article's first unit: the headline, dateline and
byline sit just before it or open it, but pages put author boxes, share bars, reading
times and hero images in between, so the window reaches a few dozen units back.

Features are bounded like the unit features (``features.py``) and named for the weights
in ``weights.py``. The dates of a line are read by ``dates.parse_date``; names by
``authors.split_authors`` after the byline's labels and dates are cut off.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from reader.core.extract.authors import split_authors
from reader.core.extract.dates import parse_date
from reader.core.extract.textdump.features import Features, is_prose
from reader.core.extract.textdump.units import Unit
from reader.core.model import BlockKind

# How far before and after the article's first unit candidates are looked for.
WINDOW_BEFORE = 30
WINDOW_AFTER = 8
_TITLE_MAX_WORDS = 40
_TITLE_MAX_CHARS = 300
_DATE_MAX_WORDS = 25
_BYLINE_MAX_WORDS = 15

_WORD = re.compile(r"\w+")
_SEPARATOR = re.compile(r"\s[|–—-]\s|\s[|»›>/]\s")
_PUBLISHED = re.compile(r"\b(?:published|posted|date|on|written)\b", re.IGNORECASE)
_UPDATED = re.compile(
    r"\b(?:updated|modified|reviewed|last\s+(?:updated|modified|reviewed)|edited|revised)\b",
    re.IGNORECASE,
)
_BY = re.compile(r"(?:^|(?<=[\s\d]))(?:by|von|par|por)(?:\s*:)?\s*(?=[A-ZÀ-Þ])", re.IGNORECASE)
_BY_LABEL = re.compile(
    r"^(?:written|posted|published|reviewed|edited|reported|story|article|words)?\s*"
    r"(?:by|von|par|por)\b|^(?:author|authors|autor|auteur)\s*:",
    re.IGNORECASE,
)
_REVIEWER = re.compile(r"\b(?:reviewed|fact[- ]checked|edited|medically)\b", re.IGNORECASE)
_AVATAR = re.compile(r"['’]s\s+(?:avatar|profile|photo|picture|image)$", re.IGNORECASE)
# Where a byline runs into something else: a date, a label, a separator.
_BYLINE_END = re.compile(
    r"(?:\s*[|•·,–—]\s*|\s+-\s+|(?<=[a-z])(?=[A-Z][a-z]+:)|(?<=[a-z])(?=\d)"
    r"|(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))"
    r"|\b(?:published|posted|updated|last updated|on|in|at)\b\s*:?\s*(?=\w)",
)
_MONTH = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE
)
# A date the line starts with ("Dec 17, 2025Julian K. Arni", "12.03.2024 | Jane Doe").
_LEADING_DATE = re.compile(
    r"^\s*(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\s*[|•·,–—-]?\s*"
)
_PERSON = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]+\s){1,3}[A-ZÀ-Þ][\w'’.-]+$")


@dataclass
class Candidate:
    """One possible value of a metadata field, where it was found and how it looks.

    ``whole_line`` says that the line is nothing but this metadata (it then leaves the
    body when it is inside the article).
    """

    index: int
    value: str | tuple[str, ...]
    features: Features
    whole_line: bool = True


def _log(count: float, cap: float) -> float:
    return math.log1p(min(max(count, 0.0), cap)) / math.log1p(cap)


def _window(units: list[Unit], start: int) -> range:
    return range(max(0, start - WINDOW_BEFORE), min(len(units), start + WINDOW_AFTER))


def _place(index: int, start: int, title: int | None) -> Features:
    """Where a candidate lies relative to the article's start and the title."""
    features: Features = {"bias": 1.0}
    if index < start:
        features["before"] = _log(start - index, WINDOW_BEFORE)
    else:
        features["inside"] = 1.0
        features["inside_depth"] = _log(index - start, WINDOW_AFTER)
    if title is not None:
        distance = index - title
        features["after_title"] = _log(distance, 20) if distance > 0 else 0.0
        features["before_title"] = _log(-distance, 20) if distance < 0 else 0.0
        features["near_title"] = 1.0 if 0 < distance <= 3 else 0.0
    else:
        features["no_title"] = 1.0
    return features


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def date_of_line(unit: Unit) -> str | None:
    """The date of a short line that holds one."""
    if unit.words > _DATE_MAX_WORDS or unit.kind not in (
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.LIST_ITEM,
    ):
        return None
    return parse_date(unit.text)


def _is_dateline(unit: Unit) -> bool:
    date = date_of_line(unit)
    if date is None:
        return False
    rest = re.sub(r"[\d\W_]+", " ", _MONTH.sub(" ", unit.text)).split()
    return len(rest) <= 3


def title_candidates(units: list[Unit], start: int, probabilities: list[float]) -> list[Candidate]:
    """Title-like lines around the article's start.

    Args:
        units: all units of the dump.
        start: the article's first unit.
        probabilities: each unit's probability of being article text.

    Returns:
        The candidates, each valued with its line's text.
    """
    keys = [_key(unit.text) for unit in units]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    first_h1 = next(
        (i for i, u in enumerate(units) if u.kind is BlockKind.HEADING and u.level == 1), None
    )
    window = _window(units, start)
    rank = 0
    candidates: list[Candidate] = []
    for index in reversed(window):
        unit = units[index]
        words = unit.words
        if (
            unit.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING)
            or not 1 <= words <= _TITLE_MAX_WORDS
            or len(unit.text) > _TITLE_MAX_CHARS
            or _is_dateline(unit)
            or unit.barrier
        ):
            continue
        rank += 1
        features = _place(index, start, None)
        del features["no_title"]
        text = unit.text
        key = keys[index]
        features.update(
            {
                "rank": _log(rank, 30),
                "log_words": _log(words, 40),
                "probability": probabilities[index],
                "repeats": _log(counts[key] - 1, 5),
                "terminal": 1.0 if text.endswith(".") else 0.0,
                "question": 1.0 if text.endswith(("?", "!")) else 0.0,
                "colon": 1.0 if ":" in text[:-1] else 0.0,
                "separator": 1.0 if _SEPARATOR.search(text) else 0.0,
                "prose": 1.0 if is_prose(unit) else 0.0,
            }
        )
        for low, high in ((1, 1), (2, 3), (4, 7), (8, 14), (15, _TITLE_MAX_WORDS)):
            if low <= words <= high:
                features[f"words_{low}"] = 1.0
        letters = [t for t in _WORD.findall(text) if not t.isdigit()]
        if len(letters) >= 2:
            features["title_case"] = sum(t[0].isupper() for t in letters) / len(letters)
        if text.isupper():
            features["all_caps"] = 1.0
        if unit.kind is BlockKind.HEADING:
            features[f"heading_{min(unit.level, 3)}"] = 1.0
            if index == first_h1:
                features["first_h1"] = 1.0
        if _PERSON.match(text):
            features["person_like"] = 1.0
        if len(key) >= 12 and any(
            key in other and key != other for other in keys[max(0, index - 40) : index + 40]
        ):
            features["contained"] = 1.0
        following = units[index + 1 : index + 4]
        if any(_is_dateline(other) for other in following):
            features["date_follows"] = 1.0
        if any(_BY_LABEL.match(other.text) for other in following):
            features["byline_follows"] = 1.0
        if following and is_prose(following[0]):
            features["prose_follows"] = 1.0
        candidates.append(Candidate(index, text, features))
    return candidates


def date_candidates(units: list[Unit], start: int, title: int | None) -> list[Candidate]:
    """Lines holding a date around the article's start.

    Args:
        units: all units of the dump.
        start: the article's first unit.
        title: index of the chosen title line, if any.

    Returns:
        The candidates, each valued with its ISO date.
    """
    window = _window(units, start)
    found = [(index, date_of_line(units[index])) for index in window]
    dated = [(index, date) for index, date in found if date is not None]
    if not dated:
        return []
    dates = sorted(date for _, date in dated)
    anchor = title if title is not None else start
    by_distance = sorted(dated, key=lambda item: abs(item[0] - anchor))
    candidates: list[Candidate] = []
    for index, date in dated:
        unit = units[index]
        text = unit.text
        features = _place(index, start, title)
        whole = _is_dateline(unit)
        features.update(
            {
                "dateline": 1.0 if whole else 0.0,
                "published": 1.0 if _PUBLISHED.search(text) else 0.0,
                "updated": 1.0 if _UPDATED.search(text) else 0.0,
                "byline_too": 1.0 if _BY.search(text) else 0.0,
                "prose": 1.0 if is_prose(unit) else 0.0,
                "dates_on_page": _log(len(dated), 20),
                "rank": _log(by_distance.index((index, date)), 20),
                "oldest": 1.0 if date == dates[0] and len(dates) > 1 else 0.0,
                "newest": 1.0 if date == dates[-1] and len(dates) > 1 else 0.0,
            }
        )
        candidates.append(Candidate(index, date, features, whole_line=whole))
    return candidates


def names_of_line(text: str) -> tuple[str, ...]:
    """The people a byline-like line names, with its labels and dates cut off."""
    text = _LEADING_DATE.sub("", _AVATAR.sub("", text)).strip()
    by = _BY.search(text)
    if by is not None and by.start() > 0:
        # "September 1st, 2023 By Emily Norwood": the names follow the label.
        text = text[by.end() :]
    text = re.sub(r"^(?:\w+\s+)?(?:by|von|par|por)\b\s*:?\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:authors?|autor|auteur)\s*:\s*", "", text, flags=re.IGNORECASE)
    end = _BYLINE_END.search(text)
    if end is not None and end.start() > 0:
        text = text[: end.start()]
    return tuple(split_authors(text))


def author_candidates(units: list[Unit], start: int, title: int | None) -> list[Candidate]:
    """Lines naming people around the article's start.

    Args:
        units: all units of the dump.
        start: the article's first unit.
        title: index of the chosen title line, if any.

    Returns:
        The candidates, each valued with the names of its line.
    """
    candidates: list[Candidate] = []
    for index in _window(units, start):
        unit = units[index]
        if unit.words > _BYLINE_MAX_WORDS or unit.kind is BlockKind.IMAGE:
            continue
        names = names_of_line(unit.text)
        if not names:
            continue
        text = unit.text
        features = _place(index, start, title)
        nearby = units[max(0, index - 2) : index + 3]
        name_words = sum(len(name.split()) for name in names)
        features.update(
            {
                "by_label": 1.0 if _BY_LABEL.match(text) else 0.0,
                "by_inside": 1.0 if _BY.search(text) and not _BY_LABEL.match(text) else 0.0,
                "reviewer": 1.0 if _REVIEWER.search(text) else 0.0,
                "avatar": 1.0 if _AVATAR.search(text) else 0.0,
                "person_like": 1.0 if all(_PERSON.match(name) for name in names) else 0.0,
                "one_word": 1.0 if all(len(name.split()) == 1 for name in names) else 0.0,
                "names": _log(len(names), 5),
                "rest": _log(max(0, unit.words - name_words), 15),
                "date_in_line": 1.0 if parse_date(text) else 0.0,
                "date_nearby": 1.0 if any(_is_dateline(other) for other in nearby) else 0.0,
                "heading": 1.0 if unit.kind is BlockKind.HEADING else 0.0,
                "list_item": 1.0 if unit.kind is BlockKind.LIST_ITEM else 0.0,
            }
        )
        candidates.append(Candidate(index, names, features, whole_line=not is_prose(unit)))
    return candidates
