"""WARC and ARC files, plain or gzip-compressed (warcio), one page per HTML capture.

A page is a ``response`` with HTTP status 200 and an HTML payload, a ``resource`` record with
an HTML content type, or a ``revisit`` resolved to the response it refers to (by
WARC-Refers-To-Target-URI and -Date, else by payload digest). The same URI with the same payload
gives one page; the same URI with another payload gives another page whose ``part`` adds the
capture date. Redirects, errors, requests, metadata and non-HTML payloads are not pages.

Images captured in the same file (status 200, ``image/*``) are attached as resources to the
pages whose HTML refers to them (``src``, ``srcset``, ``href``, CSS ``url()``, resolved against
the page's URL), within a count and size cap: they are a convenience for showing figures, not
an archive of the crawl.

The file is rejected when warcio cannot parse it, or when a record's declared length does not
match its data (truncated files, wrong Content-Length): a silently half-read archive would lose
pages without telling anyone.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any, Protocol

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.limitreader import LimitReader

from reader.core.containers.compressed import check_gunzipped_size
from reader.core.containers.context import LimitExceeded, ReadContext, format_size
from reader.core.containers.sniffing import (
    HEAD_SIZE,
    looks_binary,
    looks_like_arc,
    looks_like_gzip,
    looks_like_html,
    looks_like_warc,
)
from reader.core.containers.timestamps import parse_warc_date
from reader.core.containers.warc_images import attach_images
from reader.core.errors import ImportRejected, NotAnArticle
from reader.core.model import Resource, SavedPage

HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_READ_BYTES = 64 * 1024
# Images kept per file: enough for the figures of a few hundred articles, small enough that
# a crawl full of images costs little memory.
_MAX_IMAGES = 2000
_MAX_IMAGE_BYTES = 64 * 1024 * 1024


class _Stream(Protocol):
    def read(self, size: int = ...) -> bytes: ...


def accepts_warc(head: bytes) -> bool:
    return looks_like_warc(head) or looks_like_arc(head) or looks_like_gzip(head)


def sniff_warc(head: bytes) -> bool:
    return looks_like_warc(head) or looks_like_arc(head)


def split_content_type(value: str | None) -> tuple[str, str | None]:
    """``("text/html", "utf-8")`` from ``"text/html; charset=UTF-8"``; charset lower-cased."""
    if not value:
        return "", None
    media_type, _, parameters = value.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        key, _, raw = parameter.partition("=")
        if key.strip().lower() == "charset" and raw.strip().strip("\"'"):
            charset = raw.strip().strip("\"'").lower()
    return media_type.strip().lower(), charset


@dataclass(frozen=True)
class _Capture:
    payload: bytes
    charset: str | None


class _PageCollector:
    """Turns records into pages: revisit resolution, deduplication and part names."""

    def __init__(self, context: ReadContext, source_format: str) -> None:
        self.context = context
        self.source_format = source_format
        self.pages: list[SavedPage] = []
        self.record_types: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        self._by_uri_date: dict[tuple[str, str], _Capture] = {}
        self._by_digest: dict[str, _Capture] = {}
        self._seen: set[tuple[str, str]] = set()
        self._parts: set[str] = set()
        self.images: dict[str, Resource] = {}
        self._image_bytes = 0

    def add_image(self, uri: str, media_type: str, payload: bytes) -> None:
        if uri in self.images:
            return
        self._image_bytes += len(payload)
        self.images[uri] = Resource(location=uri, media_type=media_type, data=payload)

    def wants_image(self, length_hint: int) -> bool:
        return (
            len(self.images) < _MAX_IMAGES
            and self._image_bytes + max(length_hint, 0) <= _MAX_IMAGE_BYTES
        )

    def remember(self, uri: str, date: str | None, digest: str | None, capture: _Capture) -> None:
        if date:
            self._by_uri_date[(uri, parse_warc_date(date) or date)] = capture
        if digest:
            self._by_digest.setdefault(digest.strip().lower(), capture)

    def original_of(self, uri: str | None, date: str | None, digest: str | None) -> _Capture | None:
        key = (uri or "", parse_warc_date(date) or date or "")
        if key in self._by_uri_date:
            return self._by_uri_date[key]
        if digest:
            return self._by_digest.get(digest.strip().lower())
        return None

    def add(self, uri: str, captured_at: str | None, capture: _Capture) -> None:
        key = (uri, hashlib.sha256(capture.payload).hexdigest())
        if key in self._seen:
            return
        self._seen.add(key)
        part = uri
        if part in self._parts:
            part = f"{uri} ({captured_at or 'undated'})"
            counter = 2
            while part in self._parts:
                part = f"{uri} ({captured_at or 'undated'} #{counter})"
                counter += 1
        self._parts.add(part)
        if len(self.pages) >= self.context.limits.max_pages_per_file:
            raise LimitExceeded(
                f"more than {self.context.limits.max_pages_per_file} pages in one file"
            )
        self.pages.append(
            SavedPage(
                content=capture.payload,
                media_type="text/html",
                source_format=self.source_format,
                part=part,
                url=uri,
                captured_at=captured_at,
                captured_source="container" if captured_at else None,
                charset=capture.charset,
            )
        )


def read_payload(stream: _Stream, context: ReadContext) -> bytes:
    """The record's payload, decoded; no single payload may exceed the file size limit.

    HTTP content encodings are decoded while reading (the gzip pre-check only covers the
    WARC's own compression), so the per-payload cap is what bounds a gzip-encoded bomb's memory.
    """
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_READ_BYTES)
        if not chunk:
            return b"".join(chunks)
        context.budget.charge(len(chunk))
        size += len(chunk)
        if size > context.limits.max_file_bytes:
            raise LimitExceeded(
                f"a record's payload is over {format_size(context.limits.max_file_bytes)} "
                "once decoded (decompression bomb?)"
            )
        chunks.append(chunk)


def read_body(record: Any, context: ReadContext, warnings: io.StringIO) -> bytes | None:
    """The decoded HTTP body, or ``None`` when its compression is cut short or corrupt.

    warcio returns a body cut short in two cases: decompression fails halfway (it prints the
    error to stderr, captured in ``warnings``) or the compressed data simply ends (the
    decompressor never reaches its end). Crawlers that truncate large payloads cause the
    latter legitimately; either way the page is incomplete and is left out.
    """
    before = warnings.tell()
    stream = record.content_stream()
    payload = read_payload(stream, context)
    decompressor = getattr(stream, "decompressor", None)
    finished = getattr(decompressor, "eof", True) if decompressor is not None else True
    if warnings.tell() != before or finished is False:
        return None
    return payload


def drain_and_check_length(record: Any, uri: str) -> None:
    """Reads what is left of the record and rejects it when its data ends early."""
    raw = record.raw_stream
    while raw.read(_READ_BYTES):
        pass
    if isinstance(raw, LimitReader) and raw.limit > 0:
        raise ImportRejected(
            f"truncated record for {uri or 'a record'}: {raw.limit} bytes missing "
            "(wrong Content-Length or cut-off file)"
        )


def has_supported_encoding(http_headers: Any) -> bool:
    encoding = (http_headers.get_header("Content-Encoding") or "").strip().lower()
    return encoding in ("", "identity") or encoding in BufferedReader.get_supported_decompressors()


def _handle_record(
    record: Any, collector: _PageCollector, context: ReadContext, warnings: io.StringIO
) -> None:
    headers = record.rec_headers
    record_type = record.rec_type
    collector.record_types[record_type] += 1
    uri = headers.get_header("WARC-Target-URI") or ""
    captured_at = parse_warc_date(headers.get_header("WARC-Date"))
    digest = headers.get_header("WARC-Payload-Digest")
    http = record.http_headers
    if record_type == "response":
        if http is None:
            return
        media_type, charset = split_content_type(http.get_header("Content-Type"))
        if (
            media_type.startswith("image/")
            and http.get_statuscode() == "200"
            and has_supported_encoding(http)
            and collector.wants_image(int(record.payload_length or 0))
        ):
            image = read_body(record, context, warnings)
            if image is not None:
                collector.add_image(uri, media_type, image)
            return
        # Some crawlers drop the Content-Type; such a payload is a page when it looks like one.
        untyped = media_type in ("", "application/octet-stream")
        if http.get_statuscode() != "200" or not (media_type in HTML_MEDIA_TYPES or untyped):
            return
        if not has_supported_encoding(http):
            collector.skipped["unsupported Content-Encoding"] += 1
            return
        body = read_body(record, context, warnings)
        if body is None:
            collector.skipped["HTML response with a truncated or corrupt compressed body"] += 1
            return
        capture = _Capture(body, charset)
        if untyped and not looks_like_html(capture.payload[:HEAD_SIZE]):
            return
        if looks_binary(capture.payload[:HEAD_SIZE]):
            # warcio hands back the raw bytes when a body does not decompress from its start.
            collector.skipped["HTML response with an undecodable body"] += 1
            return
        collector.remember(uri, headers.get_header("WARC-Date"), digest, capture)
        collector.add(uri, captured_at, capture)
    elif record_type == "revisit":
        if http is not None:
            media_type, _ = split_content_type(http.get_header("Content-Type"))
            if http.get_statuscode() not in ("200", "304") or (
                media_type and media_type not in HTML_MEDIA_TYPES
            ):
                return
        original = collector.original_of(
            headers.get_header("WARC-Refers-To-Target-URI"),
            headers.get_header("WARC-Refers-To-Date"),
            digest,
        )
        if original is None:
            collector.skipped["revisit of a capture not in this file"] += 1
            return
        collector.add(uri, captured_at, original)
    elif record_type == "resource":
        media_type, charset = split_content_type(headers.get_header("Content-Type"))
        if media_type not in HTML_MEDIA_TYPES:
            return
        capture = _Capture(read_payload(record.raw_stream, context), charset)
        collector.remember(uri, headers.get_header("WARC-Date"), digest, capture)
        collector.add(uri, captured_at, capture)


def describe_warcio_error(error: BaseException) -> str:
    """A one-line reason for a warcio failure, reworded where warcio's own is a paragraph."""
    text = str(error)
    if "non-chunked gzip" in text:
        return (
            "compressed as one gzip stream instead of one gzip member per record "
            "(`warcio recompress` can repair it)"
        )
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0].removeprefix("ERROR:").strip() if lines else type(error).__name__


