"""The format registry: extension lookup, content confirmation and custom formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.containers.context import ReadContext
from reader.core.containers.formats import register_built_in_formats
from reader.core.containers.registry import (
    ContainerFormat,
    choose_format,
    format_for_name,
    register,
)
from reader.core.errors import ImportRejected
from reader.core.model import SavedPage

from .helpers import read, write


@pytest.fixture(autouse=True)
def built_ins() -> None:
    register_built_in_formats()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("crawl.warc.gz", "WARC"),
        ("CRAWL.WARC", "WARC"),
        ("old.arc.gz", "WARC"),
        ("page.html.gz", "gzip"),
        ("notes.txt.gz", "gzip"),
        ("package.wacz", "WACZ"),
        ("page.MHT", "MHTML"),
        ("page.xhtml", "HTML"),
        ("readme.md", "text"),
        ("picture.jpeg", None),
    ],
)
def test_longest_extension_wins(name: str, expected: str | None) -> None:
    found = format_for_name(name)
    assert (found.name if found else None) == expected


def test_extension_is_confirmed_by_content() -> None:
    assert choose_format(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x.html").name == "WARC"
    assert choose_format(b"<html></html>", "x.warc").name == "HTML"
    with pytest.raises(ImportRejected, match="binary"):
        choose_format(b"\x00\x01\x02" * 100, "x.mhtml")


def test_a_custom_format_is_used_by_extension(tmp_path: Path) -> None:
    def read_note(data: bytes, context: ReadContext) -> list[SavedPage]:
        return [SavedPage(content=data.upper(), media_type="text/plain", source_format="note")]

    register(ContainerFormat("note", (".testnote",), lambda head: True, read_note))
    register_built_in_formats()  # registering again changes nothing
    (page,) = read(write(tmp_path / "memo.testnote", b"remember"))
    assert page.source_format == "note" and page.content == b"REMEMBER"
