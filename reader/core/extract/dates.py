"""Date strings as pages write them, normalised to ``YYYY-MM-DD``.

Accepts ISO 8601 (with or without time), slashed and dotted numeric dates, and English
month-name dates ("July 7, 2021", "7 Jul 2021", "Wednesday 07 July 2021"). Ambiguous
numeric dates (03/04/2021) are read month-first only when the day cannot be a month;
otherwise they are rejected rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_WORD = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?:\b|T)")
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:T|$)")
_YMD_SLASH = re.compile(r"\b((?:19|20)\d\d)[/.](\d{1,2})[/.](\d{1,2})\b")
_DMY_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")
_MONTH_DAY_YEAR = re.compile(
    _MONTH_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.IGNORECASE
)
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH_WORD + r",?\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# Pages name their dates in URLs as /2021/07/07/ or /2021-07-07-.
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|_|\.|$)")


def _make(year: int, month: int, day: int) -> str | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    # Dates far in the future are template placeholders or typos, not publication dates.
    if date.year < 1990 or date > dt.date.today() + dt.timedelta(days=2):
        return None
    return date.isoformat()


def _month_number(word: str) -> int:
    return _MONTHS[word.lower()[:3]]


def parse_date(text: str | None) -> str | None:
    """Finds the first date in a string and returns it as ``YYYY-MM-DD``.

    Args:
        text: a date string, or a sentence containing one.

    Returns:
        The ISO date, or None when no unambiguous, plausible date is found.
    """
    if not text:
        return None
    text = text.strip()[:300]
    match = _ISO.search(text) or _YMD_SLASH.search(text)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _COMPACT.match(text)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _MONTH_DAY_YEAR.search(text)
    if match:
        return _make(int(match.group(3)), _month_number(match.group(1)), int(match.group(2)))
    match = _DAY_MONTH_YEAR.search(text)
    if match:
        return _make(int(match.group(3)), _month_number(match.group(2)), int(match.group(1)))
    match = _DMY_NUMERIC.search(text)
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if first > 12 >= second:
            return _make(year, second, first)
        if second > 12 >= first:
            return _make(year, first, second)
        if first == second:
            return _make(year, first, second)
    return None


def parse_url_date(url: str | None) -> str | None:
    """Returns the date encoded in a URL path (``/2021/07/07/``), if any."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
