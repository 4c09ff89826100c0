"""CSV export: one row per annotation, for spreadsheets and qualitative-analysis tools.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) get a leading apostrophe: quotes from web pages are untrusted text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from reader.core.annotations.anchoring import reanchor_all
from reader.core.annotations.merge import sort_by_position
from reader.core.annotations.model import Annotation, annotation_link
from reader.core.annotations.palette import DEFAULT_PALETTE, Palette
from reader.core.model import Article

COLUMNS = (
    "annotation_id",
    "article_id",
    "article_title",
    "colour",
    "code",
    "quote",
    "prefix",
    "suffix",
    "start",
    "end",
    "anchor_status",
    "note",
    "tags",
    "created",
    "modified",
    "link",
)


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(
    article: Article, annotations: Iterable[Annotation], palette: Palette = DEFAULT_PALETTE
) -> str:
    """Renders annotations as CSV text with a header row (``COLUMNS``).

    ``start``/``end`` are code-point offsets in the article's current text (empty for
    orphans); ``tags`` are joined with "; ".
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    pairs = sort_by_position(
        reanchor_all(article.text, annotations, text_sha256=article.text_sha256)
    )
    for annotation, anchor in pairs:
        quote = annotation.quote
        colour = palette.get(annotation.color)
        row = (
            annotation.id,
            article.id,
            article.title,
            colour.id,
            colour.code,
            quote.exact if quote else "",
            quote.prefix if quote else "",
            quote.suffix if quote else "",
            "" if anchor.is_orphan else anchor.start,
            "" if anchor.is_orphan else anchor.end,
            anchor.status.value,
            annotation.note,
            "; ".join(annotation.tags),
            annotation.created,
            annotation.modified,
            annotation_link(article.id, annotation.id),
        )
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()
