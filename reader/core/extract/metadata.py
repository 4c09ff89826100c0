"""Article metadata with provenance: which part of the page gave each value.

Sources, in order of trust for most fields: JSON-LD (``json-ld``), OpenGraph and article
meta properties (``opengraph``), other meta tags (``meta:<name>``), ``<time>`` elements
(``time``), byline elements (``byline-text``), the URL (``url``) and, for dates only,
htmldate's heuristics (``htmldate``). The first source that yields a plausible value wins;
the source is recorded in ``PageMetadata.sources`` under the field name. The title is the
exception: the visible ``<h1>`` headline (``h1``) is preferred to structured titles, which
are often SEO variants (see ``titles.choose_title``).

Values here are only what extraction found; user edits are not this module's concern and
should be stored apart from them, so that re-extraction never overwrites them.

This module only reads the tree; it never changes it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement

from reader.core.extract.authors import clean_author
from reader.core.extract.bylines import find_authors
from reader.core.extract.dates import parse_date, parse_url_date
from reader.core.extract.jsonld import (
    find_article_object,
    find_site_name,
    read_json_ld,
    text_value,
)
from reader.core.extract.rules import MODIFIED_META, PUBLISHED_META
from reader.core.extract.text import normalize_space, repair_text
from reader.core.extract.titles import choose_title, clean_title, headline_texts


@dataclass
class PageMetadata:
    """Metadata found in a page; ``sources`` maps a field name to where its value came from."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    keywords: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)

    def set(self, name: str, value: object, source: str) -> bool:
        """Sets a field if it is still empty and the value is not; returns True if set."""
        if not value or getattr(self, name):
            return False
        setattr(self, name, value)
        self.sources[name] = source
        return True


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def _meta_index(tree: HtmlElement) -> dict[str, str]:
    """All ``<meta>`` values keyed by lower-cased name/property (first occurrence wins)."""
    index: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            index.setdefault(key.strip().lower(), repair_text(content))
    return index


def _first_meta(metas: dict[str, str], names: tuple[str, ...]) -> tuple[str, str] | None:
    for name in names:
        if name in metas:
            return name, metas[name]
    return None


def _meta_source(name: str) -> str:
    return "opengraph" if name.startswith(("og:", "article:")) else f"meta:{name}"


def _first_text(tree: HtmlElement, path: str) -> str | None:
    for element in tree.iterfind(path):
        text = normalize_space(element.text_content())
        if text:
            return text
    return None


