"""Markdown export: a citation header, then each annotation in reading order.

Each entry quotes the annotated text (as stored: what the user selected), names its colour
code, and carries the note, the tags and a link back to the archive. Orphans follow in their
own section, so an export never silently leaves one out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.core.annotations.anchoring import reanchor_all
from reader.core.annotations.merge import sort_by_position
from reader.core.annotations.model import Anchor, Annotation, annotation_link
from reader.core.annotations.palette import DEFAULT_PALETTE, Palette
from reader.core.citations import CitationFormat, format_citation
from reader.core.model import Article

_SPECIALS = re.compile(r"([\\`*_\[\]<>#|~])")
_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))(\s)")


def escape_markdown(text: str) -> str:
    """Escapes page text so Markdown renders it literally (no links, HTML, emphasis, lists).

    The quoted text comes from web pages: unescaped, a "<script>" or "[x](javascript:...)"
    in it would become markup in the reader's Markdown viewer.
    """
    escaped = _SPECIALS.sub(r"\\\1", text)
    return "\n".join(_LINE_START.sub(_escape_marker, line) for line in escaped.split("\n"))


def _escape_marker(match: re.Match[str]) -> str:
    indent, bullet, number, delimiter, space = match.groups()
    marker = f"\\{bullet}" if bullet else f"{number}\\{delimiter}"
    return f"{indent}{marker}{space}"


def quote_markdown(text: str) -> str:
    """Formats page text as an escaped Markdown block quote (every line prefixed)."""
    return "\n".join(f"> {line}".rstrip() for line in escape_markdown(text.strip()).splitlines())


def _entry(article: Article, annotation: Annotation, anchor: Anchor, palette: Palette) -> str:
    quote = annotation.quote
    colour = palette.get(annotation.color)
    lines = [f"**{colour.code}** ({colour.id})", ""]
    lines.append(quote_markdown(quote.exact if quote else "(no quoted text)"))
    if annotation.note.strip():
        lines += ["", annotation.note.strip()]
    if annotation.tags:
        lines += ["", "Tags: " + ", ".join(f"`{tag}`" for tag in annotation.tags)]
    where = (
        "not found in the current text"
        if anchor.is_orphan
        else f"characters {anchor.start}-{anchor.end}"
    )
    lines += ["", f"[Open in archive]({annotation_link(article.id, annotation.id)}) · {where}"]
    return "\n".join(lines)


def export_markdown(
    article: Article, annotations: Iterable[Annotation], palette: Palette = DEFAULT_PALETTE
) -> str:
    """Renders an article's annotations as Markdown.

    Args:
        article: the annotated article (its current text orders the annotations).
        annotations: its annotations; tombstones are left out.
        palette: gives each colour its code name.

    Returns:
        The Markdown document.
    """
    pairs = sort_by_position(
        reanchor_all(article.text, annotations, text_sha256=article.text_sha256)
    )
    placed = [pair for pair in pairs if not pair[1].is_orphan]
    orphans = [pair for pair in pairs if pair[1].is_orphan]
    parts = [
        f"# {escape_markdown(article.title)}",
        "",
        escape_markdown(format_citation(article, CitationFormat.TEXT)),
        "",
        f"{len(pairs)} annotation{'s' if len(pairs) != 1 else ''}.",
    ]
    for annotation, anchor in placed:
        parts += ["", "---", "", _entry(article, annotation, anchor, palette)]
    if orphans:
        parts += ["", "## Not found in the current text", ""]
        parts.append("These annotations are kept; their quoted text no longer occurs as saved.")
        for annotation, anchor in orphans:
            parts += ["", "---", "", _entry(article, annotation, anchor, palette)]
    return "\n".join(parts) + "\n"
