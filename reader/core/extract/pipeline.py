"""Extraction entry point: a saved page in, an ``ExtractedArticle`` out.

Guarantees: ``extract_page`` returns an article, or raises ``NotAnArticle`` for readable
pages without one, or ``ImportRejected`` for input it cannot read. It raises nothing else,
whatever the input, and its cost is bounded (the parser caps nesting depth and attribute
size; every later stage is linear in the parsed tree).

Stages: ``loader`` (bytes to text and tree), ``metadata``, ``boilerplate`` (main content),
``structure`` (content to blocks), ``cleanup`` (residual furniture, credits), ``text``
(canonical text); text dumps go through ``textdump`` instead.
"""

from __future__ import annotations

import logging
import re
from itertools import islice

from reader.core.errors import ImportRejected, NotAnArticle
from reader.core.extract.anchors import clear_heading_ids
from reader.core.extract.assemble import assemble_article
from reader.core.extract.boilerplate import drop_inert, prune_hidden, select_content
from reader.core.extract.cleanup import PageLinks, clean_blocks, drop_repeats, survey_links
from reader.core.extract.container import trim_to_container
from reader.core.extract.figures import place_images, prepare_figures
from reader.core.extract.layout import clear_misread_names, clear_sidebar_names
from reader.core.extract.lead import lost_lead, survey_lead
from reader.core.extract.loader import decode_html, decode_text, parse_html
from reader.core.extract.metadata import PageMetadata, extract_metadata
from reader.core.extract.restore import restore_blocks, survey_page
from reader.core.extract.structure import convert_body
from reader.core.extract.text import PendingBlock, layout_blocks
from reader.core.extract.textdump import clean_dump
from reader.core.extract.textdump.units import count_words
from reader.core.model import BlockKind, ExtractedArticle, SavedPage

# 1.5.0: cascade stage by stage with container trimming (and readability's container as a
# fuller candidate), restored headings and lists, second copies of content dropped, titles by
# agreement between sources, dates from the dateline, text dumps read by models.
# 1.6.0: React-streamed parts put in their placeholders, summary lists before the container
# and long closing sections after it kept, pointers to other articles and consent lines
# dropped.
# 1.7.0: an opening paragraph lost between the headline and the first block put back; in
# text dumps, repeated units kept once, lists introduced by a colon kept whole, images in
# list items read as images.
# 1.8.0: collapsed accordion panels opened, class names that misname the article's own
# content (sidebar layouts, embeds, slides, "-ying" words) cleared before content selection,
# blocks nested in a list item or cell spaced, cookie notices and share widgets dropped;
# in text dumps, sentences broken by the page's source joined, counted archive entries
# dropped.
EXTRACTOR_VERSION = "1.8.0"

LOGGER = logging.getLogger(__name__)

_MIN_ARTICLE_WORDS = 25
# A short extraction made of link texts is a link list; long ones are real articles
# even when their words also appear in related-article links.
_LINK_LIST_MAX_WORDS = 400
_LINK_LIST_SHARE = 0.9
# List items of a link list are mostly link text.
_LINK_ITEMS_SHARE = 0.5
_WORDS = re.compile(r"\w+")
_ROBOTS = re.compile(r"^\s*(?:user-agent|disallow|allow|sitemap)\s*:", re.IGNORECASE | re.MULTILINE)
_ERROR_TITLE = re.compile(
    r"\b(?:404|403|410|500|not found|page not found|access denied|forbidden|error)\b", re.IGNORECASE
)
_META_REFRESH = re.compile(r"<meta[^>]+http-equiv\s*=\s*[\"']?refresh", re.IGNORECASE)
_HTML_SNIFF = re.compile(r"<(?:!doctype html|html|head|body|p|div)\b", re.IGNORECASE)


def extract_page(page: SavedPage) -> ExtractedArticle:
    """Extracts the article of one saved page.

    Args:
        page: the page; ``media_type`` is "text/html" or "text/plain".

    Returns:
        The article: canonical text, blocks and metadata with provenance.

    Raises:
        NotAnArticle: the page is readable but holds no article.
        ImportRejected: the page cannot be decoded or read.
    """
    try:
        if page.media_type == "text/plain":
            return _extract_text(page)
        return _extract_html(page)
    except ImportRejected:
        raise
    except RecursionError:
        raise ImportRejected("page structure too deeply nested to read") from None
    except MemoryError:
        raise ImportRejected("page too large to read") from None
    except Exception as error:  # noqa: BLE001 - the contract: never leak other exceptions
        LOGGER.exception("extraction failed")
        summary = f"{type(error).__name__}: {error}"[:200]
        raise ImportRejected(f"extraction failed ({summary})") from error


def _extract_text(page: SavedPage) -> ExtractedArticle:
    text = decode_text(page.content, page.charset)
    if not text.strip():
        raise NotAnArticle("empty page")
    if len(_ROBOTS.findall(text[:5000])) >= 2:
        raise NotAnArticle("robots.txt, not an article")
    if _HTML_SNIFF.search(text[:2000]) and text.lstrip().startswith("<"):
        return _extract_html_text(text, page)
    dump = clean_dump(text)
    credits = list(dump.credits)
    blocks = clean_blocks(
        dump.builder.blocks, title=dump.title, authors=dump.authors, credits=credits
    )
    sources: dict[str, str] = {}
    if dump.title:
        sources["title"] = "text-title-line"
    if dump.published:
        sources["published"] = "text-date-line"
    if dump.authors:
        sources["authors"] = "byline-text"
    if page.url:
        sources["url"] = "saved-url"
    return _finish(
        blocks,
        PageMetadata(
            title=dump.title,
            authors=dump.authors,
            published=dump.published,
            url=page.url,
            sources=sources,
        ),
        credits,
    )


