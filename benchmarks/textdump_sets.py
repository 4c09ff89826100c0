"""Text-dump renderings of benchmark pages: how pages look when saved or copied as text.

Three renderings of the whole page (navigation, footer and all), each a way users end up
with text dumps:

- ``html2text``: Markdown-ish text, as saved by note-taking and "save as Markdown" tools
  (headings with ``#``, list markers, links flattened, no hard wrapping);
- ``inscriptis``: layout-preserving text, as from text-mode browsers (``lynx -dump``);
- ``copy``: the visible text of the page the way "select all, copy" puts it on the
  clipboard: one line per block element, a blank line after paragraphs and headings,
  no list markers, table cells separated by tabs, scripts and hidden elements left out,
  and the line breaks of the page's source laid out as spaces (but in ``<pre>``).

The renderers are used only by ``benchmarks/extraction.py`` and
``scripts/train_textdump.py``. Rendering a page costs far more than cleaning the dump, so
``cached_render`` keeps the renderings on disk, keyed by what decides them: the renderer,
its version, this module's source and the page's HTML.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import tempfile
from importlib.metadata import version
from pathlib import Path

import html2text
from inscriptis import get_text
from lxml import html as lxml_html

_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li", "main", "nav",
    "ol", "pre", "section", "summary", "table", "tr", "ul", "br", "option",
}  # fmt: skip
_SPACED_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol"}
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "select"}
# Buttons are left out like other controls, unless the parser nested page content in one
# (an unclosed <div> inside a <button> puts the rest of the page inside it).
_BUTTON_MAX_CHARS = 200
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SOURCE_BREAKS = re.compile(r"[\r\n]+")


def render_html2text(page: str) -> str:
    """Whole-page Markdown-style text, without hard wrapping or link targets."""
    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_links = True
    converter.ignore_images = False
    converter.ignore_emphasis = False
    return converter.handle(page)


def render_inscriptis(page: str) -> str:
    """Whole-page layout text, as a text-mode browser would dump it."""
    return get_text(page)


def render_copy(page: str) -> str:
    """Whole-page visible text as "select all, copy" would put it on the clipboard."""
    tree = lxml_html.document_fromstring(page)
    parts: list[str] = []
    _walk(tree, parts)
    text = "".join(parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _walk(element: lxml_html.HtmlElement, parts: list[str], pre: bool = False) -> None:
    """Appends the visible text of ``element`` and its tail. Line breaks of the page's
    source are spaces, as a browser lays text out (``white-space: normal``), except
    inside ``<pre>``."""

    def add(text: str | None, keep_lines: bool) -> None:
        if text:
            parts.append(text if keep_lines else _SOURCE_BREAKS.sub(" ", text))

    if not isinstance(element.tag, str):
        # Comments and processing instructions: not visible, but their tail is.
        add(element.tail, pre)
        return
    tag = element.tag
    if (
        tag in _SKIP
        or (tag == "button" and len(element.text_content()) <= _BUTTON_MAX_CHARS)
        or element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or _HIDDEN_STYLE.search(element.get("style") or "")
    ):
        add(element.tail, pre)
        return
    inside = pre or tag == "pre"
    if tag in _BLOCKS or tag in _SPACED_BLOCKS:
        parts.append("\n")
    if tag == "img" and element.get("alt"):
        parts.append(element.get("alt") or "")
    if tag in ("td", "th"):
        parts.append("\t")
    add(element.text, inside)
    for child in element:
        _walk(child, parts, inside)
    if tag in _SPACED_BLOCKS:
        parts.append("\n\n")
    elif tag in _BLOCKS:
        parts.append("\n")
    add(element.tail, pre)


RENDERERS = {
    "html2text": render_html2text,
    "inscriptis": render_inscriptis,
    "copy": render_copy,
}


@functools.cache
def renderer_version(renderer: str) -> str:
    """What decides a renderer's output besides the page: the library's version (and
    lxml's for the copy renderer) and this module's source (settings, the copy walk)."""
    library = {"html2text": "html2text", "inscriptis": "inscriptis", "copy": "lxml"}[renderer]
    source = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]
    return f"{library}-{version(library)}-{source}"


def cached_render(renderer: str, page_id: str, html: bytes, cache: Path | None) -> str:
    """The page rendered by ``renderer``, read from ``cache`` when rendered before.

    Args:
        renderer: a key of ``RENDERERS``.
        page_id: the page's id (names the file, so that a cache folder can be browsed).
        html: the page as stored (UTF-8; undecodable bytes are replaced).
        cache: the cache folder; None renders every time.

    Returns:
        The dump. A changed page, renderer or renderer version gets a new entry; old
        entries are never read again (delete the folder to reclaim the space).
    """
    if cache is None:
        return RENDERERS[renderer](html.decode("utf-8", "replace"))
    digest = hashlib.sha1(html).hexdigest()[:16]
    path = cache / renderer_version(renderer) / renderer / f"{page_id}-{digest}.txt"
    try:
        # Bytes decoded as written: a text-mode read would turn "\r\n" into "\n".
        return path.read_bytes().decode("utf-8", "surrogatepass")
    except FileNotFoundError:
        pass
    dump = RENDERERS[renderer](html.decode("utf-8", "replace"))
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed: two workers may render the same page at once, and a
    # reader must never see half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        stream.write(dump.encode("utf-8", "surrogatepass"))
    os.replace(temporary, path)
    return dump