def read_warc(data: bytes, context: ReadContext) -> list[SavedPage]:
    """Reads the HTML captures of a WARC or ARC file.

    Raises:
        ImportRejected: for malformed or truncated archives, bombs, or too many pages.
        NotAnArticle: for a readable archive without any HTML capture.
    """
    compressed = looks_like_gzip(data)
    if compressed:
        check_gunzipped_size(data, context.budget)
    kind = (
        "ARC"
        if looks_like_arc(data[:64]) or context.name.lower().endswith((".arc", ".arc.gz"))
        else "WARC"
    )
    collector = _PageCollector(context, "arc" if kind == "ARC" else "warc")
    iterator = ArchiveIterator(io.BytesIO(data), arc2warc=True)
    # warcio prints its warnings to stderr: a wrong record length (counted in err_count and
    # rejected below) or a body that stopped decompressing (seen by read_body).
    warnings = io.StringIO()
    with contextlib.redirect_stderr(warnings):
        try:
            for record in iterator:
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                check_declared_length(record, uri, kind)
                _handle_record(record, collector, context, warnings)
                drain_and_check_length(record, uri)
        except ImportRejected:
            raise
        except Exception as error:  # warcio raises bare Exceptions of many kinds on bad input
            raise ImportRejected(f"malformed {kind} file: {describe_warcio_error(error)}") from None
    if iterator.err_count:
        raise ImportRejected(
            f"malformed {kind} file: a record's Content-Length does not match its data"
        )
    if collector.pages and collector.images:
        return attach_images(collector.pages, collector.images)
    if not collector.pages:
        summary = ", ".join(f"{count} {name}" for name, count in collector.record_types.items())
        skipped = "".join(f"; {count} {why}" for why, count in collector.skipped.items())
        raise NotAnArticle(f"no HTML page in this {kind} file ({summary or 'no records'}{skipped})")
    return collector.pages


def check_declared_length(record: Any, uri: str, kind: str) -> None:
    """Rejects a record whose Content-Length is not a number (warcio reads it as empty)."""
    declared = record.rec_headers.get_header("Content-Length")
    if declared is None:
        return
    try:
        valid = int(declared) >= 0
    except ValueError:
        valid = False
    if not valid:
        where = f" for {uri}" if uri else ""
        raise ImportRejected(f"malformed {kind} file: bad record length {declared!r}{where}")
