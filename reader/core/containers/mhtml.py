"""MHTML (``.mht``, ``.mhtml``): a MIME ``multipart/related`` message with the page and its parts.

Written by Chrome ("Saved by Blink"), Firefox add-ons, Internet Explorer and Word. The main
part is the one the root's ``start`` parameter names, else the first ``text/html`` part. Other
parts (images, style sheets, frames) become its resources, located by ``Content-Location`` or
``cid:<Content-ID>``. When the main part is empty, the frames are imported as pages instead.

A message whose boundary is missing, never appears, or is never closed is rejected: such a file
is cut off or hand-edited, and a partial page would be imported as if complete.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import re
from email.errors import (
    CloseBoundaryNotFoundDefect,
    MessageDefect,
    MultipartInvariantViolationDefect,
    NoBoundaryInMultipartDefect,
    StartBoundaryNotFoundDefect,
)
from email.header import decode_header, make_header
from email.message import Message

from reader.core.containers.context import LimitExceeded, ReadContext
from reader.core.containers.sniffing import looks_like_mhtml
from reader.core.containers.timestamps import parse_mail_date
from reader.core.containers.urls import saved_url
from reader.core.errors import ImportRejected
from reader.core.model import Resource, SavedPage

_PAGE_TYPES = {"text/html": "text/html", "application/xhtml+xml": "text/html"}
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")

_FATAL_DEFECTS: dict[type[MessageDefect], str] = {
    NoBoundaryInMultipartDefect: "multipart message without a boundary parameter",
    StartBoundaryNotFoundDefect: "the declared boundary never appears in the body",
    CloseBoundaryNotFoundDefect: "the closing boundary is missing (truncated file)",
}


def accepts_mhtml(head: bytes) -> bool:
    return looks_like_mhtml(head)


def repair_header_block(data: bytes) -> bytes:
    """Indents top-level header lines that continue the previous header without indentation.

    Some savers split a long encoded header (``X-Snapshot-Title: =?utf-8?Q?...``) over lines
    without the leading space RFC 5322 requires; the email parser then ends the headers early
    and loses the multipart structure.
    """
    end = _BLANK_LINE.search(data)
    if end is None:
        return data
    lines = data[: end.start()].split(b"\n")
    repaired = [lines[0]]
    for line in lines[1:]:
        if line and not line[:1].isspace() and not _HEADER_LINE.match(line):
            line = b" " + line
        repaired.append(line)
    return b"\n".join(repaired) + data[end.start() :]


def decode_header_value(value: object) -> str | None:
    """A header value with RFC 2047 encoded words decoded, or ``None`` when absent or empty."""
    if value is None:
        return None
    text = str(value)
    with contextlib.suppress(ValueError, LookupError, UnicodeError):
        text = str(make_header(decode_header(text)))
    text = " ".join(text.split())
    return text or None


def _location(part: Message) -> str:
    location = decode_header_value(part.get("Content-Location"))
    if location:
        return location
    content_id = decode_header_value(part.get("Content-ID"))
    return f"cid:{content_id.strip('<>')}" if content_id else ""


def _payload(part: Message, context: ReadContext) -> bytes:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    context.budget.charge(len(data))
    return data


def _check_defects(message: Message) -> None:
    for defect in message.defects:
        for defect_type, explanation in _FATAL_DEFECTS.items():
            if isinstance(defect, defect_type):
                raise ImportRejected(f"malformed MHTML: {explanation}")
    if any(isinstance(defect, MultipartInvariantViolationDefect) for defect in message.defects):
        raise ImportRejected("malformed MHTML: the multipart body has no parts")


def _leaf_parts(message: Message) -> list[Message]:
    return [part for part in message.walk() if not part.is_multipart()]


def _main_index(root: Message, parts: list[Message]) -> int | None:
    start = root.get_param("start")
    if isinstance(start, str) and start.strip():
        wanted = start.strip().strip("<>")
        for index, part in enumerate(parts):
            if (decode_header_value(part.get("Content-ID")) or "").strip("<>") == wanted:
                return index
    for index, part in enumerate(parts):
        if part.get_content_type() in _PAGE_TYPES:
            return index
    return None


def _page(
    part: Message,
    payload: bytes,
    root_url: str | None,
    captured_at: str | None,
    part_name: str,
    resources: tuple[Resource, ...],
) -> SavedPage:
    return SavedPage(
        content=payload,
        media_type=_PAGE_TYPES[part.get_content_type()],
        source_format="mhtml",
        part=part_name,
        url=saved_url(root_url) or saved_url(decode_header_value(part.get("Content-Location"))),
        captured_at=captured_at,
        captured_source="container" if captured_at else None,
        charset=part.get_content_charset(),
        resources=resources,
    )


def read_mhtml(data: bytes, context: ReadContext) -> list[SavedPage]:
    """Reads the main page of an MHTML file, with its other parts as resources.

    Raises:
        ImportRejected: for malformed MIME structure or an archive without an HTML part.
    """
    root = email.message_from_bytes(repair_header_block(data), policy=email.policy.compat32)
    _check_defects(root)
    parts = _leaf_parts(root)
    for part in parts:
        _check_defects(part)
    main = _main_index(root, parts)
    if main is None:
        raise ImportRejected("MHTML file without an HTML part")
    captured_at = parse_mail_date(root.get("Date"))
    snapshot_url = decode_header_value(root.get("Snapshot-Content-Location"))
    if len(parts) > context.limits.max_zip_members:
        raise LimitExceeded(f"more than {context.limits.max_zip_members} parts in one MHTML file")
    payloads = [_payload(part, context) for part in parts]
    if payloads[main].strip():
        resources = tuple(
            Resource(_location(part), part.get_content_type(), payloads[index])
            for index, part in enumerate(parts)
            if index != main
        )
        return [_page(parts[main], payloads[main], snapshot_url, captured_at, "", resources)]
    # An empty main part (a frameset saved without its frames' text): each frame is a page.
    pages = [
        _page(part, payloads[index], None, captured_at, _location(part) or f"part {index + 1}", ())
        for index, part in enumerate(parts)
        if index != main and part.get_content_type() in _PAGE_TYPES and payloads[index].strip()
    ]
    if not pages:
        raise ImportRejected("MHTML file whose HTML parts are all empty")
    return pages[: context.limits.max_pages_per_file]
