"""Date pieces for citations: ISO strings in, (year, month, day) parts out."""

from __future__ import annotations

import re

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_parts(value: str | None) -> tuple[int, ...]:
    """Returns ``(year,)``, ``(year, month)`` or ``(year, month, day)`` from an ISO 8601
    date or timestamp, or ``()`` when there is none or it cannot be read."""
    if not value:
        return ()
    match = _ISO_DATE.match(value.strip())
    if not match:
        return ()
    parts = tuple(int(group) for group in match.groups() if group)
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return parts[:1]
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        return parts[:2]
    return parts


def slash_date(parts: tuple[int, ...]) -> str:
    """RIS style ``YYYY/MM/DD`` (missing parts left empty: ``YYYY//``)."""
    if not parts:
        return ""
    pieces = [f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])]
    pieces += [""] * (3 - len(pieces))
    return "/".join(pieces)


def iso_date(parts: tuple[int, ...]) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if not parts:
        return ""
    return "-".join([f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])])
