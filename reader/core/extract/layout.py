"""Class names on the page's own content that trafilatura's furniture rules misread.

trafilatura discards any element whose class contains "sidebar" or "embed" (among other
words). Two kinds of names on the article's own parts trip these rules:

- layout names on the wrappers of the article: "main-with-sidebar",
  "content-sidebar-wrap", "layout-content header-top-sidebar-left", "is-style-sidebar",
  "SidebarLayoutContent". The containers of the page's headline hold the article,
  whatever their class says, so on them the names containing "sidebar" are removed
  (``clear_sidebar_names``). Only "sidebar" is treated so: the same test for all of
  trafilatura's furniture words (banners, menus, widgets, sliders around the headline)
  helped WCXB half A (+0.0006) but cost half B 0.0005 (hero banners whose text the
  references leave out came in).
- custom-HTML blocks of site builders (Webflow's "w-embed") and directory entries named
  "embed", which hold tables and listings: an element named so that holds no frame,
  player or script and a table or a few sentences loses the name
  (``clear_embed_names``).

- names with an English "-ying" word ("buying-guide-table"), which trafilatura discards
  for the "yin" in them, a token meant for one site's boxes (``clear_ying_names``).

The names are removed from the tree that content selection reads, nothing else.

Measured (``benchmarks/extraction.py``): sidebar names WCXB half A 0.9537 -> 0.9540 (four
pages whose article wrapper was named after a sidebar layout, up to +0.05 each), half B
unchanged; embed names A 0.9540 -> 0.9558 (tables and listings of five pages, up to
+0.21), B 0.9561 -> 0.9562 (three up, two down by 0.01: tables the references left out);
"-ying" names A 0.9558 -> 0.9559 (a buying guide's comparison table), B up by 0.00001.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.core.extract.rules import FURNITURE_CLASS

# A headline in these is the site's name or a widget title, not the article's.
_OUTSIDE_ARTICLE = frozenset({"nav", "header", "footer", "aside"})
_WORD = "sidebar"


def _headline(tree: HtmlElement) -> HtmlElement | None:
    for heading in tree.iter("h1"):
        if not any(ancestor.tag in _OUTSIDE_ARTICLE for ancestor in heading.iterancestors()):
            return heading
    return None


def clear_sidebar_names(tree: HtmlElement) -> None:
    """Removes class names containing "sidebar" from the containers of the headline.

    Args:
        tree: the page, changed in place (run it just before content selection).
    """
    headline = _headline(tree)
    if headline is None:
        return
    for container in headline.iterancestors():
        names = container.get("class")
        if names and _WORD in names.lower():
            container.set("class", " ".join(n for n in names.split() if _WORD not in n.lower()))


# "embed", "w-embed", "embed-container": trafilatura reads "embed" in a class as an embedded
# post of another site (a tweet, a video) and discards the element.
_EMBED_NAME = re.compile(r"embed", re.IGNORECASE)
# What other sites' embedded posts are made of.
_EMBEDDED_TAGS = ("iframe", "object", "embed", "video", "audio", "script")
_EMBED_CLASS_HINT = re.compile(r"tweet|twitter|instagram|tiktok|facebook|youtube|social", re.I)
# Own text: a table, or a few sentences.
_MIN_OWN_WORDS = 20
_WORDS = re.compile(r"\w+")


def clear_embed_names(tree: HtmlElement) -> None:
    """Removes "embed" class names from elements that hold the page's own text.

    Site builders name their custom-HTML blocks "embed" (Webflow's "w-embed"), and pages
    use them for tables and directory entries; an element without a frame, player or
    script, not named after a social network, and holding a table or twenty words or
    more is the page's own content, not an embedded post.

    Args:
        tree: the page, changed in place (run it just before content selection).
    """
    for element in tree.xpath("//*[contains(translate(@class, 'EMBD', 'embd'), 'embed')]"):
        names = element.get("class") or ""
        if _EMBED_CLASS_HINT.search(names) or next(element.iter(*_EMBEDDED_TAGS), None) is not None:
            continue
        if element.find(".//table") is None:
            words = len(_WORDS.findall(element.text_content()))
            if words < _MIN_OWN_WORDS:
                continue
        element.set("class", " ".join(n for n in names.split() if not _EMBED_NAME.search(n)))


# trafilatura's vocabulary keeps "yin", a token for one site's boxes, which it matches
# anywhere in a class: inside "buying-guide", "paying", "playing", "displaying".
_YING_WORD = re.compile(r"[a-z]ying", re.IGNORECASE)


def clear_ying_names(tree: HtmlElement) -> None:
    """Removes class names with an English "-ying" word ("buying-guide-table") that are
    not named after furniture, which trafilatura would discard for the "yin" in them.

    Args:
        tree: the page, changed in place (run it just before content selection).
    """
    for element in tree.xpath("//*[contains(translate(@class, 'YIN', 'yin'), 'yin')]"):
        names = (element.get("class") or "").split()
        kept = [n for n in names if not _YING_WORD.search(n) or FURNITURE_CLASS.search(n)]
        if len(kept) < len(names):
            element.set("class", " ".join(kept))
