"""CSL-JSON (Citation Style Language data), as read by Zotero, citeproc and pandoc."""

from __future__ import annotations

import json
from typing import Any

from reader.core.citations.names import PersonName
from reader.core.citations.record import CitationKind, CitationRecord

_CSL_TYPES = {
    CitationKind.WEBPAGE: "webpage",
    CitationKind.NEWSPAPER_ARTICLE: "article-newspaper",
}


def csl_name(name: PersonName) -> dict[str, str]:
    """A CSL name object: ``family``/``given`` for people, ``literal`` for organisations."""
    if name.is_literal:
        return {"literal": name.literal}
    data = {"family": name.family}
    if name.given:
        data["given"] = name.given
    if name.suffix:
        data["suffix"] = name.suffix
    return data


def csl_item(record: CitationRecord, item_id: str) -> dict[str, Any]:
    """Returns one CSL-JSON item (a dict ready for ``json.dumps``).

    Args:
        record: the article's citation facts.
        item_id: the item's ``id`` (e.g. the BibTeX key, so both exports agree).
    """
    item: dict[str, Any] = {"id": item_id, "type": _CSL_TYPES[record.kind], "title": record.title}
    if record.authors:
        item["author"] = [csl_name(name) for name in record.authors]
    if record.container:
        item["container-title"] = record.container
    if record.published:
        item["issued"] = {"date-parts": [list(record.published)]}
    if record.accessed:
        item["accessed"] = {"date-parts": [list(record.accessed)]}
    if record.url:
        item["URL"] = record.url
    if record.language:
        item["language"] = record.language
    if record.abstract:
        item["abstract"] = record.abstract
    return item


def format_csl_json(record: CitationRecord, item_id: str) -> str:
    """CSL-JSON text: a list holding one item (the form Zotero and pandoc import)."""
    return json.dumps([csl_item(record, item_id)], ensure_ascii=False, indent=2)
