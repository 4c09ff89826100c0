"""RIS, the tagged format every reference manager imports.

Tags follow the RIS specification as Zotero's importer maps them: ``TY`` first (``ELEC``
for web pages, ``NEWS`` for newspaper articles), ``AU`` as "Family, Given" (an
organisation alone, without a comma), ``T2`` the site or newspaper, ``PY``/``DA`` the
publication date, ``Y2`` the access date, ``ER`` last. Each line is ``TAG  - value``; line
breaks inside values would start a new (bogus) tag, so they are folded to spaces.
"""

from __future__ import annotations

from reader.core.citations.dates import slash_date
from reader.core.citations.record import CitationKind, CitationRecord

_RIS_TYPES = {CitationKind.WEBPAGE: "ELEC", CitationKind.NEWSPAPER_ARTICLE: "NEWS"}


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def format_ris(record: CitationRecord) -> str:
    """Returns the RIS record (lines joined with CRLF, as the specification asks)."""
    lines = [_line("TY", _RIS_TYPES[record.kind])]
    for name in record.authors:
        lines.append(_line("AU", name.display()))
    lines.append(_line("TI", record.title))
    if record.container:
        lines.append(_line("T2", record.container))
    if record.published:
        lines.append(_line("PY", f"{record.published[0]:04d}"))
        lines.append(_line("DA", slash_date(record.published)))
    if record.url:
        lines.append(_line("UR", record.url))
    if record.accessed:
        lines.append(_line("Y2", slash_date(record.accessed)))
    if record.language:
        lines.append(_line("LA", record.language))
    if record.abstract:
        lines.append(_line("AB", record.abstract))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"
