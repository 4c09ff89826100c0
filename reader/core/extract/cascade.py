"""trafilatura's extraction cascade, run stage by stage so that its by-products are kept.

``bare_extraction`` runs readability-lxml (trafilatura's fork) on every page to compare it
with its own result, then throws that container away unless it wins outright. The
container is a useful second opinion on where the article starts and ends, so
``run_balanced`` runs the same stages as ``trafilatura.core.trafilatura_sequence`` in its
balanced mode (comments off, tables and formatting on, no links or images) and returns
the readability container next to the result. ``run_recall`` reuses the pruned tree for
trafilatura's recall-oriented mode, which does not need a second round of pruning.

The stages are trafilatura's own functions, called in trafilatura's order with its
thresholds; a few of them are private (underscore) helpers, which is why the dependency
on trafilatura is pinned to one minor version. Two stages are ours because trafilatura's
XPath rules were a fifth of our extraction time: the page-level pruning (``raw_pruning``)
and the main content pass (``content_pass``), each tested against trafilatura's own on
the benchmark pages (every other one in the normal test run, all with ``--stress``).
``tests/unit/extract/test_cascade.py`` checks that the result equals ``bare_extraction``'s
on real pages.
"""

from __future__ import annotations

from contextlib import suppress
from copy import copy
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.baseline import _spaced_text, baseline
from trafilatura.core import (
    ESCALATION_ACCEPT_RATIO,
    ESCALATION_JUSTEXT_RATIO,
    ESCALATION_MAX_LENGTH,
    ESCALATION_PAGE_SHARE,
)
from trafilatura.external import (
    JUSTEXT_OVERRIDE_RATIO,
    SANITIZED_XPATH,
    _prefer_readability,
    sanitize_tree,
    try_justext,
    try_readability,
)
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import Extractor
from trafilatura.utils import trim
from trafilatura.xml import delete_element

from reader.core.extract.content_pass import extract_content
from reader.core.extract.raw_pruning import prune_page
from reader.core.extract.section_rules import is_basic_furniture


@dataclass
class CascadeResult:
    """What the balanced cascade found.

    Attributes:
        body: the result ``bare_extraction`` would return (``None`` when it found nothing).
        readability: readability's container as HTML, whether or not the cascade chose
            it (``None`` when readability found no text).
        pruned: the page after trafilatura's page-level pruning, for ``run_recall``.
        escalated: True when the cascade already tried its recall-oriented retry.
    """

    body: etree._Element | None
    readability: HtmlElement | None
    pruned: HtmlElement
    escalated: bool


@lru_cache(maxsize=2)
def _template(recall: bool) -> Extractor:
    return Extractor(
        output_format="python",
        fast=recall,
        recall=recall,
        comments=False,
        formatting=True,
        links=False,
        images=False,
        tables=True,
    )


def _options(url: str | None, *, recall: bool = False) -> Extractor:
    """trafilatura's options for one run, as ``Extractor(..., url=url)`` sets them.

    Building an ``Extractor`` reads trafilatura's configuration (about 0.1 ms, and a page
    needs two or three); a copy of one built once per mode costs a tenth of that. Only
    the URL and the source derived from it differ between pages; the runs read no other
    option that depends on the day or the page (the date-search options are metadata's).
    """
    options = copy(_template(recall))
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def _prepare(tree: HtmlElement, options: Extractor, url: str | None) -> HtmlElement:
    return convert_tags(tree_cleaning(copy(tree), options), options, url)


def _cleaned(tree: HtmlElement, options: Extractor) -> HtmlElement:
    """The cleaned page before tag conversion, which justext reads (only a few pages)."""
    return tree_cleaning(copy(tree), options)


def _compare(
    pruned: HtmlElement,
    body: etree._Element,
    text: str,
    options: Extractor,
    algo: HtmlElement | None = None,
) -> tuple[etree._Element, str, HtmlElement | None]:
    """trafilatura's ``compare_extraction`` that also returns readability's container.

    ``algo``, when given, is readability's container for ``pruned`` as ``try_readability``
    returns it (changed here); it saves running readability again on the same page.
    """
    len_text = len(text)
    if options.focus == "recall" and len_text > options.min_extracted_size * 10:
        return body, text, None
    if algo is None:
        algo = try_readability(copy(pruned))
    algo_text = trim(etree.tostring(algo, method="text", encoding="utf-8").decode("utf-8"))
    len_algo = len(algo_text)
    use_readability = _prefer_readability(body, algo, algo_text, len_text, len_algo, options)
    # sanitize_tree below changes the container in place; the caller gets it as it was.
    readable = (copy(algo) if use_readability else algo) if len_algo else None
    if use_readability:
        body, text, len_text = algo, algo_text, len_algo
    unclean = bool(body.xpath(SANITIZED_XPATH))
    if unclean or len_text < options.min_extracted_size:
        body2, text2 = _justext_rescue(_cleaned(pruned, options), options)
        len_text2 = len(text2)
        if unclean:
            accept = len_text <= JUSTEXT_OVERRIDE_RATIO * len_text2 and (
                len_text2 > len_text or not options.images or body.find(".//graphic") is None
            )
        else:
            accept = len_text < len_text2
        if text2 and accept:
            body, text = body2, text2
            use_readability = False
    if use_readability:
        body, text = sanitize_tree(body, options)
    return body, text, readable


