"""Large crawls are scanned into an index and read page by page: the pages must be exactly
those the in-memory WARC reader gives (same parts, URLs, dates, bytes and images)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reader.core.containers.crawl_index import CrawlIndex
from reader.core.containers.crawl_read import read_crawl_page
from reader.core.containers.crawl_scan import scan_crawl
from reader.core.containers.sources import Limits
from reader.core.errors import ImportRejected
from reader.core.model import SavedPage

from .helpers import read
from .test_corpus_warc import MALFORMED, VALID_WARCS

CRAWLS = [*VALID_WARCS, "pywb--valid_example_1.wacz"]


def crawl_pages(path: Path, tmp_path: Path) -> list[SavedPage]:
    index_path = tmp_path / "index.sqlite3"
    scan = scan_crawl(path, index_path, Limits())
    index = CrawlIndex.open(index_path)
    try:
        with path.open("rb") as stream:
            pages = [
                read_crawl_page(stream, index, page, scan.source_format, Limits())
                for page in index.iter_pages()
            ]
    finally:
        index.close()
    assert scan.pages == len(pages)
    return pages


def summary(page: SavedPage) -> tuple[object, ...]:
    resources = sorted((r.location, r.media_type, r.data) for r in page.resources)
    return (page.part, page.url, page.captured_at, page.charset, page.source_format,
            page.content, resources)  # fmt: skip


@pytest.mark.parametrize("name", CRAWLS)
def test_a_crawl_read_by_offset_gives_the_pages_read_whole(
    containers_dir: Path, tmp_path: Path, name: str
) -> None:
    path = containers_dir / "warc" / name
    whole = read(path)
    streamed = crawl_pages(path, tmp_path)
    assert sorted(map(summary, streamed)) == sorted(map(summary, whole))


def write_crawl(path: Path, records: list[tuple[str, str, bytes]]) -> Path:
    """(type, URI, payload) records: 'html' and 'image' responses, 'revisit' of a URI."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    digests: dict[str, str] = {}
    for kind, uri, payload in records:
        if kind == "revisit":
            record = writer.create_revisit_record(
                uri, digests[uri], uri, "2021-07-07T10:00:00Z",
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                              protocol="HTTP/1.1"),
            )  # fmt: skip
        else:
            media = "text/html; charset=utf-8" if kind == "html" else "image/png"
            headers = StatusAndHeaders("200 OK", [("Content-Type", media)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            digests[uri] = record.rec_headers.get_header("WARC-Payload-Digest")
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return path


def page(title: str, image: str = "") -> bytes:
    body = f"<p>{title} " + "with enough words to be a page. " * 5 + "</p>"
    figure = f'<img src="{image}" alt="a chart">' if image else ""
    return f"<html><head><title>{title}</title></head><body>{figure}{body}</body></html>".encode()


def test_revisits_images_and_repeated_uris_as_the_small_reader_sees_them(tmp_path: Path) -> None:
    crawl = write_crawl(
        tmp_path / "crawl.warc.gz",
        [
            ("image", "https://news.example/chart.png", b"\x89PNG fake image bytes"),
            ("html", "https://news.example/a", page("A", "/chart.png")),
            ("html", "https://news.example/b", page("B")),
            ("revisit", "https://news.example/a", b""),
            ("html", "https://news.example/b", page("B, updated")),
        ],
    )
    whole = read(crawl)
    streamed = crawl_pages(crawl, tmp_path)
    assert sorted(map(summary, streamed)) == sorted(map(summary, whole))
    by_url = {p.url: p for p in streamed if p.part == p.url}
    assert [r.location for r in by_url["https://news.example/a"].resources] == [
        "https://news.example/chart.png"
    ]
    assert len(streamed) == 3  # the revisit repeats A's payload: one page


def test_a_crawl_damaged_part_way_keeps_the_pages_before_the_damage(tmp_path: Path) -> None:
    good = write_crawl(
        tmp_path / "good.warc.gz",
        [("html", f"https://news.example/{n}", page(f"P{n}")) for n in range(5)],
    )
    data = good.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])  # the last record loses its end
    scan = scan_crawl(cut, tmp_path / "index.sqlite3", Limits())
    assert scan.pages == 4
    assert scan.damage


def test_a_file_that_is_no_crawl_at_all_is_rejected(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"not a web archive at all\n" * 100)
    with pytest.raises(ImportRejected):
        scan_crawl(junk, tmp_path / "index.sqlite3", Limits())


def test_a_wacz_with_compressed_warc_members_says_how_to_import_it(tmp_path: Path) -> None:
    inner = write_crawl(tmp_path / "data.warc.gz", [("html", "https://news.example/", page("A"))])
    package = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(package, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(inner, "archive/data.warc.gz")
    with pytest.raises(ImportRejected, match="uncompressed"):
        scan_crawl(package, tmp_path / "index.sqlite3", Limits())


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_corpus_crawl_is_never_taken_for_a_sound_one(
    containers_dir: Path, tmp_path: Path, name: str
) -> None:
    path = containers_dir / "warc" / "malformed" / name
    try:
        scan = scan_crawl(path, tmp_path / "index.sqlite3", Limits())
    except ImportRejected as error:
        assert str(error)
    else:
        assert scan.damage, scan
