"""Who wrote the article: authors from structured data, meta tags and visible bylines.

Persons first, in order of trust: JSON-LD ``author`` persons (``json-ld``), citation and
author meta tags (``meta:<name>``), visible bylines (``byline-text``: ``rel=author`` and
byline markup, links to author pages, "By"/"Written by" labels near the headline, author
classes), and "| by Jane Doe |" in ``<title>`` (``title-tag``). A name equal to the site
or publisher is not a person; bylines inside page furniture (comments, related-article
lists, menus) are someone else's. Lower-case user names from structured data come next.

When no source names a person, the page still credits someone: a JSON-LD organisation,
an author meta tag or a visible byline naming a team, a brand or an account ("The
Investopedia Team", "Swoogo", "Staff"). That credit is the author then, as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from reader.core.extract.authors import clean_credit, split_authors
from reader.core.extract.furniture import in_navigation, in_other_content
from reader.core.extract.jsonld import author_entries
from reader.core.extract.nearby import LazyNearHeadline, NearHeadline
from reader.core.extract.rules import (
    AUTHOR_CLASS,
    AUTHOR_CLASS_SKIPPED_TAGS,
    AUTHOR_LINK_HREF,
    AUTHOR_META,
    BYLINE_CLASS,
    BYLINE_ID_PART,
    BYLINE_META_LABEL,
)
from reader.core.extract.text import normalize_space, repair_text

# A byline label on its own ("By", "Written by:"), the name following in the next piece.
_LABEL = re.compile(
    r"^(?:(?:(?:written|posted|article|story|text|words|post|authored)\s+)?by|authors?)\s*:?$",
    re.I,
)
# "By Jane Doe", "Written by: Jane Doe", "Author: Jane Doe" ("Author Spotlight" is not).
_LABELLED = re.compile(
    r"^(?:(?:(?:written|posted|authored)\s+)?by\s*:?|authors?\s*:)\s*(.{2,80})$", re.I
)
# "This post was written by Jane Doe, Head of Marketing": an author box's sentence.
_WRITTEN_BY = re.compile(r"\b(?:written|posted|authored)\s+by\s+(.{2,80})", re.I)
# Only a link to an author page credits a team or a brand ("/author/whova"); links to
# "/team/" or "/profile/" pages say "Meet the Team" or "Member Login" as often.
_AUTHOR_PAGE = re.compile(r"/authors?/", re.I)
_TITLE_BYLINE = re.compile(r"\|\s*by\s+([^|]{3,60})\|", re.I)
_CITATION_NAME = re.compile(r"^([^,]+),\s*([^,]+)$")
_URL = re.compile(r"https?:|www\.|\.com/", re.I)
_KEY = re.compile(r"\W+")
_MAX_CANDIDATES = 8
_MAX_LINK_WORDS = 6
_MAX_BYLINE_CHARS = 200
_MAX_CLASS_CHARS = 120
_MAX_LABELLED_CHARS = 90
# Bylines sit right under (or above) the headline; "by" further down is the article's text.
_BYLINE_AFTER_HEADLINE = 25
_WORD = re.compile(r"[^\W\d_]")
_LABELLED_TAGS = (
    "span", "div", "p", "dt", "strong", "b", "em", "small", "li", "h2", "h3", "h4", "h5", "h6",
)  # fmt: skip

Found = tuple[tuple[str, ...], str]


def _key(text: str) -> str:
    return _KEY.sub("", text).lower()


def _unique(names: list[str], organisations: set[str]) -> tuple[str, ...]:
    kept: list[str] = []
    for name in names:
        if name and name not in kept and _key(name) not in organisations:
            kept.append(name)
    return tuple(kept)


def _all_handles(names: tuple[str, ...]) -> bool:
    return all(name.islower() for name in names)


class _Credits:
    """What the page credits when it names no person, first found first."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []

    def add(self, value: str | None, source: str, *, visible: bool = False) -> None:
        credit = clean_credit(value, visible=visible) if value else None
        if credit:
            self.found.append((credit, source))


