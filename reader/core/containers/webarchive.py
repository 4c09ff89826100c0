"""Safari ``.webarchive`` files: property lists with a main resource, subresources and frames.

The main resource is the page. Subresources (images, style sheets) and subframe archives
(each frame's own main resource and subresources) become its resources, so a frameset page
keeps its frames' HTML for extraction to use.
"""

from __future__ import annotations

import plistlib
from typing import Any

from reader.core.containers.context import ReadContext
from reader.core.containers.sniffing import looks_like_webarchive
from reader.core.containers.urls import saved_url
from reader.core.errors import ImportRejected
from reader.core.model import Resource, SavedPage

_PAGE_TYPES = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
}
# Frames inside frames: Safari writes them nested; real pages stop after two or three levels.
_MAX_FRAME_DEPTH = 8


def accepts_webarchive(head: bytes) -> bool:
    return looks_like_webarchive(head)


def _resource(entry: Any, context: ReadContext) -> Resource | None:
    if not isinstance(entry, dict):
        return None
    data = entry.get("WebResourceData")
    if not isinstance(data, bytes):
        return None
    context.budget.charge(len(data))
    location = entry.get("WebResourceURL")
    media_type = entry.get("WebResourceMIMEType")
    return Resource(
        location=location if isinstance(location, str) else "",
        media_type=media_type if isinstance(media_type, str) else "application/octet-stream",
        data=data,
    )


def _collect_resources(archive: dict[str, Any], context: ReadContext, depth: int) -> list[Resource]:
    resources: list[Resource] = []
    subresources = archive.get("WebSubresources")
    for entry in subresources if isinstance(subresources, list) else []:
        resource = _resource(entry, context)
        if resource is not None:
            resources.append(resource)
    frames = archive.get("WebSubframeArchives")
    for frame in frames if isinstance(frames, list) else []:
        if not isinstance(frame, dict) or depth >= _MAX_FRAME_DEPTH:
            continue
        main = _resource(frame.get("WebMainResource"), context)
        if main is not None:
            resources.append(main)
        resources.extend(_collect_resources(frame, context, depth + 1))
    return resources


def read_webarchive(data: bytes, context: ReadContext) -> list[SavedPage]:
    """Reads the main page of a webarchive with its subresources and frames as resources.

    Raises:
        ImportRejected: for data that is not a property list, or a plist without a page.
    """
    try:
        archive = plistlib.loads(data)
    except Exception as error:  # plistlib raises InvalidFileException, ValueError, KeyError...
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ImportRejected(f"not a valid webarchive: {detail}") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
        raise ImportRejected("not a valid webarchive: no WebMainResource with data")
    mime = str(main.get("WebResourceMIMEType") or "text/html").lower()
    if mime not in _PAGE_TYPES:
        raise ImportRejected(f"the webarchive's main resource is {mime}, not a page")
    content: bytes = main["WebResourceData"]
    context.budget.charge(len(content))
    url = main.get("WebResourceURL")
    charset = main.get("WebResourceTextEncodingName")
    return [
        SavedPage(
            content=content,
            media_type=_PAGE_TYPES[mime],
            source_format="webarchive",
            url=saved_url(url) if isinstance(url, str) else None,
            charset=charset.lower() if isinstance(charset, str) and charset else None,
            resources=tuple(_collect_resources(archive, context, 0)),
        )
    ]
