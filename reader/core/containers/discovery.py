"""Finding the files to import under what the user picked (files and folders).

A folder walk skips hidden and system files and files that are clearly not pages, recognises
"Save page as, complete" pages (``page.html`` + ``page_files/``) and attaches the companion
folder to its page instead of importing what is inside it. Files the user picks one by one
are always yielded, so that an unreadable one gets a clear error instead of silence.

Symbolic links to folders are not followed (a link to a parent would never end); the walk is
sorted so that imports are repeatable.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.core.containers.companion import (
    HTML_EXTENSIONS,
    companion_stem,
    find_companion_dir,
    folders_in,
)
from reader.core.containers.discovery_rules import is_clearly_not_a_page, is_hidden_or_system
from reader.core.containers.sources import ImportSource
from reader.core.progress import CancelToken


def _companions_in(folder: Path, folder_names: list[str], file_names: list[str]) -> dict[str, Path]:
    """Maps page file names in ``folder`` to their companion folders."""
    pages_by_stem: dict[str, str] = {}
    for name in file_names:
        stem, extension = os.path.splitext(name)
        if extension.lower() in HTML_EXTENSIONS:
            pages_by_stem.setdefault(stem.casefold(), name)
    companions: dict[str, Path] = {}
    for folder_name in folder_names:
        page_stem = companion_stem(folder_name)
        if page_stem is not None and page_stem in pages_by_stem:
            companions.setdefault(pages_by_stem[page_stem], folder / folder_name)
    return companions


def _walk(root: Path, label: str, cancel: CancelToken | None) -> Iterator[ImportSource]:
    for current, folder_names, file_names in os.walk(root, followlinks=False):
        if cancel is not None and cancel.cancelled:
            return
        folder = Path(current)
        folder_names[:] = sorted(name for name in folder_names if not is_hidden_or_system(name))
        file_names = sorted(
            name
            for name in file_names
            if not is_hidden_or_system(name) and not is_clearly_not_a_page(name)
        )
        companions = _companions_in(folder, folder_names, file_names)
        # Companion folders belong to their page: their files are not pages of their own.
        folder_names[:] = [
            name for name in folder_names if folder / name not in companions.values()
        ]
        for name in file_names:
            if cancel is not None and cancel.cancelled:
                return
            path = folder / name
            if not path.is_file():  # sockets, broken links
                continue
            relative = path.relative_to(root).as_posix()
            yield ImportSource(
                path=path,
                companion_dir=companions.get(name),
                display_name=f"{label}/{relative}" if label else relative,
            )


def discover_sources(
    paths: Iterable[Path], cancel: CancelToken | None = None
) -> Iterator[ImportSource]:
    """Yields one ``ImportSource`` per file to import, in a stable order.

    Args:
        paths: files and folders the user picked. Folders are walked recursively.
        cancel: checked between files; the walk stops quietly once it is set.

    Returns:
        An iterator of sources; ``display_name`` is the file's name for a picked file, and
        ``<picked folder name>/<path inside it>`` for a file found in a folder. Paths that do
        not exist are yielded too, so that the importer reports them.
    """
    listed: dict[Path, list[Path]] = {}  # picked files' folders, each listed once
    for given in paths:
        if cancel is not None and cancel.cancelled:
            return
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, path.resolve().name, cancel)
        else:
            if path.parent not in listed:
                listed[path.parent] = folders_in(path.parent)
            companion = find_companion_dir(path, listed[path.parent])
            yield ImportSource(path=path, companion_dir=companion, display_name=path.name)
