"""Captured images of a WARC attached to the pages that refer to them.

A crawl stores a page's images as separate records; a page gets as resources the images its
HTML refers to (``src``, ``srcset``, ``href``, CSS ``url()``), resolved against its URL.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import urljoin

from reader.core.model import Resource, SavedPage

# Attribute values and CSS url()s that may name an image; resolved against the page's URL.
_REFERENCE = re.compile(
    rb"""(?:\b(?:src|href|srcset|data-src|data-srcset|poster)\s*=\s*["']?|url\(\s*["']?)"""
    rb"""([^"'\s>)]+(?:\s+[^"'>)]+)?)""",
    re.IGNORECASE,
)


def url_without_scheme(url: str) -> str:
    """ "//host/path" for "https://host/path": crawls mix http and https captures of a site."""
    return url.split(":", 1)[1] if url[:6].lower().startswith(("http:", "https:")) else url


def url_file_name(url: str) -> str:
    return url.split("#", 1)[0].split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def _reference_values(page: SavedPage) -> Iterator[str]:
    """Every URL-like value a page's attributes and CSS name, as written."""
    for match in _REFERENCE.finditer(page.content):
        value = html.unescape(match.group(1).decode("utf-8", "replace"))
        for candidate in value.split(","):
            reference = candidate.strip().split(" ")[0]
            if reference:
                yield reference


def reference_file_names(page: SavedPage) -> set[str]:
    """The file names (last path segment) of every URL the page refers to."""
    return {url_file_name(reference) for reference in _reference_values(page)}


def image_references(page: SavedPage, file_names: set[str]) -> set[str]:
    """The absolute URLs a page refers to whose file name is one of ``file_names``.

    Checking the file name first spares resolving the thousands of links a page holds.
    """
    base = page.url or ""
    return {
        urljoin(base, reference)
        for reference in _reference_values(page)
        if url_file_name(reference) in file_names
    }


def attach_images(pages: list[SavedPage], images: dict[str, Resource]) -> list[SavedPage]:
    """Adds to each page the captured images its HTML refers to.

    References are found with one pass over each page and resolved against the page's URL,
    so the cost grows with the pages' size, not with pages times images.
    """
    file_names = {url_file_name(url) for url in images}
    by_key = {url_without_scheme(url): image for url, image in images.items()}
    attached: list[SavedPage] = []
    for page in pages:
        keys = sorted({url_without_scheme(url) for url in image_references(page, file_names)})
        found = tuple(by_key[key] for key in keys if key in by_key)
        attached.append(replace(page, resources=page.resources + found) if found else page)
    return attached
