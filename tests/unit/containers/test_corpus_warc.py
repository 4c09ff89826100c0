"""WARC, ARC and WACZ samples of the shared corpus.

Expected pages are recomputed independently with warcio's plain iterator (every 200 HTML
response and HTML resource record, one per URI and payload), never copied from read_pages.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from reader.core.errors import ImportRejected, NotAnArticle

from .helpers import read

VALID_WARCS = [
    "warcio--example.warc",
    "warcio--example.warc.gz",
    "warcio--example-iana.org-chunked.warc",
    "warcio--example-resource.warc.gz",
    "warcio--example.arc",
    "warcio--example.arc.gz",
    "pywb--iana.warc.gz",
    "pywb--example-wget-1-14.warc.gz",
    "pywb--example-wpull.warc.gz",
    "pywb--dupes.warc.gz",
]
MALFORMED = [
    "warcio--example-trunc.warc",
    "warcio--example-wrong-chunks.warc.gz",
    "warcio--bad.arc",
    "warcio--example-bad-non-chunked.warc.gz",
]


def expected_captures(stream: io.BufferedIOBase) -> set[tuple[str, str]]:
    """(URI, sha256 of payload) of the HTML captures, by a plain warcio loop."""
    found: set[tuple[str, str]] = set()
    for record in ArchiveIterator(stream, arc2warc=True):
        uri = record.rec_headers.get_header("WARC-Target-URI")
        if record.rec_type == "response" and record.http_headers is not None:
            content_type = record.http_headers.get_header("Content-Type") or ""
            if record.http_headers.get_statuscode() == "200" and "html" in content_type:
                found.add((uri, hashlib.sha256(record.content_stream().read()).hexdigest()))
        elif record.rec_type == "resource" and "html" in (
            record.rec_headers.get_header("Content-Type") or ""
        ):
            found.add((uri, hashlib.sha256(record.raw_stream.read()).hexdigest()))
    return found


@pytest.mark.parametrize("name", VALID_WARCS)
def test_valid_warc_gives_each_html_capture_once(containers_dir: Path, name: str) -> None:
    path = containers_dir / "warc" / name
    with path.open("rb") as stream:
        expected = expected_captures(stream)
    pages = read(path)
    got = {(page.url, hashlib.sha256(page.content).hexdigest()) for page in pages}
    assert got == expected
    assert len(pages) == len(expected)  # no duplicates
    assert len({page.part for page in pages}) == len(pages)
    for page in pages:
        assert page.media_type == "text/html"
        assert page.source_format in ("warc", "arc")
        assert page.captured_at is not None and page.captured_at.endswith("Z")
        assert page.captured_source == "container"


def test_iana_crawl_pages_are_its_html_responses(containers_dir: Path) -> None:
    path = containers_dir / "warc" / "pywb--iana.warc.gz"
    text = gzip.decompress(path.read_bytes()).decode("latin-1")
    # The README counts 48 responses; the crawl's HTML pages are those with an HTML type and
    # a 200 status. Counted here on the raw text, independently of warcio.
    html_ok = 0
    for block in text.split("WARC/1.0\r\n")[1:]:
        if "WARC-Type: response" in block and "\r\n\r\nHTTP/1.1 200" in block:
            http_headers = block.split("\r\n\r\n", 2)[1]
            if "Content-Type: text/html" in http_headers:
                html_ok += 1
    pages = read(path)
    assert len(pages) == html_ok
    urls = [page.url for page in pages]
    assert "http://www.iana.org/" in urls and "http://www.iana.org/domains/root/db" in urls
    # Redirects (302) are not pages.
    assert "http://www.iana.org/about/performance/ietf-statistics" not in urls
    assert all(page.charset == "utf-8" for page in pages)


def test_dupes_revisit_resolves_to_the_single_example_page(containers_dir: Path) -> None:
    pages = read(containers_dir / "warc" / "pywb--dupes.warc.gz")
    assert [page.url for page in pages] == ["http://example.com"]
    assert b"Example Domain" in pages[0].content


def test_chunked_response_is_dechunked(containers_dir: Path) -> None:
    (page,) = read(containers_dir / "warc" / "warcio--example-iana.org-chunked.warc")
    assert page.url == "http://www.iana.org/"
    assert page.content.lstrip().lower().startswith(b"<!doctype html")
    assert page.content.rstrip().endswith(b"</html>")
    assert page.charset == "utf-8"


def test_wacz_gives_example_com(containers_dir: Path) -> None:
    path = containers_dir / "warc" / "pywb--valid_example_1.wacz"
    with zipfile.ZipFile(path) as archive:
        warc_names = [name for name in archive.namelist() if name.startswith("archive/")]
        expected = set()
        for name in warc_names:
            expected |= expected_captures(io.BytesIO(archive.read(name)))
    pages = read(path)
    assert {(page.url, hashlib.sha256(page.content).hexdigest()) for page in pages} == expected
    assert all("example.com" in (page.url or "") for page in pages)
    assert all(page.source_format == "wacz" for page in pages)


def test_warc_without_html_is_not_an_article(containers_dir: Path) -> None:
    with pytest.raises(NotAnArticle, match="no HTML page"):
        read(containers_dir / "warc" / "warcio--example-digest.warc")


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_warc_is_rejected_with_one_line(containers_dir: Path, name: str) -> None:
    with pytest.raises(ImportRejected) as caught:
        read(containers_dir / "warc" / "malformed" / name)
    assert not isinstance(caught.value, NotAnArticle)
    message = str(caught.value)
    assert message and "\n" not in message


def test_captured_images_are_attached_to_the_pages_naming_them(containers_dir: Path) -> None:
    path = containers_dir / "warc" / "pywb--iana.warc.gz"
    map_uri = "http://www.iana.org/_img/2013.1/rir-map.svg"
    with path.open("rb") as stream:
        map_svg = next(
            record.content_stream().read()
            for record in ArchiveIterator(stream)
            if record.rec_type == "response"
            and record.rec_headers.get_header("WARC-Target-URI") == map_uri
        )
    pages = {page.url: page for page in read(path)}
    numbers = pages["http://www.iana.org/numbers"]
    assert b"/_img/2013.1/rir-map.svg" in numbers.content
    (resource,) = [item for item in numbers.resources if item.location == map_uri]
    assert resource.data == map_svg and resource.media_type == "image/svg+xml"
    for page in pages.values():
        for item in page.resources:
            assert item.media_type.startswith("image/")
        if b"rir-map.svg" not in page.content:
            assert all(item.location != map_uri for item in page.resources)
