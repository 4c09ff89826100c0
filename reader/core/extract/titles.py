"""Page titles without their site-name decoration.

"Taliban attack provincial capital amid US pullout | DW | 07.07.2021" becomes the headline.
A separator-delimited part is dropped when it names the site, or when the rest matches the
page's ``<h1>``; a lone trailing part after " | " is dropped when it is short.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.core.extract.dates import parse_date
from reader.core.extract.text import normalize_space, repair_text

_SEPARATORS = re.compile(r"\s+[|–—•·»:\-]\s+|\s+::\s+|\s+/\s+")
_MAX_TITLE = 300


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def clean_title(value: str | None, *, site: str | None, h1: str | None) -> str | None:
    """Removes site-name prefixes and suffixes from a title candidate.

    Args:
        value: a raw title (``<title>``, ``og:title``...).
        site: the site name when known.
        h1: the page's first ``<h1>`` text, used to confirm which part is the headline.

    Returns:
        The cleaned title, or None for an empty or implausible value.
    """
    if not value:
        return None
    title = repair_text(value)
    if not title or len(title) > _MAX_TITLE:
        return None
    h1_key = _key(h1) if h1 else ""
    if h1_key and _key(title) == h1_key:
        return title
    parts = _SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    separators = _SEPARATORS.findall(title)
    site_key = _key(site) if site else ""
    # The headline is the part that equals the <h1>, if one does.
    if h1_key:
        for start in range(len(parts)):
            for end in range(len(parts), start, -1):
                if _key(_join(parts, separators, start, end)) == h1_key:
                    return _join(parts, separators, start, end)
    # Drop parts that name the site from either end.
    start, end = 0, len(parts)
    while site_key and end - start > 1 and _is_site(parts[end - 1], site_key):
        end -= 1
    while site_key and end - start > 1 and _is_site(parts[start], site_key):
        start += 1
    if (start, end) == (0, len(parts)):
        # No site name known: a short last part after a pipe-like separator is the site.
        last_separator = separators[-1].strip()
        if last_separator in {"|", "–", "—", "-", "•", "·", "»", "::"} and len(parts[-1]) <= 30:
            kept = _join(parts, separators, 0, len(parts) - 1)
            if len(kept) >= 10:
                return kept
        return title
    return _join(parts, separators, start, end)


def _is_site(part: str, site_key: str) -> bool:
    # Trailing dates ("| 07.07.2021") decorate titles the same way site names do.
    if parse_date(part) and len(part) <= 30:
        return True
    key = _key(part)
    return bool(key) and (key == site_key or key in site_key or site_key in key and len(key) < 40)


def _join(parts: list[str], separators: list[str], start: int, end: int) -> str:
    text = parts[start]
    for index in range(start + 1, end):
        text += separators[index - 1] + parts[index]
    return text.strip()


_TOKENS = re.compile(r"\w+")
_OUTSIDE_HEADLINE = {"nav", "footer", "aside"}
# Below this share of common words with every structured title, an <h1> is a label.
_MIN_HEADING_OVERLAP = 0.2
_STRUCTURED_ORDER = ("opengraph", "title-tag", "json-ld")


def _overlap(first: str, second: str) -> float:
    a = set(_TOKENS.findall(first.lower()))
    b = set(_TOKENS.findall(second.lower()))
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def choose_title(
    headings: list[str], meta_titles: list[tuple[str, str]], site: str | None
) -> tuple[str | None, str]:
    """Picks the article's title: its visible ``<h1>`` when there is a plausible one.

    Structured titles (JSON-LD headline, ``og:title``, ``<title>``) are often SEO variants
    of the headline the reader sees, so the visible ``<h1>`` wins when it is not the site's
    name. Among several ``<h1>``, the one closest to the structured titles wins. An
    ``<h1>`` sharing few words with every structured title is a section label ("Our
    blog", "Webcams"), not the headline: the structured title wins then. An all-capitals
    ``<h1>`` takes the capitalisation of a structured title with the same words.

    Args:
        headings: texts of the page's ``<h1>`` elements outside navigation, in order.
        meta_titles: (cleaned title, source) pairs from structured data, best first.
        site: the site name, if known.

    Returns:
        The title and its source, or (None, "") when nothing plausible was found.
    """
    heading = _choose_heading(headings, meta_titles, site)
    if heading is not None:
        if not meta_titles:
            return heading, "h1"
        for title, source in meta_titles:
            if heading.isupper() and _key(title) == _key(heading):
                return title, source
        if max(_overlap(heading, title) for title, _ in meta_titles) >= _MIN_HEADING_OVERLAP:
            return heading, "h1"
        return min(meta_titles, key=lambda pair: _source_rank(pair[1]))
    for title, source in meta_titles:
        if title:
            return title, source
    return None, ""


def _source_rank(source: str) -> int:
    # og:title is written for people sharing the page, the <title> for the browser tab;
    # both name the article more often than a JSON-LD headline does (measured on WCXB).
    return _STRUCTURED_ORDER.index(source) if source in _STRUCTURED_ORDER else 3


def _choose_heading(
    headings: list[str], meta_titles: list[tuple[str, str]], site: str | None
) -> str | None:
    site_key = _key(site) if site else ""
    candidates: list[str] = []
    for heading in headings:
        text = repair_text(heading)
        words = len(_TOKENS.findall(text))
        if not 1 <= words <= 40 or len(text) > _MAX_TITLE:
            continue
        if site_key and (_key(text) == site_key or _key(text) in site_key):
            continue
        if any(_key(text) == _key(title) for title, _ in meta_titles) or words >= 2:
            candidates.append(clean_title(text, site=site, h1=None) or text)
    if not candidates:
        return None
    if len(candidates) == 1 or not meta_titles:
        return candidates[0]
    scored = [
        (max(_overlap(candidate, title) for title, _ in meta_titles), -index, candidate)
        for index, candidate in enumerate(candidates)
    ]
    return max(scored)[2]


def headline_texts(tree: HtmlElement) -> list[str]:
    """Texts of ``<h1>`` elements that are not inside navigation, footers or asides."""
    texts: list[str] = []
    for element in list(tree.iter("h1"))[:10]:
        if any(a.tag in _OUTSIDE_HEADLINE for a in element.iterancestors()):
            continue
        text = normalize_space(element.text_content())
        if text and text not in texts:
            texts.append(text)
    return texts
