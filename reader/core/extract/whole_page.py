"""A page kept whole: every visible line, for pages the extractor says are not articles.

``archival-reader import --all-pages`` keeps link lists, redirect and error pages served with
status 200, and robots files instead of skipping them: a researcher archiving a crawl may need
a site's index page or its error page as evidence. Such a page has no main content to find,
so its text is the page's visible text, one block per heading, paragraph, list item or table
row, in document order, with the metadata the page states. Nothing is judged boilerplate.

Guarantees: returns an article or raises ``NotAnArticle`` (the page has no visible text at all)
or ``ImportRejected`` (it cannot be decoded), like ``extract_page``.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from reader.core.errors import NotAnArticle
from reader.core.extract.assemble import assemble_article
from reader.core.extract.loader import decode_html, decode_text, parse_html
from reader.core.extract.metadata import PageMetadata, extract_metadata
from reader.core.extract.text import BlockBuilder
from reader.core.model import BlockKind, ExtractedArticle, SavedPage

WHOLE_PAGE_SOURCE = "whole-page"

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Elements whose text starts a new block: everything else is inline within its block.
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "li", "dt",
     "dd", "tr", "blockquote", "pre", "form", "figure", "figcaption", "address", "ul", "ol",
     "dl", "table", "body", "br", "hr"} | set(_HEADINGS)
)  # fmt: skip


class _Lines:
    """Visible text gathered into blocks at block-element boundaries."""

    def __init__(self) -> None:
        self.builder = BlockBuilder()
        self._parts: list[str] = []
        self._kind = BlockKind.PARAGRAPH
        self._level = 0

    def flush(self) -> None:
        self.builder.add(self._kind, "".join(self._parts), level=self._level)
        self._parts = []
        self._kind, self._level = BlockKind.PARAGRAPH, 0

    def start(self, tag: str) -> None:
        self.flush()
        if tag in _HEADINGS:
            self._kind, self._level = BlockKind.HEADING, _HEADINGS[tag]
        elif tag == "li":
            self._kind, self._level = BlockKind.LIST_ITEM, 1

    def text(self, value: str | None) -> None:
        if value:
            self._parts.append(value)

    def walk(self, element: HtmlElement) -> None:
        # An explicit stack, not recursion: hostile pages nest elements very deeply.
        stack: list[tuple[HtmlElement, bool]] = [(element, False)]
        while stack:
            node, closing = stack.pop()
            tag = node.tag if isinstance(node.tag, str) else ""
            if closing:
                if tag in _BLOCKS:
                    self.flush()
                self.text(node.tail)
                continue
            if tag in _INVISIBLE or not isinstance(node.tag, str):
                self.text(node.tail)  # comments and hidden elements: only what follows
                continue
            if tag in _BLOCKS:
                self.start(tag)
            self.text(node.text)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))


def _text_blocks(text: str) -> BlockBuilder:
    builder = BlockBuilder()
    for paragraph in text.replace("\r\n", "\n").split("\n\n"):
        builder.add(BlockKind.PREFORMATTED, paragraph)
    return builder


def _article(builder: BlockBuilder, metadata: PageMetadata, version: str) -> ExtractedArticle:
    text, blocks = builder.build()
    if not text.strip():
        raise NotAnArticle("empty page")
    extra = {"text": WHOLE_PAGE_SOURCE}
    return assemble_article(text, blocks, metadata, version=version, extra_sources=extra)


def extract_whole_page(page: SavedPage, version: str) -> ExtractedArticle:
    """Every visible line of ``page`` as the article's text, with the page's metadata.

    Args:
        page: an HTML or plain-text page.
        version: the extractor version to record.

    Raises:
        NotAnArticle: the page shows no text at all.
        ImportRejected: the page cannot be decoded.
    """
    if page.media_type == "text/plain":
        metadata = PageMetadata(url=page.url)
        return _article(_text_blocks(decode_text(page.content, page.charset)), metadata, version)
    tree = parse_html(decode_html(page.content, page.charset))
    if tree is None:
        raise NotAnArticle("empty page")
    metadata = extract_metadata(tree, page.url)
    lines = _Lines()
    body = tree.find(".//body")
    lines.walk(body if body is not None else tree)
    lines.flush()
    return _article(lines.builder, metadata, version)
