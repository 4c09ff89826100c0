"""How far the WCXB labels allow title and date rules to go (``metadata.py --labels``).

Title and date accuracy are scored by exact match against one annotator's choice, while a
page usually offers several candidates: its visible headline (``<h1>``) and the titles in
its structured data (JSON-LD, OpenGraph, Twitter, citation and Dublin Core tags, and
``<title>``, with the site's name cut off), its published and its modified date. This study
measures, with no rule of ours involved beyond cutting site names:

- the ceiling: on how many pages any candidate equals the label;
- on pages where the headline and the structured title most sources give disagree, how
  often the label follows each (a rule can only follow one of them per page);
- on pages whose published and modified days differ, how often the label is each.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Callable

from extraction import Reference
from lxml.html import HtmlElement

from reader.core.extract.headlines import find_headings
from reader.core.extract.jsonld import find_article_object, read_json_ld, text_value
from reader.core.extract.loader import decode_html, parse_html
from reader.core.extract.metadata import extract_metadata
from reader.core.extract.titles import clean_title

TITLE_METAS = ("og:title", "twitter:title", "citation_title", "dc.title")


def _key(text: str) -> str:
    return "".join(character for character in text.lower() if character.isalnum())


def _structured_titles(tree: HtmlElement, site: str | None) -> list[str]:
    """The page's structured titles, each with the site's name cut off when it has one."""
    metas: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        name = (meta.get("property") or meta.get("name") or "").strip().lower()
        if name in TITLE_METAS and meta.get("content", "").strip():
            metas.setdefault(name, meta.get("content").strip())
    article = find_article_object(read_json_ld(tree))
    raw = [text_value(article.get("headline")) if article else None]
    raw += [metas.get(name) for name in TITLE_METAS]
    titles = [" ".join(element.text_content().split()) for element in tree.iterfind(".//title")]
    raw += titles[:1]
    sites = [site] if site else []
    return [clean_title(value, sites=sites) or value for value in raw if value]


def study(
    pages: dict[str, tuple[str, str | None, Reference]], correct: Callable[[str, str], bool]
) -> str:
    """The study's tables in Markdown; ``correct(label, candidate)`` is the title match."""
    titles: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    for path, url, reference in pages.values():
        with gzip.open(path) as handle:
            tree = parse_html(decode_html(handle.read(), None))
        if tree is None:
            continue
        found = extract_metadata(tree, url)
        if reference.title:
            headings = [heading.text for heading in find_headings(tree)]
            structured = _structured_titles(tree, found.site)
            titles["labelled"] += 1
            if any(correct(reference.title, candidate) for candidate in headings + structured):
                titles["some candidate equals the label"] += 1
            agreed = Counter(_key(title) for title in structured).most_common(1)
            if headings and agreed and agreed[0][1] >= 2 and _key(headings[0]) != agreed[0][0]:
                best = next(title for title in structured if _key(title) == agreed[0][0])
                titles["headline and agreed structured title differ"] += 1
                if correct(reference.title, headings[0]):
                    titles["... the label is the headline"] += 1
                elif correct(reference.title, best):
                    titles["... the label is the structured title"] += 1
                if found.title and correct(reference.title, found.title):
                    titles["... our title equals the label"] += 1
            if found.title and correct(reference.title, found.title):
                titles["our title equals the label"] += 1
        published, modified = (found.published or "")[:10], (found.modified or "")[:10]
        if reference.date and published and modified and published != modified:
            dates["published and modified differ"] += 1
            if found.published and reference.date == published:
                dates["... the label is the published day"] += 1
            elif reference.date == modified:
                dates["... the label is the modified day"] += 1
    order = [
        "labelled",
        "some candidate equals the label",
        "our title equals the label",
        "headline and agreed structured title differ",
        "... the label is the headline",
        "... the label is the structured title",
        "... our title equals the label",
    ]
    lines = ["| titles | pages |", "| --- | ---: |"]
    lines += [f"| {name} | {titles[name]} |" for name in order]
    lines += ["", "| dates | pages |", "| --- | ---: |"]
    lines += [f"| {name} | {count} |" for name, count in dates.items()]
    return "\n".join(lines)
