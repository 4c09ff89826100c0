"""Parsing user watch-lists: a plain list of names, or CSV ``name,type,aliases``.

Accepted layouts (UTF-8 text, a byte-order mark is ignored):

* one name per line; blank lines and lines starting with ``#`` are skipped; every name gets
  ``default_label``;
* CSV with the columns ``name,type,aliases`` (a header row with those words is optional,
  ``type`` and ``aliases`` may be empty or missing); aliases are separated by ``|`` or ``;``.

A line is read as CSV when it contains a comma or a tab and the file is not a plain list of
names containing commas ("Smith, John" style lists should use the CSV layout with quotes).
Parsing never raises on content: bad rows are skipped and reported in ``WatchListResult.errors``
so an import dialog can show them.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from reader.core.entities.corrections import WatchEntry
from reader.core.entities.types import parse_label

_ALIAS_SEPARATOR = re.compile(r"\s*[|;]\s*")
_HEADER_NAMES = frozenset({"name", "names", "entity"})


@dataclass(frozen=True)
class WatchListResult:
    """Parsed entries and the problems found (``"line 4: unknown entity type 'Car'"``)."""

    entries: tuple[WatchEntry, ...]
    errors: tuple[str, ...] = ()


def parse_watch_list(text: str, default_label: str = "PERSON") -> WatchListResult:
    """Reads a watch-list file's text.

    Args:
        text: The file's content.
        default_label: The type of names whose line gives none.

    Returns:
        The entries in file order (one per distinct name) and any per-line errors.

    Raises:
        ValueError: When ``default_label`` itself is not a known type.
    """
    default = parse_label(default_label)
    lines = text.lstrip("\ufeff").splitlines()
    is_csv = any(("," in line or "\t" in line) for line in lines if not line.startswith("#"))
    entries: dict[str, WatchEntry] = {}
    errors: list[str] = []
    rows: list[tuple[int, list[str]]]
    if is_csv:
        dialect = (
            "excel-tab"
            if any("\t" in line for line in lines) and not any("," in line for line in lines)
            else "excel"
        )
        reader = csv.reader(io.StringIO("\n".join(lines)), dialect=dialect)
        rows = [(number, row) for number, row in enumerate(reader, 1)]
    else:
        rows = [(number, [line]) for number, line in enumerate(lines, 1)]
    for number, row in rows:
        cells = [cell.strip() for cell in row]
        if not cells or not cells[0] or cells[0].startswith("#"):
            continue
        if number == 1 and is_csv and cells[0].casefold() in _HEADER_NAMES:
            continue
        label = default
        if len(cells) > 1 and cells[1]:
            try:
                label = parse_label(cells[1])
            except ValueError as error:
                errors.append(f"line {number}: {error}")
                continue
        aliases: tuple[str, ...] = ()
        if len(cells) > 2 and cells[2]:
            aliases = tuple(alias for alias in _ALIAS_SEPARATOR.split(cells[2]) if alias)
        entries[cells[0].casefold()] = WatchEntry(cells[0], label, aliases)
    return WatchListResult(tuple(entries.values()), tuple(errors))
