"""The companion folder of a "Save page as, complete" page (``page.html`` + ``page_files/``).

Browsers name the folder after the page with a localised suffix. Its files become the page's
resources, located by the relative path the HTML uses for them ("page_files/photo.jpg", or
its percent-encoded form when the HTML spells it that way).
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from urllib.parse import quote

from reader.core.containers.context import ReadContext
from reader.core.model import Resource

# Suffixes browsers append to the page's name, by user-interface language. Compared without
# case: Windows and macOS file systems are case-insensitive and browsers differ in case.
COMPANION_SUFFIXES: tuple[str, ...] = (
    "_files",  # English and most browsers' default
    "_file",
    "-dateien",  # German
    "_fichiers",  # French
    "_archivos",  # Spanish
    "_arquivos",  # Portuguese
    "_bestanden",  # Dutch
    "-bestanden",
    "-filer",  # Danish, Norwegian
    "_filer",  # Swedish
    "_soubory",  # Czech
    "_súbory",  # Slovak
    "_pliki",  # Polish
    "_tiedostot",  # Finnish
    "-tiedostot",
    "_fitxers",  # Catalan
    "_datoteke",  # Croatian, Slovenian
    "_elemei",  # Hungarian
    "_dosyalar",  # Turkish
    "_failid",  # Estonian
    "_faili",  # Latvian
    "_failai",  # Lithuanian
    "_file_",
    "_файлы",  # Russian
    "_файли",  # Ukrainian
    "_αρχεία",  # Greek
)

HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")


def companion_stem(folder_name: str) -> str | None:
    """The page name a companion folder belongs to ("page" for "Page_files"), else ``None``.

    The name is case-folded: compare it with ``stem.casefold()`` of the page, because saved
    pages move between case-insensitive file systems that may change either name's case.
    """
    folded = folder_name.casefold()
    for suffix in COMPANION_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            return folded[: -len(suffix)]
    return None


def find_companion_dir(page: Path, sibling_folders: list[Path] | None = None) -> Path | None:
    """The companion folder saved next to ``page``, if there is one.

    ``sibling_folders`` are the folders beside ``page`` when the caller has listed them
    already: a selection of thousands of pages in one folder then lists it once, not once
    per page.
    """
    if page.suffix.lower() not in HTML_EXTENSIONS:
        return None
    siblings = folders_in(page.parent) if sibling_folders is None else sibling_folders
    for sibling in siblings:
        if companion_stem(sibling.name) == page.stem.casefold():
            return sibling
    return None


def folders_in(folder: Path) -> list[Path]:
    """The sub-folders of ``folder``, sorted (none when it cannot be listed)."""
    try:
        return sorted(entry for entry in folder.iterdir() if entry.is_dir())
    except OSError:
        return []


def _location_in_page(relative: str, html: bytes) -> str:
    """``relative`` spelled as the page spells it (raw or percent-encoded)."""
    encoded = quote(relative, safe="/")
    for candidate in (relative, encoded):
        if candidate.encode("utf-8") in html:
            return candidate
    return relative


def read_companion_resources(
    folder: Path, html: bytes, context: ReadContext
) -> tuple[Resource, ...]:
    """The files of a companion folder as resources, bounded by the context's limits.

    Unreadable files are left out, and so is everything past the decompression budget: the
    page itself stays importable whatever its folder holds.
    """
    resources: list[Resource] = []
    spent = 0
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for file_name in sorted(files):
            if file_name.startswith("."):
                continue
            path = Path(root) / file_name
            try:
                size = path.stat().st_size
                if size > context.limits.max_file_bytes or spent + size > context.budget.remaining:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            spent += len(data)
            relative = path.relative_to(folder.parent).as_posix()
            media_type = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
            location = _location_in_page(relative, html)
            resources.append(Resource(location=location, media_type=media_type, data=data))
    context.budget.charge(spent)
    return tuple(resources)
