"""trafilatura's content-area and section-pruning XPath rules as element tests.

trafilatura's main pass (``main_extractor._extract``) finds the content frame with
``BODY_XPATH`` and prunes it with ``OVERALL_DISCARD_XPATH``, ``DISCARD_IMAGE_ELEMENTS`` and
``TEASER_DISCARD_XPATH``; its justext rescue and ``html2txt`` clean the page with
``BASIC_CLEAN_XPATH``. libxml2 evaluates their ``re:test`` calls by calling back into
Python for every element (and evaluates a whole ``[1]`` expression before taking its first
node): about 16% of our extraction time, sampled over the 974 benchmark pages. Read as
attribute look-ups and compiled expressions, and stopped at the first match where only the
first is used, the same rules cost about a quarter of that.

The rules mirror trafilatura 2.3.1's ``xpaths.py`` and ``settings.py`` (pinned); the token
vocabularies are imported from it, so only the expressions' structure is restated here.
``tests/unit/extract/test_section_rules.py`` checks on made-up cases and on every benchmark
page that each test selects exactly the elements trafilatura's expression selects.

XPath details kept: a missing attribute reads as the empty string; ``@id|@class`` reads the
one that comes first in the element's source (XPath takes the first node of a node-set);
``.//*`` is every descendant element, not the element itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml.etree import _Element
from trafilatura.settings import _COOKIE_CONSENT_RE
from trafilatura.xpaths import (
    _ARTICLE_CONTENT_CLASS_TOKENS,
    _ARTICLE_CONTENT_ID_TOKENS,
    _CONSENT_ID_CLASS_TOKENS,
    _MAIN_CONTENT_CLASS_TOKENS,
    _MAIN_CONTENT_ID_TOKENS,
    _OVERALL_DISCARD_BOTH_TOKENS,
    _OVERALL_DISCARD_CLASS_TOKENS,
    _OVERALL_DISCARD_ID_TOKENS,
    _STORY_CLASS_TOKENS,
    _STORY_ID_TOKENS,
    _alt,
)

Rule = Callable[[_Element], bool]

# The element kinds the section rules look at (``self::div or self::item or ...``).
SECTION_TAGS = ("div", "item", "list", "p", "section", "span")
# The element kinds a content frame can be.
_FRAME_TAGS = ("article", "div", "main", "section")

_CONSENT = re.compile(_alt(_CONSENT_ID_CLASS_TOKENS))
_DISCARD_ID = re.compile(_alt(_OVERALL_DISCARD_BOTH_TOKENS + _OVERALL_DISCARD_ID_TOKENS))
_DISCARD_CLASS = re.compile(_alt(_OVERALL_DISCARD_BOTH_TOKENS + _OVERALL_DISCARD_CLASS_TOKENS))
# OVERALL_DISCARD_XPATH's second expression states its patterns inline.
_HIDDEN = re.compile("hidden")
_COMMENT_ID = re.compile("reader-comments|akismet")
_HIDING_CLASS = re.compile(
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print"
    "| hidden| hide|noprint|notloaded"
)

_ARTICLE_ID = re.compile(_alt(_ARTICLE_CONTENT_ID_TOKENS))
_ARTICLE_CLASS = re.compile(_alt(_ARTICLE_CONTENT_CLASS_TOKENS))
_STORY_ID = re.compile(_alt(_STORY_ID_TOKENS))
_FULLTEXT = re.compile("fulltext", re.IGNORECASE)
_STORY_CLASS = re.compile(_alt(_STORY_CLASS_TOKENS))
_STORY_CLASSES = frozenset({"postarea", "art-postcontent", "text", "cell", "story"})
_MAIN_ID = re.compile(_alt(_MAIN_CONTENT_ID_TOKENS))
_MAIN_CLASS = re.compile(_alt(_MAIN_CONTENT_CLASS_TOKENS))

# BASIC_CLEAN_XPATH (settings.py), which html2txt and the baseline rescue apply.
_BASIC_FURNITURE_TAGS = frozenset(
    {"aside", "fencedframe", "footer", "script", "style", "svg", "template"}
)
_COOKIE_CONSENT = re.compile(_COOKIE_CONSENT_RE, re.IGNORECASE)


def re_test(pattern: re.Pattern[str], value: str | None) -> bool:
    """EXSLT ``re:test`` on an attribute, for patterns that do not match the empty string
    (a missing attribute reads as the empty string). None of the rules' patterns does: one
    that did would select every element, which the equivalence tests would show."""
    return value is not None and pattern.search(value) is not None


def _first(element: _Element, first: str, second: str) -> str:
    """XPath's string value of ``@first|@second``: the attribute that comes first in the
    element's source, or the empty string."""
    one: str | None = element.get(first)
    other: str | None = element.get(second)
    if one is None:
        return other or ""
    if other is None:
        return one
    for name in element.keys():  # noqa: SIM118 - attributes in source order
        if name == first:
            return one
        if name == second:
            return other
    return one  # not reached: both attributes are among the keys


