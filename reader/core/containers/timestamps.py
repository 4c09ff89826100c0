"""Capture dates found in containers, normalised to ISO 8601 UTC ("2017-03-06T04:02:06Z").

Every function returns ``None`` for a date it cannot read: a bad date never rejects a page.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_SINGLEFILE_DATE = re.compile(
    r"^\s*(?:\w{3}\s+)?(?P<month>\w{3})\s+(?P<day>\d{1,2})\s+(?P<year>\d{4})\s+"
    r"(?P<time>\d{1,2}:\d{2}:\d{2})\s*(?:GMT|UTC)?(?P<offset>[+-]\d{4})?"
)


def to_iso_utc(moment: datetime) -> str:
    """Formats ``moment`` in UTC; a naive datetime is taken as UTC already."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_warc_date(value: str | None) -> str | None:
    """Reads a WARC-Date ("2017-03-06T04:02:06Z", fractions allowed) or an ARC 14-digit date."""
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"\d{14,}", text):
        try:
            return to_iso_utc(datetime.strptime(text[:14], "%Y%m%d%H%M%S"))
        except ValueError:
            return None
    try:
        return to_iso_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        return None


def parse_mail_date(value: str | None) -> str | None:
    """Reads an RFC 2822 date, as in an MHTML ``Date`` header."""
    if not value:
        return None
    try:
        return to_iso_utc(parsedate_to_datetime(value.strip()))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def parse_javascript_date(value: str | None) -> str | None:
    """Reads a JavaScript ``Date.toString()`` value as SingleFile writes it.

    Example: "Thu May 07 2026 08:52:27 GMT-0400 (Eastern Daylight Time)". A date without
    offset is taken as UTC.
    """
    if not value:
        return None
    match = _SINGLEFILE_DATE.match(value)
    if match is None:
        return None
    offset = match["offset"] or "+0000"
    text = f"{match['day']} {match['month']} {match['year']} {match['time']} {offset}"
    try:
        return to_iso_utc(datetime.strptime(text, "%d %b %Y %H:%M:%S %z"))
    except ValueError:
        return None
