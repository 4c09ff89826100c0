"""`archival-reader extract PATH...`: extract articles from files, without an archive.

Prints one JSON object per input file (per page for containers holding several pages).
Each file is read in a worker process with a time limit, so one bad file never stops the
others.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the heavy modules load only when the command runs
    from reader.core.importing.pool import TaskFailed
    from reader.core.importing.worker import SourceResult
    from reader.core.model import ExtractedArticle

NAME = "extract"
HELP = "extract article text and metadata from files (no archive needed)"
OPENS_LIBRARY = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--json", action="store_true", help="print JSON lines")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS")


def article_fields(article: ExtractedArticle | None) -> dict[str, Any]:
    if article is None:
        return {
            "title": None,
            "authors": [],
            "published": None,
            "site": None,
            "url": None,
            "language": None,
            "text": None,
        }
    return {
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "modified": article.modified,
        "site": article.site,
        "url": article.url,
        "language": article.language,
        "description": article.description,
        "keywords": list(article.keywords),
        "credits": list(article.credits),
        "metadata_sources": article.metadata_sources,
        "text": article.text,
    }


def records_for(path: Path, result: SourceResult | TaskFailed) -> list[dict[str, Any]]:
    from reader.core.importing.pool import TaskFailed

    if isinstance(result, TaskFailed) or result.error is not None:
        error = result.message if isinstance(result, TaskFailed) else result.error
        return [{"path": str(path), "ok": False, "error": error, **article_fields(None)}]
    records = []
    for page in result.pages:
        error = page.error or (f"not an article: {page.skipped}" if page.skipped else None)
        record = {"path": str(path), "ok": page.article is not None, "error": error}
        if len(result.pages) > 1:
            record["part"] = page.page.part
        record["format"] = page.page.source_format
        record.update(article_fields(page.article))
        records.append(record)
    return records


def run(args: argparse.Namespace, library: None) -> int:
    from reader.core.containers import ImportSource, Limits
    from reader.core.importing.pool import WorkerPool
    from reader.core.importing.worker import WorkerTask, process_source

    tasks = [WorkerTask(ImportSource(path, None, str(path)), "", Limits()) for path in args.paths]
    failures = 0
    order = {id(task): number for number, task in enumerate(tasks)}
    finished: dict[int, list[dict[str, Any]]] = {}
    with WorkerPool(process_source, workers=2, timeout=args.timeout) as pool:
        for task, result in pool.map_unordered(tasks):
            finished[order[id(task)]] = records_for(task.source.path, result)
    for number in range(len(tasks)):
        for record in finished.get(number, []):
            failures += not record["ok"]
            if args.json:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                _print_readable(record)
    return 2 if failures else 0


def _print_readable(record: dict[str, Any]) -> None:
    print(f"== {record['path']}" + (f" [{record['part']}]" if record.get("part") else ""))
    if not record["ok"]:
        print(f"error: {record['error']}\n")
        return
    for key in ("title", "published", "site", "url", "language"):
        if record.get(key):
            print(f"{key}: {record[key]}")
    if record.get("authors"):
        print("authors: " + ", ".join(record["authors"]))
    print()
    print(record["text"])
    print()
