"""Timestamps as the archive stores them: ISO 8601, UTC, seconds, with a "Z"."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    return iso_from_epoch(datetime.now(UTC).timestamp())


def iso_from_epoch(seconds: float) -> str:
    moment = datetime.fromtimestamp(seconds, UTC).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")
