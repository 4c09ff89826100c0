"""Scanning a large crawl (WARC, ARC, WACZ) into a ``CrawlIndex``, record by record.

Runs in a worker process. The rules are those of the in-memory WARC reader (``warc.py``): a
page is a 200 HTML response, an HTML ``resource`` record, or a ``revisit`` resolved to the
capture it refers to; the same URI with the same payload is one page; images captured with
status 200 are indexed so that pages can show them. Payloads are not kept: the index records
where each record lies, and pages are read again by offset when they are extracted.

Unlike the in-memory reader, a damaged record does not reject the whole file: a crawl of
several gigabytes is worth its readable part. The scan stops at the damage and says what it
was (``CrawlScan.damage``); the pages before it are imported and the damage is reported.
A WACZ's WARC files must be stored in the zip uncompressed, as the WACZ specification asks,
so that records can be read by offset.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from reader.core.containers.context import Budget, LimitExceeded, ReadContext
from reader.core.containers.crawl_index import CrawlIndex, RecordRef
from reader.core.containers.sniffing import HEAD_SIZE, looks_binary, looks_like_html
from reader.core.containers.sources import Limits
from reader.core.containers.timestamps import parse_warc_date
from reader.core.containers.wacz import PAGE_LISTS, WARC_SUFFIXES, listed_urls, url_key
from reader.core.containers.warc import (
    HTML_MEDIA_TYPES,
    check_declared_length,
    describe_warcio_error,
    drain_and_check_length,
    has_supported_encoding,
    read_body,
    read_payload,
    split_content_type,
)
from reader.core.containers.warc_images import url_file_name, url_without_scheme
from reader.core.errors import ImportRejected

CRAWL_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", ".wacz")
_LOCAL_HEADER_SIZE = 30  # a zip member's local header, before its name and extra field


@dataclass
class CrawlScan:
    """What the scan found: ``pages`` indexed, records by type, records left out by reason,
    and ``damage``: why the scan stopped early, when it did."""

    source_format: str
    pages: int = 0
    record_types: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    damage: str | None = None


def is_crawl_name(name: str) -> bool:
    return name.lower().endswith(CRAWL_SUFFIXES)


class _Scanner:
    """Adds the records of one WARC stream to the index."""

    def __init__(self, index: CrawlIndex, scan: CrawlScan, limits: Limits, prefix: str) -> None:
        self.index = index
        self.scan = scan
        self.limits = limits
        self.prefix = prefix  # a WACZ member's name, when the package holds several WARCs

    def context(self, name: str) -> ReadContext:
        # Each record has its own budget: the crawl as a whole may be any size.
        return ReadContext(name, self.limits, Budget(self.limits.max_decompressed_bytes))

    def add_page(self, uri: str, captured_at: str | None, charset: str | None, ref: RecordRef,
                 payload_hash: str) -> None:  # fmt: skip
        if not self.index.first_sighting(uri, payload_hash):
            return
        part = self.prefix + uri
        if self.index.has_part(part):
            base = f"{part} ({captured_at or 'undated'})"
            part, counter = base, 2
            while self.index.has_part(part):
                part, counter = f"{base[:-1]} #{counter})", counter + 1
        if self.scan.pages >= self.limits.max_pages_per_crawl:
            raise LimitExceeded(f"more than {self.limits.max_pages_per_crawl} pages in one crawl")
        self.index.add_page(part, uri, captured_at, charset, ref)
        self.scan.pages += 1

    def run(self, stream: IO[bytes], start: int, size: int, name: str) -> None:
        """Scans the ``size`` bytes of records of ``stream``, whose offsets count from
        ``start`` in the file."""
        kind = "ARC" if name.lower().endswith((".arc", ".arc.gz")) else "WARC"
        iterator = ArchiveIterator(stream, arc2warc=True)
        warnings = io.StringIO()
        with contextlib.redirect_stderr(warnings):
            try:
                for record in iterator:
                    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                    check_declared_length(record, uri, kind)
                    found = self.classify(record, uri, warnings)
                    drain_and_check_length(record, uri)
                    if found is not None:
                        offset, length = iterator.get_record_offset(), iterator.get_record_length()
                        found(RecordRef(start, offset, length, kind == "ARC"))
            except LimitExceeded:
                raise
            except ImportRejected as error:
                self.scan.damage = str(error)
            except Exception as error:  # noqa: BLE001 - warcio raises bare Exceptions
                self.scan.damage = f"malformed {kind} file: {describe_warcio_error(error)}"
        if self.scan.damage is None and iterator.offset < size:
            # warcio stops quietly at a record it cannot even begin to read (a truncated
            # gzip member, garbage): whatever lies after the last good record is lost.
            unread = size - iterator.offset
            self.scan.damage = (
                f"malformed {kind} file: the last {unread:,} bytes hold no readable record"
                " (truncated or corrupt file)"
            )
        if iterator.err_count and self.scan.damage is None:
            self.scan.damage = (
                f"malformed {kind} file: {iterator.err_count} records' Content-Length did not"
                " match their data; pages in them may be incomplete"
            )

    def classify(self, record: Any, uri: str, warnings: io.StringIO) -> Any:
        """Reads what the index needs from one record; returns the function that adds it to
        the index once its offset and length are known, or None when it is no page or image."""
        headers = record.rec_headers
        record_type = record.rec_type
        self.scan.record_types[record_type] += 1
        date = headers.get_header("WARC-Date")
        captured_at = parse_warc_date(date)
        digest = (headers.get_header("WARC-Payload-Digest") or "").strip().lower() or None
        uri_date = f"{uri} {parse_warc_date(date) or date}" if date else None
        if record_type == "revisit":
            return self.classify_revisit(record, uri, captured_at)
        http = record.http_headers
        if record_type == "resource":
            media_type, charset = split_content_type(headers.get_header("Content-Type"))
            if media_type not in HTML_MEDIA_TYPES:
                return None
            try:
                payload = read_payload(record.raw_stream, self.context(uri))
            except LimitExceeded:
                self.scan.skipped["HTML record over the size limit"] += 1
                return None
            payload_hash = hashlib.sha256(payload).hexdigest()
        elif record_type == "response" and http is not None:
            media_type, charset = split_content_type(http.get_header("Content-Type"))
            if http.get_statuscode() != "200":
                return None
            if media_type.startswith("image/"):
                return self.classify_image(record, uri, media_type)
            untyped = media_type in ("", "application/octet-stream")
            if not (media_type in HTML_MEDIA_TYPES or untyped):
                return None
            if not has_supported_encoding(http):
                self.scan.skipped["unsupported Content-Encoding"] += 1
                return None
            try:
                body = read_body(record, self.context(uri), warnings)
            except LimitExceeded:
                self.scan.skipped["HTML response over the size limit"] += 1
                return None
            if body is None:
                self.scan.skipped["HTML response with a truncated or corrupt compressed body"] += 1
                return None
            if untyped and not looks_like_html(body[:HEAD_SIZE]):
                return None
            if looks_binary(body[:HEAD_SIZE]):
                self.scan.skipped["HTML response with an undecodable body"] += 1
                return None
            payload_hash = hashlib.sha256(body).hexdigest()
        else:
            return None

        def add(ref: RecordRef) -> None:
            self.index.remember_capture(uri_date, digest, charset, payload_hash, ref)
            self.add_page(uri, captured_at, charset, ref, payload_hash)

        return add

    def classify_revisit(self, record: Any, uri: str, captured_at: str | None) -> Any:
        headers = record.rec_headers
        http = record.http_headers
        if http is not None:
            media_type, _ = split_content_type(http.get_header("Content-Type"))
            if http.get_statuscode() not in ("200", "304") or (
                media_type and media_type not in HTML_MEDIA_TYPES
            ):
                return None
        refers_date = headers.get_header("WARC-Refers-To-Date")
        refers_uri = headers.get_header("WARC-Refers-To-Target-URI") or ""
        uri_date = (
            f"{refers_uri} {parse_warc_date(refers_date) or refers_date}" if refers_date else None
        )
        digest = (headers.get_header("WARC-Payload-Digest") or "").strip().lower() or None
        original = self.index.find_capture(uri_date, digest)
        if original is None:
            self.scan.skipped["revisit of a capture not in this file"] += 1
            return None
        ref, charset, payload_hash = original
        # The original's own record is what the page is read from: no offset of this one needed.
        self.add_page(uri, captured_at, charset, ref, payload_hash)
        return None

    def classify_image(self, record: Any, uri: str, media_type: str) -> Any:
        if not has_supported_encoding(record.http_headers):
            return None
        if int(record.payload_length or 0) > self.limits.max_image_bytes:
            return None
        key = url_without_scheme(uri)
        name = url_file_name(uri)

        def add(ref: RecordRef) -> None:
            self.index.add_image(key, uri, name, media_type, ref)

        return add


def _stored_members(path: Path, limits: Limits) -> tuple[list[tuple[str, int, int]], set[str]]:
    """A WACZ's WARC members as ``(name, data offset, size)``, and the URL keys of its page
    lists. Raises ImportRejected for a package that cannot be read by offset."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportRejected(f"not a readable WACZ package: {error}") from None
    members: list[tuple[str, int, int]] = []
    listed: set[str] = set()
    with archive, path.open("rb") as raw:
        for info in archive.infolist():
            name = info.filename
            if name in PAGE_LISTS and info.file_size <= limits.max_file_bytes:
                listed |= listed_urls(archive.read(info))
            if not (name.startswith("archive/") and name.lower().endswith(WARC_SUFFIXES)):
                continue
            if info.compress_type != zipfile.ZIP_STORED:
                raise ImportRejected(
                    f"{name} is compressed inside the WACZ package; large packages must store"
                    " their WARC files uncompressed, as the WACZ specification asks"
                    " (unzip the package and import its WARC files instead)"
                )
            raw.seek(info.header_offset)
            header = raw.read(_LOCAL_HEADER_SIZE)
            name_length = int.from_bytes(header[26:28], "little")
            extra_length = int.from_bytes(header[28:30], "little")
            start = info.header_offset + _LOCAL_HEADER_SIZE + name_length + extra_length
            members.append((name, start, info.compress_size))
    if not members:
        raise ImportRejected("not a WACZ package: no archive/*.warc file inside")
    return members, listed


