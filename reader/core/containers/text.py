"""Plain-text dumps (``.txt``, ``.text``, ``.md``): one page, bytes passed through undecoded."""

from __future__ import annotations

from reader.core.containers.context import ReadContext
from reader.core.containers.sniffing import has_strong_signature, looks_binary, looks_like_html
from reader.core.model import SavedPage


def accepts_text(head: bytes) -> bool:
    """Text that is neither another container nor an HTML document saved under a text name."""
    return not looks_binary(head) and not has_strong_signature(head) and not looks_like_html(head)


def read_text(data: bytes, context: ReadContext) -> list[SavedPage]:
    """Reads one plain-text page."""
    return [SavedPage(content=data, media_type="text/plain", source_format="text")]
