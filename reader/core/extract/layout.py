"""Class names on the page's own content that trafilatura's furniture rules misread.

trafilatura discards any element whose class contains one of its furniture words
("sidebar", "embed", "slide", "-icon", "bar", "yin", ...), matched anywhere in the name.
Four kinds of names on the article's own parts trip these rules:

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
  player or script, is not named after a social network, and holds a table or a few
  sentences loses the name.
- names with an English "-ying" word ("buying-guide-table"), which trafilatura discards
  for the "yin" in them, a token meant for one site's boxes.
- names of small interface parts on content: listicle slides and testimonial sliders
  ("slide"), accordions styled with icons ("has-icon"), "bard" or "contentbar" blocks
  ("bar"). Such an element holding prose (40 words or more, little of it link text) loses
  them; menus and teaser sliders are link text. "widget" was tried the same way and cost
  half A 0.0015 (Elementor sidebars came in), "meta" changed nothing, and "expand" cost
  half A 0.0005 (a collapsed code block that the reference leaves out).

Names that also say furniture ("cookie-bar", "newsletter-embed", "promo-slider") are kept
by the last three rules: such boxes hold prose too. The names are removed from the tree
that content selection reads, nothing else; the last three in one pass over the elements
whose class holds one of those words (``clear_misread_names``).

Measured (``benchmarks/extraction.py``, WCXB half A / half B): sidebar names 0.9537 ->
0.9540 (four pages, up to +0.05 each) / unchanged; embed names 0.9540 -> 0.9558 (tables
and listings of five pages, up to +0.21) / 0.9561 -> 0.9562 (three up, two down by 0.01:
tables the references left out); "-ying" names 0.9558 -> 0.9559 / +0.00001; interface
names 0.9559 -> 0.9572 (six pages up to +0.29, one down by 0.005) / 0.9562 -> 0.9570
(three pages up, none down). ScrapingHub 0.9758 -> 0.9762 (embed names), else unchanged.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from reader.core.extract.rules import FURNITURE_CLASS

# A headline in these is the site's name or a widget title, not the article's.
_OUTSIDE_ARTICLE = frozenset({"nav", "header", "footer", "aside"})
_SIDEBAR = "sidebar"
_WORDS = re.compile(r"\w+")
# Class attributes that hold one of the words below; trafilatura matches them
# case-sensitively, and so do these rules.
_CLASSES = etree.XPath("//@class")
_CANDIDATE = re.compile(r"embed|yin|slide|-icon|bar")

# trafilatura reads "embed" as an embedded post of another site (a tweet, a video).
_EMBED_NAME = re.compile(r"embed")
_EMBEDDED_TAGS = ("iframe", "object", "embed", "video", "audio", "script")
_SOCIAL_NAME = re.compile(r"tweet|twitter|instagram|tiktok|facebook|youtube|social", re.I)
_MIN_EMBED_WORDS = 20
# trafilatura's "yin" matches inside "buying", "paying", "playing", "displaying".
_YING_WORD = re.compile(r"[a-z]ying")
# trafilatura's names for small interface parts; a sidebar is not one of them.
_UI_NAME = re.compile(r"slide|-icon|bar")
# Names that say furniture whatever else they say ("cookie-bar", "newsletter-embed",
# "promo-slider", "announcement-bar"): such boxes hold prose too, and keep these names.
_FURNITURE_NAME = re.compile(
    r"cookie|consent|gdpr|notice|notif|announce|alert|promo|newsletter|subscri|banner|advert|"
    r"sponsor|share|social|nav|menu|search|login|cart|footer|sidebar|comment|related",
    re.IGNORECASE,
)
_UI_TAGS = frozenset({"div", "section", "p", "span", "ul", "ol", "li"})
_MIN_PROSE_WORDS = 40
_MAX_PROSE_LINK_SHARE = 0.3


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
        if names and _SIDEBAR in names.lower():
            kept = [name for name in names.split() if _SIDEBAR not in name.lower()]
            container.set("class", " ".join(kept))


class _Text:
    """Word counts of one element, read once and only when a rule needs them."""

    def __init__(self, element: HtmlElement) -> None:
        self._element = element
        self._words: int | None = None

    @property
    def words(self) -> int:
        if self._words is None:
            self._words = len(_WORDS.findall(self._element.text_content()))
        return self._words

    def is_prose(self) -> bool:
        if self.words < _MIN_PROSE_WORDS:
            return False
        links = self._element.iter("a")
        linked = sum(len(_WORDS.findall(link.text_content())) for link in links)
        return linked <= _MAX_PROSE_LINK_SHARE * self.words


def _is_own_embed(element: HtmlElement, names: str, text: _Text) -> bool:
    if _SOCIAL_NAME.search(names) or next(element.iter(*_EMBEDDED_TAGS), None) is not None:
        return False
    return element.find(".//table") is not None or text.words >= _MIN_EMBED_WORDS


def _misread(element: HtmlElement, names: str) -> set[str]:
    """The class names of an element that trafilatura would misread as furniture."""
    own = [
        n for n in names.split() if not _FURNITURE_NAME.search(n) and not FURNITURE_CLASS.search(n)
    ]
    text = _Text(element)
    misread: set[str] = set()
    embeds = [name for name in own if _EMBED_NAME.search(name)]
    if embeds and _is_own_embed(element, names, text):
        misread.update(embeds)
    misread.update(name for name in own if _YING_WORD.search(name))
    if element.tag in _UI_TAGS:
        parts = [name for name in own if _UI_NAME.search(name)]
        if parts and text.is_prose():
            misread.update(parts)
    return misread


def clear_misread_names(tree: HtmlElement) -> None:
    """Removes embed, "-ying" and interface class names from the page's own content.

    Args:
        tree: the page, changed in place (run it just before content selection).
    """
    for value in _CLASSES(tree):
        if not _CANDIDATE.search(value):
            continue
        # The attribute's value knows its element (lxml's "smart strings").
        element = value.getparent()
        names = str(value)
        misread = _misread(element, names)
        if misread:
            element.set("class", " ".join(n for n in names.split() if n not in misread))
