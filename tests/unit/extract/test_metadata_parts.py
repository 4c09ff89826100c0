"""Dates and author names: the small parsers behind the metadata stage."""

from __future__ import annotations

import pytest

from reader.core.extract.authors import clean_author, split_authors
from reader.core.extract.dates import parse_date, parse_url_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021-07-07T10:00:00+02:00", "2021-07-07"),
        ("July 7, 2021", "2021-07-07"),
        ("Wednesday 7th July 2021", "2021-07-07"),
        ("7 Sept. 2021", "2021-09-07"),
        ("07/23/2021", "2021-07-23"),
        ("23.07.2021", "2021-07-23"),
        ("Published on Sep 3rd, 2020 by Jane", "2020-09-03"),
    ],
)
def test_parse_date(raw: str, expected: str) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["03/04/2021", "not a date", "2999-01-01", "", None])
def test_parse_date_rejects_ambiguous_or_implausible(raw: str | None) -> None:
    assert parse_date(raw) is None


def test_url_date() -> None:
    assert parse_url_date("https://example.org/2021/07/07/some-story") == "2021-07-07"
    assert parse_url_date("https://example.org/story-123") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("JANE DOE", "Jane Doe"),
        ("Jane Doe - Product marketer", "Jane Doe"),
        ("https://example.org/jane", None),
        ("@janedoe", None),
        ("Staff Writer", None),
        ("By", None),
        ("Courtesy of Getty Images", None),
        ("Everfit Team", "Everfit Team"),
        ("Jane Doe, Staff Writer", None),
    ],
)
def test_clean_author(raw: str, expected: str | None) -> None:
    assert clean_author(raw) == expected


def test_split_authors() -> None:
    assert split_authors("By Jane Doe and John Roe, Staff Writer") == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Matt Check | Head Winemaker | Co-Founder", ["Matt Check"]),
        ("Cara Dumaplin, RN, BSN | Certified Pediatric Sleep Consultant", ["Cara Dumaplin"]),
        ("Insights from | Liza Burke | Marketing Director", ["Liza Burke"]),
        ("Brett Cruz | Privacy | Digital Security Expert", ["Brett Cruz"]),
        ("Mateusz Haberny | Founder at Oakywood", ["Mateusz Haberny"]),
        ("Chengcheng Pei and Yuan Lin", ["Chengcheng Pei", "Yuan Lin"]),
        ("By Ludwig van Beethoven", ["Ludwig van Beethoven"]),
    ],
)
def test_roles_credentials_and_sections_next_to_a_byline_are_not_names(
    byline: str, expected: list[str]
) -> None:
    assert split_authors(byline) == expected


def test_a_user_name_is_accepted_only_from_structured_data() -> None:
    assert split_authors("jsteinhardt", handles=True) == ["jsteinhardt"]
    assert split_authors("jsteinhardt") == []
    assert clean_author("undefined", handles=True) is None
