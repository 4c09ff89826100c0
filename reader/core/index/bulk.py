"""Writes a whole segment from many documents at once: Whoosh's files, built with NumPy.

Whoosh's writer handles every posting as a Python tuple: into a pool, sorted with the
others, spilled to disk and merged when the pool is full, then written one at a time. For a
rebuild of 50,000 articles (12 million postings) that was most of 200 CPU seconds.
``SegmentBuilder`` instead collects each field's postings as arrays (``bulkfields``: text
fields as term numbers and positions grouped with NumPy every ``RUN_DOCUMENTS``
documents and kept in a temporary file until they are written, numbers and dates as trie
terms for all documents at once), then writes the posting blocks and term infos
(``postwriter``), the term dictionary in one pass (``termtable``) and the per-document
columns through Whoosh's own writer. The result is a W3 segment that Whoosh reads like any
other; the tests compare it posting for posting with Whoosh's own writer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from whoosh.codec.whoosh3 import W3Codec
from whoosh.system import pack_ushort

from reader.core.index.analysis import TermAnalyzer, TermPositions
from reader.core.index.bulkfields import (
    GenericField,
    Ints,
    NumericField,
    PositionalField,
    length_bytes,
)
from reader.core.index.postwriter import write_field_postings
from reader.core.index.spill import SpillFile
from reader.core.index.termtable import TermTableWriter

# Documents analysed before their tokens are grouped into postings (bounds the token
# arrays, about 500 tokens per article, and the temporary arrays of grouping them: about
# 45 bytes a token).
RUN_DOCUMENTS = 1000


@dataclass
class _Document:
    """Per-document values for the per-document writer."""

    stored: dict[str, Any] = field(default_factory=dict)
    columns: dict[str, Any] = field(default_factory=dict)


class SegmentBuilder:
    """Collects documents (``add``) and writes them as one new segment (``write``)."""

    def __init__(self, schema: Any, folder: str | None = None) -> None:
        """``folder``: where text fields keep their postings until they are written (the
        system's temporary folder when None)."""
        self.schema = schema
        self._spill = SpillFile(folder)
        self.doc_count = 0
        self._fields: dict[str, PositionalField | NumericField | GenericField] = {}
        self._documents: list[_Document] = []
        for name in schema.names():
            fieldobj = schema[name]
            if fieldobj.vector or fieldobj.separate_spelling():
                raise ValueError(f"field {name}: vectors and spelling are not supported")

    def _field(self, name: str, value: Any) -> PositionalField | NumericField | GenericField:
        found = self._fields.get(name)
        if found is None:
            fieldobj = self.schema[name]
            if isinstance(fieldobj.format, TermPositions) and isinstance(
                fieldobj.analyzer, TermAnalyzer
            ):
                found = PositionalField(name, fieldobj, self._spill)
            elif NumericField.handles(fieldobj, value):
                found = NumericField(name, fieldobj)
            else:
                found = GenericField(name, fieldobj)
            self._fields[name] = found
        return found

    def add(self, fields: Mapping[str, Any]) -> None:
        """Adds one document (field name → value, as ``writer.add_document`` takes them)."""
        doc = self.doc_count
        document = _Document()
        for name, value in fields.items():
            if value is None or name.startswith("_"):
                continue
            fieldobj = self.schema[name]
            if fieldobj.indexed:
                target = self._field(name, value)
                if isinstance(target, PositionalField) and not isinstance(value, str):
                    raise TypeError(f"field {name}: text expected")
                if isinstance(target, NumericField) and not target.handles(fieldobj, value):
                    raise TypeError(f"field {name}: one number (or date) per document expected")
                target.add(doc, value)
            if fieldobj.stored:
                document.stored[name] = value
            if fieldobj.column_type:
                document.columns[name] = fieldobj.to_column_value(value)
        self._documents.append(document)
        self.doc_count += 1
        if self.doc_count % RUN_DOCUMENTS == 0:
            for target in self._fields.values():
                if isinstance(target, PositionalField):
                    target.flush()

    def write(self, codec: Any, storage: Any, segment: Any) -> Any:
        """Writes the segment's files; returns ``segment`` with its document count set."""
        for target in self._fields.values():
            if isinstance(target, PositionalField):
                target.flush()
        lengths = {name: target.lengths(self.doc_count) for name, target in self._fields.items()}
        self._write_per_document(codec, storage, segment, lengths)
        postfile = segment.create_file(storage, W3Codec.POSTS_EXT)
        terms = TermTableWriter(segment.create_file(storage, W3Codec.TERMS_EXT))
        fieldmap: dict[str, int] = {}
        for name in sorted(self._fields):
            # Field numbers in name order: the term keys (number + term) then ascend.
            fieldmap[name] = len(fieldmap)
            target = self._fields[name]
            field_lengths = length_bytes(lengths[name])
            parts = (
                target.postings(field_lengths)
                if isinstance(target, PositionalField)
                else [target.postings(field_lengths)]
            )
            for postings in parts:
                terms.add(write_field_postings(postfile, pack_ushort(fieldmap[name]), postings))
            del self._fields[name]  # its arrays go before the next field's grow
        postfile.close()
        self._spill.close()
        terms.close({"fieldmap": fieldmap})
        segment.set_doc_count(self.doc_count)
        return segment

    def _write_per_document(
        self, codec: Any, storage: Any, segment: Any, lengths: dict[str, Ints]
    ) -> None:
        writer = codec.per_document_writer(storage, segment)
        schema = self.schema
        names = sorted(lengths)
        length_lists = [lengths[name].tolist() for name in names]
        fieldobjs = [schema[name] for name in names]
        for doc, document in enumerate(self._documents):
            writer.start_doc(doc)
            for name, fieldobj, values in zip(names, fieldobjs, length_lists, strict=True):
                length = values[doc]
                if length or name in document.stored:
                    writer.add_field(name, fieldobj, document.stored.get(name), length)
            for name, value in document.stored.items():
                if name not in lengths:
                    writer.add_field(name, schema[name], value, 0)
            for name, value in document.columns.items():
                writer.add_column_value(name, schema[name].column_type, value)
            writer.finish_doc()
        writer.close()
        self._documents = []
