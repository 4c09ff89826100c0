"""Rebuilds an article as clean HTML from its ``Block``s, for ``QTextBrowser``.

We never show the page's own markup: every piece of text is escaped and placed in elements we
choose, so no script, style, iframe, form, event attribute or remote URL can reach the view.
Images point at ``archive-resource:<n>`` names that the reader view resolves from the archive.

Each run of canonical text is wrapped in ``<a name="s<n>">``; after layout, the view finds
those anchors to map canonical offsets to document positions (``segments``), which is how
entity and search highlights land on the right characters whatever the layout adds around
them (list bullets, table cells, the header).
"""

from __future__ import annotations

import html
from collections.abc import Collection
from dataclasses import dataclass, field

from reader.core.model import Article, Block, BlockKind

RESOURCE_SCHEME = "archive-resource"
SAVED_URL_SCHEME = "saved-url"
CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class Segment:
    """A run of canonical text shown verbatim: [start, end) code points, anchored by ``name``."""

    name: str
    start: int
    end: int


@dataclass
class RenderedArticle:
    html: str
    segments: list[Segment] = field(default_factory=list)
    images: dict[str, str] = field(default_factory=dict)  # resource name -> location


def _escape_run(text: str) -> str:
    """Escapes text so Qt lays it out with exactly one character per canonical character.

    HTML collapses runs of spaces and turns newlines into spaces; a non-breaking space and
    ``<br>`` keep the length (Qt stores ``<br>`` as one U+2028 character).
    """
    escaped = html.escape(text, quote=False)
    escaped = escaped.replace("  ", " &nbsp;").replace("\n", "<br>")
    return escaped


class _Writer:
    def __init__(self, text: str, available: Collection[str] | None) -> None:
        self.text = text
        self.available = available
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.images: dict[str, str] = {}

    def run(self, start: int, end: int) -> str:
        """Markup for canonical text [start, end), recorded as a segment."""
        if end <= start:
            return ""
        name = f"s{len(self.segments)}"
        self.segments.append(Segment(name, start, end))
        return f'<a name="{name}">{_escape_run(self.text[start:end])}</a>'

    def table_row(self, block: Block) -> str:
        cells: list[str] = []
        position = block.start
        row = self.text[block.start : block.end]
        for cell in row.split(CELL_SEPARATOR):
            cells.append(f"<td>{self.run(position, position + len(cell))}</td>")
            position += len(cell) + len(CELL_SEPARATOR)
        return "<tr>" + "".join(cells) + "</tr>"

    def image(self, block: Block) -> str:
        if not block.source:
            return ""
        if self.available is not None and block.source not in self.available:
            # Not saved with the page (a remote image): say so instead of a broken picture.
            alt = self.run(block.start, block.end)
            separator = ": " if alt else ""
            return f'<p class="figure">[image not saved with the page{separator}{alt}]</p>'
        name = f"{RESOURCE_SCHEME}:{len(self.images)}"
        self.images[name] = block.source
        alt = html.escape(self.text[block.start : block.end], quote=True)
        image = f'<img src="{name}" alt="{alt}">'
        caption = f"<br>{self.run(block.start, block.end)}" if block.end > block.start else ""
        return f'<p class="figure">{image}{caption}</p>'


def render_header(article: Article) -> str:
    """Title, byline, date, site and saved URL: escaped text in our own markup."""
    extracted = article.extracted
    parts = [f'<h1 class="title">{html.escape(article.title, quote=False)}</h1>']
    byline: list[str] = []
    if extracted.authors:
        byline.append("By " + html.escape(", ".join(extracted.authors), quote=False))
    if extracted.published:
        byline.append(html.escape(extracted.published, quote=False))
    if extracted.site:
        byline.append(html.escape(extracted.site, quote=False))
    if byline:
        parts.append(f'<p class="byline">{" · ".join(byline)}</p>')
    url = extracted.url or article.provenance.saved_url
    if url:
        # The link goes to our own handler, which asks before opening the system browser.
        target = html.escape(f"{SAVED_URL_SCHEME}:{url}", quote=True)
        parts.append(
            f'<p class="saved-url">Saved from <a class="url" href="{target}">'
            f"{html.escape(url, quote=False)}</a></p>"
        )
    parts.append("<hr>")
    return "".join(parts)


def render_article(
    article: Article, available_images: Collection[str] | None = None
) -> RenderedArticle:
    """The whole article as HTML, with its segments and image names.

    Consecutive list items and table rows are grouped into one list or table; list nesting
    follows ``Block.level``.

    Args:
        article: the stored article.
        available_images: locations of the images the archive holds; others are described
            in words. None: assume every image is available.
    """
    writer = _Writer(article.text, available_images)
    out: list[str] = [render_header(article)]
    open_lists: list[str] = []  # tags of the lists currently open, innermost last
    in_table = False

    def close_lists(to_depth: int) -> None:
        while len(open_lists) > to_depth:
            out.append(f"</{open_lists.pop()}>")

    for block in article.extracted.blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            close_lists(0)
        if block.kind is not BlockKind.TABLE_ROW and in_table:
            out.append("</table>")
            in_table = False
        kind = block.kind
        if kind is BlockKind.HEADING:
            level = min(max(block.level, 2), 6)  # h1 is the article title
            out.append(f"<h{level}>{writer.run(block.start, block.end)}</h{level}>")
        elif kind is BlockKind.PARAGRAPH:
            out.append(f"<p>{writer.run(block.start, block.end)}</p>")
        elif kind is BlockKind.QUOTE:
            out.append(f"<blockquote>{writer.run(block.start, block.end)}</blockquote>")
        elif kind is BlockKind.PREFORMATTED:
            out.append(f"<pre>{writer.run(block.start, block.end)}</pre>")
        elif kind is BlockKind.CAPTION:
            out.append(f'<p class="caption">{writer.run(block.start, block.end)}</p>')
        elif kind is BlockKind.IMAGE:
            out.append(writer.image(block))
        elif kind is BlockKind.TABLE_ROW:
            if not in_table:
                out.append('<table cellspacing="0" cellpadding="4">')
                in_table = True
            out.append(writer.table_row(block))
        elif kind is BlockKind.LIST_ITEM:
            depth = max(block.level, 1)
            tag = "ol" if block.ordered else "ul"
            close_lists(depth)
            while len(open_lists) < depth:
                open_lists.append(tag)
                out.append(f"<{tag}>")
            out.append(f"<li>{writer.run(block.start, block.end)}</li>")
    close_lists(0)
    if in_table:
        out.append("</table>")
    body = "".join(out)
    return RenderedArticle(f"<html><body>{body}</body></html>", writer.segments, writer.images)
