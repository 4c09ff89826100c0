"""The saved URL of a page, as containers record it, cleaned for display and provenance."""

from __future__ import annotations

# Schemes that say where a browser found the bytes, not where the page lives on the web:
# "file:///C:/Users/..." (a Word or IE save of a local file), "about:blank" frames...
_LOCAL_SCHEMES = ("file:", "about:", "data:", "blob:", "javascript:", "cid:", "mhtml:", "chrome:")


def saved_url(value: str | None) -> str | None:
    """``value`` stripped, or ``None`` when it is empty or names no place on the web."""
    if value is None:
        return None
    url = value.strip()
    if not url or url.lower().startswith(_LOCAL_SCHEMES):
        return None
    return url
