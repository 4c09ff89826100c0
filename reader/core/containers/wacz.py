"""WACZ packages: a zip with ``archive/*.warc[.gz]``, page lists and indexes (Webrecorder).

The WARC files are read with the WARC reader (their records may be gzip-compressed whatever
the member's name says). When ``pages/pages.jsonl`` lists the pages the user browsed, only
those captures are pages: the others are the frames, ads and widgets a browser fetched on the
way. When the list is missing, unreadable or matches nothing, every HTML capture is a page.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace

from reader.core.containers.context import ReadContext
from reader.core.containers.warc import read_warc
from reader.core.containers.ziparchive import open_zip, read_member
from reader.core.errors import ImportRejected, NotAnArticle
from reader.core.model import SavedPage

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
PAGE_LISTS = ("pages/pages.jsonl", "pages/extraPages.jsonl")


def url_key(url: str) -> str:
    """Compares URLs the way page lists and captures disagree on them: trailing slash, case."""
    return url.strip().rstrip("/").lower()


def read_listed_urls(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], context: ReadContext
) -> set[str]:
    """The URL keys of the pages named in the package's page lists (empty when none)."""
    urls: set[str] = set()
    for member in members:
        if member.filename in PAGE_LISTS:
            urls |= listed_urls(read_member(archive, member, context))
    return urls


def listed_urls(data: bytes) -> set[str]:
    """The URL keys of the pages one page list (``pages.jsonl``) names."""
    urls: set[str] = set()
    for line in data.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("url"), str):
            urls.add(url_key(entry["url"]))
    return urls


def read_wacz(data: bytes, context: ReadContext) -> list[SavedPage]:
    """Reads the pages of a WACZ package; ``part`` is the capture's URI.

    Raises:
        ImportRejected: for a corrupt package or one without WARC files.
        NotAnArticle: for a package whose WARC files hold no HTML capture.
    """
    archive, members = open_zip(data, context)
    warcs = [
        member
        for member in members
        if member.filename.startswith("archive/")
        and member.filename.lower().endswith(WARC_SUFFIXES)
    ]
    if not warcs:
        raise ImportRejected("not a WACZ package: no archive/*.warc file inside")
    pages: list[SavedPage] = []
    first_error: ImportRejected | None = None
    for member in warcs:
        try:
            inner = read_warc(
                read_member(archive, member, context), context.nested(member.filename)
            )
        except NotAnArticle as error:
            first_error = first_error or error
            continue
        prefix = "" if len(warcs) == 1 else f"{member.filename}/"
        pages.extend(replace(page, source_format="wacz", part=prefix + page.part) for page in inner)
    if not pages:
        raise first_error or NotAnArticle("no HTML page in this WACZ package")
    listed = read_listed_urls(archive, members, context)
    chosen = [page for page in pages if url_key(page.url or "") in listed]
    return chosen or pages
