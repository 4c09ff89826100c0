"""Container readers: files on disk to ``SavedPage``s, with no database and no network.

``discover_sources`` finds what to import under the files and folders a user picked;
``read_pages`` reads one of them (HTML, SingleFile, "complete" folders, MHTML, WARC/ARC,
WACZ, webarchive, text, gzip and zip of any of these). Readers are registered by extension in
``registry``, with content sniffing as the fallback; there is one module per format.
"""

from reader.core.containers.discovery import discover_sources
from reader.core.containers.formats import register_built_in_formats
from reader.core.containers.reading import read_pages
from reader.core.containers.registry import supported_extensions as _registered_extensions
from reader.core.containers.sources import ImportSource, Limits


def supported_extensions() -> tuple[str, ...]:
    """The extensions read_pages knows by name (".warc.gz", ".mhtml"...), for file dialogs.

    Files with other extensions are still read when their content is recognised.
    """
    register_built_in_formats()
    return _registered_extensions()


__all__ = ["ImportSource", "Limits", "discover_sources", "read_pages", "supported_extensions"]
