"""``read_pages``: one file on disk to the pages it holds, or one clear rejection.

Guarantees: the only exception that leaves ``read_pages`` is ``ImportRejected`` (or its
subclass ``NotAnArticle`` for readable files without a page), with a one-line message; files
over the size limit are rejected before a byte is read; nothing is written to disk.
"""

from __future__ import annotations

from reader.core.containers.context import Budget, ReadContext, format_size
from reader.core.containers.formats import register_built_in_formats
from reader.core.containers.registry import dispatch
from reader.core.containers.sources import ImportSource, Limits
from reader.core.errors import ImportRejected
from reader.core.model import SavedPage

_MAX_MESSAGE = 300


def one_line(message: str) -> str:
    """``message`` on one line, shortened to a length a report can show."""
    text = " ".join(message.split())
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def _rejection(error: ImportRejected) -> ImportRejected:
    message = one_line(str(error)) or "unreadable file"
    if message == str(error):
        return error
    return type(error)(message)


def _read_file(source: ImportSource, limits: Limits) -> bytes:
    try:
        size = source.path.stat().st_size
    except FileNotFoundError:
        raise ImportRejected("file not found") from None
    except OSError as error:
        raise ImportRejected(f"cannot read the file: {error.strerror or error}") from None
    if not source.path.is_file():
        raise ImportRejected("not a file")
    if size > limits.max_file_bytes:
        raise ImportRejected(
            f"file too large: {format_size(size)} "
            f"(the limit is {format_size(limits.max_file_bytes)})"
        )
    if size == 0:
        raise ImportRejected("empty file")
    try:
        with source.path.open("rb") as stream:
            # Read one byte past the limit: the file may have grown since stat().
            data = stream.read(limits.max_file_bytes + 1)
    except OSError as error:
        raise ImportRejected(f"cannot read the file: {error.strerror or error}") from None
    if len(data) > limits.max_file_bytes:
        raise ImportRejected(f"file too large (the limit is {format_size(limits.max_file_bytes)})")
    return data


def read_pages(source: ImportSource, limits: Limits = Limits()) -> list[SavedPage]:  # noqa: B008
    """Reads every page a saved file holds.

    Args:
        source: the file (and companion folder) to read, from ``discover_sources``.
        limits: size and count bounds; the defaults suit desktop use.

    Returns:
        The pages, in the container's order; never empty.

    Raises:
        ImportRejected: with a one-line message, for anything unreadable: empty, binary,
            truncated or malformed files, bombs, files over the limits, unsafe zips.
        NotAnArticle: (a subclass) for a readable container holding no page at all.
    """
    register_built_in_formats()
    try:
        data = _read_file(source, limits)
        context = ReadContext(
            name=source.path.name,
            limits=limits,
            budget=Budget(limits.max_decompressed_bytes),
            companion_dir=source.companion_dir,
        )
        pages = dispatch(data, context)
    except ImportRejected as error:
        raise _rejection(error) from None
    except RecursionError:
        raise ImportRejected("unreadable file: structure nested too deeply") from None
    except MemoryError:
        raise ImportRejected("unreadable file: not enough memory to read it") from None
    except Exception as error:  # the last resort the contract promises: never anything else
        detail = one_line(f"{type(error).__name__}: {error}")
        raise ImportRejected(f"unreadable file ({detail})") from None
    if not pages:
        raise ImportRejected("no page found in the file")
    if len(pages) > limits.max_pages_per_file:
        raise ImportRejected(f"more than {limits.max_pages_per_file} pages in one file")
    return pages
