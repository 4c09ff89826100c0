"""``ArchiveCodec`` writes the postings Whoosh's own codec writes, and readers mix both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec

from reader.core.index.codec import ArchiveCodec, LeanPostingPool
from reader.core.index.schema import build_schema

DOCUMENTS = [
    {"article_id": str(n), "article_number": n, "title": f"Report {n}", "body": body}
    for n, body in enumerate(
        [
            "Energy prices rose again; the presidency blamed the winter.",
            "The president met the prime minister to discuss energy prices. " * 40,
            "A café in Zürich served the envoy.",
            "",
        ]
        * 60
    )
]


def _postings(folder: Path, **writer_options: Any) -> dict[tuple[str, bytes], list[Any]]:
    folder.mkdir()
    created = whoosh_index.create_in(str(folder), build_schema())
    with created.writer(**writer_options) as writer:
        for document in DOCUMENTS:
            writer.add_document(**document)
    found: dict[tuple[str, bytes], list[Any]] = {}
    with created.reader() as reader:
        for field, text in reader.all_terms():
            matcher = reader.postings(field, text)
            found[(field, text)] = [
                (docnum, value, reader.doc_field_length(docnum, field))
                for docnum, value in matcher.items_as("weight")
            ]
    return found


def test_same_postings_as_whoosh_codec(tmp_path: Path) -> None:
    ours = _postings(tmp_path / "ours", codec=ArchiveCodec(), poolclass=LeanPostingPool)
    theirs = _postings(tmp_path / "theirs", codec=W3Codec())
    assert ours == theirs
    assert ours[("body", b"energi")]