def _canonical_url(
    tree: HtmlElement, metas: dict[str, str], saved_url: str | None
) -> tuple[str | None, str]:
    for link in tree.iterfind(".//link[@rel]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = (link.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                return href, "link:canonical"
    og_url = metas.get("og:url", "")
    if og_url.startswith(("http://", "https://")):
        return og_url, "opengraph"
    return saved_url, "saved-url"


def _find_date(
    tree: HtmlElement,
    article: dict[str, object] | None,
    metas: dict[str, str],
    json_key: str,
    meta_names: tuple[str, ...],
) -> tuple[str | None, str]:
    if article is not None:
        date = parse_date(text_value(article.get(json_key)))
        if date:
            return date, "json-ld"
    for name in meta_names:
        date = parse_date(metas.get(name))
        if date:
            return date, _meta_source(name)
    return None, ""


def _find_time_element(tree: HtmlElement) -> str | None:
    # A <time> marked as the publication date first, then the first <time> in an article.
    paths = (
        ".//time[@itemprop='datePublished']",
        ".//*[@itemprop='datePublished']",
        ".//time[@pubdate]",
        ".//article//time",
        ".//main//time",
        ".//time",
    )
    for path in paths:
        for element in list(tree.iterfind(path))[:3]:
            date = parse_date(element.get("datetime") or element.get("content"))
            date = date or parse_date(element.text_content())
            if date:
                return date
    return None


def _guess_date(tree: HtmlElement) -> str | None:
    """Last resort: htmldate's heuristics over the page's text and attributes.

    It looks at many weak signals (date patterns in classes, text near the title...), so it
    runs only when no structured source gave a date. It copies the tree before pruning it.
    """
    try:
        found = find_date(
            tree,
            original_date=True,
            extensive_search=True,
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


def extract_metadata(tree: HtmlElement, saved_url: str | None) -> PageMetadata:
    """Reads title, authors, dates, site, URL, language, description and keywords.

    Args:
        tree: the parsed page.
        saved_url: the URL the page was saved from, if known.

    Returns:
        The metadata found, with the source of each value.
    """
    found = PageMetadata()
    metas = _meta_index(tree)
    objects = read_json_ld(tree)
    article = find_article_object(objects)

    url, url_source = _canonical_url(tree, metas, saved_url)
    found.set("url", url, url_source)

    publisher = text_value(article.get("publisher")) if article is not None else None
    site_meta = _first_meta(metas, ("og:site_name", "application-name", "twitter:site"))
    site_json = find_site_name(objects)
    if article is not None and not site_json:
        site_json = text_value(article.get("publisher"))
    found.set("site", site_json, "json-ld")
    if site_meta and not site_meta[1].startswith("@"):
        found.set("site", site_meta[1], _meta_source(site_meta[0]))

    headings = headline_texts(tree)
    h1 = headings[0] if headings else None
    title_tag = _first_text(tree, ".//title")
    candidates: list[tuple[str | None, str]] = []
    if article is not None:
        candidates.append((text_value(article.get("headline")), "json-ld"))
    for name in ("og:title", "twitter:title", "citation_title", "dc.title"):
        candidates.append((metas.get(name), _meta_source(name)))
    candidates.append((title_tag, "title-tag"))
    meta_titles: list[tuple[str, str]] = []
    for value, source in candidates:
        title = clean_title(repair_text(value) if value else None, site=found.site, h1=h1)
        if title:
            meta_titles.append((title, source))
    title, title_source = choose_title(headings, meta_titles, found.site)
    found.set("title", title, title_source)

    organisations = {_key(name) for name in (found.site, publisher) if name}
    authors, author_source = find_authors(tree, article, metas, organisations, title_tag)
    found.set("authors", authors, author_source)
    if not found.authors and found.site:
        # A personal site names its author as the site ("Jane Doe"); a one-word site name
        # is a brand, not a person.
        person = clean_author(found.site)
        if person and 2 <= len(person.split()) <= 3:
            found.set("authors", (person,), "site-name")

    published, source = _find_date(tree, article, metas, "datePublished", PUBLISHED_META)
    found.set("published", published, source)
    modified, source = _find_date(tree, article, metas, "dateModified", MODIFIED_META)
    found.set("modified", modified, source)
    if not found.published:
        found.set("published", _find_time_element(tree), "time")
    if not found.published:
        found.set("published", parse_url_date(found.url or saved_url), "url")
    if not found.published and article is not None:
        found.set("published", parse_date(text_value(article.get("dateCreated"))), "json-ld")
    if not found.published:
        found.set("published", _guess_date(tree), "htmldate")

    language = tree.get("lang") or tree.get("xml:lang") or metas.get("og:locale")
    if language:
        found.set("language", language.strip().replace("_", "-").split("-")[0].lower(), "html-lang")
    elif article is not None:
        found.set("language", text_value(article.get("inLanguage")), "json-ld")

    description = _first_meta(metas, ("description", "og:description", "twitter:description"))
    if article is not None and text_value(article.get("description")):
        found.set("description", text_value(article.get("description")), "json-ld")
    if description:
        found.set("description", description[1], _meta_source(description[0]))

    keywords = _find_keywords(article, metas)
    if keywords:
        found.set("keywords", keywords[0], keywords[1])
    if found.url:
        found.set("site", urlsplit(found.url).hostname, "url")
    return found


def _find_keywords(
    article: dict[str, object] | None, metas: dict[str, str]
) -> tuple[tuple[str, ...], str] | None:
    values: list[str] = []
    source = ""
    if article is not None:
        raw = article.get("keywords")
        if isinstance(raw, list):
            values = [str(item) for item in raw]
        elif isinstance(raw, str):
            values = raw.split(",")
        section = text_value(article.get("articleSection"))
        if section:
            values.insert(0, section)
        source = "json-ld"
    if not values:
        for name in ("keywords", "news_keywords", "article:tag", "article:section"):
            if name in metas:
                values = metas[name].split(",")
                source = _meta_source(name)
                break
    cleaned = tuple(
        dict.fromkeys(k for k in (normalize_space(v) for v in values) if 0 < len(k) < 60)
    )
    return (cleaned[:20], source) if cleaned else None
