"""The query language's own syntax, rewritten into what Whoosh's parser reads.

Whoosh's parser is lenient: it turns most mistakes into odd queries instead of errors, and
its date parser misreads ISO dates with hyphens. This module checks the text first (balanced
parentheses and quotes, known fields, field values present) and rewrites:

- ``-word`` / ``-"a phrase"`` / ``-(...)`` → ``NOT …``;
- dates: ``published:2021``, ``published:2021-06``, ``published:2021-06-30``,
  ``published:>2020-01-01`` (also ``>=``, ``<``, ``<=``), ``published:[2021-06 TO 2021-08]``
  and relative ``added:-7d`` (d, w, m, y) → explicit ``[YYYYMMDDhhmmss TO YYYYMMDDhhmmss]``
  ranges, inclusive of the whole period named.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from reader.core.errors import QueryError

DATE_FIELDS = ("published", "added")
OPEN_START = "19000101000000"
OPEN_END = "29991231235959"

_FIELD = re.compile(r"(?<![\w:/.-])([A-Za-z_]+):(?!//)")
_PARTIAL_DATE = r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?"
_DATE_CLAUSE = re.compile(
    rf"\b(?P<field>{'|'.join(DATE_FIELDS)}):"
    rf"(?:\[\s*(?P<low>{_PARTIAL_DATE})?\s+TO\s+(?P<high>{_PARTIAL_DATE})?\s*\]"
    rf"|(?P<op>>=|<=|>|<)(?P<bound>{_PARTIAL_DATE})"
    rf"|-(?P<amount>\d+)(?P<unit>[dwmy])"
    rf"|(?P<single>{_PARTIAL_DATE}))(?=$|[\s)])",
    re.IGNORECASE,
)
_MINUS = re.compile(r'(^|[\s(])-(?=[\w"(])')


def _period(text: str) -> tuple[datetime, datetime]:
    """The first and last instants of a year, month or day written "YYYY[-MM[-DD]]"."""
    parts = [int(part) for part in text.split("-")]
    try:
        if len(parts) == 1:
            return datetime(parts[0], 1, 1), datetime(parts[0], 12, 31, 23, 59, 59)
        if len(parts) == 2:
            last_day = calendar.monthrange(parts[0], parts[1])[1]
            return (
                datetime(parts[0], parts[1], 1),
                datetime(parts[0], parts[1], last_day, 23, 59, 59),
            )
        day = datetime(parts[0], parts[1], parts[2])
        return day, day.replace(hour=23, minute=59, second=59)
    except ValueError as error:
        raise QueryError(f"{text!r} is not a date: {error}") from error


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d%H%M%S")


def _relative_start(amount: int, unit: str, now: datetime) -> datetime:
    days = {"d": 1, "w": 7, "m": 30, "y": 365}[unit.lower()]
    return now - timedelta(days=amount * days)


def _rewrite_date(match: re.Match[str], now: datetime) -> str:
    field = match["field"].lower()
    start: datetime | None
    end: datetime | None
    if match["single"]:
        start, end = _period(match["single"])
    elif match["op"]:
        first, last = _period(match["bound"])
        start, end = {
            ">": (last + timedelta(seconds=1), None),
            ">=": (first, None),
            "<": (None, first - timedelta(seconds=1)),
            "<=": (None, last),
        }[match["op"]]
    elif match["amount"]:
        start, end = _relative_start(int(match["amount"]), match["unit"], now), None
    else:
        start = _period(match["low"])[0] if match["low"] else None
        end = _period(match["high"])[1] if match["high"] else None
    low = _stamp(start) if start else OPEN_START
    high = _stamp(end) if end else OPEN_END
    return f"{field}:[{low} TO {high}]"


def check_syntax(text: str, known_fields: Iterable[str]) -> None:
    """Raises:
    QueryError: with a message naming the problem and where it is.
    """
    if text.count('"') % 2:
        raise QueryError('a quotation mark (") is not closed')
    depth = 0
    for position, (outside, character) in enumerate(_mask(text)):
        if not outside:
            continue
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth < 0:
                raise QueryError(
                    f"a closing parenthesis at position {position + 1} has no opening one"
                )
    if depth:
        raise QueryError("a parenthesis is not closed")
    known = {field.lower() for field in known_fields}
    unquoted = "".join(character if quoted_out else " " for quoted_out, character in _mask(text))
    for match in _FIELD.finditer(unquoted):
        name = match[1].lower()
        if name not in known:
            raise QueryError(f"unknown field {match[1]}: — fields are " + ", ".join(sorted(known)))
        rest = unquoted[match.end() :]
        if not rest or rest[0].isspace() or rest[0] == ")":
            raise QueryError(f"{match[1]}: needs a value (e.g. {match[1]}:word)")


def _mask(text: str) -> Iterable[tuple[bool, str]]:
    """Each character with whether it lies outside quotes (quoted text cannot name fields)."""
    quoted = False
    for character in text:
        if character == '"':
            quoted = not quoted
            yield True, character
        else:
            yield not quoted, character


def rewrite(text: str, known_fields: Iterable[str], now: datetime | None = None) -> str:
    """Checks the query and rewrites it for Whoosh's parser.

    Raises:
        QueryError: the query is malformed; the message says how.
    """
    check_syntax(text, known_fields)
    moment = now or datetime.now()
    rewritten = _DATE_CLAUSE.sub(lambda match: _rewrite_date(match, moment), text)
    for field in DATE_FIELDS:
        leftover = re.search(rf"\b{field}:(\S+)", rewritten, re.IGNORECASE)
        if leftover and not leftover[1].startswith("["):
            raise QueryError(
                f"cannot read the date in {leftover[0]!r}: write YYYY, YYYY-MM, YYYY-MM-DD, "
                f">DATE, [DATE TO DATE] or -7d"
            )
    return _MINUS.sub(lambda match: f"{match[1]}NOT ", rewritten)
