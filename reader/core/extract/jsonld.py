"""Schema.org JSON-LD blocks: the article object and its fields.

Pages embed several JSON-LD objects (breadcrumbs, organisation, web page, article), often
nested in ``@graph`` lists. This module flattens them and picks the object that describes
the article, so that the metadata stage can read plain fields from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

_ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "opinionnewsarticle",
    "analysisnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "scholarlyarticle",
    "techarticle", "liveblogposting", "socialmediaposting", "report", "review", "recipe",
    "howto", "medicalwebpage", "satiricalarticle", "advertisercontentarticle",
}  # fmt: skip
_PAGE_TYPES = {"webpage", "itempage", "aboutpage", "collectionpage", "profilepage", "qapage"}
_TRAILING_COMMAS = re.compile(r",\s*([}\]])")


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", "")
    values = value if isinstance(value, list) else [value]
    return {str(item).lower().rsplit("/", 1)[-1] for item in values}


def _walk(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _walk(graph, depth + 1)
        # An article is sometimes the mainEntity of a WebPage object.
        main = value.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _walk(main, depth + 1)


def read_json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Returns every JSON-LD object of the page, flattened out of lists and ``@graph``.

    Broken JSON (trailing commas, raw newlines in strings) is repaired where cheap and
    skipped otherwise: one bad script must not hide the others.
    """
    objects: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if not raw or len(raw) > 1_000_000:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:
                data = json.loads(_TRAILING_COMMAS.sub(r"\1", raw), strict=False)
            except ValueError:
                continue
        objects.extend(_walk(data))
    return objects


def find_article_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Picks the object describing the article: an Article type first, then a WebPage."""
    for node in objects:
        if _types(node) & _ARTICLE_TYPES:
            return node
    for node in objects:
        if _types(node) & _PAGE_TYPES and ("headline" in node or "datePublished" in node):
            return node
    return None


def find_site_name(objects: list[dict[str, Any]]) -> str | None:
    """Returns the name of the WebSite object, if the page has one."""
    for node in objects:
        if "website" in _types(node):
            name = node.get("name")
            if isinstance(name, str) and name.strip():
                return name.strip()
    return None


def text_value(value: Any) -> str | None:
    """A JSON-LD field as one string: plain strings, first list item, or an object's name."""
    if isinstance(value, list):
        for item in value:
            found = text_value(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return text_value(value.get("name") or value.get("@value"))
    if isinstance(value, str | int | float) and str(value).strip():
        return str(value).strip()
    return None


def author_entries(value: Any) -> list[tuple[str, bool]]:
    """The ``author`` field's entries (string, object or list of either) as (name, is an
    organisation) pairs, in order. A string says nothing of its type: it counts as a
    person."""
    entries: list[tuple[str, bool]] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            entries.append((item, False))
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = name[0] if name else None
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{item.get('givenName', '')} {item.get('familyName', '')}"
            if isinstance(name, str) and name.strip():
                entries.append((name, "organization" in _types(item)))
    return entries
