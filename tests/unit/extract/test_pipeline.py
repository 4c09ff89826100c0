"""extract_page on a small made-up article and on inputs that are not articles."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.errors import ImportRejected, NotAnArticle
from reader.core.extract.pipeline import EXTRACTOR_VERSION, extract_page
from reader.core.model import BlockKind, ExtractedArticle, SavedPage

DATA = Path(__file__).resolve().parents[2] / "data" / "extract"


def _html(content: bytes | str, url: str | None = None) -> SavedPage:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return SavedPage(content=data, media_type="text/html", source_format="html", url=url)


def _text(content: str) -> SavedPage:
    return SavedPage(content=content.encode("utf-8"), media_type="text/plain", source_format="text")


@pytest.fixture(scope="module")
def article() -> ExtractedArticle:
    return extract_page(_html((DATA / "article.html").read_bytes()))


def _texts(article: ExtractedArticle, kind: BlockKind) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks if b.kind is kind]


def test_metadata_and_sources(article: ExtractedArticle) -> None:
    assert article.title == "Glaciers in the Alps lose a tenth of their ice"
    assert article.authors == ("Anna Berger", "Luca Rossi")
    assert article.published == "2023-09-28"
    assert article.modified == "2023-09-29"
    assert article.site == "Mountain Post"
    assert article.url == "https://mountainpost.example/2023/09/28/glaciers-alps"
    assert article.language == "en"
    assert "glaciers" in article.keywords
    assert article.metadata_sources["published"] == "json-ld"
    assert article.metadata_sources["url"] == "link:canonical"
    assert article.extractor_version == EXTRACTOR_VERSION


def test_structure_is_kept(article: ExtractedArticle) -> None:
    assert _texts(article, BlockKind.HEADING) == ["Measurements on the ice"]
    assert len(_texts(article, BlockKind.LIST_ITEM)) == 3
    assert _texts(article, BlockKind.TABLE_ROW) == [
        "Year | Volume lost",
        "2022 | 6 percent",
        "2023 | 4 percent",
    ]
    assert _texts(article, BlockKind.QUOTE)[0].startswith('"We have never seen')
    assert _texts(article, BlockKind.PREFORMATTED) == ["volume_2021 = 100\nvolume_2023 = 90"]


def test_figure_becomes_image_then_caption_and_credit(article: ExtractedArticle) -> None:
    kinds = [b.kind for b in article.blocks]
    image_index = kinds.index(BlockKind.IMAGE)
    assert kinds[image_index + 1] is BlockKind.CAPTION
    assert article.blocks[image_index].source == "/images/rhone-glacier.jpg"
    assert _texts(article, BlockKind.CAPTION) == [
        "Blankets cover parts of the Rhone glacier to slow the melting."
    ]
    assert any("Jane Photographer" in credit for credit in article.credits)
    assert "Jane Photographer" not in article.text


def test_boilerplate_and_sign_off_are_not_text(article: ExtractedArticle) -> None:
    for unwanted in (
        "Share on",
        "Most read",
        "All rights reserved",
        "About us",
        "mb/ab",
        "By Anna",
    ):
        assert unwanted not in article.text
    assert "mb/ab (Reuters, dpa)" in article.credits
    assert not article.text.startswith(article.title or "-")


def test_text_is_the_join_of_blocks(article: ExtractedArticle) -> None:
    assert "\n\n".join(article.text[b.start : b.end] for b in article.blocks) == article.text


@pytest.mark.parametrize(
    "page",
    [
        _text(""),
        _text("User-agent: *\nDisallow: /private\nSitemap: https://example.org/sitemap.xml\n"),
        _html(""),
        _html(
            '<html><head><meta http-equiv="refresh" content="0; url=https://example.org/"></head></html>'
        ),
        _html(
            "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"
        ),
        _html(
            "<html><body><ul>"
            + "".join(f'<li><a href="/p{i}">Page number {i}</a></li>' for i in range(40))
            + "</ul></body></html>"
        ),
    ],
    ids=["empty-text", "robots", "empty-html", "redirect", "error-page", "link-list"],
)
def test_not_an_article(page: SavedPage) -> None:
    with pytest.raises(NotAnArticle):
        extract_page(page)


def test_a_short_notice_with_a_list_of_services_is_an_article() -> None:
    services = ["Building permits", "Contractor licensing", "Inspections", "Plan review"]
    page = _html(
        "<html><body><nav><a href='/'>Home</a></nav><main><h1>Department Function</h1>"
        "<p>The department promotes public safety by enforcing building standards.</p><ul>"
        + "".join(f"<li>{name} for homes and businesses</li>" for name in services * 2)
        + "</ul></main></body></html>"
    )
    article = extract_page(page)
    assert "Contractor licensing for homes and businesses" in article.text


def test_binary_input_is_rejected_with_a_one_line_message() -> None:
    with pytest.raises(ImportRejected) as caught:
        extract_page(_html(bytes(range(256)) * 100))
    assert "\n" not in str(caught.value)
    assert not isinstance(caught.value, NotAnArticle)


PARAGRAPH = (
    "<p>" + "This sentence is part of a long enough paragraph for an article body. " * 6 + "</p>"
)


def test_deep_nesting_is_survived() -> None:
    page = "<html><body>" + "<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000 + "</body></html>"
    # Either outcome is fine; what matters is returning at all, with a contract error.
    with contextlib.suppress(NotAnArticle):
        extract_page(_html(page))


def test_huge_attribute_is_survived() -> None:
    huge = "x" * 20_000_000
    page = f'<html><body><article><p title="{huge}">hi</p>{PARAGRAPH * 3}</article></body></html>'
    article = extract_page(_html(page))
    assert "long enough paragraph" in article.text


def test_plain_text_that_is_html_is_read_as_html() -> None:
    page = _text(
        "<!DOCTYPE html><html><body><article><h1>A title here</h1>"
        f"{PARAGRAPH * 3}</article></body></html>"
    )
    article = extract_page(page)
    assert "<p>" not in article.text
    assert "long enough paragraph" in article.text


def test_code_inside_a_list_item_leaves_no_marker() -> None:
    page = (
        f"<html><body><article><h1>Code in lists</h1>{PARAGRAPH}"
        "<ol><li>Install it:<pre>pip install thing\npip check</pre></li><li>Run it</li></ol>"
        f"{PARAGRAPH}</article></body></html>"
    )
    article = extract_page(_html(page))
    assert "\ue001" not in article.text
    assert "pip install thing" in article.text


@settings(max_examples=60, deadline=None)
@given(
    content=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=2000).map(lambda text: text.encode("utf-8")),
        st.lists(
            st.sampled_from(
                [
                    "<div>",
                    "</div>",
                    "<p>",
                    "</p>",
                    "<table><tr><td>",
                    "<pre>",
                    "<li>",
                    "<figure><img src='a.jpg'>",
                    "<figcaption>",
                    "word ",
                    "Skip to ",
                    "Image: AFP ",
                    "\n\n",
                    "<h1>",
                    "<script>",
                    "&amp;",
                    "\x00",
                ]
            ),
            max_size=200,
        ).map(lambda parts: "".join(parts).encode("utf-8")),
    ),
    media_type=st.sampled_from(["text/html", "text/plain"]),
)
def test_any_input_gives_an_article_or_a_contract_error(content: bytes, media_type: str) -> None:
    page = SavedPage(content=content, media_type=media_type, source_format="html")
    try:
        article = extract_page(page)
    except ImportRejected:
        return
    assert "\n\n".join(article.text[b.start : b.end] for b in article.blocks) == article.text


def test_a_long_title_is_not_repeated_as_the_first_block() -> None:
    title = "A rather long headline that runs on for many more words than a short one would"
    page = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{PARAGRAPH * 3}"
    )
    page += "</article></body></html>"
    article = extract_page(_html(page))
    assert article.title == title
    assert not article.text.startswith(title)


def test_a_byline_name_wins_over_a_user_name_in_the_meta_tags() -> None:
    paragraph = (
        "<p>" + "The council met on Tuesday to discuss the budget for schools. " * 6 + "</p>"
    )
    page_html = (
        '<html><head><title>Budget news</title><meta name="author" content="jdoe42"></head>'
        '<body><article><h1>Council passes the budget</h1><p class="byline">By Jane Doe</p>'
        f"{paragraph}{paragraph}</article></body></html>"
    )
    page = SavedPage(content=page_html.encode(), media_type="text/html", source_format="html")
    assert extract_page(page).authors == ("Jane Doe",)


def test_an_article_by_label_names_the_author_in_the_next_element() -> None:
    paragraph = "<p>" + "The river rose two metres overnight after the storm. " * 6 + "</p>"
    page_html = (
        "<html><head><title>Flood</title></head><body><article><h1>The river rises</h1>"
        f"{paragraph}{paragraph}</article><section><h2>Article by</h2><div>Jane Doe</div>"
        "</section></body></html>"
    )
    page = SavedPage(content=page_html.encode(), media_type="text/html", source_format="html")
    assert extract_page(page).authors == ("Jane Doe",)
