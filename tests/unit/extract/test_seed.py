"""The project's seed page (a text dump): exact metadata and a clean body."""

from __future__ import annotations

from pathlib import Path

from reader.core.extract.pipeline import EXTRACTOR_VERSION, extract_page
from reader.core.model import BlockKind, ExtractedArticle, SavedPage


def _extract(seed_page: Path) -> ExtractedArticle:
    page = SavedPage(content=seed_page.read_bytes(), media_type="text/plain", source_format="text")
    return extract_page(page)


def test_seed_metadata(seed_page: Path) -> None:
    article = _extract(seed_page)
    assert article.title == "Taliban attack provincial capital amid US pullout"
    assert article.published == "2021-07-07"
    assert "ipj/dj (AP, Reuters, AFP)" in article.credits
    assert any("AFP/Getty Images" in credit for credit in article.credits)
    assert article.extractor_version == EXTRACTOR_VERSION


def test_seed_body_is_clean(seed_page: Path) -> None:
    article = _extract(seed_page)
    body_kinds = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.QUOTE, BlockKind.LIST_ITEM)
    body = "\n".join(
        article.text[block.start : block.end]
        for block in article.blocks
        if block.kind in body_kinds
    )
    # The alt-text line may survive only as an image block's text, never as body text.
    assert "A column of dark smoke" not in body
    assert "Skip to" not in article.text
    assert "ipj/dj" not in article.text
    assert "Image: AFP/Getty Images" not in article.text
    assert not article.text.startswith(article.title or "-")
    assert "Taliban fighters have launched an assault" in body
    assert "Afghanistan had flown home 280 of its servicemen" in body


def test_seed_caption_is_a_caption_block(seed_page: Path) -> None:
    article = _extract(seed_page)
    captions = [
        article.text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.CAPTION
    ]
    assert captions == ["Smoke rises over Qala-e-Naw during a Taliban assault Wednesday"]
    paragraphs = [
        article.text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.PARAGRAPH
    ]
    assert not any("Smoke rises over" in text for text in paragraphs)


def test_seed_headings(seed_page: Path) -> None:
    article = _extract(seed_page)
    headings = [
        article.text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.HEADING
    ]
    assert "Iran hosts surprise talks" in headings
    assert "Hundreds of pro-government fighters pushed into Tajikistan" in headings


def test_seed_blocks_tile_the_text(seed_page: Path) -> None:
    article = _extract(seed_page)
    rebuilt = "\n\n".join(article.text[b.start : b.end] for b in article.blocks)
    assert rebuilt == article.text
