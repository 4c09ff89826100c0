"""Whoosh's ``W3Codec`` with a leaner segment writer and array-packed posting blocks.

Profiling a 5,000-article build showed half of it in writing the postings of a new segment,
one posting at a time: a length-column read per posting (``doc_field_length``: a seek, a
slice and an unpack), type assertions per posting, and a zlib pass per block. This codec
writes the same format with:

- each field's lengths read once per segment into a list (one look-up per posting);
- one tight loop from the sorted postings to the block buffers, without the per-posting
  assertions (the posting pool already yields valid, sorted postings);
- posting blocks of ``BLOCK_LIMIT`` postings with array payloads (``blocks.encode_block``:
  Whoosh's layout, read by Whoosh's own reader; tiny blocks uncompressed, the others with
  zlib level 1);
- a posting pool (``LeanPostingPool``) without per-posting assertions.

Readers are Whoosh's own; segments written by ``W3Codec`` and by this codec mix freely.
Callers must not hand ``add_postings`` unsorted postings: unlike Whoosh's loop it does not
check the order.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3PostingsWriter,
    _lenfield,
)
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import PostingPool

from reader.core.index.analysis import UINT32
from reader.core.index.blocks import (
    BLOCK_LIMIT,
    COMPRESSION,
    PackedValues,
    encode_block,
    pack_weights,
)

_BYTE_LENGTHS = [byte_to_length(value) if value else 0 for value in range(256)]


class ArchiveCodec(W3Codec):  # type: ignore[misc]
    """``W3Codec`` writing through ``LeanFieldWriter``."""

    def __init__(self) -> None:
        super().__init__(blocklimit=BLOCK_LIMIT, compression=COMPRESSION)

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        return LeanFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        if byteids:  # term vectors (not in our schema): Whoosh's own writer
            return super().postings_writer(dbfile, byteids=True)
        return LeanPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


def _field_lengths(lengths: Any, fieldname: str) -> list[int]:
    """Every document's length in ``fieldname`` (0 when absent), read in one pass."""
    count = int(lengths.doc_count_all())
    try:
        column = lengths._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    except AttributeError:  # another per-document reader: ask document by document
        return [lengths.doc_field_length(docnum, fieldname) or 0 for docnum in range(count)]
    if column is None:
        return [0] * count
    values = [_BYTE_LENGTHS[value] for value in column.load()]
    # The column ends at the last document that has the field.
    return values + [0] * (count - len(values))


class LeanPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """``W3PostingsWriter`` without per-posting type assertions, writing array-packed
    blocks (``blocks.encode_block``)."""

    # Block state, set by ``W3PostingsWriter._new_block`` and ``start_postings``.
    _ids: array[int]
    _weights: array[float]
    _values: list[bytes]
    _maxweight: float
    _minlength: int | None
    _maxlength: int
    _blockcount: int

    def add_posting(
        self, id_: int, weight: float, vbytes: bytes, length: int | None = None
    ) -> None:
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        if weight > self._maxweight:
            self._maxweight = weight
        if vbytes:
            self._values.append(vbytes)
        if length:
            if self._minlength is None or length < self._minlength:
                self._minlength = length
            if length > self._maxlength:
                self._maxlength = length

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = self._ids
        deltas = array(UINT32, ids)
        deltas[1:] = array(UINT32, map(int.__sub__, ids[1:], ids[:-1]))
        fixed_size = self._format.fixed_value_size()
        values: PackedValues | bytes | None
        if fixed_size is None or fixed_size < 0:
            values = PackedValues(
                b"".join(self._values), array(UINT32, accumulate(map(len, self._values)))
            )
        elif fixed_size == 0:
            values = None
        else:
            values = b"".join(self._values)
        stats = (
            ids[-1],
            float(self._maxweight),
            length_to_byte(self._minlength),
            length_to_byte(self._maxlength),
        )
        self._postfile.write(
            encode_block(deltas, pack_weights(self._weights), values, stats, last=last)
        )
        self._blockcount += 1
        self._new_block()


class LeanFieldWriter(W3FieldWriter):  # type: ignore[misc]
    def add_postings(
        self, schema: Any, lengths: Any, items: Iterable[tuple[str, bytes, int, float, bytes]]
    ) -> None:
        last_field: str | None = None
        last_text: bytes | None = None
        field_lengths: list[int] = []
        add_posting: Any = None
        for fieldname, text, docnum, weight, value in items:
            if fieldname != last_field:
                if last_text is not None:
                    self.finish_term()
                if last_field is not None:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname])
                last_field, last_text = fieldname, None
                field_lengths = _field_lengths(lengths, fieldname) if lengths else []
            if docnum == -1:  # Whoosh's marker for spelling words, which we do not keep
                continue
            if text != last_text:
                if last_text is not None:
                    self.finish_term()
                self.start_term(text)
                last_text = text
                add_posting = self._postwriter.add_posting
            add_posting(docnum, weight, value or b"", field_lengths[docnum] if field_lengths else 0)
        if last_text is not None:
            self.finish_term()


class LeanPostingPool(PostingPool):  # type: ignore[misc]
    """``PostingPool.add`` without its per-posting assertions, with the same size estimate
    (it decides when the pool spills a sorted run to disk)."""

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        self.fieldnames.add(item[0])
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)
