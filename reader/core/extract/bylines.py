"""Who wrote the article: authors from structured data, meta tags and visible bylines.

Structured sources often name the publisher instead of the writer ("Cleveland Clinic" as
the JSON-LD author), so a name equal to the site or publisher is not accepted from them;
the visible byline is read instead. Visible bylines are found by markup (``rel=author``,
byline classes), by links to author pages (``/author/jane-doe``), and by labels
("By", "Written by", "Author") followed by a name.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.core.extract.authors import clean_author, split_authors
from reader.core.extract.jsonld import person_names
from reader.core.extract.rules import (
    AUTHOR_CLASS_XPATH,
    AUTHOR_LINK_XPATH,
    AUTHOR_META,
    BYLINE_XPATH,
)
from reader.core.extract.text import normalize_space

_LABEL = re.compile(
    r"^(?:(?:(?:written|posted|reviewed|article|story|text|words|post)\s+)?by|authors?)\s*:?$",
    re.I,
)
_LABELLED = re.compile(r"^(?:by|written by|posted by|author:|authors:)\s+(.{3,80})$", re.I)
_TITLE_BYLINE = re.compile(r"\|\s*by\s+([^|]{3,60})\|", re.I)
_KEY = re.compile(r"\W+")
_MAX_CANDIDATES = 8


def _key(text: str) -> str:
    return _KEY.sub("", text).lower()


def _unique(names: list[str | None], organisations: set[str]) -> tuple[str, ...]:
    kept: list[str] = []
    for name in names:
        if name and name not in kept and _key(name) not in organisations:
            kept.append(name)
    return tuple(kept)


def find_authors(
    tree: HtmlElement,
    article: dict[str, object] | None,
    metas: dict[str, str],
    organisations: set[str],
    title_tag: str | None,
) -> tuple[tuple[str, ...], str]:
    """Finds the article's authors and where they came from.

    Args:
        tree: the parsed page.
        article: the JSON-LD article object, if any.
        metas: meta values by lower-cased name.
        organisations: keys (``\\W`` removed, lower case) of the site and publisher names,
            which are never accepted as authors.
        title_tag: the page's ``<title>`` text ("... | by Jane Doe | Site").

    Returns:
        The names (possibly empty) and their source.
    """
    # A user name ("jsteinhardt") from structured data is kept only when no source gives
    # a person's name: sites often put the account in meta tags and the name in the byline.
    handles: tuple[tuple[str, ...], str] = ((), "")
    if article is not None and article.get("author"):
        found = _unique(
            [clean_author(n, handles=True) for n in person_names(article.get("author"))],
            organisations,
        )
        if found and not _all_handles(found):
            return found, "json-ld"
        if found:
            handles = (found, "json-ld")
    citation = [clean_author(v) for v in tree.xpath("//meta[@name='citation_author']/@content")]
    found = _unique(list(citation), organisations)
    if found:
        return found, "meta:citation_author"
    for name in AUTHOR_META:
        value = metas.get(name)
        if value:
            found = _unique(list(split_authors(value, handles=True)), organisations)
            if found and not _all_handles(found):
                return found, f"meta:{name}"
            if found and not handles[0]:
                handles = (found, f"meta:{name}")
    found = _visible_byline(tree, organisations)
    if found:
        return found, "byline-text"
    if title_tag:
        match = _TITLE_BYLINE.search(title_tag + "|")
        if match:
            found = _unique(list(split_authors(match.group(1))), organisations)
            if found:
                return found, "title-tag"
    return handles


def _all_handles(names: tuple[str, ...]) -> bool:
    return all(name.islower() for name in names)


def _visible_byline(tree: HtmlElement, organisations: set[str]) -> tuple[str, ...]:
    for element in tree.xpath(BYLINE_XPATH)[:_MAX_CANDIDATES]:
        text = _separated_text(element)
        if len(text) > 200:
            continue
        found = _unique(list(split_authors(text)), organisations)
        if found:
            return found
    links = tree.xpath(AUTHOR_LINK_XPATH)[:_MAX_CANDIDATES]
    for index, link in enumerate(links):
        first = clean_author(link.text_content())
        if not first or _key(first) in organisations:
            continue
        # Co-authors are links in the same byline element; later links elsewhere are
        # usually author boxes of related articles or photo credits.
        parent = link.getparent()
        names: list[str | None] = [first]
        for other in links[index + 1 :]:
            if (
                other.getparent() is parent
                or other.getparent() is not None
                and other.getparent().getparent() is parent
            ):
                names.append(clean_author(other.text_content()))
        return _unique(names, organisations)
    found = _labelled_byline(tree, organisations)
    if found:
        return found
    for element in tree.xpath(AUTHOR_CLASS_XPATH)[:_MAX_CANDIDATES]:
        text = _separated_text(element)
        if len(text) <= 120:
            found = _unique(list(split_authors(text)), organisations)
            if found:
                return found
    return ()


def _separated_text(element: HtmlElement) -> str:
    """Element text with its text nodes kept apart ("Dec 17, 2025 | Jane Doe").

    Bylines often put the date and the name in adjacent spans with no space between, which
    ``text_content()`` would glue into one word.
    """
    return " | ".join(part.strip() for part in element.itertext() if part.strip())


def _labelled_byline(tree: HtmlElement, organisations: set[str]) -> tuple[str, ...]:
    """A "By"/"Written by" label with the name in the same or the next element."""
    checked = 0
    for element in tree.iter(
        "span", "div", "p", "dt", "strong", "b", "em", "small", "li", "h2", "h3", "h4", "h5", "h6"
    ):
        text = (element.text or "").strip()
        if not text or len(text) > 90:
            continue
        match = _LABELLED.match(normalize_space(element.text_content()))
        if match:
            found = _unique(list(split_authors(match.group(1))), organisations)
            if found:
                return found
        if _LABEL.match(text):
            checked += 1
            following = element.getnext()
            if following is not None and isinstance(following.tag, str):
                found = _unique(list(split_authors(following.text_content())), organisations)
                if found:
                    return found
            if len(element):
                found = _unique(list(split_authors(element[0].text_content())), organisations)
                if found:
                    return found
            if checked > _MAX_CANDIDATES:
                break
    return ()
