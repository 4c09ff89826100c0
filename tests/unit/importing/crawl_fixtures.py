"""Small crawls written with warcio for the import tests: real WARC records, our own pages."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = Path(__file__).parents[2] / "data" / "pages"


# One word of its own per page, for searches that must find exactly that page.
WORDS = ["granite", "orchard", "lantern", "meadow", "copper", "violet", "thunder", "saffron", "glacier", "pepper", "marble", "falcon", "willow", "ember", "prairie", "cobalt", "quartz", "juniper", "tundra"]  # fmt: skip


def article_html(number: int) -> bytes:
    """A distinct news article: the harbour-strike page with its own headline and lead."""
    page = (PAGES / "harbour-strike.html").read_text(encoding="utf-8")
    lead = (
        f"<p>Update {number}: dockers in the {WORDS[number % len(WORDS)]} berth voted again on"
        f" the {number}th day of"
        f" the strike, and the port authority counted {number * 7} ships waiting offshore.</p>"
    )
    # Its own address and title: a page of its own, not a new version of the same article.
    page = page.replace("dock-strike-ends", f"dock-strike-day-{number}")
    page = page.replace("Dock workers end three-week strike", f"Harbour strike, day {number}:")
    return page.replace("<article>", f"<article>{lead}", 1).encode()


def link_list_html() -> bytes:
    """A section front: nothing but links, which the extractor rightly calls no article."""
    items = "".join(
        f'<li><a href="/news/story-{n}">Story number {n} from the harbour</a></li>'
        for n in range(30)
    )
    return f"<html><head><title>Harbour news index</title></head><body><ul>{items}</ul></body></html>".encode()


def write_warc(path: Path, pages: Sequence[tuple[str, bytes]], *, gzip: bool = True) -> Path:
    """A WARC with one 200 ``text/html`` response per (URI, HTML) pair, in order."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for uri, html in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(html), http_headers=headers
        )
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return path
