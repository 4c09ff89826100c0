"""Plain data passed between the core's stages and to its callers.

Every type here is a frozen dataclass: stages return new values instead of mutating shared
state, so the same objects can cross threads and process boundaries (they pickle).

Offsets (``Block.start``/``end``, entity spans, annotation positions) are Python code-point
indices into ``ExtractedArticle.text``, the article's *canonical text*. Only ``reader.ui``
converts them to Qt's UTF-16 positions.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Resource:
    """A file saved with a page (an image of a "complete" folder, an MHTML part...)."""

    location: str  # URL or relative path as the page refers to it
    media_type: str
    data: bytes


@dataclass(frozen=True)
class SavedPage:
    """One page found inside an imported file, before extraction.

    A container (MHTML, WARC, webarchive...) may hold several pages; a plain ``.html`` file
    holds one. ``part`` names the page within its container ("" when there is only one).
    """

    content: bytes
    media_type: str  # "text/html" or "text/plain"
    source_format: str  # "html", "mhtml", "warc", "webarchive", "singlefile", "text", ...
    part: str = ""
    url: str | None = None
    captured_at: str | None = None  # ISO 8601, UTC
    captured_source: str | None = None  # "container", "file-mtime", ...
    charset: str | None = None  # declared by the container (HTTP header, MIME part)
    resources: tuple[Resource, ...] = ()


class BlockKind(enum.StrEnum):
    """The structural role of one block of the canonical text."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    PREFORMATTED = "preformatted"
    TABLE_ROW = "table_row"
    CAPTION = "caption"
    IMAGE = "image"


@dataclass(frozen=True)
class Block:
    """A span of the canonical text with its structural role.

    ``level`` is the heading level (1-6) for headings, the nesting depth for list items, and
    0 otherwise. ``ordered`` marks items of numbered lists. ``source`` is the image location
    for ``IMAGE`` blocks (whose text is the alt text, possibly empty).
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    ordered: bool = False
    source: str | None = None


@dataclass(frozen=True)
class ExtractedArticle:
    """What extraction found in one page: metadata plus canonical text and its structure.

    ``text`` is the canonical text: blocks separated by a blank line (``"\\n\\n"``). Each
    ``Block`` points into it. ``metadata_sources`` says where each metadata value came from
    (e.g. ``{"title": "json-ld", "published": "meta:article:published_time"}``).
    """

    text: str
    blocks: tuple[Block, ...]
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # YYYY-MM-DD
    modified: str | None = None  # YYYY-MM-DD
    site: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    keywords: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()  # agency sign-offs, image credits
    metadata_sources: dict[str, str] = field(default_factory=dict)
    extractor_version: str = ""


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the library list: enough to show it without loading the text."""

    id: int
    title: str
    site: str | None
    authors: tuple[str, ...]
    published: str | None
    added_at: str
    annotation_count: int = 0


@dataclass(frozen=True)
class Provenance:
    """Where an article came from."""

    original_sha256: str
    file_name: str
    source_format: str
    part: str
    saved_url: str | None
    captured_at: str | None
    captured_source: str | None
    added_at: str


@dataclass(frozen=True)
class Article:
    """A stored article: its id, what extraction found, and its provenance."""

    id: int
    extracted: ExtractedArticle
    provenance: Provenance
    text_sha256: str

    @property
    def title(self) -> str:
        return self.extracted.title or self.provenance.file_name

    @property
    def text(self) -> str:
        return self.extracted.text


class OutcomeStatus(enum.StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    SKIPPED = "skipped"  # not an article (robots.txt, redirect, link list...)
    FAILED = "failed"


@dataclass(frozen=True)
class ImportOutcome:
    """The result for one page (or one whole file when it failed or was a duplicate)."""

    status: OutcomeStatus
    path: str
    article_id: int | None = None
    title: str | None = None
    part: str = ""
    source_format: str | None = None
    error: str | None = None


@dataclass
class ImportReport:
    """All outcomes of one import run, in order."""

    outcomes: list[ImportOutcome] = field(default_factory=list)
    cancelled: bool = False

    def of(self, status: OutcomeStatus) -> list[ImportOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status is status]

    @property
    def imported(self) -> list[ImportOutcome]:
        return self.of(OutcomeStatus.IMPORTED)

    @property
    def duplicates(self) -> list[ImportOutcome]:
        return self.of(OutcomeStatus.DUPLICATE)

    @property
    def skipped(self) -> list[ImportOutcome]:
        return self.of(OutcomeStatus.SKIPPED)

    @property
    def failed(self) -> list[ImportOutcome]:
        return self.of(OutcomeStatus.FAILED)


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str
    site: str | None
    published: str | None
    score: float
    snippet: str  # plain text around the best hits
    snippet_spans: tuple[tuple[int, int], ...] = ()  # hit spans within ``snippet``


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int
    hits: tuple[SearchHit, ...]
    corrected_query: str | None = None


@dataclass(frozen=True)
class EntitySpan:
    """One mention of a named entity in the canonical text.

    ``label`` is the type shown to users ("PERSON", "ORG", "PLACE", "GROUP", "DATE", "EVENT",
    "WORK", "LAW", "MONEY", "QUANTITY"); ``raw_label`` is what the model said ("GPE", "LOC"...).
    """

    start: int
    end: int
    label: str
    text: str
    raw_label: str = ""
