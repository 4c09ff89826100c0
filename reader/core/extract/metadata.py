"""Article metadata with provenance: which part of the page gave each value.

Sources, in order of trust for most fields: JSON-LD (``json-ld``), OpenGraph and article
meta properties (``opengraph``), other meta tags (``meta:<name>``), ``<time>`` elements
(``time``), the text printed near the headline (``dateline``, ``byline-text``), the URL
(``url``) and, for dates only, htmldate's heuristics (``htmldate``). The first source that
yields a plausible value wins; the source is recorded in ``PageMetadata.sources`` under
the field name. Each field has its own stage: ``titles`` (the visible ``<h1>`` checked
against the structured titles), ``bylines`` (persons, else the credit the page gives) and
``pubdates`` (published and modified dates).

Values here are only what extraction found; user edits are not this module's concern and
should be stored apart from them, so that re-extraction never overwrites them.

This module only reads the tree; it never changes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from reader.core.extract.bylines import find_authors
from reader.core.extract.headlines import find_headings
from reader.core.extract.jsonld import (
    find_article_object,
    find_site_name,
    read_json_ld,
    text_value,
)
from reader.core.extract.nearby import LazyNearHeadline
from reader.core.extract.pubdates import find_dates
from reader.core.extract.text import normalize_space, repair_text
from reader.core.extract.titles import choose_title


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


_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu"}


def _domain_name(url: str | None) -> str | None:
    """The name a site's domain spells ("soundstagexperience" for www.soundstagexperience.com);
    titles often carry it as their site-name part. Names under four letters match too much."""
    host = urlsplit(url).hostname if url else None
    labels = [label for label in (host or "").split(".") if label and label != "www"][:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return labels[-1] if labels and len(labels[-1]) >= 4 else None


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

    title_tag = _first_text(tree, ".//title")
    candidates: list[tuple[str | None, str]] = []
    if article is not None:
        candidates.append((text_value(article.get("headline")), "json-ld"))
    for name in ("og:title", "twitter:title", "citation_title", "dc.title"):
        candidates.append((metas.get(name), _meta_source(name)))
    candidates.append((title_tag, "title-tag"))
    sites = (site_json, site_meta[1] if site_meta else None, publisher, _domain_name(url))
    title, title_source = choose_title(find_headings(tree), candidates, sites)
    found.set("title", title, title_source)

    organisations = {_key(name) for name in (found.site, publisher) if name}
    near = LazyNearHeadline(tree)
    authors, author_source = find_authors(tree, article, metas, organisations, title_tag, near)
    # A page that credits nobody has no author: the site's name is no byline (measured on
    # WCXB, it named the author on 3 of 34 such pages; the others are brands).
    found.set("authors", authors, author_source)

    dates = find_dates(tree, article, metas, (found.url, saved_url), near)
    found.set("published", dates.published, dates.published_source)
    found.set("modified", dates.modified, dates.modified_source)

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