def run_balanced(tree: HtmlElement, url: str | None) -> CascadeResult:
    """Runs trafilatura's balanced cascade on a page.

    Args:
        tree: the page; pruned in place (trafilatura's page-level pruning), so pass a
            tree no later stage needs whole.
        url: the page URL, if known.

    Returns:
        The cascade's result and by-products.
    """
    options = _options(url)
    pruned = prune(tree)
    body, text = extract_content(_prepare(pruned, options, url), options)
    body, text, readable = _compare(pruned, body, text, options)
    if len(text) < options.min_extracted_size:
        rescue_body, rescue_text, rescue_length = baseline(pruned)
        if rescue_length > len(text):
            body, text = rescue_body, rescue_text
    escalated = False
    if 0 < len(text) < ESCALATION_MAX_LENGTH and len(text) < ESCALATION_PAGE_SHARE * len(
        page_text(pruned)
    ):
        escalated = True
        recall_options = _options(url)
        recall_options.focus = "recall"
        # trafilatura treats a failing retry as no retry; so do we.
        recalled_body, recalled_text = etree.Element("body"), ""
        justext_body, justext_text = etree.Element("body"), ""
        with suppress(Exception):
            recalled_body, recalled_text = _recall_retry(
                pruned, recall_options, url, _readability_again(readable)
            )
        with suppress(Exception):
            justext_body, justext_text = _justext_rescue(copy(pruned), options)
        if len(justext_text) > len(recalled_text) and len(justext_text) > (
            ESCALATION_JUSTEXT_RATIO * len(text)
        ):
            body, text = justext_body, justext_text
        elif len(recalled_text) >= options.min_extracted_size and len(recalled_text) > (
            ESCALATION_ACCEPT_RATIO * len(text)
        ):
            body, text = recalled_body, recalled_text
    result = body if len(body) and text else None
    return CascadeResult(result, readable, pruned, escalated)


def _readability_again(readable: HtmlElement | None) -> HtmlElement:
    """Readability's container for the recall retry, from the first run's.

    The retry compares with readability on the same pruned page (which no stage between
    changes), so the container is the same: a copy, as the comparison may change it.
    A container without text (``readable`` is None) is ignored by the comparison, so
    readability's own empty result stands for it.
    """
    return HtmlElement() if readable is None else copy(readable)


def _recall_retry(
    pruned: HtmlElement, options: Extractor, url: str | None, algo: HtmlElement | None = None
) -> tuple[etree._Element, str]:
    body, text = extract_content(_prepare(pruned, options, url), options)
    body, text, _ = _compare(pruned, body, text, options, algo)
    return body, text


def run_recall(pruned: HtmlElement, url: str | None) -> etree._Element | None:
    """trafilatura's recall-oriented mode (fast: no external comparison) on a pruned page.

    Args:
        pruned: ``CascadeResult.pruned`` (reused, not changed), or the result of ``prune``.
        url: the page URL, if known.

    Returns:
        The recall-oriented body, or None when it is empty.
    """
    options = _options(url, recall=True)
    body, text = extract_content(_prepare(pruned, options, url), options)
    if len(text) < options.min_extracted_size:
        rescue_body, rescue_text, rescue_length = baseline(pruned)
        if rescue_length > len(text):
            body, text = rescue_body, rescue_text
    return body if len(body) and text else None


def prune(tree: HtmlElement) -> HtmlElement:
    """trafilatura's page-level pruning (furniture, then comment sections), in place, as
    one walk per rule set (``raw_pruning``) rather than trafilatura's XPath expressions."""
    return prune_page(tree)


def _basic_cleaning(tree: HtmlElement) -> HtmlElement:
    """trafilatura's ``basic_cleaning``, in place, its ``BASIC_CLEAN_XPATH`` read by
    ``section_rules.is_basic_furniture``."""
    for element in [e for e in tree.iterdescendants(etree.Element) if is_basic_furniture(e)]:
        delete_element(element)
    return tree


def _justext_rescue(tree: HtmlElement, options: Extractor) -> tuple[etree._Element, str]:
    """trafilatura's ``justext_rescue`` (justext on the page without furniture)."""
    body = try_justext(_basic_cleaning(tree), options.url, options.lang)
    return body, trim(" ".join(body.itertext()))


def page_text(page: HtmlElement) -> str:
    """trafilatura's ``html2txt(page)`` (the page's text without furniture, which the
    escalation compares the result with); the page is not changed."""
    tree = copy(page)
    body = tree.find(".//body")
    return _spaced_text(_basic_cleaning(tree if body is None else body))
