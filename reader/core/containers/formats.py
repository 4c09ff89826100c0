"""The built-in container formats, registered once in sniffing order.

Order matters for sniffing only: unmistakable signatures first (zip before WACZ, since a WACZ
is only recognised by its extension), the weak HTML and text guesses last.
"""

from __future__ import annotations

from reader.core.containers.compressed import read_gzip
from reader.core.containers.html import accepts_html, read_html
from reader.core.containers.mhtml import accepts_mhtml, read_mhtml
from reader.core.containers.registry import ContainerFormat, register, registered_formats
from reader.core.containers.sniffing import (
    looks_binary,
    looks_like_gzip,
    looks_like_html,
    looks_like_zip,
)
from reader.core.containers.text import accepts_text, read_text
from reader.core.containers.wacz import read_wacz
from reader.core.containers.warc import accepts_warc, read_warc, sniff_warc
from reader.core.containers.webarchive import accepts_webarchive, read_webarchive
from reader.core.containers.ziparchive import accepts_zip, read_zip

BUILT_IN_FORMATS = (
    ContainerFormat(
        "WARC", (".warc", ".warc.gz", ".arc", ".arc.gz"), accepts_warc, read_warc, sniff_warc
    ),
    ContainerFormat("WACZ", (".wacz",), accepts_zip, read_wacz),
    ContainerFormat("zip", (".zip",), accepts_zip, read_zip, looks_like_zip),
    ContainerFormat(
        "gzip",
        (".gz", ".html.gz", ".htm.gz", ".txt.gz"),
        looks_like_gzip,
        read_gzip,
        looks_like_gzip,
    ),
    ContainerFormat(
        "webarchive", (".webarchive",), accepts_webarchive, read_webarchive, accepts_webarchive
    ),
    ContainerFormat("MHTML", (".mht", ".mhtml"), accepts_mhtml, read_mhtml, accepts_mhtml),
    ContainerFormat(
        "HTML",
        (".html", ".htm", ".xhtml", ".shtml"),
        accepts_html,
        read_html,
        lambda head: looks_like_html(head) and accepts_html(head),
    ),
    ContainerFormat(
        "text",
        (".txt", ".text", ".md"),
        accepts_text,
        read_text,
        lambda head: not looks_binary(head),
    ),
)


def register_built_in_formats() -> None:
    """Registers the built-in formats (once, however often it is called).

    Formats registered earlier by an application or a test keep their place and are sniffed
    before the built-in ones.
    """
    present = set(registered_formats())
    for container_format in BUILT_IN_FORMATS:
        if container_format not in present:
            register(container_format)
