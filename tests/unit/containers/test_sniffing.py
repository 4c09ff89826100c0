"""Content sniffing: unknown or lying extensions still reach the right reader."""

from __future__ import annotations

import gzip
import io
import plistlib
import zipfile
from pathlib import Path

from reader.core.containers.sniffing import looks_binary

from .helpers import read, write

MHTML = (
    b"From: <Saved by Blink>\r\n"
    b"Snapshot-Content-Location: https://example.org/\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n'
    b"--b\r\nContent-Type: text/html\r\nContent-Location: https://example.org/\r\n\r\n"
    b"<html><p>mhtml page</p></html>\r\n--b--\r\n"
)


def test_mhtml_saved_with_html_extension(tmp_path: Path) -> None:
    (page,) = read(write(tmp_path / "page.html", MHTML))
    assert page.source_format == "mhtml" and page.url == "https://example.org/"


def test_warc_saved_as_text(tmp_path: Path, containers_dir: Path) -> None:
    data = (containers_dir / "warc" / "warcio--example.warc").read_bytes()
    (page,) = read(write(tmp_path / "capture.txt", data))
    assert page.source_format == "warc" and page.url == "http://example.com/"


def test_gzip_with_html_extension_and_no_extension(tmp_path: Path) -> None:
    html = b"<!DOCTYPE html><html><body>compressed</body></html>"
    for name in ("page.html", "page"):
        (page,) = read(write(tmp_path / name, gzip.compress(html)))
        assert page.content == html and page.media_type == "text/html"


def test_zip_and_webarchive_with_unknown_extensions(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inside.html", b"<html>zipped</html>")
    (page,) = read(write(tmp_path / "bundle.dat", buffer.getvalue()))
    assert page.part == "inside.html"
    plist = plistlib.dumps(
        {
            "WebMainResource": {
                "WebResourceData": b"<html>safari</html>",
                "WebResourceMIMEType": "text/html",
                "WebResourceURL": "https://example.org/s",
            }
        }
    )  # XML plist: Safari's older format
    (page,) = read(write(tmp_path / "saved.bin", plist))
    assert page.source_format == "webarchive" and page.url == "https://example.org/s"


def test_html_with_unknown_extension_and_text(tmp_path: Path) -> None:
    (page,) = read(write(tmp_path / "page.aspx", b"\xef\xbb\xbf<!doctype html><p>x</p>"))
    assert page.media_type == "text/html"
    (page,) = read(write(tmp_path / "notes", "Plain notes, café.\n".encode()))
    assert page.media_type == "text/plain" and page.source_format == "text"


def test_utf16_text_is_not_binary() -> None:
    assert not looks_binary("﻿<html>texte accentué</html>".encode("utf-16"))
    assert looks_binary(b"\x00\x01\x02\x03" * 100)
    assert not looks_binary(b"plain ascii with a tab\tand\r\nnewlines\x0c")


def test_saved_from_comment_gives_the_url(tmp_path: Path) -> None:
    html = (
        b"<!DOCTYPE html>\r\n<!-- saved from url=(0023)https://example.org/a -->\r\n<html></html>"
    )
    (page,) = read(write(tmp_path / "page.htm", html))
    assert page.url == "https://example.org/a" and page.source_format == "html"
    assert page.captured_at is None and page.captured_source is None


def test_supported_extensions_cover_every_format() -> None:
    from reader.core.containers import supported_extensions

    extensions = supported_extensions()
    for expected in (
        ".html",
        ".htm",
        ".mht",
        ".mhtml",
        ".warc",
        ".warc.gz",
        ".arc",
        ".wacz",
        ".webarchive",
        ".txt",
        ".zip",
        ".html.gz",
    ):
        assert expected in extensions
    assert extensions.index(".warc.gz") < extensions.index(".gz")


def test_local_urls_are_not_saved_urls(tmp_path: Path) -> None:
    word_mht = (
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; boundary="----=_NextPart_01DA"\r\n\r\n'
        b"------=_NextPart_01DA\r\n"
        b"Content-Location: file:///C:/Users/ann/Documents/report.htm\r\n"
        b'Content-Type: text/html; charset="us-ascii"\r\n\r\n'
        b"<html><body>Report</body></html>\r\n"
        b"------=_NextPart_01DA--\r\n"
    )
    (page,) = read(write(tmp_path / "report.mht", word_mht))
    assert page.url is None and page.content == b"<html><body>Report</body></html>"
    html = b"<!-- saved from url=(0014)about:internet -->\n<html><p>local</p></html>"
    (page,) = read(write(tmp_path / "local.html", html))
    assert page.url is None


def test_html_saved_as_text_is_read_as_html(tmp_path: Path) -> None:
    (page,) = read(write(tmp_path / "page.txt", b"<!DOCTYPE html>\n<html><p>tagged</p></html>"))
    assert page.media_type == "text/html" and page.source_format == "html"
    (page,) = read(write(tmp_path / "notes.txt", b"Notes about <html> tags in prose.\n"))
    assert page.media_type == "text/plain"


def test_seed_text_dump_is_one_plain_text_page(seed_page: Path) -> None:
    (page,) = read(seed_page)
    assert page.media_type == "text/plain" and page.source_format == "text"
    assert page.content == seed_page.read_bytes()
    assert page.url is None and page.captured_at is None and page.charset is None
