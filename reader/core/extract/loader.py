"""Bytes to text and text to tree: the only place that decides an input's encoding.

Order of evidence for HTML: a byte-order mark, then the charset declared by the container
(HTTP header, MIME part), then the document's own ``<meta charset>`` or http-equiv, then
a statistical guess (charset-normalizer). A declaration is only trusted when the bytes
decode under it without errors; otherwise the next piece of evidence is tried, so that a
wrong header never turns a UTF-8 page into mojibake.

The parsed tree comes from lxml's forgiving HTML parser. libxml2 caps nesting depth (256)
and drops oversized attributes, which is what keeps hostile pages from hanging us.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

from reader.core.errors import ImportRejected

# Web pages that declare Latin-1 are, per the WHATWG encoding standard, windows-1252.
_ALIASES = {
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# Only the head matters for a <meta charset>; browsers look at the first 1024 bytes,
# pages in the wild put it later, so a little more is scanned.
_META_SCAN_BYTES = 8192
_MAX_CONTROL_SHARE = 0.01
# C0 controls other than tab, line feed, form feed and carriage return.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _strict_decode(data: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = len(_BINARY_CONTROLS.findall(sample))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes, declared_charset: str | None, *, sniff_meta: bool) -> str:
    """Decodes page bytes following the module's order of evidence.

    Args:
        data: raw page bytes.
        declared_charset: charset from the container (HTTP header, MIME part), if any.
        sniff_meta: also look for an HTML ``<meta charset>`` declaration.

    Returns:
        The decoded text, without a BOM.

    Raises:
        ImportRejected: the bytes are binary or decode under no plausible charset.
    """
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(bom_codec, errors="replace")
    candidates: list[str | None] = [_codec_name(declared_charset)]
    if sniff_meta:
        match = _META_CHARSET.search(data[:_META_SCAN_BYTES])
        if match:
            candidates.append(_codec_name(match.group(1).decode("ascii", "replace")))
    # UTF-8 decodes strictly only when it is right, so it is a safe guess before statistics.
    candidates.append("utf-8")
    for codec in candidates:
        decoded = _strict_decode(data, codec)
        if decoded is not None and not _looks_binary(decoded):
            return decoded
    if b"\x00" in data[:4096]:
        raise ImportRejected("binary data, not a text or HTML page")
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise ImportRejected("cannot determine the text encoding of the page")
    text = data.decode(best.encoding, errors="replace")
    if _looks_binary(text):
        raise ImportRejected("binary data, not a text or HTML page")
    return text


def decode_html(data: bytes, declared_charset: str | None) -> str:
    """Decodes an HTML page: BOM, declared charset, ``<meta charset>``, then a guess.

    Args:
        data: raw HTML bytes.
        declared_charset: charset from the HTTP header or MIME part, if any.

    Returns:
        The page as text.

    Raises:
        ImportRejected: the bytes cannot be decoded as text.
    """
    return decode_bytes(data, declared_charset, sniff_meta=True)


def decode_text(data: bytes, declared_charset: str | None) -> str:
    """Decodes a plain-text dump (no ``<meta>`` to look at).

    Raises:
        ImportRejected: the bytes cannot be decoded as text.
    """
    return decode_bytes(data, declared_charset, sniff_meta=False)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HUGE_ATTRIBUTE_CHARS = 100_000
_HUGE_ATTRIBUTE = re.compile(r"""(=\s*)(?:"[^"]{100000,}"|'[^']{100000,}')""")
_START_TAG_OPENING = re.compile(r"<[A-Za-z][\w:.-]*\s[^<>]*")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_SET = tuple(map(chr, (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))))
# End tags of the body and the document. Browsers read on after them (whatever follows
# still goes into the body); libxml2 sometimes drops the rest of the page, which on pages
# whose templates close the document early is the whole article.
_DOCUMENT_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


# lxml.html's own parser asks a Python function for each element's class (forms and
# inputs get their own) every time an element object is created; extraction creates
# millions of them and never uses the form classes. A fixed class lookup in C makes the
# whole pipeline, trafilatura's work on our tree included, measurably cheaper.
_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement,
    comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
)


def _empty_attribute(match: re.Match[str]) -> str:
    """Empties a huge quoted value that stands inside a start tag; leaves anything else.

    A quoted stretch of a script ("'&u='+encodeURIComponent(...)") can run on for more
    than 100,000 characters into the body; it is no attribute, and emptying it would cut
    the page. Inside a tag means: what follows the last "<" before it is a tag name and
    attributes.
    """
    before = match.string.rfind("<", 0, match.start())
    if before < 0 or not _START_TAG_OPENING.fullmatch(match.string, before, match.start()):
        return match.group(0)
    return match.group(1) + '""'


def parse_html(text: str) -> HtmlElement | None:
    """Parses HTML text into an lxml tree, or returns None when nothing parses.

    Comments and processing instructions are dropped at parse time: they are never content.
    """
    # lxml refuses str input that carries an encoding declaration.
    text = _XML_DECLARATION.sub("", text, count=1)
    # libxml2 stops at a NUL character and rejects other C0 controls in str input.
    # Looked for first: a few scans for single characters cost a third of the expression's
    # scan, and nearly no page has any.
    if any(character in text for character in _CONTROL_SET):
        text = _CONTROL_CHARACTERS.sub("", text)
    text = _DOCUMENT_END_TAGS.sub("", text)
    if len(text) > _HUGE_ATTRIBUTE_CHARS:
        # libxml2 silently drops the rest of the document after an attribute value over
        # 10 MB (inlined data: images of SingleFile pages reach that); such values are
        # never text, so they are emptied first.
        text = _HUGE_ATTRIBUTE.sub(_empty_attribute, text)
    if not text.strip():
        return None
    # A parser per call: lxml parsers must not be shared between threads. The text goes
    # in as UTF-8 bytes with the encoding fixed (a ``<meta charset>`` in the page does not
    # count: the text is already decoded): libxml2 parses bytes a third faster than str,
    # which lxml hands it in another form (measured: 3.0 against 2.0 ms a page).
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    try:
        return lxml_html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None
