"""W3C Web Annotation JSON-LD: export, and import with validation and clear errors.

Each annotation becomes::

    {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
     "id": "urn:uuid:<uuid>", "created": ..., "modified": ...,
     "motivation": "highlighting" | ["highlighting", "commenting"],
     "body": [TextualBody note (text/markdown, commenting), TextualBody tags (tagging),
              TextualBody colour code (classifying)],
     "target": {"type": "SpecificResource", "source": "archival-reader://article/<id>",
                "styleClass": "ar-colour-<colour id>",
                "selector": [TextPositionSelector, TextQuoteSelector]},
     "stylesheet": {"type": "CssStylesheet", "value": ".ar-colour-... {background: ...}"}}

The model has no field for what only this app needs back (the colour id, the text hash,
tombstones), so those ride on keys that are absolute IRIs under ``AR``: valid JSON-LD that
expands to themselves, ignored by other consumers, read back by ``parse_annotations``. A
file of several annotations is an ``AnnotationCollection`` whose first page holds them all.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from typing import Any

from reader.core.annotations.model import Annotation, TextQuoteSelector, article_link
from reader.core.annotations.palette import DEFAULT_PALETTE, Palette
from reader.core.annotations.selectors import SelectorError, selectors_from_json, selectors_to_json
from reader.core.errors import ReaderError

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AR = "urn:x-archival-reader:"
_SOURCE = re.compile(r"^archival-reader://article/(\d+)$")
_STYLE_CLASS = re.compile(r"^ar-colour-([A-Za-z0-9_-]{1,40})$")
_COLOUR_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


class AnnotationFormatError(ReaderError):
    """An annotation file that cannot be imported; the message names the annotation and field."""


def annotation_to_jsonld(
    annotation: Annotation, palette: Palette = DEFAULT_PALETTE
) -> dict[str, Any]:
    """Returns the W3C JSON-LD object of one annotation (tombstones included, marked)."""
    colour = palette.get(annotation.color)
    bodies: list[dict[str, Any]] = []
    if annotation.note:
        bodies.append(
            {
                "type": "TextualBody",
                "value": annotation.note,
                "format": "text/markdown",
                "purpose": "commenting",
            }
        )
    bodies += [
        {"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in annotation.tags
    ]
    bodies.append({"type": "TextualBody", "value": colour.code, "purpose": "classifying"})
    style_class = f"ar-colour-{annotation.color}"
    data: dict[str, Any] = {
        "@context": W3C_CONTEXT,
        "id": f"urn:uuid:{annotation.id}",
        "type": "Annotation",
        "created": annotation.created,
        "modified": annotation.modified,
        "motivation": ["highlighting", "commenting"] if annotation.note else "highlighting",
        "body": bodies,
        "target": {
            "type": "SpecificResource",
            "source": article_link(annotation.article_id),
            "styleClass": style_class,
            "selector": selectors_to_json(annotation.selectors),
        },
        "stylesheet": {
            "type": "CssStylesheet",
            "value": f".{style_class} {{ background-color: {colour.light}; }}",
        },
        AR + "colour": annotation.color,
        AR + "textSha256": annotation.text_sha256,
    }
    if annotation.deleted:
        data[AR + "deleted"] = True
    return data


def export_jsonld(annotations: Iterable[Annotation], palette: Palette = DEFAULT_PALETTE) -> str:
    """Serialises annotations as one W3C ``AnnotationCollection`` (JSON text)."""
    items = [annotation_to_jsonld(annotation, palette) for annotation in annotations]
    for item in items:
        del item["@context"]  # stated once, on the collection
    collection = {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "label": "Archival Reader annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2)


def parse_annotations(data: str) -> list[Annotation]:
    """Reads annotations from W3C JSON-LD: one annotation, a list, or a collection.

    Only annotations targeting this archive (``archival-reader://article/<id>``) with a
    ``TextQuoteSelector`` can be imported: a quote is what lets an annotation be re-anchored,
    so one without it would be an orphan forever.

    Args:
        data: the JSON text.

    Returns:
        The annotations, in file order.

    Raises:
        AnnotationFormatError: invalid JSON or any annotation missing a required part; the
            message says which annotation (index and id) and which field.
    """
    try:
        document = json.loads(data)
    except json.JSONDecodeError as error:
        raise AnnotationFormatError(f"not JSON: {error}") from error
    items: object
    context: str | None = None
    if isinstance(document, list):
        items = document
    elif isinstance(document, dict) and document.get("type") == "AnnotationCollection":
        _check_context(document.get("@context"), "collection")
        first = document.get("first")
        items = first.get("items") if isinstance(first, dict) else None
        if not isinstance(items, list):
            raise AnnotationFormatError("collection: 'first.items' must be a list of annotations")
        context = W3C_CONTEXT
    elif isinstance(document, dict):
        items = [document]
    else:
        raise AnnotationFormatError("expected an annotation, a list or an AnnotationCollection")
    assert isinstance(items, list)
    return [_parse_one(item, index, context) for index, item in enumerate(items)]


def _check_context(value: object, where: str) -> None:
    contexts = value if isinstance(value, list) else [value]
    if W3C_CONTEXT not in contexts:
        raise AnnotationFormatError(f"{where}: '@context' must include {W3C_CONTEXT}")


def _parse_one(item: object, index: int, inherited_context: str | None) -> Annotation:
    where = f"annotation {index}"
    if not isinstance(item, dict):
        raise AnnotationFormatError(f"{where}: expected an object")
    raw_id = item.get("id")
    if isinstance(raw_id, str):
        where = f"annotation {index} ({raw_id})"
    if inherited_context is None or "@context" in item:
        _check_context(item.get("@context"), where)
    if item.get("type") != "Annotation":
        raise AnnotationFormatError(f"{where}: 'type' must be \"Annotation\"")
    annotation_id = _parse_id(raw_id, where)
    target = item.get("target")
    if not isinstance(target, dict):
        raise AnnotationFormatError(f"{where}: 'target' must be an object with source and selector")
    source = target.get("source")
    source_id = source.get("id") if isinstance(source, dict) else source
    match = _SOURCE.match(source_id) if isinstance(source_id, str) else None
    if match is None:
        raise AnnotationFormatError(
            f"{where}: target.source {source_id!r} is not an archival-reader://article/<id> link"
        )
    try:
        selectors = selectors_from_json(target.get("selector"), f"{where}: target.selector")
    except SelectorError as error:
        raise AnnotationFormatError(str(error)) from error
    if not any(isinstance(selector, TextQuoteSelector) for selector in selectors):
        raise AnnotationFormatError(f"{where}: target.selector needs a TextQuoteSelector")
    note, tags = _parse_bodies(item.get("body", []), where)
    created, modified = item.get("created"), item.get("modified", item.get("created"))
    if not isinstance(created, str) or not isinstance(modified, str):
        raise AnnotationFormatError(f"{where}: 'created' (ISO 8601) is required")
    return Annotation(
        id=annotation_id,
        article_id=int(match.group(1)),
        text_sha256=str(item.get(AR + "textSha256", "")),
        selectors=selectors,
        color=_parse_colour(item, target),
        note=note,
        tags=tags,
        created=created,
        modified=modified,
        deleted=item.get(AR + "deleted") is True,
    )


def _parse_id(raw_id: object, where: str) -> str:
    if not isinstance(raw_id, str):
        raise AnnotationFormatError(f"{where}: 'id' is required")
    try:
        return str(uuid.UUID(raw_id.removeprefix("urn:uuid:")))
    except ValueError as error:
        raise AnnotationFormatError(f"{where}: 'id' must be urn:uuid:<uuid>") from error


def _parse_bodies(bodies: object, where: str) -> tuple[str, tuple[str, ...]]:
    items = bodies if isinstance(bodies, list) else [bodies]
    notes: list[str] = []
    tags: list[str] = []
    for position, body in enumerate(items):
        if not isinstance(body, dict) or not isinstance(body.get("value", ""), str):
            raise AnnotationFormatError(f"{where}: body[{position}] must be a TextualBody object")
        value = str(body.get("value", ""))
        purpose = body.get("purpose", "commenting")
        if purpose == "tagging":
            tags.append(value)
        elif purpose == "commenting":
            notes.append(value)
    return "\n\n".join(notes), tuple(tags)


def _parse_colour(item: dict[str, Any], target: dict[str, Any]) -> str:
    # Colour ids end up in CSS class names and settings: only a plain token is accepted.
    colour = item.get(AR + "colour")
    if isinstance(colour, str) and _COLOUR_ID.match(colour):
        return colour
    style = target.get("styleClass")
    match = _STYLE_CLASS.match(style) if isinstance(style, str) else None
    return match.group(1) if match else DEFAULT_PALETTE.colours[0].id