def _extract_html(page: SavedPage) -> ExtractedArticle:
    text = decode_html(page.content, page.charset)
    return _extract_html_text(text, page)


def _extract_html_text(text: str, page: SavedPage) -> ExtractedArticle:
    if not text.strip():
        raise NotAnArticle("empty page")
    tree = parse_html(text)
    if tree is None:
        raise NotAnArticle("empty page")
    metadata = extract_metadata(tree, page.url)
    drop_inert(tree)
    prune_hidden(tree)
    figures = prepare_figures(tree)
    links = survey_links(tree)
    page_elements = survey_page(tree)
    lead_pieces = survey_lead(tree)
    # Content selection prunes the tree: everything else is read from it before.
    clear_heading_ids(tree)
    clear_sidebar_names(tree)
    clear_misread_names(tree)
    candidate = select_content(tree, metadata.url or page.url)
    if candidate is None:
        raise NotAnArticle(_no_content_reason(text, metadata))
    builder = convert_body(candidate.body)
    credits: list[str] = []
    blocks = clean_blocks(
        builder.blocks,
        title=metadata.title,
        authors=metadata.authors,
        credits=credits,
        links=links.keys,
    )
    blocks = drop_repeats(blocks)
    blocks = trim_to_container(blocks, candidate.container)
    blocks = restore_blocks(blocks, page_elements, title=metadata.title)
    lead = lost_lead(blocks, lead_pieces)
    if lead:
        # The lead passes the same furniture rules as the extracted blocks.
        lead = clean_blocks(
            lead, title=None, authors=metadata.authors, credits=credits, links=links.keys
        )
        blocks = lead + blocks
    blocks = place_images(blocks, figures, title=metadata.title, credits=credits)
    if _is_mostly_link_text(links, blocks):
        raise NotAnArticle("list of links, not an article")
    return _finish(blocks, metadata, credits, html=text, links=links)


def _no_content_reason(html: str, metadata: PageMetadata) -> str:
    if _META_REFRESH.search(html[:5000]):
        return "redirect page, not an article"
    if metadata.title and _ERROR_TITLE.search(metadata.title):
        return f"error page ({metadata.title[:80]})"
    return "no article text found"


def _is_link_list(blocks: list[PendingBlock], links: PageLinks | None = None) -> bool:
    """A page of short list items or headings without any block of running text.

    With the page's links known (HTML), the list items must also be mostly link text: a
    short notice followed by a list of services is a page, not a link list.
    """
    items = [block for block in blocks if block.kind is BlockKind.LIST_ITEM]
    # Words as ``count_words`` counts them: a paragraph of Japanese is one \w+ run.
    if len(items) < 5 or any(count_words(block.text) >= 20 for block in blocks):
        return False
    if links is None:
        return True
    words = _WORDS.findall(" ".join(item.text for item in items))
    linked = sum(1 for word in words if links.words[word] > 0)
    return linked >= _LINK_ITEMS_SHARE * len(words)


def _is_mostly_link_text(links: PageLinks, blocks: list[PendingBlock]) -> bool:
    """True when nearly every word of a short extraction is the text of some link.

    Link lists (site maps, tag pages, directory pages) are often flattened into one
    paragraph by content extraction, so their blocks alone do not show it.
    """
    # Only short extractions count: the words are read up to one past the limit.
    found = list(
        islice(_WORDS.finditer(" ".join(block.text for block in blocks)), _LINK_LIST_MAX_WORDS + 1)
    )
    if not found or len(found) > _LINK_LIST_MAX_WORDS:
        return False
    words = [match.group() for match in found]
    linked = sum(1 for word in words if links.words[word] > 0)
    return linked / len(words) >= _LINK_LIST_SHARE


def _finish(
    blocks: list[PendingBlock],
    metadata: PageMetadata,
    credits: list[str],
    html: str | None = None,
    links: PageLinks | None = None,
) -> ExtractedArticle:
    text, laid_out = layout_blocks(blocks)
    # Only "none" and "fewer than _MIN_ARTICLE_WORDS" matter: counting stops there.
    words = sum(1 for _ in islice(_WORDS.finditer(text), _MIN_ARTICLE_WORDS))
    if words == 0:
        raise NotAnArticle("no article text found")
    if words < _MIN_ARTICLE_WORDS:
        if html is not None and _META_REFRESH.search(html[:5000]):
            raise NotAnArticle("redirect page, not an article")
        if metadata.title and _ERROR_TITLE.search(metadata.title):
            raise NotAnArticle(f"error page ({metadata.title[:80]})")
    if _is_link_list(blocks, links):
        raise NotAnArticle("list of links, not an article")
    return assemble_article(text, laid_out, metadata, version=EXTRACTOR_VERSION, credits=credits)
