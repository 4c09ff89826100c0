"""Dates, titles and author names: the small parsers behind the metadata stage."""

from __future__ import annotations

import pytest

from reader.core.extract.authors import clean_author, split_authors
from reader.core.extract.dates import parse_date, parse_url_date
from reader.core.extract.titles import choose_title, clean_title


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


def test_title_suffix_with_site_name_is_removed() -> None:
    raw = "Taliban attack provincial capital amid US pullout | DW | 07.07.2021"
    assert (
        clean_title(raw, site="DW", h1=None) == "Taliban attack provincial capital amid US pullout"
    )


def test_title_prefix_with_site_name_is_removed() -> None:
    assert clean_title("The Site - A headline here", site="The Site", h1=None) == "A headline here"


def test_title_part_matching_h1_wins() -> None:
    assert clean_title(
        "Shop | A headline: with colon | News", site=None, h1="A headline: with colon"
    ) == ("A headline: with colon")


def test_title_without_separator_is_kept() -> None:
    assert clean_title("Just a headline", site="Site", h1=None) == "Just a headline"


def test_visible_h1_is_preferred_over_seo_title() -> None:
    title, source = choose_title(
        ["Site Name", "How to grow tomatoes"],
        [("Tomatoes: the 2025 growing guide", "opengraph")],
        "Site Name",
    )
    assert (title, source) == ("How to grow tomatoes", "h1")


def test_structured_title_when_no_h1() -> None:
    assert choose_title([], [("A headline", "json-ld")], None) == ("A headline", "json-ld")


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


def test_an_h1_sharing_no_words_with_the_structured_titles_is_a_label() -> None:
    title, source = choose_title(
        ["Our Blog"],
        [("Ten ways to keep basil alive indoors", "opengraph")],
        "Garden Site",
    )
    assert (title, source) == ("Ten ways to keep basil alive indoors", "opengraph")


def test_an_all_capitals_h1_takes_the_structured_capitalisation() -> None:
    title, _ = choose_title(
        ["TIPS FOR ONLINE SUCCESS"], [("Tips for Online Success", "title-tag")], None
    )
    assert title == "Tips for Online Success"


def test_a_user_name_is_accepted_only_from_structured_data() -> None:
    assert split_authors("jsteinhardt", handles=True) == ["jsteinhardt"]
    assert split_authors("jsteinhardt") == []
    assert clean_author("undefined", handles=True) is None
