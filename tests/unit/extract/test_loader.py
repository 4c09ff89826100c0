"""Decoding: BOM, declared charset, <meta charset>, statistical guess; no mojibake."""

from __future__ import annotations

import codecs
from copy import deepcopy

import pytest
from lxml.html import HtmlElement

from reader.core.errors import ImportRejected
from reader.core.extract.loader import decode_html, decode_text, parse_html

PAGE = "<html><head>{meta}</head><body><p>Größe café naïve “quoted” – ok</p></body></html>"
EXPECTED = "Größe café naïve “quoted” – ok"


def test_bom_wins_over_a_wrong_declaration() -> None:
    data = codecs.BOM_UTF8 + PAGE.format(meta="").encode("utf-8")
    assert EXPECTED in decode_html(data, "iso-8859-1")


def test_utf16_with_bom() -> None:
    data = codecs.BOM_UTF16_LE + PAGE.format(meta="").encode("utf-16-le")
    assert EXPECTED in decode_html(data, None)


def test_declared_charset_is_used() -> None:
    data = PAGE.format(meta="").encode("cp1252")
    assert EXPECTED in decode_html(data, "windows-1252")


def test_meta_charset_is_used_without_a_declaration() -> None:
    data = PAGE.format(meta='<meta charset="windows-1252">').encode("cp1252")
    assert EXPECTED in decode_html(data, None)


def test_http_equiv_charset() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    data = PAGE.format(meta=meta).replace("“quoted” – ", "").encode("latin-1")
    assert "Größe café naïve" in decode_html(data, None)


def test_wrong_declaration_does_not_make_mojibake_of_utf8() -> None:
    # A UTF-8 page served as Latin-1 would show "GrÃ¶ÃŸe"; the declaration fails strict
    # decoding of multi-byte sequences only for some encodings, so check the output.
    data = PAGE.format(meta='<meta charset="utf-8">').encode("utf-8")
    assert EXPECTED in decode_html(data, "utf-8")
    assert "Ã" not in decode_html(data, None)


def test_undeclared_legacy_encoding_is_guessed() -> None:
    text = "Привет, как дела? Это простой русский текст для проверки. " * 20
    data = f"<html><body><p>{text}</p></body></html>".encode("cp1251")
    assert "Привет, как дела?" in decode_html(data, None)


def test_binary_data_is_rejected() -> None:
    with pytest.raises(ImportRejected):
        decode_text(bytes(range(256)) * 50, None)


def test_parse_html_survives_nul_and_xml_declaration() -> None:
    tree = parse_html(
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>a\x00b</p></body></html>'
    )
    assert tree is not None
    assert tree.findtext(".//p") == "ab"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="iso-8859-1">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        '<meta charset="utf-16">',
    ],
)
def test_parsing_decoded_text_ignores_the_pages_own_charset_declaration(meta: str) -> None:
    tree = parse_html(PAGE.format(meta=meta))
    assert tree is not None
    assert tree.findtext(".//p") == EXPECTED


def test_parse_html_keeps_text_that_is_not_valid_unicode_readable() -> None:
    # A lone surrogate (from a broken escape) cannot be encoded: it is replaced, the rest
    # of the page is kept.
    tree = parse_html("<html><body><p>before \ud800 after</p><p>next</p></body></html>")
    assert tree is not None
    assert [p.text_content() for p in tree.iter("p")] == ["before ? after", "next"]


def test_parse_html_of_blank_text_is_none() -> None:
    assert parse_html("   \n") is None


def test_every_element_of_a_parsed_page_is_a_plain_html_element() -> None:
    # The fixed class lookup: forms and inputs too, and copies keep it.
    tree = parse_html(
        "<html><body><form><input name='q'><select></select></form><p>x</p></body></html>"
    )
    assert tree is not None
    assert {type(element) for element in tree.iter()} == {HtmlElement}
    assert {type(element) for element in deepcopy(tree).iter()} == {HtmlElement}
    assert tree.find(".//p").text_content() == "x"


def test_a_long_quoted_stretch_of_a_script_is_not_taken_for_an_attribute() -> None:
    # From a real page: from the quote after "&r=" to the next apostrophe of the page is
    # more than 100,000 characters, none of it an attribute.
    script = "<script>send('&u=' + url + '&r=' + Math.random());</script>"
    body = "<p>Body text</p>" + "<p>More words</p>" * 10_000 + "<p>It's the end</p>"
    tree = parse_html(f"<html><head>{script}</head><body>{body}</body></html>")
    assert tree is not None
    assert tree.find(".//p").text_content() == "Body text"


def test_a_huge_attribute_inside_a_tag_is_emptied_and_the_rest_of_the_page_kept() -> None:
    image = "data:image/png;base64," + "A" * 150_000
    tree = parse_html(
        f'<html><body><p>First</p><img src="{image}" alt="x"><p>Last</p></body></html>'
    )
    assert tree is not None
    assert [p.text for p in tree.iter("p")] == ["First", "Last"]
    assert tree.find(".//img").get("src") == ""


def test_markup_after_an_early_document_end_is_still_read() -> None:
    # Templates that close the document after the header and print the article after it:
    # browsers show the article, so the tree must hold it.
    page = (
        "<html><body><header><a href='/'>Home</a></header></body></html>\n"
        "<div class='post'><h1>Headline</h1><p>The article's first paragraph.</p></div>"
        "<footer>Footer</footer></body></html>"
    )
    tree = parse_html(page)
    assert tree is not None
    body = tree.find("body")
    assert body is not None
    assert "The article's first paragraph." in body.text_content()
    assert [child.tag for child in tree] == ["body"]


def test_the_control_characters_looked_for_are_those_the_parser_input_loses() -> None:
    from reader.core.extract.loader import _CONTROL_CHARACTERS, _CONTROL_SET

    matched = [chr(code) for code in range(0x3000) if _CONTROL_CHARACTERS.fullmatch(chr(code))]
    assert list(_CONTROL_SET) == matched
