"""Recognising a container from its first bytes, for unknown or lying extensions.

Only signatures that cannot be mistaken are "strong" (magic numbers, the WARC version line, a
MIME header block): they win over the file's extension. The weak guesses (HTML, plain text)
are used only when nothing else matched.
"""

from __future__ import annotations

import re

HEAD_SIZE = 8192

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a first member, or an empty archive
BINARY_PLIST_MAGIC = b"bplist00"

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_WARC_VERSION = re.compile(rb"^WARC/\d\.\d+\r?\n")
# An ARC file starts with its "filedesc://" version block (ARC 1.0 and 1.1).
_ARC_HEADER = re.compile(rb"^filedesc://\S+ \S+ \d{14}")
_MIME_HEADER_LINE = re.compile(rb"^[!-9;-~]+:", re.MULTILINE)
_MIME_MULTIPART = re.compile(rb"^content-type:\s*multipart/", re.IGNORECASE | re.MULTILINE)
_MIME_VERSION = re.compile(rb"^mime-version:", re.IGNORECASE | re.MULTILINE)
_XML_PLIST = re.compile(rb"^\s*<\?xml[^>]*>\s*(<!DOCTYPE plist[^>]*>\s*)?<plist", re.IGNORECASE)
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body|<meta|<title|<\?xml[^>]*>\s*<html)",
    re.IGNORECASE | re.DOTALL,
)
# Control characters that never appear in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27}) + b"\x7f"


# Files people save next to pages, recognised by their magic numbers so that a renamed one
# gets a precise message instead of being read as text.
_BINARY_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "a program"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"OggS", "an Ogg media file"),
    (b"ID3\x03", "an MP3 file"),
    (b"ID3\x04", "an MP3 file"),
    (b"\x1a\x45\xdf\xa3", "a WebM/Matroska video"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def binary_kind(head: bytes) -> str | None:
    """What a well-known non-page file is ("a PDF document"), from its magic number."""
    for magic, kind in _BINARY_KINDS:
        if head.startswith(magic):
            return kind
    if head[4:8] == b"ftyp":
        return "an MP4/QuickTime media file"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF media file (WebP, WAV or AVI)"
    return None


def strip_bom(head: bytes) -> bytes:
    """Returns ``head`` without a UTF-8 byte-order mark."""
    return head[3:] if head.startswith(_BOMS[0]) else head


def looks_binary(head: bytes) -> bool:
    """True when ``head`` is not text in any encoding a saved page uses.

    UTF-16 text (with its byte-order mark) is text even though half its bytes are zero.
    """
    if not head:
        return False
    if binary_kind(head) is not None:
        return True
    if head.startswith(_BOMS[1:]):
        try:
            encoding = "utf-16-le" if head[0] == 0xFF else "utf-16-be"
            decoded = head[2 : len(head) & ~1].decode(encoding)
        except UnicodeDecodeError:
            return True
        head = decoded.encode("utf-8", "replace")
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([byte])) for byte in _CONTROL_BYTES)
    # A few stray control bytes occur in real pages (copied from Word, old CMSs); a tenth
    # of them is binary data.
    return controls > len(head) // 10


def looks_like_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def looks_like_zip(head: bytes) -> bool:
    return head.startswith(ZIP_MAGICS)


def looks_like_warc(head: bytes) -> bool:
    return bool(_WARC_VERSION.match(head))


def looks_like_arc(head: bytes) -> bool:
    return bool(_ARC_HEADER.match(head))


def looks_like_webarchive(head: bytes) -> bool:
    return head.startswith(BINARY_PLIST_MAGIC) or bool(_XML_PLIST.match(strip_bom(head)))


def looks_like_mhtml(head: bytes) -> bool:
    """True when ``head`` starts with a MIME header block declaring a multipart or MIME version."""
    block = strip_bom(head).lstrip(b"\r\n")
    end = re.search(rb"\r?\n\r?\n", block)
    header = block[: end.start()] if end else block
    if not _MIME_HEADER_LINE.match(header):
        return False
    return bool(_MIME_MULTIPART.search(header) or _MIME_VERSION.search(header))


def looks_like_html(head: bytes) -> bool:
    return bool(_HTML_START.match(strip_bom(head)))


def has_strong_signature(head: bytes) -> bool:
    """True when ``head`` carries the signature of a container that is not HTML or text."""
    return (
        looks_like_gzip(head)
        or looks_like_zip(head)
        or looks_like_webarchive(head)
        or looks_like_warc(head)
        or looks_like_arc(head)
        or looks_like_mhtml(head)
    )
