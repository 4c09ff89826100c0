"""trafilatura's page-level pruning (``RAW_TREE_PRUNE_XPATH``, then
``REMOVE_COMMENTS_AND_LISTS_XPATH`` unless the page is a forum thread) as one walk.

trafilatura evaluates these rules as XPath expressions whose ``re:test`` calls go from
libxml2 back into Python's ``re`` for every element of the page: about 7% of our extraction
time (sampled over the 974 benchmark pages). The same rules read as attribute look-ups and
compiled expressions on one walk cost a fraction of that.

The rules are copied from trafilatura 2.3's ``xpaths.py``; trafilatura is pinned to that
minor version, and ``tests/unit/extract/test_raw_pruning.py`` checks on the benchmark pages
(every other one in the normal run, all with ``--stress``) and on made-up cases that the
walk removes exactly the elements trafilatura's expressions find, so a change of
trafilatura's rules fails the tests rather than drifting silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement
from trafilatura.core import _forum_thread_page

from reader.core.extract.elements import remove_keeping_tail
from reader.core.extract.section_rules import re_test

# RAW_TREE_PRUNE_XPATH: infinite-scroll containers of follow-up articles (unless they hold
# the page's h1: then they hold the article), and Elementor share bars.
_SCROLL_TAGS = frozenset({"div", "section", "aside"})
_SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED_POSTS = re.compile(r"mvp-post-add-(?:box|wrap)")
_SHARE_BUTTONS = "elementor-share-buttons"

# REMOVE_COMMENTS_AND_LISTS_XPATH: comment sections, and ol/ul comment lists (which the
# disqus ids alone do not mark).
_COMMENT_TAGS = frozenset({"div", "list", "section", "details", "ol", "ul"})
_LIST_TAGS = frozenset({"ol", "ul"})
_COMMENTS_ID = "[Cc]omment(?!ary)|comol"
_COMMENT_SECTION_ID = re.compile(rf"^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)")
_COMMENT_LIST_ID = re.compile(rf"^(?:{_COMMENTS_ID})")
_COMMENTS_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")


def is_raw_furniture(element: HtmlElement) -> bool:
    """Whether one of ``RAW_TREE_PRUNE_XPATH``'s expressions selects ``element``."""
    if element.tag not in _SCROLL_TAGS:
        return False
    get = element.get
    element_id, classes = get("id"), get("class")
    # An infinite-scroll container is furniture unless it holds the page's h1.
    scroll = re_test(_SCROLL, element_id) or re_test(_SCROLL, classes)
    if scroll and (
        next(element.iterdescendants("h1"), None) is None
        or re_test(_APPENDED_POSTS, element_id)
        or re_test(_APPENDED_POSTS, classes)
    ):
        return True
    return classes is not None and _SHARE_BUTTONS in classes


def is_comment_section(element: HtmlElement) -> bool:
    """Whether ``REMOVE_COMMENTS_AND_LISTS_XPATH`` selects ``element``."""
    tag = element.tag
    if tag not in _COMMENT_TAGS:
        return False
    get = element.get
    element_id, classes = get("id"), get("class")
    by_class = re_test(_COMMENTS_CLASS, classes)
    if not (by_class or re_test(_COMMENT_SECTION_ID, element_id)):
        return False
    return tag not in _LIST_TAGS or by_class or re_test(_COMMENT_LIST_ID, element_id)


def _remove(
    tree: HtmlElement, tags: frozenset[str], selects: Callable[[HtmlElement], bool]
) -> None:
    """Removes the elements below ``tree``'s root (``.//*``) that ``selects``, keeping their
    tails as trafilatura's ``delete_element`` does, in document order as trafilatura does: a
    selected element inside a removed one is then removed from the detached part, which
    changes nothing left in the page."""
    # Listed before removing (removal would end the iteration); ``iter`` filters by tag in C.
    for element in [e for e in tree.iter(*tags) if e is not tree and selects(e)]:
        remove_keeping_tail(element)


def prune_page(tree: HtmlElement) -> HtmlElement:
    """trafilatura's page-level pruning (furniture, then comment sections), in place."""
    _remove(tree, _SCROLL_TAGS, is_raw_furniture)
    # Read after the furniture is gone, as trafilatura does.
    if not _forum_thread_page(tree):
        _remove(tree, _COMMENT_TAGS, is_comment_section)
    return tree
