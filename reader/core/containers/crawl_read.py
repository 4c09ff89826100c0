"""Reading pages of a scanned crawl by offset, with the captured images they show.

Runs in a worker process, a few pages at a time: each page's record is read by seeking to it
(``RecordRef``), its images are found in the crawl's index by the file names its HTML refers
to, and read the same way. A page whose record cannot be read is that page's failure only.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import replace
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from reader.core.containers.context import Budget, ReadContext
from reader.core.containers.crawl_index import CrawlIndex, CrawlPage, RecordRef
from reader.core.containers.sources import Limits
from reader.core.containers.warc import read_body, read_payload
from reader.core.containers.warc_images import (
    image_references,
    reference_file_names,
    url_file_name,
    url_without_scheme,
)
from reader.core.errors import ImportRejected
from reader.core.model import Resource, SavedPage

# A page's images: enough for any article's figures, bounded against pages that refer to
# thousands of captured images (galleries, sprites).
MAX_IMAGES_PER_PAGE = 60
MAX_IMAGE_BYTES_PER_PAGE = 48 * 1024 * 1024
_HTML_REFERENCE = re.compile(rb"<img|srcset|url\(", re.IGNORECASE)


def _read_record(stream: IO[bytes], ref: RecordRef, limits: Limits, name: str) -> bytes:
    """The payload of the record at ``ref`` (an HTTP response's body, decoded)."""
    stream.seek(ref.start + ref.offset)
    iterator = ArchiveIterator(LimitReader(stream, ref.length), arc2warc=True)
    warnings = io.StringIO()
    context = ReadContext(name, limits, Budget(limits.max_decompressed_bytes))
    with contextlib.redirect_stderr(warnings):
        try:
            record = next(iterator)
        except StopIteration:
            raise ImportRejected("the record is no longer where the crawl's index says") from None
        if record.rec_type == "resource" or record.http_headers is None:
            return read_payload(record.raw_stream, context)
        body = read_body(record, context, warnings)
    if body is None:
        raise ImportRejected("the record's body is truncated or corrupt")
    return body


def _images(
    stream: IO[bytes], index: CrawlIndex, page: SavedPage, limits: Limits
) -> tuple[Resource, ...]:
    """The captured images the page refers to, read from the crawl (within the caps)."""
    if not _HTML_REFERENCE.search(page.content):
        return ()
    candidates = index.images_named(reference_file_names(page))
    if not candidates:
        return ()
    by_key = {image.key: image for image in candidates}
    names = {url_file_name(image.uri) for image in candidates}
    wanted = {url_without_scheme(url) for url in image_references(page, names)}
    found: list[Resource] = []
    total = 0
    for key in sorted(wanted & by_key.keys())[:MAX_IMAGES_PER_PAGE]:
        image = by_key[key]
        if total + image.record.length > MAX_IMAGE_BYTES_PER_PAGE:
            break
        try:
            data = _read_record(stream, image.record, limits, image.uri)
        except Exception:  # noqa: BLE001 - a missing picture never costs the page
            continue
        total += len(data)
        found.append(Resource(location=image.uri, media_type=image.media_type, data=data))
    return tuple(found)


def read_crawl_page(
    stream: IO[bytes], index: CrawlIndex, page: CrawlPage, source_format: str, limits: Limits
) -> SavedPage:
    """One page of the crawl, with its images.

    Raises:
        ImportRejected: its record cannot be read.
    """
    content = _read_record(stream, page.record, limits, page.uri)
    saved = SavedPage(
        content=content,
        media_type="text/html",
        source_format=source_format,
        part=page.part,
        url=page.uri,
        captured_at=page.captured_at,
        captured_source="container" if page.captured_at else None,
        charset=page.charset,
    )
    images = _images(stream, index, saved, limits)
    return replace(saved, resources=images) if images else saved
