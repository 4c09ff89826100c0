"""The table of container formats: which reader handles which extension or signature.

Each format registers its extensions, a ``accepts`` check used to confirm the extension, and a
``sniff`` check used when the extension is unknown or lies. ``dispatch`` picks the reader:

1. the format named by the longest matching extension, if the bytes confirm it;
2. otherwise the first registered format whose ``sniff`` recognises the bytes;
3. otherwise the file is rejected as binary data.

Readers never import this module's callers; nested containers call ``dispatch`` again with a
``ReadContext.nested`` context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.containers.context import ReadContext
from reader.core.containers.sniffing import HEAD_SIZE, binary_kind
from reader.core.errors import ImportRejected
from reader.core.model import SavedPage

ReaderFunction = Callable[[bytes, ReadContext], list[SavedPage]]
Check = Callable[[bytes], bool]


@dataclass(frozen=True)
class ContainerFormat:
    """One registered format.

    ``accepts`` is lenient (it confirms an extension); ``sniff`` is strict (it must not claim
    another format's files), or ``None`` when the format is never guessed from content.
    """

    name: str
    extensions: tuple[str, ...]  # lower case, with the dot: ".warc.gz"
    accepts: Check
    read: ReaderFunction
    sniff: Check | None = None


_FORMATS: list[ContainerFormat] = []


def register(container_format: ContainerFormat) -> None:
    """Adds a format; formats registered first are sniffed first."""
    _FORMATS.append(container_format)


def registered_formats() -> Sequence[ContainerFormat]:
    return tuple(_FORMATS)


def supported_extensions() -> tuple[str, ...]:
    """Every registered extension, longest first ("*.warc.gz" before "*.gz"), for file dialogs."""
    extensions = {extension for item in _FORMATS for extension in item.extensions}
    return tuple(sorted(extensions, key=lambda extension: (-len(extension), extension)))


def format_for_name(name: str) -> ContainerFormat | None:
    """The format whose extension ends ``name`` (the longest such extension wins)."""
    lowered = name.lower()
    best: tuple[int, ContainerFormat] | None = None
    for container_format in _FORMATS:
        for extension in container_format.extensions:
            if lowered.endswith(extension) and (best is None or len(extension) > best[0]):
                best = (len(extension), container_format)
    return best[1] if best else None


def sniff_format(head: bytes) -> ContainerFormat | None:
    """The first format whose signature matches ``head``, if any."""
    for container_format in _FORMATS:
        if container_format.sniff is not None and container_format.sniff(head):
            return container_format
    return None


def choose_format(data: bytes, name: str) -> ContainerFormat:
    """Picks the reader for ``data``, named ``name``.

    Raises:
        ImportRejected: for empty input or bytes no format recognises.
    """
    if not data.strip():
        raise ImportRejected("empty file" if not data else "empty file (only whitespace)")
    head = data[:HEAD_SIZE]
    by_name = format_for_name(name)
    if by_name is not None and by_name.accepts(head):
        return by_name
    sniffed = sniff_format(head)
    if sniffed is not None:
        return sniffed
    kind = binary_kind(head)
    if kind is not None:
        raise ImportRejected(f"not a saved page: binary data ({kind})")
    if by_name is not None:
        raise ImportRejected(f"not a saved page: binary data, not {by_name.name}")
    raise ImportRejected("not a saved page: binary data")


def dispatch(data: bytes, context: ReadContext) -> list[SavedPage]:
    """Reads the pages in ``data`` with the reader chosen by name and content.

    Raises:
        ImportRejected: when the bytes are unreadable.
    """
    return choose_format(data, context.name).read(data, context)