def find_authors(
    tree: HtmlElement,
    article: dict[str, object] | None,
    metas: dict[str, str],
    organisations: set[str],
    title_tag: str | None,
    near: LazyNearHeadline | None = None,
) -> Found:
    """Finds the article's authors and where they came from.

    Args:
        tree: the parsed page (not modified).
        article: the JSON-LD article object, if any.
        metas: meta values by lower-cased name.
        organisations: keys (``\\W`` removed, lower case) of the site and publisher names,
            which are never accepted as persons.
        title_tag: the page's ``<title>`` text ("... | by Jane Doe | Site").
        near: the text around the headline, shared with the date stage.

    Returns:
        The names (possibly empty) and their source.
    """
    credits = _Credits()
    # A user name ("jsteinhardt") from structured data is kept only when no source gives
    # a person's name: sites often put the account in meta tags and the name in the byline.
    handles: Found = ((), "")
    if article is not None and article.get("author"):
        entries = [(repair_text(n), org) for n, org in author_entries(article.get("author"))]
        persons = [n for name, org in entries if not org for n in split_authors(name, handles=True)]
        found = _unique(persons, organisations)
        if found and not _all_handles(found):
            return found, "json-ld"
        if found:
            handles = (found, "json-ld")
        for name, _ in entries:
            credits.add(name, "json-ld")
    found = _unique(_citation_names(tree), organisations)
    if found:
        return found, "meta:citation_author"
    for name in AUTHOR_META:
        value = metas.get(name)
        if not value or _URL.search(value):
            continue
        found = _unique(split_authors(value, handles=True), organisations)
        if found and not _all_handles(found):
            return found, f"meta:{name}"
        if found and not handles[0]:
            handles = (found, f"meta:{name}")
        credits.add(value, f"meta:{name}")
    found = _visible_byline(tree, organisations, credits, near or LazyNearHeadline(tree))
    if found:
        return found, "byline-text"
    found = _unique(split_authors(_labelled_meta(metas)), organisations)
    if found:
        return found, "meta:twitter:data"
    if title_tag:
        match = _TITLE_BYLINE.search(title_tag + "|")
        if match:
            found = _unique(split_authors(match.group(1)), organisations)
            if found:
                return found, "title-tag"
    if handles[0]:
        return handles
    if credits.found:
        credit, source = credits.found[0]
        return (credit,), source
    return (), ""


def _labelled_meta(metas: dict[str, str]) -> str:
    """The author named in "twitter:labelN = Written by" / "twitter:dataN" pairs."""
    for number in range(1, 5):
        label = metas.get(f"twitter:label{number}", "")
        if BYLINE_META_LABEL.match(label.strip()):
            return metas.get(f"twitter:data{number}", "")
    return ""


def _citation_names(tree: HtmlElement) -> list[str]:
    """``citation_author`` values, written "Last, First" or "First Last"."""
    names: list[str] = []
    for value in tree.xpath("//meta[@name='citation_author']/@content")[:20]:
        match = _CITATION_NAME.match(str(value).strip())
        text = f"{match.group(2)} {match.group(1)}" if match else str(value)
        names.extend(split_authors(text))
    return names


def _visible_byline(
    tree: HtmlElement, organisations: set[str], credits: _Credits, near: LazyNearHeadline
) -> tuple[str, ...]:
    for element in _byline_elements(tree, _MAX_CANDIDATES):
        text = _separated_text(element)
        if len(text) > _MAX_BYLINE_CHARS or in_other_content(element):
            continue
        found = _unique(split_authors(text), organisations)
        if found:
            return found
        credits.add(text, "byline-text", visible=True)
    found = _author_links(tree, organisations, credits)
    if found:
        return found
    found = _labelled_byline(tree, organisations, credits, near.get())
    if found:
        return found
    for element in _author_class_elements(tree, _MAX_CANDIDATES):
        text = _separated_text(element)
        if in_other_content(element):
            continue
        written = _WRITTEN_BY.search(text)
        if written:
            text = written.group(1)
        elif len(text) > _MAX_CLASS_CHARS:
            # An author box: the name heads it, a biography follows.
            text = text.split(" | ", 1)[0]
        if len(text) <= _MAX_CLASS_CHARS:
            found = _unique(split_authors(text), organisations)
            if found:
                return found
    return ()


def _author_links(tree: HtmlElement, organisations: set[str], credits: _Credits) -> tuple[str, ...]:
    """The first link to an author page decides; co-authors are links beside it.

    Later links elsewhere are usually author boxes of related articles or photo credits,
    so when the first one names no person ("Sponsored by StackCommerce") it is a credit
    and no other link is read.
    """
    links = [
        link
        for link in _author_links_in(tree, 2 * _MAX_CANDIDATES)
        if 0 < len(link.text_content().split()) <= _MAX_LINK_WORDS and not in_other_content(link)
    ]
    if not links:
        return ()
    first = links[0]
    parent = first.getparent()
    names = split_authors(first.text_content())
    if not _unique(names, organisations):
        if _AUTHOR_PAGE.search(first.get("href") or ""):
            credits.add(first.text_content(), "byline-text")
        return ()
    for other in links[1:]:
        if other.getparent() is parent or (
            other.getparent() is not None and other.getparent().getparent() is parent
        ):
            names.extend(split_authors(other.text_content()))
    return _unique(names, organisations)


