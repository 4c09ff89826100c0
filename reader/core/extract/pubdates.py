"""When the article was published and last modified, and which part of the page said so.

Order of trust for the published date: JSON-LD ``datePublished`` (``json-ld``), article
meta properties (``opengraph``, ``meta:<name>``), a ``<time>`` element marked or placed as
the article's date (``time``), the dateline printed near the headline (``dateline``), the
URL (``url``), an update date printed near the headline when the page shows no other
(``dateline:updated``), JSON-LD ``dateCreated``, and last htmldate's heuristics
(``htmldate``). The modified date comes from structured data, else from the dateline.

Structured timestamps are often written in UTC while the URL and the visible dateline use
the site's local day: a UTC timestamp one day away from the URL's date yields to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from htmldate import find_date
from lxml.html import HtmlElement

from reader.core.extract.datelines import Datelines, find_datelines
from reader.core.extract.dates import parse_date, parse_url_date
from reader.core.extract.furniture import in_furniture
from reader.core.extract.jsonld import text_value
from reader.core.extract.nearby import LazyNearHeadline
from reader.core.extract.rules import MODIFIED_META, PUBLISHED_META

# "2025-12-19T02:41:41+00:00", "2025-12-19T02:41:41Z", "...T02:41:41.000Z"
_UTC_TIMESTAMP = re.compile(r"\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]00:?00)\s*$")
_UPDATE_LABEL = re.compile(r"\b(?:updated?|modified|revised)\b", re.IGNORECASE)
# A <time> marked as the publication date first, then the first <time> of the article.
_TIME_PATHS = (
    ".//time[@itemprop='datePublished']",
    ".//*[@itemprop='datePublished']",
    ".//time[@pubdate]",
    ".//article//time",
    ".//main//time",
    ".//time",
)


@dataclass(frozen=True)
class PageDates:
    """The published and modified dates (``YYYY-MM-DD``) with their sources."""

    published: str | None = None
    published_source: str = ""
    modified: str | None = None
    modified_source: str = ""


def _meta_source(name: str) -> str:
    return "opengraph" if name.startswith(("og:", "article:")) else f"meta:{name}"


def _structured(
    article: dict[str, object] | None,
    metas: dict[str, str],
    json_key: str,
    meta_names: tuple[str, ...],
) -> tuple[str | None, str, str]:
    """(date, source, raw value) from JSON-LD first, then meta tags."""
    if article is not None:
        raw = text_value(article.get(json_key)) or ""
        date = parse_date(raw)
        if date:
            return date, "json-ld", raw
    for name in meta_names:
        raw = metas.get(name) or ""
        date = parse_date(raw)
        if date:
            return date, _meta_source(name), raw
    return None, "", ""


def _local_day(date: str, raw: str, local: str | None) -> str:
    """The local day for a UTC timestamp, when a local source is one day away."""
    if local is None or local == date or not _UTC_TIMESTAMP.search(raw.strip()):
        return date
    gap = abs((dt.date.fromisoformat(date) - dt.date.fromisoformat(local)).days)
    return local if gap == 1 else date


def _time_element(tree: HtmlElement) -> str | None:
    for path in _TIME_PATHS:
        for element in list(tree.iterfind(path))[:3]:
            text = element.text_content()
            if _UPDATE_LABEL.search(text) or in_furniture(element):
                continue
            date = parse_date(element.get("datetime") or element.get("content"))
            date = date or parse_date(text)
            if date:
                return date
    return None


def _guess_date(tree: HtmlElement) -> str | None:
    """Last resort: htmldate's heuristics over the page's text and attributes.

    It looks at many weak signals (date patterns in classes, text near the title...), so it
    runs only when no other source gave a date. It copies the tree before pruning it. Its
    extensive search (every date-like string of the page) costs up to 300 ms on a page
    without any date and found one more right date on WCXB's 793 pages than without it;
    the dateline stage reads the text near the headline instead.
    """
    try:
        found = find_date(
            tree,
            original_date=True,
            extensive_search=False,
            outputformat="%Y-%m-%d",
            max_date=dt.date.today().isoformat(),
        )
    except (ValueError, TypeError):
        return None
    date = parse_date(found) if isinstance(found, str) else None
    # htmldate turns a bare year (a copyright line, "2026 guide") into January 1st: that
    # is no publication date.
    if date is not None and date.endswith("-01-01"):
        return None
    return date


def find_dates(
    tree: HtmlElement,
    article: dict[str, object] | None,
    metas: dict[str, str],
    urls: tuple[str | None, ...],
    near: LazyNearHeadline | None = None,
) -> PageDates:
    """Finds the published and modified dates of a page.

    Args:
        tree: the parsed page (not modified).
        article: the JSON-LD article object, if any.
        metas: meta values by lower-cased name.
        urls: the page's URLs (canonical, saved); the first with a date in its path counts.
        near: the text around the headline, shared with the byline stage.

    Returns:
        The dates and their sources.
    """
    url_date = next((date for date in map(parse_url_date, urls) if date), None)
    published, published_source, raw = _structured(article, metas, "datePublished", PUBLISHED_META)
    if published:
        published = _local_day(published, raw, url_date)
    modified, modified_source, raw = _structured(article, metas, "dateModified", MODIFIED_META)
    if modified:
        modified = _local_day(modified, raw, url_date)
    if published:
        return PageDates(published, published_source, modified, modified_source)
    datelines: list[Datelines] = []

    def dateline() -> Datelines:
        if not datelines:
            datelines.append(find_datelines(tree, near))
        return datelines[0]

    fallbacks: tuple[tuple[Callable[[], str | None], str], ...] = (
        (lambda: _time_element(tree), "time"),
        (lambda: dateline().published, "dateline"),
        (lambda: url_date, "url"),
        # A page that shows only when it was updated is dated by that.
        (lambda: dateline().modified, "dateline:updated"),
        (
            lambda: parse_date(text_value(article.get("dateCreated"))) if article else None,
            "json-ld",
        ),
        (lambda: _guess_date(tree), "htmldate"),
    )
    published, published_source = None, ""
    for finder, source in fallbacks:
        published = finder()
        if published:
            published_source = source
            break
    if modified is None and datelines and datelines[0].modified:
        modified, modified_source = datelines[0].modified, "dateline"
    return PageDates(published, published_source, modified, modified_source)
