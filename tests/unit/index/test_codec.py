"""``ArchiveCodec`` and ``SegmentBuilder`` write the postings Whoosh's own codec writes, and
readers mix both."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec

from reader.core.index import bulk, bulkfields, postwriter
from reader.core.index.bulk import SegmentBuilder
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


def _everything(folder: Path) -> dict[str, Any]:
    """Every posting (with decoded positions), field length, column value and total."""
    created = whoosh_index.open_dir(str(folder))
    found: dict[str, Any] = {}
    with created.reader() as reader:
        schema = reader.schema
        for field, text in reader.all_terms():
            matcher = reader.postings(field, text)
            rows = []
            fieldformat = schema[field].format
            while matcher.is_active():
                value = matcher.value()
                # Positions decoded; formats without values (Existence) have none to compare.
                positions = (
                    fieldformat.decode_positions(value)
                    if fieldformat.supports("positions")
                    else value
                    if fieldformat.fixed_value_size() != 0
                    else None
                )
                rows.append((matcher.id(), matcher.weight(), positions))
                matcher.next()
            info = reader.term_info(field, text)
            found[f"{field}:{text!r}"] = (
                rows,
                (info.weight(), info.doc_frequency(), info.min_length(), info.max_length()),
                (info.max_weight(), info.min_id(), info.max_id()),
            )
        for field in schema.names():
            found[f"length {field}"] = [
                reader.doc_field_length(doc, field) for doc in range(reader.doc_count_all())
            ]
            found[f"total {field}"] = reader.field_length(field)
            if schema[field].column_type and reader.has_column(field):
                found[f"column {field}"] = list(reader.column_reader(field, translate=False))
        found["count"] = reader.doc_count_all()
    created.close()
    return found


def _bulk(folder: Path, documents: list[dict[str, Any]]) -> None:
    folder.mkdir()
    created = whoosh_index.create_in(str(folder), build_schema())
    builder = SegmentBuilder(created.schema)
    for document in documents:
        builder.add(document)
    codec = ArchiveCodec()
    segment = builder.write(codec, created.storage, codec.new_segment(created.storage, "MAIN"))
    writer = created.writer()
    writer._close_segment()
    writer._commit_toc([segment])
    writer._finish()
    created.close()


def _whoosh(folder: Path, documents: list[dict[str, Any]]) -> None:
    folder.mkdir()
    created = whoosh_index.create_in(str(folder), build_schema())
    with created.writer(codec=W3Codec()) as writer:
        for document in documents:
            writer.add_document(**document)
    created.close()


def _fields(number: int, rng: Random) -> dict[str, Any]:
    words = ["energy", "prices", "the", "of", "Zürich", "café", "président", "ǅ", "İstanbul", "a"]
    body = " ".join(rng.choice(words) for _ in range(rng.randint(0, 300)))
    fields: dict[str, Any] = {
        "article_id": str(number),
        "article_number": number,
        "title": " ".join(rng.choice(words) for _ in range(rng.randint(0, 4))),
        "body": body,
    }
    if rng.random() < 0.6:
        fields["published"] = datetime(2000, 1, 1) + timedelta(days=rng.randrange(9000))
    if rng.random() < 0.3:
        fields["tag"] = ",".join(rng.sample(["energy", "war", "asia"], 2))
    if rng.random() < 0.3:
        fields["author"] = rng.choice(["Ann Smith", "Zoë Müller ; Li Wei"])
    if rng.random() < 0.2:
        fields["lang"] = rng.choice(["en", "de"])
    return fields


def test_bulk_segment_equals_whoosh_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "RUN_DOCUMENTS", 250)
    monkeypatch.setattr(postwriter, "BLOCK_LIMIT", 100)
    monkeypatch.setattr(bulkfields, "POSTINGS_PER_PART", 3000)
    monkeypatch.setattr(bulkfields, "TERMS_PER_PART", 3)
    rng = Random(3)
    # Several runs, several parts per field (by postings and by terms), terms with several
    # blocks, empty and stop-word-only texts.
    documents = DOCUMENTS + [_fields(n, rng) for n in range(240, 240 + 2 * 250 + 77)]
    _bulk(tmp_path / "bulk", documents)
    _whoosh(tmp_path / "whoosh", documents)
    ours, theirs = _everything(tmp_path / "bulk"), _everything(tmp_path / "whoosh")
    assert ours.keys() == theirs.keys()
    for key in theirs:
        assert ours[key] == theirs[key], key
    assert len(theirs["body:b'energi'"][0]) > 2 * postwriter.BLOCK_LIMIT


def test_parts_smaller_than_one_term(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A term with more postings than a part holds is a part of its own; words met in a
    later run sort before earlier ones (the runs are read back in the order of bytes)."""
    monkeypatch.setattr(bulk, "RUN_DOCUMENTS", 7)
    monkeypatch.setattr(bulkfields, "POSTINGS_PER_PART", 5)
    rng = Random(5)
    letters = ["alpha", "zeta", "mu", "beta", "omega", "café", "ǅx", "éclair", "zz9", "a1"]
    documents = [
        {
            "article_id": str(number),
            "article_number": number,
            "title": "",
            # New words appear in every run, many of them before the earlier ones.
            "body": " ".join(
                [rng.choice(letters) for _ in range(rng.randint(0, 30))]
                + [f"{chr(ord('z') - number % 26)}word{number // 5}"]
            ),
        }
        for number in range(60)
    ]
    _bulk(tmp_path / "bulk", documents)
    _whoosh(tmp_path / "whoosh", documents)
    ours, theirs = _everything(tmp_path / "bulk"), _everything(tmp_path / "whoosh")
    assert ours == theirs
