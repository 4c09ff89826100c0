"""Archival Reader: an offline archive and reader for saved web pages.

Scripting entry point::

    from reader import Library
    with Library.open("my-archive") as library:
        library.import_paths(["saved-pages/"])
        for hit in library.search('title:taliban AND published:2021').hits:
            print(hit.article_id, hit.title)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Library", "__version__"]

if TYPE_CHECKING:
    from reader.core.library import Library


def __getattr__(name: str) -> Any:
    # Imported lazily so that `archival-reader --version` does not load spaCy or Whoosh.
    if name == "Library":
        from reader.core.library import Library

        return Library
    raise AttributeError(name)
