"""HTML export: the article's text with every placed annotation as a ``<mark>``.

All text is escaped. Overlapping annotations are drawn by cutting the text at every
annotation edge and paragraph break: each piece is wrapped in one ``<mark>`` naming all the
annotations covering it (``data-annotations``) and coloured by the most recent of them, so
marks never cross paragraph tags and the HTML stays well formed. Notes follow the article,
each with an ``id="annotation-<uuid>"`` target; orphans are listed there too.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from reader.core.annotations.anchoring import reanchor_all
from reader.core.annotations.merge import sort_by_position
from reader.core.annotations.model import Anchor, Annotation
from reader.core.annotations.palette import DEFAULT_PALETTE, Palette
from reader.core.citations import CitationFormat, format_citation
from reader.core.model import Article


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while start <= len(text):
        end = text.find("\n\n", start)
        end = len(text) if end == -1 else end
        if text[start:end].strip():
            spans.append((start, end))
        start = end + 2
    return spans


def _render_paragraph(
    text: str, start: int, end: int, placed: list[tuple[Annotation, Anchor]]
) -> str:
    inside = [(a, anchor) for a, anchor in placed if anchor.start < end and anchor.end > start]
    cuts = {start, end}
    for _, anchor in inside:
        cuts.update(edge for edge in (anchor.start, anchor.end) if start < edge < end)
    edges = sorted(cuts)
    pieces = []
    for left, right in zip(edges, edges[1:], strict=False):
        covering = [a for a, anchor in inside if anchor.start <= left and anchor.end >= right]
        piece = html.escape(text[left:right]).replace("\n", "<br>")
        if covering:
            top = max(covering, key=lambda a: (a.modified, a.id))
            ids = " ".join(a.id for a in covering)
            pieces.append(
                f'<mark class="ar-colour-{html.escape(top.color)}" data-annotations="{ids}">'
                f'<a href="#annotation-{top.id}">{piece}</a></mark>'
            )
        else:
            pieces.append(piece)
    return "<p>" + "".join(pieces) + "</p>"


def export_html(
    article: Article, annotations: Iterable[Annotation], palette: Palette = DEFAULT_PALETTE
) -> str:
    """Renders a standalone HTML page of the article with its highlights and notes.

    Args:
        article: the article (its current text is shown).
        annotations: its annotations; tombstones are left out.
        palette: colours (light theme) and code names.

    Returns:
        The HTML document.
    """
    pairs = sort_by_position(
        reanchor_all(article.text, annotations, text_sha256=article.text_sha256)
    )
    placed = [pair for pair in pairs if not pair[1].is_orphan]
    styles = "\n".join(
        f".ar-colour-{html.escape(c.id)} {{ background-color: {c.light}; }}"
        for c in palette.colours
    )
    body = [_render_paragraph(article.text, s, e, placed) for s, e in _paragraphs(article.text)]
    notes = []
    for annotation, anchor in pairs:
        colour = palette.get(annotation.color)
        quote = annotation.quote
        status = "not found in the current text" if anchor.is_orphan else anchor.status.value
        tags = ", ".join(html.escape(tag) for tag in annotation.tags)
        notes.append(
            f'<li id="annotation-{annotation.id}"><strong>{html.escape(colour.code)}</strong> '
            f"<em>({html.escape(status)})</em>"
            f"<blockquote>{html.escape(quote.exact if quote else '')}</blockquote>"
            + (f"<p>{html.escape(annotation.note)}</p>" if annotation.note else "")
            + (f"<p>Tags: {tags}</p>" if tags else "")
            + "</li>"
        )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{html.escape(article.title)}</title>\n<style>\n{styles}\n</style></head>\n<body>\n"
        f"<h1>{html.escape(article.title)}</h1>\n"
        f'<p class="citation">{html.escape(format_citation(article, CitationFormat.TEXT))}</p>\n'
        + "\n".join(body)
        + "\n<h2>Annotations</h2>\n<ol>\n"
        + "\n".join(notes)
        + "\n</ol>\n</body></html>\n"
    )
