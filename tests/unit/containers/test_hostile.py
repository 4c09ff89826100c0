"""Hostile and broken inputs: each is rejected with a one-line ImportRejected, quickly.

Large inputs are generated in tmp_path at test time, cheaply: sparse files (truncate),
repeated gzip members, zip entries streamed from a small repeated chunk.
"""

from __future__ import annotations

import gzip
import io
import os
import plistlib
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.containers import Limits
from reader.core.errors import ImportRejected

from .helpers import read, write

EXAMPLE_WARC = (
    b"WARC/1.0\r\n"
    b"WARC-Type: response\r\n"
    b"WARC-Target-URI: http://example.com/\r\n"
    b"WARC-Date: 2024-01-01T00:00:00Z\r\n"
    b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
    b"Content-Type: application/http; msgtype=response\r\n"
    b"Content-Length: %d\r\n\r\n%s\r\n\r\n"
)
HTTP_BODY = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>hello</p></html>"


def rejected(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(ImportRejected) as caught:
        read(path, limits)
    message = str(caught.value)
    assert message and "\n" not in message and len(message) <= 300
    return message


def test_empty_file(tmp_path: Path) -> None:
    assert "empty" in rejected(write(tmp_path / "page.html", b""))


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert "empty" in rejected(write(tmp_path / "page.txt", b" \r\n\t\n"))


def test_binary_data_with_html_extension(tmp_path: Path) -> None:
    data = bytes(range(256)) * 64
    assert "binary" in rejected(write(tmp_path / "page.html", data))


def test_binary_data_with_unknown_extension(tmp_path: Path) -> None:
    assert "binary" in rejected(
        write(tmp_path / "page.dat", os.urandom(4096).replace(b"\x1f", b""))
    )


def test_too_large_file_is_rejected_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(210 * 1024 * 1024)  # sparse: costs no disk and no time

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    assert "too large" in rejected(path)


def test_gzip_bomb_html(tmp_path: Path) -> None:
    # 1 GiB of zeros as 64 identical gzip members of 16 MiB: about 1 MB on disk.
    member = gzip.compress(b"\0" * (16 * 1024 * 1024), compresslevel=9)
    path = write(tmp_path / "bomb.html.gz", member * 64)
    assert "decompress" in rejected(path)


def test_gzip_bomb_with_smaller_limit_and_no_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb", gzip.compress(b"<html>" + b" " * (8 * 1024 * 1024)))
    assert "decompress" in rejected(path, Limits(max_decompressed_bytes=1024 * 1024))


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(b"<html><body>" + b"text " * 10_000 + b"</body></html>")
    assert "gzip" in rejected(write(tmp_path / "cut.html.gz", data[: len(data) // 2]))


def test_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    chunk = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("page.html", "w", force_zip64=True) as member,
    ):
        for _ in range(40):
            member.write(chunk)
    message = rejected(path, Limits(max_decompressed_bytes=16 * 1024 * 1024))
    assert "limit" in message or "decompress" in message


def test_zip_with_lying_sizes_is_still_bounded(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("page.html", b"<html>" + b"a" * (4 * 1024 * 1024))
    data = bytearray(buffer.getvalue())
    # Declare 10 bytes in the central directory: zipfile then stops at 10 bytes and reports a
    # CRC error, or reads within the declared size; either way it stays bounded.
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    local_size = 22
    data[local_size : local_size + 4] = (10).to_bytes(4, "little")
    with pytest.raises(ImportRejected):
        read(write(tmp_path / "lying.zip", bytes(data)), Limits(max_decompressed_bytes=1024 * 1024))


@pytest.mark.parametrize(
    "name", ["../evil.html", "a/../../evil.html", "/etc/evil.html", "C:/evil.html"]
)
def test_zip_with_unsafe_paths(tmp_path: Path, name: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("good.html", b"<html>fine</html>")
        info = zipfile.ZipInfo("placeholder")
        info.filename = name  # ZipInfo normalises some names; set the raw one afterwards
        archive.writestr(info, b"<html>evil</html>")
    before = set(tmp_path.parent.iterdir())
    assert "unsafe path" in rejected(write(tmp_path / "evil.zip", buffer.getvalue()))
    assert set(tmp_path.parent.iterdir()) == before


def test_zip_with_too_many_members(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index in range(30):
            archive.writestr(f"p{index}.html", b"<html>x</html>")
    message = rejected(write(tmp_path / "many.zip", buffer.getvalue()), Limits(max_zip_members=20))
    assert "members" in message


def test_zip_nested_too_deep(tmp_path: Path) -> None:
    data = b"<html>core</html>"
    name = "page.html"
    for depth in range(10):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(name, data)
        data, name = buffer.getvalue(), f"level{depth}.zip"
    assert "nested" in rejected(write(tmp_path / "deep.zip", data))


def test_corrupt_zip(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("page.html", b"<html>x</html>" * 100)
    assert "zip" in rejected(write(tmp_path / "cut.zip", buffer.getvalue()[:60]))


def test_warc_with_too_long_content_length(tmp_path: Path) -> None:
    record = EXAMPLE_WARC % (len(HTTP_BODY) + 500, HTTP_BODY)
    message = rejected(write(tmp_path / "long.warc", record))
    assert "truncated" in message or "Content-Length" in message


def test_warc_with_too_short_content_length(tmp_path: Path) -> None:
    record = EXAMPLE_WARC % (len(HTTP_BODY) - 10, HTTP_BODY)
    assert "Content-Length" in rejected(write(tmp_path / "short.warc", record * 2))


def test_warc_with_non_numeric_content_length(tmp_path: Path) -> None:
    record = (EXAMPLE_WARC % (0, HTTP_BODY)).replace(b"Content-Length: 0", b"Content-Length: 12x")
    assert "length" in rejected(write(tmp_path / "nan.warc", record))


def test_valid_handmade_warc_is_read(tmp_path: Path) -> None:
    (page,) = read(write(tmp_path / "ok.warc", EXAMPLE_WARC % (len(HTTP_BODY), HTTP_BODY)))
    assert page.content == b"<html><p>hello</p></html>"


def test_mhtml_with_lying_boundary(tmp_path: Path) -> None:
    data = (
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; boundary="declared"\r\n\r\n'
        b"--actual\r\nContent-Type: text/html\r\n\r\n<html>x</html>\r\n--actual--\r\n"
    )
    assert "boundary" in rejected(write(tmp_path / "lying.mhtml", data))


def test_mhtml_without_html_part(tmp_path: Path) -> None:
    data = (
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: image/png\r\n\r\nPNG\r\n--b--\r\n"
    )
    assert "HTML part" in rejected(write(tmp_path / "images.mht", data))


def test_plist_garbage(tmp_path: Path) -> None:
    data = b"bplist00" + os.urandom(2048)
    assert "webarchive" in rejected(write(tmp_path / "garbage.webarchive", data))


def test_plist_without_main_resource(tmp_path: Path) -> None:
    data = plistlib.dumps({"WebSubresources": []}, fmt=plistlib.FMT_BINARY)
    assert "WebMainResource" in rejected(write(tmp_path / "empty.webarchive", data))


def test_webarchive_of_an_image(tmp_path: Path) -> None:
    data = plistlib.dumps(
        {"WebMainResource": {"WebResourceData": b"\x89PNG", "WebResourceMIMEType": "image/png"}},
        fmt=plistlib.FMT_BINARY,
    )
    assert "image/png" in rejected(write(tmp_path / "image.webarchive", data))


def test_too_many_pages_in_a_warc(tmp_path: Path) -> None:
    records = b"".join(
        (EXAMPLE_WARC % (len(HTTP_BODY) + 2, HTTP_BODY + b"%02d" % index)).replace(
            b"http://example.com/", b"http://example.com/%d" % index
        )
        for index in range(5)
    )
    assert "pages" in rejected(write(tmp_path / "many.warc", records), Limits(max_pages_per_file=3))


def test_missing_file(tmp_path: Path) -> None:
    assert "not found" in rejected(tmp_path / "nowhere.html")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(min_size=0, max_size=2048),
    extension=st.sampled_from(
        [
            ".html",
            ".mhtml",
            ".warc",
            ".warc.gz",
            ".zip",
            ".webarchive",
            ".gz",
            ".txt",
            ".wacz",
            ".arc",
            ".bin",
        ]
    ),
    prefix=st.sampled_from(
        [
            b"",
            b"WARC/1.0\r\n",
            b"PK\x03\x04",
            b"\x1f\x8b\x08",
            b"bplist00",
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n",
            b"filedesc://x 0.0.0.0 20200101000000 text/plain 10\n",
        ]
    ),
)
def test_arbitrary_bytes_never_raise_anything_else(
    tmp_path: Path, data: bytes, extension: str, prefix: bytes
) -> None:
    path = write(tmp_path / f"fuzz{extension}", prefix + data)
    try:
        pages = read(path)
    except ImportRejected as error:
        assert "\n" not in str(error)
    else:
        assert pages


def _gzip_encoded_warc(body: bytes) -> bytes:
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
        + gzip.compress(body, compresslevel=9)
    )
    return EXAMPLE_WARC % (len(http), http)


def test_gzip_encoded_http_body_bomb_in_warc(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.warc", _gzip_encoded_warc(b"<html>" + b"\0" * (32 * 1024 * 1024)))
    message = rejected(path, Limits(max_file_bytes=4 * 1024 * 1024))
    assert "decompression bomb" in message


@pytest.mark.stress
def test_default_limits_stop_large_bombs(tmp_path: Path) -> None:
    # 1 GiB zip member streamed from a small repeated chunk; the default 500 MB budget applies.
    path = tmp_path / "bomb.zip"
    chunk = b"\0" * (4 * 1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("page.html", "w", force_zip64=True) as member,
    ):
        for _ in range(256):
            member.write(chunk)
    assert "500 MB" in rejected(path)
    warc = write(tmp_path / "bomb.warc", _gzip_encoded_warc(b"\0" * (300 * 1024 * 1024)))
    assert "bomb" in rejected(warc)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
    ],
)
def test_renamed_documents_and_images_are_named(tmp_path: Path, data: bytes, kind: str) -> None:
    assert kind in rejected(write(tmp_path / "article.html", data))


def test_untyped_response_is_a_page_only_when_it_looks_like_html(tmp_path: Path) -> None:
    untyped_html = b"HTTP/1.1 200 OK\r\n\r\n<!DOCTYPE html><html><p>untyped</p></html>"
    untyped_binary = b"HTTP/1.1 200 OK\r\n\r\n\x00\x01binary"
    records = (EXAMPLE_WARC % (len(untyped_html), untyped_html)) + (
        EXAMPLE_WARC % (len(untyped_binary), untyped_binary)
    ).replace(b"http://example.com/", b"http://example.com/blob")
    (page,) = read(write(tmp_path / "untyped.warc", records))
    assert page.url == "http://example.com/" and b"untyped" in page.content


def test_gzip_http_body_corrupt_halfway_is_rejected(tmp_path: Path) -> None:
    body = gzip.compress(b"<html><body>" + os.urandom(20_000).hex().encode() + b"</body></html>")
    broken = body[: len(body) // 2] + bytes(len(body) - len(body) // 2)  # zeros from the middle
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + broken
    assert "corrupt" in rejected(write(tmp_path / "broken.warc", EXAMPLE_WARC % (len(http), http)))


def test_gzip_http_body_corrupt_from_the_start_is_not_a_page(tmp_path: Path) -> None:
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
        + b"\x1f\x8b\x08\x00"
        + bytes(range(256))
    )
    assert "undecodable" in rejected(
        write(tmp_path / "garbage.warc", EXAMPLE_WARC % (len(http), http))
    )
