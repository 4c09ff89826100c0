"""`archival-reader entities [FILE...]`: recognise named entities in text, no archive needed.

Reads text files, or JSON lines ``{"id", "text"}`` on standard input when no file is given;
writes one line per input: ``{"id", "entities": [{"start", "end", "label", "text"}]}`` with
code-point offsets into the given text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from reader.core.errors import ReaderError

NAME = "entities"
HELP = "recognise named entities in text files or JSON lines on stdin (no archive needed)"
OPENS_LIBRARY = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print JSON lines")


def _inputs(files: list[Path]) -> Iterator[tuple[str, str]]:
    if files:
        for path in files:
            try:
                yield str(path), path.read_text(encoding="utf-8", errors="replace")
            except OSError as error:
                raise ReaderError(f"cannot read {path}: {error.strerror or error}") from None
        return
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            yield str(record.get("id", number)), str(record["text"])
        except (ValueError, KeyError, AttributeError):
            raise ReaderError(f'line {number} of the input is not {{"id", "text"}} JSON') from None


def run(args: argparse.Namespace, library: None) -> int:
    from reader.core.entities import get_recognizer

    recognizer = get_recognizer()
    inputs = list(_inputs(args.files))
    results = recognizer.recognize_many(text for _, text in inputs)
    for (identifier, _), spans in zip(inputs, results, strict=True):
        if args.json or not args.files:
            record = {
                "id": identifier,
                "entities": [
                    {"start": s.start, "end": s.end, "label": s.label, "text": s.text}
                    for s in spans
                ],
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            print(f"== {identifier}")
            for span in spans:
                print(f"{span.label:<9} {span.text}")
    return 0
