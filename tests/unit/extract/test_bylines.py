"""Authors: persons from structured data and bylines, or the credit a page gives instead."""

from __future__ import annotations

import pytest
from lxml import html

from reader.core.extract.authors import clean_credit, split_authors
from reader.core.extract.bylines import find_authors


def _authors(
    body: str,
    *,
    article: dict[str, object] | None = None,
    metas: dict[str, str] | None = None,
    organisations: frozenset[str] = frozenset(),
) -> tuple[tuple[str, ...], str]:
    tree = html.fromstring(f"<html><head></head><body>{body}</body></html>")
    return find_authors(tree, article, metas or {}, set(organisations), None)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Genevieve Carlton, Ph.D. | Edited by Lauren Mastbaum", ["Genevieve Carlton"]),
        ("Reviewed by Margaret James", []),
        ("By MixmasterFred in Workshop | Woodworking", ["MixmasterFred"]),
        ("Posted by David Bau at December 16, 2025 11:15 AM", ["David Bau"]),
        ("By Haley Hoekstra • March 12, 2025", ["Haley Hoekstra"]),
        ("By Dieter Hogen with Uta Pippig", ["Dieter Hogen", "Uta Pippig"]),
        ("Paramita (Guha) Ghosh", ["Paramita (Guha) Ghosh"]),
        (
            "Written by Danielle Padula, Head of Marketing and Community Development",
            ["Danielle Padula"],
        ),
        ("Center for Drug Evaluation and Research", []),
        ("Sat, 20 Dec, 2025 - 06:36", []),
    ],
)
def test_split_authors_keeps_the_authors_only(byline: str, expected: list[str]) -> None:
    assert split_authors(byline) == expected


@pytest.mark.parametrize(
    ("value", "visible", "expected"),
    [
        ("By | The Currency editors", True, "The Currency editors"),
        ("Written by The Team, edited by Walter", True, "The Team"),
        (
            "Center for Drug Evaluation and Research",
            False,
            "Center for Drug Evaluation and Research",
        ),
        ("https://www.facebook.com/brand", False, None),
        ("By checking out, you agree to our terms", True, None),
        ("the Lavazza Team", True, "the Lavazza Team"),
        ("crazy lennys", False, "crazy lennys"),
        ("Written By", True, None),
        ("© 2025 The University", True, None),
        ("Anonymous", False, "Anonymous"),
        ("admin", False, "admin"),
        ("undefined", False, None),
    ],
)
def test_clean_credit(value: str, visible: bool, expected: str | None) -> None:
    assert clean_credit(value, visible=visible) == expected


def test_a_json_ld_person_with_credentials_is_the_author() -> None:
    article: dict[str, object] = {"author": {"@type": "Person", "name": "Rebecca Lake, CEPF®"}}
    assert _authors("<p>Text</p>", article=article) == (("Rebecca Lake",), "json-ld")


def test_json_ld_names_are_unescaped() -> None:
    article: dict[str, object] = {"author": {"name": "Maria &amp; Katerina"}}
    assert _authors("", article=article)[0] == ("Maria", "Katerina")


def test_an_organisation_as_author_is_credited_only_when_no_person_is_named() -> None:
    article: dict[str, object] = {"author": {"@type": "Organization", "name": "Supermove"}}
    assert _authors("<p>Text</p>", article=article) == (("Supermove",), "json-ld")
    byline = '<p class="byline">By Jane Doe</p>'
    assert _authors(byline, article=article) == (("Jane Doe",), "byline-text")


def test_the_site_named_as_author_is_only_a_credit() -> None:
    metas = {"author": "Cleveland Clinic"}
    link = '<a href="/staff/wilgus">Holly Wilgus, E-RYT 200</a>'
    found = _authors(link, metas=metas, organisations=frozenset({"clevelandclinic"}))
    assert found == (("Holly Wilgus",), "byline-text")
    found = _authors("<p>Text</p>", metas=metas, organisations=frozenset({"clevelandclinic"}))
    assert found == (("Cleveland Clinic",), "meta:author")


def test_a_profile_url_in_an_author_meta_tag_is_no_name() -> None:
    metas = {"article:author": "https://www.facebook.com/TopGrowthMarketing/"}
    assert _authors("<p>Text</p>", metas=metas) == ((), "")


def test_citation_authors_are_written_last_name_first() -> None:
    tree = html.fromstring(
        '<html><head><meta name="citation_author" content="Kaufman, Jeff T."></head>'
        "<body></body></html>"
    )
    assert find_authors(tree, None, {}, set(), None) == (
        ("Jeff T. Kaufman",),
        "meta:citation_author",
    )


def test_commenters_are_not_authors() -> None:
    body = (
        "<h1>A story</h1><p>Text</p><div id='comments'><div class='comment-author vcard'>"
        "<span class='byline'>Jeroen Smit</span></div></div>"
        "<form><p class='comment-form-author'><label>Name</label></p></form>"
    )
    assert _authors(body) == ((), "")


def test_the_first_author_page_link_decides() -> None:
    body = (
        '<a href="/author/stackcommerce">Sponsored by StackCommerce</a><p>Text</p>'
        '<div><a href="/author/samantha">Samantha Mangino</a></div>'
    )
    assert _authors(body) == (("Sponsored by StackCommerce",), "byline-text")


def test_a_by_label_in_a_menu_is_no_byline() -> None:
    body = (
        "<nav><ul class='top-menu'><li><span>By Role</span></li></ul></nav>"
        "<h1>A story</h1><p>By <a href='/x'>Preetam Jinka</a></p>"
    )
    assert _authors(body) == (("Preetam Jinka",), "byline-text")


def test_a_by_label_far_into_the_article_text_is_not_the_byline() -> None:
    paragraphs = "".join(f"<p>Paragraph {n} of the story.</p>" for n in range(40))
    body = (
        f"<h1>Anil Madhavapeddy</h1>{paragraphs}"
        "<p>I ported <a href='/j'>JustHTML</a> by <a href='/d'>Daniel Buenzli</a> to OCaml.</p>"
    )
    assert _authors(body) == ((), "")


def test_a_written_by_twitter_label_names_the_author() -> None:
    metas = {"twitter:label1": "Written by", "twitter:data1": "Chase Bernath"}
    assert _authors("<p>Text</p>", metas=metas) == (("Chase Bernath",), "meta:twitter:data")


def test_a_visible_byline_wins_over_the_twitter_label() -> None:
    metas = {"twitter:label1": "Written by", "twitter:data1": "Colin Madison"}
    body = '<div class="byline">Christian Dupuis</div>'
    assert _authors(body, metas=metas) == (("Christian Dupuis",), "byline-text")


def test_an_author_box_is_headed_by_the_name() -> None:
    bio = "Lauren Vetter is a growth-focused marketing professional " + "who writes. " * 12
    body = f'<h1>A story</h1><p>Text</p><div class="blog_author-box"><p>Lauren Vetter</p><p>{bio}</p></div>'
    assert _authors(body) == (("Lauren Vetter",), "byline-text")


def test_author_without_a_colon_is_a_heading_not_a_label() -> None:
    assert split_authors("Author Spotlight") == []
    assert split_authors("Author: Jane Doe") == ["Jane Doe"]
