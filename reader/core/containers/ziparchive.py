"""Zip files of saved pages.

Members are read in memory, never extracted to disk, each through the reader its name and
content pick (nested zips included). Guarantees, checked before any member is read:

- a member name that is absolute or climbs out with ``..`` rejects the whole file (a zip built
  to write outside its folder is hostile, whatever else it holds);
- more than ``max_zip_members`` members rejects the file;
- every decompressed byte is charged to the shared budget, so a zip bomb is rejected.

Hidden and system members (``__MACOSX/``, ``.DS_Store``) and files that are clearly not pages
(images, style sheets, scripts) are skipped, except inside a "complete" page's companion
folder, whose files become that page's resources. A member that cannot be read is skipped when
other members give pages; when none does, the first member's error is the file's error.
"""

from __future__ import annotations

import mimetypes
import posixpath
import zipfile
import zlib
from dataclasses import replace
from io import BytesIO
from urllib.parse import quote

from reader.core.containers.companion import HTML_EXTENSIONS, companion_stem
from reader.core.containers.context import LimitExceeded, ReadContext, format_size
from reader.core.containers.discovery_rules import is_clearly_not_a_page, is_hidden_or_system
from reader.core.containers.registry import dispatch
from reader.core.containers.sniffing import looks_like_zip
from reader.core.errors import ImportRejected, NotAnArticle
from reader.core.model import Resource, SavedPage

_READ_BYTES = 1024 * 1024


def accepts_zip(head: bytes) -> bool:
    return looks_like_zip(head)


def _is_unsafe(name: str) -> bool:
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return True
    return ".." in normalised.split("/")


def open_zip(data: bytes, context: ReadContext) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """Opens a zip held in memory after checking its member count, names and declared sizes.

    Raises:
        ImportRejected: for a corrupt zip, unsafe member names or sizes over the limits.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ImportRejected(f"corrupt zip file: {error}") from None
    if len(members) > context.limits.max_zip_members:
        raise LimitExceeded(f"more than {context.limits.max_zip_members} members in the zip file")
    for member in members:
        if _is_unsafe(member.filename):
            raise ImportRejected(f"unsafe path in zip file: {member.filename!r}")
    declared = sum(member.file_size for member in members)
    if declared > context.budget.remaining:
        raise LimitExceeded(
            f"the zip file declares {format_size(declared)} once decompressed, over the "
            f"{format_size(context.limits.max_decompressed_bytes)} limit (zip bomb?)"
        )
    return archive, members


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, context: ReadContext) -> bytes:
    """The member's bytes, charged to the budget as they are decompressed (sizes can lie).

    Raises:
        ImportRejected: for a corrupt, encrypted or over-budget member.
    """
    chunks: list[bytes] = []
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_READ_BYTES):
                context.budget.charge(len(chunk))
                chunks.append(chunk)
    except ImportRejected:
        raise
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,  # compression methods zipfile lacks
        RuntimeError,  # encrypted members
        zlib.error,
    ) as error:
        raise ImportRejected(f"corrupt zip member {member.filename!r}: {error}") from None
    return b"".join(chunks)


def _companions(names: list[str]) -> dict[str, str]:
    """Maps each companion folder prefix ("a/page_files/") to its page member ("a/page.html")."""
    pages = {
        (posixpath.dirname(name), posixpath.splitext(posixpath.basename(name))[0].casefold()): name
        for name in names
        if name.lower().endswith(HTML_EXTENSIONS)
    }
    folders: dict[str, str] = {}
    for name in names:
        parts = name.split("/")
        for depth in range(1, len(parts)):
            stem = companion_stem(parts[depth - 1])
            parent = "/".join(parts[: depth - 1])
            if stem is not None and (parent, stem) in pages:
                folders["/".join(parts[:depth]) + "/"] = pages[(parent, stem)]
    return folders


def _companion_resource(name: str, folder: str, data: bytes, page: bytes) -> Resource:
    relative = name[len(posixpath.dirname(folder.rstrip("/"))) :].lstrip("/")
    encoded = quote(relative, safe="/")
    location = encoded if encoded.encode() in page and relative.encode() not in page else relative
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Resource(location=location, media_type=media_type, data=data)


def read_zip(data: bytes, context: ReadContext) -> list[SavedPage]:
    """Reads every page of every member; ``part`` is the member name (plus the inner part).

    Raises:
        ImportRejected: for corrupt or hostile zips, or when no member holds a page.
    """
    archive, members = open_zip(data, context)
    files = [member for member in members if not member.is_dir()]
    folders = _companions([member.filename for member in files])
    pages: list[SavedPage] = []
    resources: dict[str, list[tuple[str, str, bytes]]] = {}
    first_error: ImportRejected | None = None
    for member in files:
        name = member.filename
        if is_hidden_or_system(name):
            continue
        folder = next((prefix for prefix in folders if name.startswith(prefix)), None)
        if folder is not None:
            resources.setdefault(folders[folder], []).append(
                (name, folder, read_member(archive, member, context))
            )
            continue
        if is_clearly_not_a_page(name):
            continue
        try:
            inner = dispatch(read_member(archive, member, context), context.nested(name))
        except LimitExceeded:
            raise
        except ImportRejected as error:
            first_error = first_error or type(error)(f"{name}: {error}")
            continue
        for page in inner:
            part = f"{name}/{page.part}" if page.part else name
            pages.append(replace(page, part=part))
        if len(pages) > context.limits.max_pages_per_file:
            raise LimitExceeded(f"more than {context.limits.max_pages_per_file} pages in one file")
    pages = [_with_companion(page, resources.get(page.part, [])) for page in pages]
    if not pages:
        if first_error is not None:
            raise first_error
        raise NotAnArticle("no saved page in this zip file")
    return pages


def _with_companion(page: SavedPage, files: list[tuple[str, str, bytes]]) -> SavedPage:
    if not files:
        return page
    extra = tuple(
        _companion_resource(name, folder, data, page.content) for name, folder, data in files
    )
    source_format = "html-complete" if page.source_format == "html" else page.source_format
    return replace(page, source_format=source_format, resources=page.resources + extra)
