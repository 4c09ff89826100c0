from __future__ import annotations

from datetime import datetime

import pytest

from reader.core.errors import QueryError
from reader.core.index.query_text import rewrite

FIELDS = {"title", "body", "published", "added", "tag"}
NOW = datetime(2026, 11, 25, 12, 0, 0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("published:2021", "published:[20210101000000 TO 20211231235959]"),
        ("published:2024-02", "published:[20240201000000 TO 20240229235959]"),
        ("added:-7d", "added:[20261118120000 TO 29991231235959]"),
        ("added:-2w", "added:[20261111120000 TO 29991231235959]"),
        ("published:>2020-12-31", "published:[20210101000000 TO 29991231235959]"),
        ("published:<2020", "published:[19000101000000 TO 20191231235959]"),
        ("a -b", "a NOT b"),
        ('-"x y" z', 'NOT "x y" z'),
        ("well-known", "well-known"),
        ('title:"a:b"', 'title:"a:b"'),
    ],
)
def test_rewrites(query: str, expected: str) -> None:
    assert rewrite(query, FIELDS, now=NOW) == expected


def test_a_leap_day_that_does_not_exist_is_an_error() -> None:
    with pytest.raises(QueryError, match="not a date"):
        rewrite("published:2023-02-29", FIELDS, now=NOW)