def is_discarded_section(element: _Element) -> bool:
    """``OVERALL_DISCARD_XPATH``'s first expression (navigation, sharing, ads, consent...)."""
    if element.tag not in SECTION_TAGS:
        return False
    get = element.get
    element_id, classes = get("id"), get("class")
    return (
        get("data-lp-replacement-content") is not None
        or "nav" in (get("role") or "").replace("N", "n")
        or "MostPopularStories" in (get("data-component") or "")
        or (
            (element_id is not None or classes is not None)
            and re_test(_CONSENT, _first(element, "id", "class"))
        )
        or re_test(_DISCARD_ID, element_id)
        or re_test(_DISCARD_CLASS, classes)
    )


def is_hidden_part(element: _Element) -> bool:
    """``OVERALL_DISCARD_XPATH``'s second expression (hidden parts and comment furniture),
    which applies to elements of any kind."""
    get = element.get
    element_id, classes, style = get("id"), get("class"), get("style")
    if element_id is None and classes is None and style is None:
        return bool(get("aria-hidden") == "true")
    return (
        classes == "comments-title"
        or _first(element, "id", "class").startswith("reply-")
        or re_test(_HIDDEN, _first(element, "id", "style"))
        or (style is not None and ("display:none" in style or "display: none" in style))
        or re_test(_COMMENT_ID, element_id)
        or re_test(_HIDING_CLASS, classes)
        or get("aria-hidden") == "true"
    )


def is_teaser(element: _Element) -> bool:
    """``TEASER_DISCARD_XPATH``: 'teaser' (or 'Teaser') in the id or class."""
    if element.tag not in SECTION_TAGS:
        return False
    get = element.get
    return "teaser" in (get("id") or "").replace("T", "t") or "teaser" in (
        get("class") or ""
    ).replace("T", "t")


def is_caption(element: _Element) -> bool:
    """``DISCARD_IMAGE_ELEMENTS``: 'caption' in the id or class."""
    if element.tag not in SECTION_TAGS:
        return False
    get = element.get
    return "caption" in (get("id") or "") or "caption" in (get("class") or "")


def is_basic_furniture(element: _Element) -> bool:
    """``BASIC_CLEAN_XPATH``: asides, footers, scripts, styles and the like, footer divs,
    cookie-consent banners."""
    tag = element.tag
    if tag in _BASIC_FURNITURE_TAGS:
        return True
    get = element.get
    element_id, classes = get("id"), get("class")
    if element_id is None and classes is None:
        return False
    if tag == "div" and "footer" in _first(element, "class", "id"):
        return True
    return re_test(_COOKIE_CONSENT, classes) or re_test(_COOKIE_CONSENT, element_id)


def _is_article_frame(element: _Element) -> bool:
    """``BODY_XPATH[0]``: article-body ids and classes."""
    get = element.get
    element_id, classes = get("id"), get("class")
    return (
        classes in ("post", "entry")
        or get("itemprop") == "articleBody"
        or element_id == "articleContent"
        or re_test(_ARTICLE_ID, element_id)
        or re_test(_ARTICLE_CLASS, classes)
    )


def _is_story_frame(element: _Element) -> bool:
    """``BODY_XPATH[2]``: story ids and classes."""
    get = element.get
    element_id, classes = get("id"), get("class")
    return (
        get("role") == "article"
        or element_id in ("article", "story")
        or classes in _STORY_CLASSES
        or re_test(_STORY_ID, element_id)
        or re_test(_FULLTEXT, classes)
        or re_test(_STORY_CLASS, classes)
    )


def _is_main_frame(element: _Element) -> bool:
    """``BODY_XPATH[3]``: main-content ids and classes."""
    get = element.get
    element_id, classes = get("id") or "", get("class") or ""
    return (
        element_id == "content"
        or classes == "content"
        or re_test(_MAIN_ID, element_id)
        or re_test(_MAIN_CLASS, classes)
        or "main-content" in element_id.replace("C", "c").replace("M", "m")
        or "main-content" in classes.replace("C", "c").replace("M", "m")
        or "page-content" in classes.replace("C", "c").replace("P", "p")
    )


def _is_main_element(element: _Element) -> bool:
    """``BODY_XPATH[4]``: a main element, or a block whose class, id or role starts 'main'."""
    if element.tag == "main":
        return True
    get = element.get
    return any((get(name) or "").startswith("main") for name in ("class", "id", "role"))


def _first_frame(tree: _Element, tags: tuple[str, ...], rule: Rule) -> _Element | None:
    descendants: Iterator[_Element] = tree.iterdescendants(*tags)
    return next((element for element in descendants if rule(element)), None)


def _first_article(tree: _Element) -> _Element | None:
    return next(tree.iterdescendants("article"), None)


# One finder per BODY_XPATH expression, in trafilatura's order: each returns the first
# descendant in document order that the expression selects (what ``_extract`` takes of it).
FRAME_FINDERS: tuple[Callable[[_Element], _Element | None], ...] = (
    lambda tree: _first_frame(tree, _FRAME_TAGS, _is_article_frame),
    _first_article,
    lambda tree: _first_frame(tree, _FRAME_TAGS, _is_story_frame),
    lambda tree: _first_frame(tree, _FRAME_TAGS, _is_main_frame),
    lambda tree: _first_frame(tree, ("article", "div", "section", "main"), _is_main_element),
)
