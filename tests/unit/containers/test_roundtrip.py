"""Real article pages wrapped into containers by independent writers, read back byte for byte.

WARC files are written with warcio's writer, MHTML with the email package, "complete" pages
and zips with the standard library: read_pages must return each page's HTML unchanged.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from email.encoders import encode_base64, encode_quopri
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reader.core.containers import discover_sources, read_pages

from .helpers import read, source, write

PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def chunked(body: bytes, size: int = 1000) -> bytes:
    pieces = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def build_warc(pages: list[bytes], gzipped: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)

    def response(uri: str, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
        )
        writer.write_record(record)

    html = [("Content-Type", "text/html; charset=UTF-8")]
    response("https://news.example/one", "200 OK", html, pages[0])
    # Second page: gzip content-encoding inside chunked transfer-encoding.
    encoded = chunked(gzip.compress(pages[1]))
    response(
        "https://news.example/two",
        "200 OK",
        html + [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
        encoded,
    )
    # Third page: deflate.
    response(
        "https://news.example/three",
        "200 OK",
        html + [("Content-Encoding", "deflate")],
        zlib.compress(pages[2]),
    )
    # Same URI again with the same payload (a re-crawl): must not become a second page.
    response("https://news.example/one", "200 OK", html, pages[0])
    # Not pages: redirect, error, image.
    response("https://news.example/old", "301 Moved", [("Location", "/one")] + html, b"moved")
    response("https://news.example/missing", "404 Not Found", html, b"<html>gone</html>")
    response("https://news.example/logo.png", "200 OK", [("Content-Type", "image/png")], PNG_1X1)
    # A revisit of page one under a new URI, resolved by its payload digest.
    first = _digest_of(buffer.getvalue(), gzipped)
    revisit = writer.create_revisit_record(
        "https://news.example/one?amp",
        first,
        "https://news.example/one",
        "2000-01-01T00:00:00Z",
        http_headers=StatusAndHeaders("200 OK", html, protocol="HTTP/1.1"),
    )
    writer.write_record(revisit)
    return buffer.getvalue()


def _digest_of(warc: bytes, gzipped: bool) -> str:
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(io.BytesIO(warc)):
        if record.rec_type == "response":
            digest: str = record.rec_headers.get_header("WARC-Payload-Digest")
            return digest
    raise AssertionError("no response written")


def test_warc_roundtrip_plain_and_gzip(tmp_path: Path, article_pages: list[bytes]) -> None:
    for gzipped in (False, True):
        path = write(
            tmp_path / f"crawl.warc{'.gz' if gzipped else ''}", build_warc(article_pages, gzipped)
        )
        pages = read(path)
        by_url = {page.part: page for page in pages}
        assert set(by_url) == {
            "https://news.example/one",
            "https://news.example/two",
            "https://news.example/three",
            "https://news.example/one?amp",
        }
        assert by_url["https://news.example/one"].content == article_pages[0]
        assert by_url["https://news.example/two"].content == article_pages[1]
        assert by_url["https://news.example/three"].content == article_pages[2]
        assert by_url["https://news.example/one?amp"].content == article_pages[0]
        assert all(page.charset == "utf-8" for page in pages)


def test_warc_same_uri_different_payload_gets_a_distinct_part(
    tmp_path: Path, article_pages: list[bytes]
) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for index, body in enumerate(article_pages[:2]):
        record = writer.create_warc_record(
            "https://news.example/live",
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
            ),
            warc_headers_dict={"WARC-Date": f"2024-01-0{index + 1}T00:00:00Z"},
        )
        writer.write_record(record)
    pages = read(write(tmp_path / "live.warc.gz", buffer.getvalue()))
    assert [page.content for page in pages] == article_pages[:2]
    assert pages[0].part == "https://news.example/live"
    assert pages[1].part != pages[0].part and pages[1].part.startswith("https://news.example/live")
    assert [page.captured_at for page in pages] == ["2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"]


def build_mhtml(page: bytes, encoding: str) -> bytes:
    root = MIMEMultipart("related", type="text/html")
    root["Subject"] = "=?utf-8?q?Caf=C3=A9_article?="
    root["Date"] = "Tue, 05 Mar 2024 10:00:00 +0100"
    root["Snapshot-Content-Location"] = "https://news.example/article"
    html = MIMEBase("text", "html", charset="utf-8")
    html.set_payload(page)
    (encode_quopri if encoding == "quoted-printable" else encode_base64)(html)
    html["Content-Location"] = "https://news.example/article"
    root.attach(html)
    image = MIMEBase("image", "png")
    image.set_payload(PNG_1X1)
    encode_base64(image)
    image["Content-ID"] = "<logo@example>"
    root.attach(image)
    style = MIMEText("body { color: black }", "css")
    style["Content-Location"] = "https://news.example/style.css"
    root.attach(style)
    return root.as_bytes()


def test_mhtml_roundtrip_quoted_printable_and_base64(
    tmp_path: Path, article_pages: list[bytes]
) -> None:
    for encoding in ("quoted-printable", "base64"):
        data = build_mhtml(article_pages[0], encoding)
        assert f"Content-Transfer-Encoding: {encoding}".encode() in data
        (page,) = read(write(tmp_path / f"{encoding}.mhtml", data))
        assert page.content == article_pages[0]
        assert page.url == "https://news.example/article"
        assert page.captured_at == "2024-03-05T09:00:00Z"
        assert page.charset == "utf-8"
        resources = {resource.location: resource for resource in page.resources}
        assert resources["cid:logo@example"].data == PNG_1X1
        assert resources["cid:logo@example"].media_type == "image/png"
        assert resources["https://news.example/style.css"].media_type == "text/css"


def test_mhtml_start_parameter_names_the_main_part(tmp_path: Path) -> None:
    root = MIMEMultipart("related", type="text/html", start="<main@example>")
    frame = MIMEText("<html><body>frame</body></html>", "html")
    frame["Content-Location"] = "https://news.example/frame"
    root.attach(frame)
    main = MIMEText("<html><body>main article</body></html>", "html")
    main["Content-ID"] = "<main@example>"
    main["Content-Location"] = "https://news.example/main"
    root.attach(main)
    (page,) = read(write(tmp_path / "start.mht", root.as_bytes()))
    assert page.content == b"<html><body>main article</body></html>"
    assert page.url == "https://news.example/main"
    assert [resource.location for resource in page.resources] == ["https://news.example/frame"]


def test_complete_folder_roundtrip(tmp_path: Path, article_pages: list[bytes]) -> None:
    folder = tmp_path / "saved"
    html = b"<!-- saved from url=(0027)https://news.example/story -->\n" + article_pages[0].replace(
        b"<body", b'<body><img src="My%20story_files/photo.png"', 1
    )
    write(folder / "My story.html", html)
    write(folder / "My story_files" / "photo.png", PNG_1X1)
    write(folder / "My story_files" / "style.css", b"p{}")
    write(folder / "My story_files" / "saved_resource.html", b"<html>ad frame</html>")
    sources = list(discover_sources([folder]))
    assert [(item.display_name, item.companion_dir) for item in sources] == [
        ("saved/My story.html", folder / "My story_files")
    ]
    (page,) = read_pages(sources[0])
    assert page.content == html
    assert page.source_format == "html-complete"
    assert page.url == "https://news.example/story"
    locations = {resource.location: resource for resource in page.resources}
    assert locations["My%20story_files/photo.png"].data == PNG_1X1
    assert locations["My%20story_files/photo.png"].media_type == "image/png"
    assert "My story_files/style.css" in locations  # not referenced encoded: kept as on disk


def test_zip_of_containers_with_nested_parts(tmp_path: Path, article_pages: list[bytes]) -> None:
    inner_zip = io.BytesIO()
    with zipfile.ZipFile(inner_zip, "w") as archive:
        archive.writestr("deep/page.html", article_pages[2])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.html", article_pages[0])
        archive.writestr("b.mhtml", build_mhtml(article_pages[1], "base64"))
        archive.writestr("crawl.warc.gz", build_warc(article_pages, True))
        archive.writestr("inner.zip", inner_zip.getvalue())
        archive.writestr("notes.txt", b"reading notes")
        archive.writestr("__MACOSX/._a.html", b"\x00\x05\x16\x07")
        archive.writestr("logo.png", PNG_1X1)
        archive.writestr("c.html", article_pages[1])
        archive.writestr("c_files/photo.png", PNG_1X1)
    pages = read(write(tmp_path / "bundle.zip", buffer.getvalue()))
    by_part = {page.part: page for page in pages}
    assert by_part["a.html"].content == article_pages[0]
    assert by_part["b.mhtml"].content == article_pages[1]
    assert by_part["b.mhtml"].source_format == "mhtml"
    assert by_part["crawl.warc.gz/https://news.example/two"].content == article_pages[1]
    assert by_part["inner.zip/deep/page.html"].content == article_pages[2]
    assert by_part["notes.txt"].media_type == "text/plain"
    assert by_part["c.html"].source_format == "html-complete"
    assert [resource.location for resource in by_part["c.html"].resources] == ["c_files/photo.png"]
    assert not any(part.startswith(("__MACOSX", "logo", "c_files")) for part in by_part)


def test_html_gz_is_decompressed(tmp_path: Path, article_pages: list[bytes]) -> None:
    (page,) = read(write(tmp_path / "page.html.gz", gzip.compress(article_pages[0])))
    assert page.content == article_pages[0]
    assert page.source_format == "html" and page.charset is None


def test_single_file_pick_finds_its_companion(tmp_path: Path) -> None:
    page = write(tmp_path / "page.htm", b"<html><img src='page-Dateien/a.png'></html>")
    write(tmp_path / "page-Dateien" / "a.png", PNG_1X1)
    (found,) = discover_sources([page])
    assert found.companion_dir == tmp_path / "page-Dateien"
    (saved,) = read_pages(found)
    assert [resource.location for resource in saved.resources] == ["page-Dateien/a.png"]
    assert read_pages(source(page))[0].source_format == "html"


def test_mhtml_with_empty_main_part_imports_its_frames(tmp_path: Path) -> None:
    root = MIMEMultipart("related", type="text/html")
    root["Date"] = "Tue, 05 Mar 2024 10:00:00 +0000"
    main = MIMEText("", "html")
    main["Content-Location"] = "https://news.example/frameset"
    root.attach(main)
    for name in ("left", "right"):
        frame = MIMEText(f"<html><body>{name} frame</body></html>", "html")
        frame["Content-Location"] = f"https://news.example/{name}"
        root.attach(frame)
    pages = read(write(tmp_path / "frames.mht", root.as_bytes()))
    assert [page.part for page in pages] == [
        "https://news.example/left",
        "https://news.example/right",
    ]
    assert pages[0].content == b"<html><body>left frame</body></html>"
    assert all(page.captured_at == "2024-03-05T10:00:00Z" for page in pages)


def test_mhtml_rfc2047_and_ie_style_content_location(tmp_path: Path) -> None:
    data = (
        b"From: <Saved by Windows Internet Explorer 8>\r\n"
        b"Subject: =?utf-8?Q?Caf=C3=A9_article_with_a_very_long_title_that_is?=\r\n"
        b" =?utf-8?Q?_folded?=\r\n"
        b"Date: Mon, 1 Jan 2024 12:00:00 -0500\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000"\r\n'
        b"\r\n"
        b"------=_NextPart_000\r\n"
        b'Content-Type: text/html; charset="windows-1252"\r\n'
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://news.example/caf%C3%A9\r\n"
        b"\r\n"
        b"<html><body>Caf=E9 au lait</body></html>\r\n"
        b"------=_NextPart_000--\r\n"
    )
    (page,) = read(write(tmp_path / "ie.mht", data))
    assert page.content == b"<html><body>Caf\xe9 au lait</body></html>"
    assert page.charset == "windows-1252"
    assert page.url == "https://news.example/caf%C3%A9"
    assert page.captured_at == "2024-01-01T17:00:00Z"


def test_zip_with_an_encrypted_member_keeps_the_others(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("good.html", b"<html>fine</html>")
        info = zipfile.ZipInfo("secret.html")
        info.flag_bits |= 0x1  # marked encrypted: zipfile refuses to read it without a password
        archive.writestr(info, b"\x00" * 12 + b"<html>locked</html>")
    pages = read(write(tmp_path / "mixed.zip", buffer.getvalue()))
    assert [page.part for page in pages] == ["good.html"]


def build_wacz(warc: bytes, listed: list[str] | None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.warc", warc)  # gzip records under a .warc name
        archive.writestr("datapackage.json", b"{}")
        if listed is not None:
            lines = ['{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}']
            lines += [f'{{"url": "{url}", "ts": "2024-01-01T00:00:00Z"}}' for url in listed]
            archive.writestr("pages/pages.jsonl", "\n".join(lines))
    return buffer.getvalue()


def test_wacz_keeps_the_listed_pages(tmp_path: Path, article_pages: list[bytes]) -> None:
    warc = build_warc(article_pages, gzipped=True)
    listed = ["https://news.example/one/", "https://news.example/three"]  # slash differs
    pages = read(write(tmp_path / "session.wacz", build_wacz(warc, listed)))
    assert [page.url for page in pages] == [
        "https://news.example/one",
        "https://news.example/three",
    ]
    assert [page.content for page in pages] == [article_pages[0], article_pages[2]]
    assert all(page.source_format == "wacz" for page in pages)
    unlisted = read(write(tmp_path / "all.wacz", build_wacz(warc, None)))
    assert len(unlisted) == 4  # one, two, three and the revisit under another URI
    unmatched = read(write(tmp_path / "other.wacz", build_wacz(warc, ["https://elsewhere/"])))
    assert len(unmatched) == 4
