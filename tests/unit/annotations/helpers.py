"""Small builders shared by the annotation tests (real text from the seed page)."""

from __future__ import annotations

from pathlib import Path

from reader.core.annotations.create import create_annotation
from reader.core.annotations.model import Annotation, hash_text
from reader.core.model import Article, ExtractedArticle, Provenance


def article_from(text: str, article_id: int = 3) -> Article:
    return Article(
        id=article_id,
        extracted=ExtractedArticle(
            text=text,
            blocks=(),
            title="Taliban attack provincial capital amid US pullout",
            authors=("Kathy Gannon",),
            published="2021-07-07",
            site="DW",
            url="https://www.dw.com/en/a-58189432",
        ),
        provenance=Provenance(
            "0" * 64,
            "dw.txt",
            "text",
            "",
            None,
            "2021-07-08T10:00:00Z",
            "container",
            "2024-01-01T00:00:00Z",
        ),
        text_sha256=hash_text(text),
    )


def annotate(
    text: str,
    phrase: str,
    occurrence: int = 0,
    *,
    color: str = "yellow",
    note: str = "",
    tags: tuple[str, ...] = (),
    now: str = "2024-05-01T12:00:00Z",
) -> Annotation:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return create_annotation(
        3, text, start, start + len(phrase), color=color, note=note, tags=tags, now=now
    )


def seed_text(seed_page: Path) -> str:
    return seed_page.read_text(encoding="utf-8")
