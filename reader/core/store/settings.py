"""Archive-wide settings stored as JSON text under a key (entity corrections, palette...)."""

from __future__ import annotations

import sqlite3

ENTITY_CORRECTIONS = "entity_corrections"
ANNOTATION_PALETTE = "annotation_palette"


def get_setting(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM archive_settings WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def set_setting(connection: sqlite3.Connection, key: str, value: str) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO archive_settings (key, value) VALUES (?, ?)", (key, value)
    )
