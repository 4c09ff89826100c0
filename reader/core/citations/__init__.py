"""Citations of archived articles: CSL-JSON, RIS, BibTeX and a plain reference.

Callers use ``format_citation(article, fmt)``; the per-format modules are public for tests
and for exports that combine formats (the Markdown export's header is ``TEXT``).
"""

from __future__ import annotations

import enum

from reader.core.citations.bibtex import citation_key, format_bibtex
from reader.core.citations.csl import format_csl_json
from reader.core.citations.record import CitationKind, CitationRecord, build_record
from reader.core.citations.reference import format_reference
from reader.core.citations.ris import format_ris
from reader.core.model import Article


class CitationFormat(enum.StrEnum):
    CSL_JSON = "csl-json"
    RIS = "ris"
    BIBTEX = "bibtex"
    TEXT = "text"


def format_citation(article: Article, fmt: CitationFormat, kind: CitationKind | None = None) -> str:
    """Cites an article in one format.

    Args:
        article: the stored article (its extracted metadata and provenance are used).
        fmt: the output format.
        kind: web page or newspaper article; guessed from the metadata when omitted
            (see ``build_record``).

    Returns:
        The citation text; CSL-JSON's item id equals the BibTeX key.
    """
    record = build_record(article, kind)
    if fmt is CitationFormat.CSL_JSON:
        return format_csl_json(record, citation_key(record))
    if fmt is CitationFormat.RIS:
        return format_ris(record)
    if fmt is CitationFormat.BIBTEX:
        return format_bibtex(record)
    return format_reference(record)


__all__ = [
    "CitationFormat",
    "CitationKind",
    "CitationRecord",
    "build_record",
    "citation_key",
    "format_citation",
]
