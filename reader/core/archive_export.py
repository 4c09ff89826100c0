"""Exporting a whole archive in open formats, so a researcher's data is never locked in.

Layout of the export folder:

- ``README.md``: this layout, in words;
- ``originals/<sha256>``: every imported file, byte for byte; ``originals.json`` maps each
  hash to its file name and format;
- ``articles/<id>.json``: metadata (extracted and provenance), canonical text, structure
  blocks, entities (as recognised, and with corrections), tags and collections;
- ``annotations.jsonld``: every annotation as a W3C Web Annotation collection;
- ``entity-corrections.json``, ``collections.json``, ``saved-searches.json``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.article_json import article_to_json
from reader.core.errors import ReaderError
from reader.core.progress import Progress, ProgressCallback
from reader.core.store.store import Store

if TYPE_CHECKING:
    from reader.core.library import Library

README = """# Archival Reader export

Made by `archival-reader export-archive`. Everything here is plain files in open formats:

| path | what |
| --- | --- |
| `originals/<sha256>` | every imported file, byte for byte (`originals.json`: names, formats) |
| `articles/<id>.json` | metadata, provenance, canonical text, blocks, entities, tags, collections |
| `annotations.jsonld` | all annotations, W3C Web Annotation (JSON-LD) |
| `entity-corrections.json` | renames, merges, types, rejections and watch list |
| `collections.json`, `saved-searches.json` | how the articles were organised |

Offsets (blocks, entities, annotation positions) are Unicode code points into `text`.
"""


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")


def _article_record(library: Library, store: Store, article_id: int) -> dict[str, Any]:
    record = article_to_json(library.article(article_id), library.entities(article_id))
    raw = store.connection().execute(
        "SELECT start, end, label, raw_label, text FROM entity_mentions WHERE article_id = ?",
        (article_id,),
    )
    record["entities_as_recognised"] = [
        {"start": r[0], "end": r[1], "label": r[2], "model_label": r[3], "text": r[4]} for r in raw
    ]
    record["tags"] = library.tags_of(article_id)
    return record


def export_archive(
    library: Library, store: Store, destination: Path, progress: ProgressCallback | None = None
) -> int:
    """Writes the export into ``destination`` (new or empty); returns the article count.

    ``store`` is the library's own: the export reads a few raw rows (entity mentions as the
    model found them, the originals' table) and the blobs that the facade does not expose.

    Raises:
        ReaderError: the destination is not empty or is inside the archive.
    """
    destination = destination.expanduser().resolve()
    if destination == library.root or library.root in destination.parents:
        raise ReaderError("the export cannot go inside the archive itself")
    if destination.exists() and any(destination.iterdir()):
        raise ReaderError(f"{destination} is not empty")
    (destination / "articles").mkdir(parents=True)
    (destination / "originals").mkdir()
    (destination / "README.md").write_text(README, encoding="utf-8")
    connection = store.connection()
    originals = {
        row[0]: {"file_name": row[1], "format": row[2], "size": row[3], "added_at": row[4]}
        for row in connection.execute(
            "SELECT sha256, file_name, source_format, size, added_at FROM originals"
        )
    }
    for sha256 in originals:
        source = store.blobs.path_of(sha256)
        if source.is_file():
            shutil.copy2(source, destination / "originals" / sha256)
    _write_json(destination / "originals.json", originals)
    ids = library.article_ids(all_versions=True)
    for number, article_id in enumerate(ids, 1):
        _write_json(
            destination / "articles" / f"{article_id}.json",
            _article_record(library, store, article_id),
        )
        if progress is not None and number % 50 == 0:
            progress(Progress("Exporting articles", number, len(ids)))
    (destination / "annotations.jsonld").write_text(
        library.export_annotations(ids, "jsonld"), encoding="utf-8"
    )
    (destination / "entity-corrections.json").write_text(
        library.entity_corrections().to_json(), encoding="utf-8"
    )
    _write_json(
        destination / "collections.json",
        [
            {
                "id": c.id,
                "name": c.name,
                "parent_id": c.parent_id,
                "articles": library.collection_article_ids(c.id, nested=False),
            }
            for c in library.collections()
        ],
    )
    _write_json(
        destination / "saved-searches.json",
        [
            {"name": s.name, "query": s.query, "created_at": s.created_at}
            for s in library.saved_searches()
        ],
    )
    return len(ids)