def _elements(tree: HtmlElement, tag: object = etree.Element) -> Iterator[HtmlElement]:
    """The page's elements (of ``tag``) in document order, the root included, as XPath's
    ``//*`` finds them whatever part of the page ``tree`` is."""
    return tree.getroottree().getroot().iter(tag)  # type: ignore[no-any-return]


def _byline_elements(tree: HtmlElement, limit: int) -> list[HtmlElement]:
    """The first ``limit`` elements marked as bylines (``rules.BYLINE_CLASS``)."""
    return list(islice(filter(_is_byline, _elements(tree)), limit))


def _is_byline(element: HtmlElement) -> bool:
    get = element.get
    classes = get("class")
    return (
        (classes is not None and (classes == "author" or BYLINE_CLASS.search(classes) is not None))
        or get("rel") == "author"
        or get("itemprop") == "author"
        or BYLINE_ID_PART in (get("id") or "")
        or BYLINE_ID_PART in (get("data-testid") or "")
    )


def _author_class_elements(tree: HtmlElement, limit: int) -> list[HtmlElement]:
    """The first ``limit`` elements whose class names an author, links and images left out."""
    return list(islice(filter(_names_author_in_class, _elements(tree)), limit))


def _names_author_in_class(element: HtmlElement) -> bool:
    classes = element.get("class")
    return (
        classes is not None
        and AUTHOR_CLASS.search(classes) is not None
        and element.tag not in AUTHOR_CLASS_SKIPPED_TAGS
    )


def _author_links_in(tree: HtmlElement, limit: int) -> list[HtmlElement]:
    """The first ``limit`` links to an author's page (``rules.AUTHOR_LINK_HREF``)."""
    return list(islice(filter(_links_to_author_page, _elements(tree, "a")), limit))


def _links_to_author_page(link: HtmlElement) -> bool:
    return AUTHOR_LINK_HREF.search(link.get("href") or "") is not None


def _separated_text(element: HtmlElement) -> str:
    """Element text with its text nodes kept apart ("Dec 17, 2025 | Jane Doe").

    Bylines often put the date and the name in adjacent spans with no space between, which
    ``text_content()`` would glue into one word.
    """
    return " | ".join(part.strip() for part in element.itertext() if part.strip())


def _labelled_byline(
    tree: HtmlElement, organisations: set[str], credits: _Credits, near: NearHeadline
) -> tuple[str, ...]:
    """A "By"/"Written by" label with the name in the same or the next text: just around
    the headline first, then anywhere outside navigation and other people's content
    (author boxes close articles). A label that credits no person is noted as a credit
    and the search goes on."""
    groups = [
        group[:_BYLINE_AFTER_HEADLINE] if i == 0 else group for i, group in enumerate(near.groups)
    ]
    for group in groups:
        for index in group:
            text = near.pieces[index]
            match = _LABELLED.match(text)
            if match:
                byline = match.group(1)
            elif _LABEL.match(text):
                byline = next(
                    (p for p in near.pieces[index + 1 : index + 3] if _WORD.search(p)), ""
                )
            else:
                continue
            found = _byline_names(byline, organisations, credits)
            if found:
                return found
    checked = 0
    for element in tree.iter(*_LABELLED_TAGS):
        text = (element.text or "").strip()
        if not text or len(text) > _MAX_LABELLED_CHARS:
            continue
        match = _LABELLED.match(normalize_space(element.text_content()))
        following: list[HtmlElement] = []
        if not match and _LABEL.match(text):
            following = [e for e in (element.getnext(), *element[:1]) if e is not None]
        if not match and not following:
            continue
        checked += 1
        if checked > _MAX_CANDIDATES:
            break
        if in_navigation(element) or in_other_content(element):
            continue
        if match:
            found = _byline_names(match.group(1), organisations, credits)
            if found:
                return found
        for other in following:
            if isinstance(other.tag, str):
                found = _byline_names(other.text_content(), organisations, credits)
                if found:
                    return found
    return ()


def _byline_names(byline: str, organisations: set[str], credits: _Credits) -> tuple[str, ...]:
    found = _unique(split_authors(byline), organisations)
    if not found:
        credits.add(byline, "byline-text", visible=True)
    return found
