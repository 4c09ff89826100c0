"""Capture dates normalised to ISO 8601 UTC, and the package's import hygiene."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.core.containers.timestamps import (
    parse_javascript_date,
    parse_mail_date,
    parse_warc_date,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-03-06T04:02:06Z", "2017-03-06T04:02:06Z"),
        ("2017-03-06T04:02:06.123456Z", "2017-03-06T04:02:06Z"),
        ("2017-03-06T06:02:06+02:00", "2017-03-06T04:02:06Z"),
        ("20140216050221", "2014-02-16T05:02:21Z"),  # ARC 14-digit date
        ("not a date", None),
        (None, None),
    ],
)
def test_warc_dates(value: str | None, expected: str | None) -> None:
    assert parse_warc_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sat, 4 Apr 2026 16:06:00 +0200", "2026-04-04T14:06:00Z"),
        ("Mon, 17 Dec 2018 11:28:18 -0000", "2018-12-17T11:28:18Z"),
        ("yesterday", None),
        ("", None),
    ],
)
def test_mail_dates(value: str, expected: str | None) -> None:
    assert parse_mail_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Thu May 07 2026 08:52:27 GMT-0400 (Eastern Daylight Time)", "2026-05-07T12:52:27Z"),
        ("Mon Dec 30 2024 23:30:00 GMT+0100 (CET)", "2024-12-30T22:30:00Z"),
        ("Fri Jan 03 2025 10:00:00", "2025-01-03T10:00:00Z"),
        ("sometime", None),
    ],
)
def test_singlefile_dates(value: str, expected: str | None) -> None:
    assert parse_javascript_date(value) == expected


def test_containers_import_neither_qt_nor_whoosh() -> None:
    code = (
        "import sys, reader.core.containers as c; "
        "from reader.core.containers.formats import register_built_in_formats; "
        "register_built_in_formats(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'whoosh')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
