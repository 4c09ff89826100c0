"""Section ids made from headings, which furniture rules mistake for furniture names.

Pages give each section of an article an id made from its heading, so that a table of
contents can link to it: "menu-innovation-strategies", "sharing-your-results",
"related-work", "navigating-the-process". trafilatura discards sections whose id
contains "menu", "nav", "share", "related", "footer", "author" and the like, and so drops
those sections whole. An id whose words are the words of the section's first heading
(three words or more, in order) names the section, not its role: it is removed from the
tree that content selection reads.

Measured (``benchmarks/extraction.py``): WCXB half A 0.9534 -> 0.9537 (a guide whose
second section, "menu-innovation-...", was dropped), half B 0.9560 -> 0.9561; no page
lost. Ids that merely contain such a word ("main-menu-1", "footer-links-list") are
left alone: they are not the words of a heading inside the element.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_WORDS = re.compile(r"[^\W_]+")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Ids of fewer words ("main-nav", "share-box") are names of page parts.
_MIN_SLUG_WORDS = 3
# trafilatura's furniture rules match these in ids (OVERALL_DISCARD_XPATH); only such ids
# cost anything, so only they are looked at.
_FURNITURE_ID = re.compile(
    r"shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|"
    r"author|footer|nav|menu|related|premium|cookie|hidden",
    re.IGNORECASE,
)
# The elements trafilatura's rules discard by id.
_SECTION_TAGS = ("div", "section", "p", "span", "ul", "ol", "li")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def clear_heading_ids(tree: HtmlElement) -> None:
    """Removes the ids of sections whose id is made from their first heading.

    Args:
        tree: the page, changed in place (run it just before content selection: in-page
            links are no longer resolvable afterwards).
    """
    for element in tree.iter(*_SECTION_TAGS):
        identifier = element.get("id")
        if not identifier or not _FURNITURE_ID.search(identifier):
            continue
        slug = _words(identifier)
        if len(slug) < _MIN_SLUG_WORDS:
            continue
        heading = next(element.iter(*_HEADINGS), None)
        if heading is None:
            continue
        # Slugs are often cut at a length limit: the id may be a prefix of the heading.
        if _words(heading.text_content())[: len(slug)] == slug:
            del element.attrib["id"]
