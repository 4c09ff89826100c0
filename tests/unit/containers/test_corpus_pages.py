"""MHTML, webarchive and SingleFile samples of the shared corpus.

Expected values come from the files themselves, read with other tools (the email package
without header repair, plistlib, grep-like scans), not from read_pages' output.
"""

from __future__ import annotations

import email
import email.policy
import plistlib
import re
from pathlib import Path
from typing import Any

import pytest

from reader.core.errors import ImportRejected

from .helpers import read

MHTML_SAMPLES = [
    "glutexo-mht2webarchive--noah-smith-japan-changes.mht",
    "testimio-mhtml-parser--usatoday.mhtml",
    "testimio-mhtml-parser--marketwatch.mhtml",
    "testimio-mhtml-parser--wikipedia.mhtml",
    "testimio-mhtml-parser--hn.mhtml",
    "testimio-mhtml-parser--example.com.mhtml",
    "msindwan-mhtml2html--iframes.mhtml",
    "msindwan-mhtml2html--portfolio.mhtml",
]
MHTML_MALFORMED = [
    "msindwan-mhtml2html--missing_boundary.mhtml",
    "msindwan-mhtml2html--missing_boundary_header.mhtml",
    "msindwan-mhtml2html--missing_headers.mhtml",
    "msindwan-mhtml2html--unexpected_eof.mhtml",
]
WEBARCHIVES = [
    "webarchivecodable--christiantietze.de-post.webarchive",
    "webarchivecodable--adele-for-vogue-in-2021.webarchive",
    "pywebarchive--Wikipedia.webarchive",
    "ticky-webarchive--crouton.webarchive",
    "ticky-webarchive--psxdatacenter.webarchive",
]


def boundary_count(data: bytes) -> int:
    """Number of parts, counted from the delimiter lines (RFC 2046), not by a MIME parser."""
    match = re.search(rb'boundary="([^"]+)"', data)
    assert match is not None
    delimiter = b"--" + match.group(1)
    lines = data.split(b"\n")
    opening = sum(1 for line in lines if line.rstrip(b"\r") == delimiter)
    return opening


@pytest.mark.parametrize("name", MHTML_SAMPLES)
def test_mhtml_gives_one_page_with_every_other_part_as_resource(
    containers_dir: Path, name: str
) -> None:
    path = containers_dir / "mhtml" / name
    data = path.read_bytes()
    (page,) = read(path)
    assert page.media_type == "text/html" and page.source_format == "mhtml"
    assert len(page.resources) == boundary_count(data) - 1
    snapshot = re.search(rb"^Snapshot-Content-Location: (\S+)", data, re.MULTILINE)
    first_location = re.search(rb"^Content-Location: (\S+)", data, re.MULTILINE)
    expected_url = snapshot or first_location
    assert expected_url is not None and page.url == expected_url.group(1).decode()
    assert page.captured_at is not None and page.captured_source == "container"


def test_substack_mht_is_the_noah_smith_article(containers_dir: Path) -> None:
    path = containers_dir / "mhtml" / "glutexo-mht2webarchive--noah-smith-japan-changes.mht"
    data = path.read_bytes()
    (page,) = read(path)
    assert page.url is not None
    assert page.url.startswith("https://www.noahpinion.blog/p/how-japan-has-changed-in-the-last")
    assert page.captured_at == "2026-04-04T14:06:00Z"  # Date: Sat, 4 Apr 2026 16:06:00 +0200
    assert b"How Japan has changed in the last 20 years" in page.content
    # The HTML part is binary: its bytes must come back exactly as stored in the file.
    start = data.index(b"<!DOCTYPE html>")
    assert data[start : start + len(page.content)] == page.content
    locations = {resource.location for resource in page.resources}
    assert "https://substack.com/channel-frame" in locations  # a frame kept as a resource
    assert any(location.startswith("cid:frame-") for location in locations)


def test_quoted_printable_part_is_decoded(containers_dir: Path) -> None:
    path = containers_dir / "mhtml" / "testimio-mhtml-parser--example.com.mhtml"
    (page,) = read(path)
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
    html_part = next(part for part in message.walk() if part.get_content_type() == "text/html")
    assert page.content == html_part.get_payload(decode=True)
    assert b"=3D" not in page.content and b'content="text/html; charset=UTF-8"' in page.content


def test_portfolio_broken_multiline_header_is_repaired(containers_dir: Path) -> None:
    path = containers_dir / "mhtml" / "msindwan-mhtml2html--portfolio.mhtml"
    # The plain email parser loses the multipart structure on this file.
    plain = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
    assert not plain.is_multipart()
    (page,) = read(path)
    assert page.url == "http://msindwan.bitbucket.org/"
    assert page.content.startswith(b"<!DOCTYPE html>")
    assert b"<title>Max Sindwani</title>" in page.content


def test_iframes_mhtml_keeps_frames_as_resources(containers_dir: Path) -> None:
    (page,) = read(containers_dir / "mhtml" / "msindwan-mhtml2html--iframes.mhtml")
    frames = [resource for resource in page.resources if resource.media_type == "text/html"]
    frame_url = "https://www.tutorialspoint.com/html/src/iframes.htm"
    assert any(frame.location == frame_url for frame in frames)
    assert b"<title>HTML - Iframes - Tutorialspoint</title>" in page.content


@pytest.mark.parametrize("name", MHTML_MALFORMED)
def test_malformed_mhtml_is_rejected_with_one_line(containers_dir: Path, name: str) -> None:
    with pytest.raises(ImportRejected, match="malformed MHTML") as caught:
        read(containers_dir / "mhtml" / "malformed" / name)
    assert "\n" not in str(caught.value)


def resources_in(archive: dict[str, Any]) -> int:
    count = len(archive.get("WebSubresources", []))
    for frame in archive.get("WebSubframeArchives", []):
        count += 1 + resources_in(frame)
    return count


@pytest.mark.parametrize("name", WEBARCHIVES)
def test_webarchive_main_resource_and_subresources(containers_dir: Path, name: str) -> None:
    path = containers_dir / "webarchive" / name
    archive = plistlib.loads(path.read_bytes())
    main = archive["WebMainResource"]
    (page,) = read(path)
    assert page.url == main["WebResourceURL"]
    assert page.content == main["WebResourceData"]
    assert page.source_format == "webarchive" and page.media_type == "text/html"
    assert page.charset == main["WebResourceTextEncodingName"].lower()
    assert len(page.resources) == resources_in(archive)


def test_psxdatacenter_frames_are_resources(containers_dir: Path) -> None:
    (page,) = read(containers_dir / "webarchive" / "ticky-webarchive--psxdatacenter.webarchive")
    locations = [resource.location for resource in page.resources]
    for frame in ("banner.html", "nav.html", "jbanner.html", "jlist.html"):  # README: 4 frames
        assert f"http://psxdatacenter.com/{frame}" in locations


def test_singlefile_header_gives_url_and_utc_date(containers_dir: Path) -> None:
    path = containers_dir / "singlefile" / "singlefile-extractor-go--extra_field.html"
    (page,) = read(path)
    assert page.source_format == "singlefile"
    assert page.content == path.read_bytes()
    assert page.url is not None and page.url.startswith(
        "https://www.iafci.org/MembersOnly/iCore/Contacts/Sign_In.aspx?LoginRedirect=true"
    )
    # "saved date: Thu May 07 2026 08:52:27 GMT-0400" is 12:52:27 UTC.
    assert page.captured_at == "2026-05-07T12:52:27Z"
    assert page.captured_source == "container"
    assert b"data:image/png;base64," in page.content
