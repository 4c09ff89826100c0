"""What an import may do and spend: limits, time, workers, and what it keeps."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.containers.sources import Limits
from reader.core.importing.pool import default_workers


@dataclass(frozen=True)
class ImportOptions:
    limits: Limits = field(default_factory=Limits)
    timeout_seconds: float = 120.0  # per file (per batch of pages for a large crawl)
    workers: int = field(default_factory=default_workers)
    recognize_entities: bool = True
    # Keep, as whole pages, those the extractor says are not articles (link lists, error
    # and redirect pages served as pages, robots files); files imported before with such
    # pages skipped are read again for them.
    keep_non_articles: bool = False