def scan_crawl(path: Path, index_path: Path, limits: Limits) -> CrawlScan:
    """Scans the crawl at ``path`` into a new index at ``index_path``.

    Raises:
        ImportRejected: the file cannot be scanned at all (not a crawl, an unreadable
            package, too many pages). A crawl damaged part-way is not an error: see
            ``CrawlScan.damage``.
    """
    index = CrawlIndex.create(index_path)
    try:
        if path.name.lower().endswith(".wacz"):
            scan = CrawlScan("wacz")
            members, listed = _stored_members(path, limits)
            with path.open("rb") as stream:
                for name, start, size in members:
                    stream.seek(start)
                    prefix = "" if len(members) == 1 else f"{name}/"
                    _Scanner(index, scan, limits, prefix).run(
                        LimitReader(stream, size), start, size, name
                    )
                    if scan.damage:
                        break
            if listed:
                chosen = [number for number, uri in index.page_uris() if url_key(uri) in listed]
                if chosen:  # a list that matches nothing is ignored, as in the small reader
                    index.drop_pages_except(chosen)
                    scan.pages = len(chosen)
        else:
            arc = path.name.lower().endswith((".arc", ".arc.gz"))
            scan = CrawlScan("arc" if arc else "warc")
            with path.open("rb") as stream:
                size = path.stat().st_size
                _Scanner(index, scan, limits, "").run(stream, 0, size, path.name)
        if not scan.pages and scan.damage:
            raise ImportRejected(scan.damage)
        return scan
    finally:
        index.close()
