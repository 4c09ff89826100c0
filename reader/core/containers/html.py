"""HTML pages: plain ``.html``, SingleFile saves, and "Save page as, complete" folders.

The bytes are passed through undecoded: extraction decodes them. Two comments browsers and
extensions write are read for metadata:

- ``<!-- saved from url=(0042)https://... -->`` (Chrome, Edge, IE on "Save as");
- SingleFile's header comment, with ``url:`` and ``saved date:`` lines.
"""

from __future__ import annotations

import re

from reader.core.containers.companion import read_companion_resources
from reader.core.containers.context import ReadContext
from reader.core.containers.sniffing import has_strong_signature, looks_binary
from reader.core.containers.timestamps import parse_javascript_date
from reader.core.containers.urls import saved_url
from reader.core.model import SavedPage

# Both comments sit near the top of the file; scanning more would cost time on large pages.
_HEADER_SCAN_BYTES = 16 * 1024

_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(?P<url>[^\s>]+?)\s*-->", re.IGNORECASE)
_SINGLEFILE = re.compile(rb"<!--\s*Page saved with SingleFile\s*(?P<body>.*?)-->", re.DOTALL)
_SINGLEFILE_FIELD = re.compile(rb"^\s*(?P<key>url|saved date):\s*(?P<value>.*?)\s*$", re.MULTILINE)


def accepts_html(head: bytes) -> bool:
    """Any text that does not carry another container's signature is read as HTML."""
    return not looks_binary(head) and not has_strong_signature(head)


def _decode_header_value(value: bytes) -> str:
    return value.decode("utf-8", "replace").strip()


def read_saved_from_url(head: bytes) -> str | None:
    """The URL of the ``<!-- saved from url=(NNNN)... -->`` comment, if present."""
    match = _SAVED_FROM.search(head[:_HEADER_SCAN_BYTES])
    return saved_url(_decode_header_value(match["url"])) if match else None


def read_singlefile_header(head: bytes) -> tuple[str | None, str | None] | None:
    """``(url, captured_at)`` from a SingleFile header comment, or ``None`` when there is none."""
    match = _SINGLEFILE.search(head[:_HEADER_SCAN_BYTES])
    if match is None:
        return None
    fields = {
        field["key"].decode("ascii"): _decode_header_value(field["value"])
        for field in _SINGLEFILE_FIELD.finditer(match["body"])
    }
    return saved_url(fields.get("url")), parse_javascript_date(fields.get("saved date"))


def read_html(data: bytes, context: ReadContext) -> list[SavedPage]:
    """Reads one HTML page (SingleFile or plain, with its companion folder when there is one)."""
    head = data[:_HEADER_SCAN_BYTES]
    singlefile = read_singlefile_header(head)
    if singlefile is not None:
        url, captured_at = singlefile
        return [
            SavedPage(
                content=data,
                media_type="text/html",
                source_format="singlefile",
                url=url,
                captured_at=captured_at,
                captured_source="container" if captured_at else None,
            )
        ]
    url = read_saved_from_url(head)
    if context.companion_dir is not None:
        resources = read_companion_resources(context.companion_dir, data, context)
        return [
            SavedPage(
                content=data,
                media_type="text/html",
                source_format="html-complete",
                url=url,
                resources=resources,
            )
        ]
    return [SavedPage(content=data, media_type="text/html", source_format="html", url=url)]
