"""A one-line, human-readable reference (for Markdown export headers and the clipboard)."""

from __future__ import annotations

from reader.core.citations.dates import iso_date
from reader.core.citations.record import CitationRecord


def format_reference(record: CitationRecord) -> str:
    """Returns "Authors (date). Title. Site. URL (accessed date)." with absent parts left out."""
    authors = "; ".join(name.display() for name in record.authors)
    parts = []
    head = authors
    if record.published:
        head = (
            f"{head} ({iso_date(record.published)})" if head else f"({iso_date(record.published)})"
        )
    if head:
        parts.append(head + ".")
    parts.append(record.title.rstrip(".") + ".")
    if record.container:
        parts.append(record.container.rstrip(".") + ".")
    if record.url:
        parts.append(record.url)
    if record.accessed:
        parts.append(f"(accessed {iso_date(record.accessed)}).")
    return " ".join(parts)
