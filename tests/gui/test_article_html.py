"""The article HTML is ours: escaped text, no markup or URLs from the page."""

from __future__ import annotations

from reader.core.model import Article, Block, BlockKind, ExtractedArticle, Provenance
from reader.ui.article_html import RESOURCE_SCHEME, render_article


def _article(text: str, blocks: tuple[Block, ...], url: str | None = None) -> Article:
    provenance = Provenance(
        "0" * 64, "page.html", "html", "", url, None, None, "2024-01-01T00:00:00Z"
    )
    extracted = ExtractedArticle(text=text, blocks=blocks, title="<b>Title</b>", url=url)
    return Article(1, extracted, provenance, "1" * 64)


def test_text_that_looks_like_markup_is_escaped() -> None:
    text = '<script>alert(1)</script> <img src="https://evil.example/x.png" onerror="x()">'
    rendered = render_article(_article(text, (Block(BlockKind.PARAGRAPH, 0, len(text)),)))
    assert "<script>" not in rendered.html
    assert '<img src="https://' not in rendered.html
    assert "&lt;script&gt;" in rendered.html
    assert "&lt;b&gt;Title&lt;/b&gt;" in rendered.html


def test_images_use_archive_names_and_segments_cover_the_text() -> None:
    text = "Heading\n\nA | B\n\nalt text\n\nitem"
    blocks = (
        Block(BlockKind.HEADING, 0, 7, level=2),
        Block(BlockKind.TABLE_ROW, 9, 14),
        Block(BlockKind.IMAGE, 16, 24, source="https://remote.example/pic.png"),
        Block(BlockKind.LIST_ITEM, 26, 30, level=1),
    )
    rendered = render_article(_article(text, blocks))
    assert "https://remote.example" not in rendered.html
    assert list(rendered.images.values()) == ["https://remote.example/pic.png"]
    assert all(name.startswith(f"{RESOURCE_SCHEME}:") for name in rendered.images)
    covered = "".join(text[s.start : s.end] for s in rendered.segments)
    assert covered == "HeadingABalt textitem"  # cells are separate runs; separators are layout


def test_saved_url_goes_through_our_own_scheme() -> None:
    text = "Body"
    rendered = render_article(
        _article(text, (Block(BlockKind.PARAGRAPH, 0, 4),), url="https://news.example/a")
    )
    assert 'href="saved-url:https://news.example/a"' in rendered.html


def test_images_missing_from_the_archive_are_described_not_requested() -> None:
    text = "A turbine under tow"
    blocks = (Block(BlockKind.IMAGE, 0, len(text), source="https://cdn.example/t.jpg"),)
    rendered = render_article(_article(text, blocks), available_images=set())
    assert "<img" not in rendered.html
    assert "image not saved with the page" in rendered.html
    assert "A turbine under tow" in "".join(text[s.start : s.end] for s in rendered.segments)
