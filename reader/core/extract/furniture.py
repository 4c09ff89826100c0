"""Page furniture: the parts of a page whose dates and names are not the article's.

Navigation, footers, asides, forms, menus, comment threads and related-article lists all
carry dates and person names (commenters, authors of other articles). The search for
the dateline and the byline near the headline reads past all of them (``is_furniture``).
Elsewhere, bylines marked up as such are only refused inside other people's content,
comments and lists of other articles (``in_other_content``), and "By ..." labels also in
navigation ("Browse by Role", ``in_navigation``): pages do put the article's own byline in
asides, article footers and header bars. The rules are data in ``rules``.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.core.extract.rules import (
    FURNITURE_CLASS,
    FURNITURE_TAGS,
    NAVIGATION_CLASS,
    NAVIGATION_TAGS,
    OTHER_CONTENT_CLASS,
    OTHER_CONTENT_TAGS,
)

# The page's own classes ("single-post amasty-mega-menu") describe the whole page.
_WHOLE_PAGE = {"html", "body"}


def _matches(element: HtmlElement, tags: frozenset[str], names: re.Pattern[str]) -> bool:
    if element.tag in _WHOLE_PAGE:
        return False
    if element.tag == "footer" and "footer" in tags:
        # A <footer> inside an <article> holds the article's own byline and dates.
        return not any(ancestor.tag == "article" for ancestor in element.iterancestors())
    if element.tag in tags:
        return True
    classes = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(classes.strip()) and names.search(classes) is not None


def is_furniture(element: HtmlElement) -> bool:
    """True when the element itself is furniture, by its tag or its class or id names."""
    return _matches(element, FURNITURE_TAGS, FURNITURE_CLASS)


def in_furniture(element: HtmlElement) -> bool:
    """True when the element or one of its ancestors is furniture."""
    return is_furniture(element) or any(is_furniture(a) for a in element.iterancestors())


def in_navigation(element: HtmlElement) -> bool:
    """True when the element sits in navigation: a ``<nav>``, a menu or a dropdown."""
    return any(
        _matches(e, NAVIGATION_TAGS, NAVIGATION_CLASS) for e in (element, *element.iterancestors())
    )


def in_other_content(element: HtmlElement) -> bool:
    """True when the element sits in a comment thread, a form or a list of other articles."""
    return any(
        _matches(e, OTHER_CONTENT_TAGS, OTHER_CONTENT_CLASS)
        for e in (element, *element.iterancestors())
    )
