"""The text around the headline, where pages print their dateline and byline.

The body's text pieces (text nodes) in document order, page furniture skipped (see
``furniture``), located relative to the first ``<h1>`` outside it. Readers look there
for "By Jane Doe · Dec 18, 2025"; the same words elsewhere (menus, related articles,
comments) belong to something else. The walk stops once the window after the headline is
filled, so its cost does not grow with the length of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from reader.core.extract.furniture import is_furniture

# How far from the headline a dateline or byline may sit, in text pieces.
_AFTER_HEADLINE = 60
_BEFORE_HEADLINE = 30
# Without a headline, the body's first text pieces are read instead.
_WITHOUT_HEADLINE = 120
_MAX_ELEMENTS = 20_000


@dataclass(frozen=True)
class NearHeadline:
    """Text pieces around the headline and the order to read them in.

    ``groups`` holds index ranges into ``pieces``: the pieces after the headline (nearest
    first), then those before it (nearest first); or, on a page without a headline, the
    body's first pieces.
    """

    pieces: list[str]
    groups: list[range]

    def previous(self, index: int) -> str:
        """The piece before ``index`` in document order ("" for the first)."""
        return self.pieces[index - 1] if index > 0 else ""


def _walk(body: HtmlElement) -> tuple[list[str], int | None]:
    has_headline = body.find(".//h1") is not None
    pieces: list[str] = []
    headline: int | None = None
    # Iterative walk over (element, tail_only); skipped furniture still gives its tail.
    stack: list[tuple[HtmlElement, bool]] = [(body, False)]
    visited = 0
    while stack and visited < _MAX_ELEMENTS:
        if headline is not None and len(pieces) > headline + _AFTER_HEADLINE:
            break
        if not has_headline and len(pieces) >= _WITHOUT_HEADLINE:
            break
        element, tail_only = stack.pop()
        visited += 1
        if tail_only:
            if element.tail and element.tail.strip():
                pieces.append(element.tail.strip())
            continue
        if element.tag == "h1" and headline is None:
            headline = len(pieces)
        if element.text and element.text.strip():
            pieces.append(element.text.strip())
        for child in reversed(element):
            if isinstance(child.tag, str):
                stack.append((child, True))
                if not is_furniture(child):
                    stack.append((child, False))
    return pieces, headline


def near_headline(tree: HtmlElement) -> NearHeadline:
    """Reads the text pieces around the first headline of the page (tree not modified)."""
    body = tree.find("body")
    if body is None:
        return NearHeadline([], [])
    pieces, headline = _walk(body)
    if headline is None:
        return NearHeadline(pieces, [range(min(len(pieces), _WITHOUT_HEADLINE))])
    # The headline's own text is the first piece "after" it; it is rarely a dateline or a
    # byline, and reading it costs nothing.
    after = range(headline, min(len(pieces), headline + _AFTER_HEADLINE))
    before = range(headline - 1, max(-1, headline - 1 - _BEFORE_HEADLINE), -1)
    return NearHeadline(pieces, [after, before])


class LazyNearHeadline:
    """Reads the text around the headline once, on first use, for the stages that share it
    (datelines, bylines)."""

    def __init__(self, tree: HtmlElement) -> None:
        self._tree = tree
        self._near: NearHeadline | None = None

    def get(self) -> NearHeadline:
        """The text pieces around the headline (read on the first call)."""
        if self._near is None:
            self._near = near_headline(self._tree)
        return self._near
