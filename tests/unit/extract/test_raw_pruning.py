"""The page-level pruning walk removes exactly what trafilatura's XPath expressions remove:
on made-up cases of every rule, and on every benchmark page."""

from __future__ import annotations

from copy import deepcopy

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.core import _forum_thread_page
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

from reader.core.extract.loader import parse_html
from reader.core.extract.raw_pruning import is_comment_section, is_raw_furniture, prune_page
from tests.unit.extract.benchmark_pages import BenchmarkPages

CASES = """<html><body>
<div id="comments">first comment section</div> tail one
<div class="comment-list">by class</div>
<div id="commentary">commentary is an article part</div>
<div class="Commentary-box">also kept</div>
<section class="post-comments">post comments</section>
<details id="dsq-comments">disqus</details>
<div id="disqus_thread">disqus thread</div>
<ul id="disqus_thread"><li>a list with a disqus id is kept</li></ul>
<ol id="comment-3"><li>a list with a comment id goes</li></ol>
<ul class="comments x"><li>a list with a comment class goes</li></ul>
<ul class="x comments"><li>"comments" not at the start: kept</li></ul>
<p id="comments">a paragraph is never a comment section</p>
<list id="comol">trafilatura's own list tag</list>
<div id="x-comol">comol in an id, not at the start: kept</div>
<div class="infinite-scroll"><p>follow-up articles</p></div> tail two
<div class="infinite-scroll"><h1>The article</h1><p>kept: it holds the h1</p></div>
<div id="infinitescroll"><p>by id</p></div>
<div class="mvp-post-add-box"><h1>Another</h1><p>appended post, h1 or not</p></div>
<aside id="mvp-post-add-wrap"><p>aside</p></aside>
<span class="infinite-scroll">a span is never furniture here</span>
<section class="a elementor-share-buttons b">share</section>
<span class="elementor-share-buttons">a span with share buttons is kept</span>
<div class="outer-comments"><div id="comments"><p>nested</p></div></div>
<div id="comments"><ul class="comments"><li>nested list</li></ul></div> tail three
<div><p>text</p><div class="comment-body">first child</div> tail four</div>
</body></html>"""


def _trafilatura_pruned(tree: HtmlElement) -> HtmlElement:
    """What trafilatura's own expressions leave (``cascade.prune`` before the walk)."""
    pruned = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
    if not _forum_thread_page(tree):
        pruned = prune_unwanted_nodes(pruned, REMOVE_COMMENTS_AND_LISTS_XPATH)
    return pruned


def _selected(tree: HtmlElement, expressions: list[etree.XPath]) -> list[HtmlElement]:
    return [element for expression in expressions for element in expression(tree)]


def test_each_rule_selects_what_trafilaturas_expressions_select() -> None:
    tree = parse_html(CASES)
    assert tree is not None
    elements = list(tree.iterdescendants())
    furniture = _selected(tree, RAW_TREE_PRUNE_XPATH)
    comments = _selected(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
    assert [e for e in elements if is_raw_furniture(e)] == [e for e in elements if e in furniture]
    assert [e for e in elements if is_comment_section(e)] == [e for e in elements if e in comments]
    # The cases cover both outcomes of every rule.
    assert len(furniture) == 5 and len(comments) == 12


def test_the_pruned_page_is_trafilaturas_tails_included() -> None:
    tree = parse_html(CASES)
    assert tree is not None
    ours = prune_page(deepcopy(tree))
    theirs = _trafilatura_pruned(deepcopy(tree))
    assert etree.tostring(ours) == etree.tostring(theirs)
    text = ours.text_content()
    for kept in ("tail one", "tail two", "tail three", "tail four", "kept: it holds the h1"):
        assert kept in text
    assert "first comment section" not in text and "follow-up articles" not in text


def test_a_forum_thread_keeps_its_comment_sections() -> None:
    forum = CASES.replace(
        "<body>",
        '<body><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>',
    )
    tree = parse_html(forum)
    assert tree is not None
    ours = prune_page(deepcopy(tree))
    assert etree.tostring(ours) == etree.tostring(_trafilatura_pruned(deepcopy(tree)))
    assert "first comment section" in ours.text_content()


def test_every_benchmark_page_is_pruned_as_trafilatura_prunes_it(
    benchmark_pages: BenchmarkPages,
) -> None:
    changed = 0
    for name, tree in benchmark_pages():
        # (Both on copies: a copied root serialises its attributes in another order.)
        before = etree.tostring(deepcopy(tree))
        theirs = etree.tostring(_trafilatura_pruned(deepcopy(tree)))
        assert etree.tostring(prune_page(deepcopy(tree))) == theirs, name
        changed += theirs != before
    # Not a vacuous comparison: the rules remove something on many real pages.
    assert changed >= 20, changed
