"""Gzip-compressed files (``.html.gz``, ``.txt.gz``, any ``.gz``): decompressed within the budget.

Decompression runs in bounded steps, each step's output charged to the budget before the next,
so a bomb is stopped after at most one step past the limit instead of filling memory.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

from reader.core.containers.context import Budget, ReadContext
from reader.core.containers.registry import dispatch
from reader.core.errors import ImportRejected
from reader.core.model import SavedPage

_STEP_BYTES = 1024 * 1024
_GZIP_WINDOW = 16 + zlib.MAX_WBITS  # tells zlib to expect (and check) the gzip header and trailer


def _inflate(data: bytes, on_output: Callable[[bytes], None]) -> None:
    """Decompresses every gzip member of ``data``, passing the output to ``on_output`` in steps.

    Raises:
        ImportRejected: for corrupt or truncated gzip data.
    """
    pending = data
    while pending:
        decompressor = zlib.decompressobj(_GZIP_WINDOW)
        try:
            while pending and not decompressor.eof:
                on_output(decompressor.decompress(pending, _STEP_BYTES))
                pending = decompressor.unconsumed_tail
            while not decompressor.eof:
                output = decompressor.decompress(b"", _STEP_BYTES)
                if not output:
                    break
                on_output(output)
        except zlib.error as error:
            raise ImportRejected(f"corrupt gzip data ({error})") from None
        if not decompressor.eof:
            raise ImportRejected("truncated gzip data (the file ends inside the compressed stream)")
        # Several members may be concatenated (multi-member gzip, as WARC writers do); trailing
        # padding or garbage after the last member is ignored, as gzip(1) does.
        pending = decompressor.unused_data
        if not pending.startswith(b"\x1f\x8b"):
            break


def gunzip(data: bytes, budget: Budget) -> bytes:
    """Decompresses ``data``, charging the output to ``budget``.

    Raises:
        ImportRejected: for corrupt or truncated data, or output over the budget.
    """
    # Measuring first costs a second pass over legitimate files (cheap: they are small) and
    # keeps a bomb from ever allocating its output up to the limit.
    check_gunzipped_size(data, budget)
    chunks: list[bytes] = []

    def keep(output: bytes) -> None:
        budget.charge(len(output))
        chunks.append(output)

    _inflate(data, keep)
    return b"".join(chunks)


def check_gunzipped_size(data: bytes, budget: Budget) -> None:
    """Verifies that ``data`` decompresses within what ``budget`` has left, keeping nothing.

    Readers that hand gzip data to a library which decompresses on its own (warcio) call this
    first, so the library never sees a bomb.

    Raises:
        ImportRejected: for corrupt or truncated data, or output over the budget.
    """
    trial = Budget(budget.remaining)
    _inflate(data, lambda output: trial.charge(len(output)))


def inner_name(name: str) -> str:
    """The name of the decompressed file ("page.html" for "page.html.gz")."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        return name[:-3]
    if lowered.endswith(".tgz"):
        return name[:-4] + ".tar"
    return name + ".gunzipped"


def read_gzip(data: bytes, context: ReadContext) -> list[SavedPage]:
    """Decompresses the file and reads what is inside with the reader its name or content picks."""
    return dispatch(gunzip(data, context.budget), context.nested(inner_name(context.name)))
