"""The annotation data model: selectors, annotations and anchors.

An annotation is the researcher's own work, so these types are built to be kept, never
silently changed: every value is a frozen dataclass, and re-anchoring produces a *new*
annotation (``anchoring.refresh_selectors``) rather than editing one in place.

Offsets in ``TextPositionSelector`` and ``Anchor`` are Python code-point indices into the
article's canonical text (``ExtractedArticle.text``), never UTF-16 or byte offsets. The W3C
Web Annotation model leaves the unit open; the UI converts to Qt positions in one place.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass

#: Characters of context kept on each side of the quote (as Hypothesis does).
CONTEXT_LENGTH = 32


@dataclass(frozen=True)
class TextQuoteSelector:
    """The quoted text with up to ``CONTEXT_LENGTH`` characters of context on each side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class TextPositionSelector:
    """A half-open code-point range ``[start, end)`` into the canonical text."""

    start: int
    end: int


Selector = TextQuoteSelector | TextPositionSelector


@dataclass(frozen=True)
class Annotation:
    """One highlight with its optional note and tags.

    ``color`` is a palette colour id (``palette.Colour.id``), not a hex value, so renaming or
    recolouring a code never touches stored annotations. ``note`` is Markdown. ``created``
    and ``modified`` are ISO 8601 UTC strings. ``deleted`` marks a tombstone: kept so that
    exports and merges can tell "deleted here" from "never seen here".
    """

    id: str
    article_id: int
    text_sha256: str
    selectors: tuple[Selector, ...]
    color: str
    note: str
    tags: tuple[str, ...]
    created: str
    modified: str
    deleted: bool = False

    @property
    def quote(self) -> TextQuoteSelector | None:
        """The annotation's quote selector, if it has one."""
        for selector in self.selectors:
            if isinstance(selector, TextQuoteSelector):
                return selector
        return None

    @property
    def position(self) -> TextPositionSelector | None:
        """The annotation's position selector, if it has one."""
        for selector in self.selectors:
            if isinstance(selector, TextPositionSelector):
                return selector
        return None


class AnchorStatus(enum.StrEnum):
    """How an annotation was placed in the current text, from most to least certain."""

    EXACT_POSITION = "exact_position"  # the stored offsets still hold the quoted text
    EXACT_QUOTE = "exact_quote"  # the identical quote, found elsewhere by context
    FUZZY = "fuzzy"  # an approximate match (normalised text or bounded edit errors)
    ORPHAN = "orphan"  # not placed: kept and listed so the user can re-attach it


@dataclass(frozen=True)
class Anchor:
    """Where an annotation lies in the current text.

    ``score`` is in ``[0, 1]`` (1 for exact placements, 0 for orphans). An orphan has
    ``start == end == -1``: callers must check ``is_orphan`` before using the offsets.
    """

    start: int
    end: int
    status: AnchorStatus
    score: float

    @property
    def is_orphan(self) -> bool:
        return self.status is AnchorStatus.ORPHAN


ORPHAN = Anchor(-1, -1, AnchorStatus.ORPHAN, 0.0)


def hash_text(text: str) -> str:
    """Returns the hex SHA-256 of the UTF-8 text, as the store computes ``text_sha256``.

    Args:
        text: the article's canonical text.

    Returns:
        64 lowercase hex digits.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_link(article_id: int) -> str:
    """The archive's link to an article (the W3C target ``source``)."""
    return f"archival-reader://article/{article_id}"


def annotation_link(article_id: int, annotation_id: str) -> str:
    """The archive's link to one annotation, used by every export."""
    return f"{article_link(article_id)}#annotation-{annotation_id}"
