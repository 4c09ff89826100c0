"""The section rules select exactly what trafilatura's XPath expressions select: on made-up
cases of every rule, and on every benchmark page as the main pass sees it."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy

import pytest
from lxml import etree
from trafilatura.baseline import basic_cleaning, html2txt
from trafilatura.settings import BASIC_CLEAN_XPATH
from trafilatura.xpaths import (
    BODY_XPATH,
    DISCARD_IMAGE_ELEMENTS,
    OVERALL_DISCARD_XPATH,
    TEASER_DISCARD_XPATH,
)

from reader.core.extract.cascade import _basic_cleaning, _options, _prepare, page_text, prune
from reader.core.extract.loader import parse_html
from reader.core.extract.section_rules import (
    FRAME_FINDERS,
    is_basic_furniture,
    is_caption,
    is_discarded_section,
    is_hidden_part,
    is_teaser,
)
from tests.unit.extract.benchmark_pages import BenchmarkPages

Element = etree._Element

CASES = """<html><body>
<div data-lp-replacement-content="">lp</div>
<p role="Navigation">role</p><span role="main">not nav</span>
<div data-component="x-MostPopularStories">popular</div>
<div id="cookie-bar" class="content">cookie id first</div>
<div class="content" id="cookie-bar">cookie id second: class read</div>
<div class="cookie" id="main">cookie class first</div>
<section id="share-bar">share id</section><section class="share-buttons">share class</section>
<list class="menu">menu</list><item id="navigation">nav id</item>
<div class="x ad y">ad</div><div class="xadx">not an ad</div>
<div class="widget-area">widget</div><div id="related-posts">related</div>
<p class="comments-title">comments title</p>
<b id="reply-3">reply id</b><b class="reply-x" id="z">reply class first: read</b>
<em style="color: red" id="hiddenbox">hidden style first: id not read</em>
<em style="color: hidden" id="box">hidden style first</em>
<em style="display: none">display none</em><em style="display:none">display none 2</em>
<i id="akismet-x">akismet</i><i class="a hidden">class hidden</i><i class="hide-me">hide</i>
<i aria-hidden="true">aria</i><i aria-hidden="false">aria kept</i>
<div class="Teaser-box">teaser</div><span id="teaser">teaser id</span>
<b class="teaser">a b is not a teaser section</b>
<div class="image-caption">caption</div><p id="caption">caption id</p>
<figure class="caption">a figure is not a caption section</figure>
<section class="plain"><div>plain</div></section>
</body></html>"""

BASIC_CASES = """<html><body><p>text</p>
<aside>aside</aside> tail <footer>footer</footer><script>x</script><style>y</style>
<svg><g>svg</g></svg><template>t</template><fencedframe></fencedframe>
<div class="site-footer">footer class</div><div id="footer" class="main">id first</div>
<div class="main" id="footer">class first: kept</div><p class="footer">a p is kept</p>
<p class="CookieBanner">cookie banner, any case</p><section id="onetrust-sdk">vendor</section>
<div class="cookies-not-set">bare cookie: kept</div>
<div class="footer"><div class="cookie-notice">nested</div></div> last tail
</body></html>"""

FRAMES = [
    ('<div class="entry">e</div><article class="post">p</article>', 0),
    ('<span class="post">no</span><section id="entry-content">e</section>', 0),
    ('<main itemprop="articleBody">m</main>', 0),
    ("<div><article>a</article></div>", 1),
    ('<div class="FullText">f</div>', 2),
    ('<section id="primary-col">p</section><div role="article">r</div>', 2),
    ('<div class="content">c</div>', 3),
    ('<div id="Main-Content">c</div><div class="x Page-content">p</div>', 3),
    ('<div class="mainbar">m</div><main>m</main>', 4),
    ('<section role="main-x">m</section>', 4),
    ('<p class="main">no</p><div>nothing</div>', None),
]


def _selected(tree: Element, expressions: list[etree.XPath]) -> set[Element]:
    return {element for expression in expressions for element in expression(tree)}


RULES: list[tuple[Callable[[Element], bool], list[etree.XPath]]] = [
    (is_discarded_section, OVERALL_DISCARD_XPATH[:1]),
    (is_hidden_part, OVERALL_DISCARD_XPATH[1:]),
    (is_teaser, TEASER_DISCARD_XPATH),
    (is_caption, DISCARD_IMAGE_ELEMENTS),
]


def _check_rules(tree: Element) -> list[int]:
    """Asserts each rule selects what its expressions select; returns the counts."""
    elements = list(tree.iterdescendants(etree.Element))
    counts = []
    for rule, expressions in RULES:
        theirs = _selected(tree, expressions)
        assert [e for e in elements if rule(e)] == [e for e in elements if e in theirs], rule
        counts.append(len(theirs))
    return counts


def _check_frames(tree: Element) -> list[bool]:
    found = []
    for finder, expression in zip(FRAME_FINDERS, BODY_XPATH, strict=True):
        theirs = next((s for s in expression(tree) if s is not None), None)
        assert finder(tree) is theirs, expression
        found.append(theirs is not None)
    return found


def test_each_rule_selects_what_trafilaturas_expressions_select() -> None:
    tree = parse_html(CASES)
    assert tree is not None
    # Every rule selects some case and leaves some out.
    assert _check_rules(tree) == [12, 10, 2, 2]


def _check_basic(tree: Element) -> int:
    """Asserts the basic-cleaning rule selects what its expression selects, and the page
    text is html2txt's; returns the number of selected elements."""
    body = tree.find(".//body")
    assert body is not None
    elements = list(body.iterdescendants(etree.Element))
    theirs = set(BASIC_CLEAN_XPATH(body))
    assert [e for e in elements if is_basic_furniture(e)] == [e for e in elements if e in theirs]
    assert page_text(tree) == html2txt(tree)
    # justext reads the whole page after the same cleaning.
    ours = etree.tostring(_basic_cleaning(deepcopy(tree)))
    assert ours == etree.tostring(basic_cleaning(deepcopy(tree)))
    return len(theirs)


def test_the_basic_cleaning_rule_selects_what_trafilaturas_expression_selects() -> None:
    tree = parse_html(BASIC_CASES)
    assert tree is not None
    assert _check_basic(tree) == 13
    assert "last tail" in page_text(tree) and "kept" in page_text(tree)


@pytest.mark.parametrize(("html", "expected"), FRAMES)
def test_each_frame_finder_finds_trafilaturas_frame(html: str, expected: int | None) -> None:
    tree = parse_html(f"<html><body>{html}<p>text</p></body></html>")
    assert tree is not None
    found = _check_frames(tree)
    first = found.index(True) if any(found) else None
    assert first == expected


def test_every_benchmark_page_is_read_as_trafilatura_reads_it(
    benchmark_pages: BenchmarkPages,
) -> None:
    selected = [0, 0, 0, 0, 0]
    frames = [0] * len(FRAME_FINDERS)
    for _, tree in benchmark_pages():
        # html2txt reads the page after the page-level pruning, before tag conversion.
        pruned = prune(tree)
        selected[-1] += _check_basic(pruned)
        # The main pass reads the page after the page-level pruning and tag conversion
        # (balanced mode here; test_content_pass compares the recall mode's results).
        prepared = _prepare(pruned, _options(None), None)
        counts = [*_check_rules(prepared), 0]
        found = _check_frames(prepared)
        selected = [a + b for a, b in zip(selected, counts, strict=True)]
        frames = [a + b for a, b in zip(frames, found, strict=True)]
    # Not a vacuous comparison: every rule and every frame expression applies on real pages.
    assert min(selected) >= 20 and min(frames) >= 20, (selected, frames)
