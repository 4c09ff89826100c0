"""trafilatura's main content pass (``main_extractor.extract_content``), with its XPath
rules read by ``section_rules`` instead of libxml2.

The pass finds the content frame (``BODY_XPATH``), prunes it (``prune_unwanted_sections``),
converts what is left with trafilatura's own handlers, and recovers loose paragraphs when
that finds too little (``recover_wild_text``). Its XPath rules were about 14% of our
extraction time (``section_rules`` says why); nothing else here differs from trafilatura.

The control flow below mirrors trafilatura 2.3.1's ``extract_content``, ``_extract``,
``recover_wild_text`` and ``prune_unwanted_sections`` (the installed, pinned version, local
patches included) line for line, without its debug logging; every step that is not an
XPath rule is trafilatura's own function, with its thresholds.
``tests/unit/extract/test_content_pass.py`` checks that the result equals trafilatura's
``extract_content`` on the benchmark pages (every other one in the normal test run, all
with ``--stress``), in both modes we run.
"""

from __future__ import annotations

from copy import deepcopy

from lxml.etree import Element, _Element, strip_elements, strip_tags
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import (
    delete_by_link_density,
    link_density_test_tables,
    process_node,
    prune_unwanted_nodes,
)
from trafilatura.main_extractor import (
    NOT_AT_THE_END,
    REBUILT_BLOCKS,
    _elem_text,
    handle_textelem,
)
from trafilatura.settings import (
    DEDUPE_SCAN_CAP,
    INLINE_FORMATTABLE,
    MIN_DUPLICATE_LENGTH,
    TAG_CATALOG,
    Extractor,
)
from trafilatura.utils import SPACING_PROTECTED, text_chars_test, trim
from trafilatura.xml import delete_element
from trafilatura.xpaths import PRECISION_DISCARD_XPATH

from reader.core.extract.section_rules import (
    FRAME_FINDERS,
    SECTION_TAGS,
    Rule,
    is_caption,
    is_discarded_section,
    is_hidden_part,
    is_teaser,
)


def _prune(tree: _Element, rule: Rule) -> None:
    """``prune_unwanted_nodes`` without backup: every match goes, in document order."""
    for element in [e for e in tree.iterdescendants(*SECTION_TAGS) if rule(e)]:
        delete_element(element)


def _prune_guarded(tree: HtmlElement) -> None:
    """``prune_unwanted_nodes(tree, OVERALL_DISCARD_XPATH, with_backup=True)``: the
    outermost matches go, unless that would leave no more than a seventh of the text."""
    elements = list(tree.iterdescendants(Element))
    # In trafilatura's order: the first expression's matches, then the second's.
    matches = dict.fromkeys(
        [e for e in elements if is_discarded_section(e)]
        + [e for e in elements if is_hidden_part(e)]
    )
    outer = [elem for elem in matches if not any(a in matches for a in elem.iterancestors())]
    old_len = len(tree.text_content())
    if old_len - sum(len(elem.text_content()) for elem in outer) > old_len / 7:
        for elem in outer:
            delete_element(elem)


def prune_unwanted_sections(
    tree: HtmlElement,
    potential_tags: set[str],
    options: Extractor,
    keep_teasers: bool = False,
) -> HtmlElement:
    """trafilatura's ``prune_unwanted_sections``, in place (and returned, as trafilatura's)."""
    favor_precision = options.focus == "precision"
    _prune_guarded(tree)
    if "graphic" not in potential_tags:
        _prune(tree, is_caption)
    if options.focus != "recall":
        if not keep_teasers:
            _prune(tree, is_teaser)
        if favor_precision:
            tree = prune_unwanted_nodes(tree, PRECISION_DISCARD_XPATH)
    for _ in range(2):
        tree = delete_by_link_density(
            tree, "div", backtracking=True, favor_precision=favor_precision
        )
        tree = delete_by_link_density(
            tree, "list", backtracking=False, favor_precision=favor_precision
        )
        tree = delete_by_link_density(
            tree, "p", backtracking=False, favor_precision=favor_precision
        )
    if "table" in potential_tags or favor_precision:
        boilerplate_tables = [
            elem for elem in tree.iter("table") if link_density_test_tables(elem) is True
        ]
        for elem in boilerplate_tables:
            delete_element(elem, keep_tail=False)
    if favor_precision:
        while len(tree) > 0 and (tree[-1].tag == "head"):
            delete_element(tree[-1], keep_tail=False)
        tree = delete_by_link_density(tree, "head", backtracking=False, favor_precision=True)
        tree = delete_by_link_density(tree, "quote", backtracking=False, favor_precision=True)
    strip_tags(tree, "span", *(() if "ref" in potential_tags else ("ref",)))
    return tree


def recover_wild_text(
    tree: HtmlElement,
    result_body: _Element,
    options: Extractor,
    potential_tags: set[str] | None = None,
    consumed: set[_Element] | None = None,
) -> _Element:
    """trafilatura's ``recover_wild_text``: loose paragraphs anywhere on the page."""
    potential_tags = set(TAG_CATALOG if potential_tags is None else potential_tags)
    search_expr = ".//code|.//p|.//quote|.//table|.//div[contains(@class, 'w3-code')]"
    if options.focus == "recall":
        potential_tags.update(["div", "lb"])
        search_expr += "|.//div|.//lb|.//list"
    search_tree = prune_unwanted_sections(tree, potential_tags, options, keep_teasers=options.fast)
    subelems = search_tree.xpath(search_expr)
    elem_texts = [_elem_text(el) for el in result_body]
    existing = "\n".join(filter(None, elem_texts))
    existing_elems = set(elem_texts)
    handled: set[_Element] = set()
    for subelem in subelems:
        if (consumed and subelem in consumed) or any(a in handled for a in subelem.iterancestors()):
            continue
        processed = handle_textelem(subelem, potential_tags, options)
        if processed is None:
            continue
        if processed is subelem:
            handled.add(subelem)
        text = _elem_text(processed)
        images = {img.get("src") for img in processed.iter("graphic")}
        if not text and images and images <= {g.get("src") for g in result_body.iter("graphic")}:
            continue
        under_cap = len(existing) <= DEDUPE_SCAN_CAP
        fragment = trim(text + (processed.tail or "")) if text_chars_test(processed.tail) else ""
        if text and (
            text in existing_elems
            or (
                under_cap
                and (
                    (len(text) > MIN_DUPLICATE_LENGTH and text in existing)
                    or (fragment and fragment in existing)
                )
            )
        ):
            continue
        result_body.append(processed)
        if under_cap:
            existing += "\n" + (fragment or text)
        existing_elems.add(text)
    return result_body


def _extract(tree: HtmlElement, options: Extractor) -> tuple[_Element, str, set[str]]:
    """trafilatura's ``_extract``: the first content frame that yields content."""
    potential_tags = set(TAG_CATALOG)
    if options.tables is True:
        potential_tags.update(["table", "td", "th", "tr"])
    if options.images is True:
        potential_tags.add("graphic")
    if options.links is True:
        potential_tags.add("ref")
    result_body = Element("body")
    for find_frame in FRAME_FINDERS:
        subtree = find_frame(tree)
        if subtree is None:
            continue
        subtree = prune_unwanted_sections(subtree, potential_tags, options)
        if len(subtree) == 0:
            continue
        ptest = subtree.xpath("//p//text()")
        factor = 1 if options.focus == "precision" else 3
        if not ptest or len("".join(ptest)) < options.min_extracted_size * factor:
            potential_tags.add("div")
        subelems = subtree.xpath(".//*")
        tags = {e.tag for e in subelems}
        if tags == {"lb"} or (
            subtree.tag == "div" and "div" in potential_tags and tags <= INLINE_FORMATTABLE | {"lb"}
        ):
            subelems = [subtree]
        lead, start = None, len(result_body)
        if subelems != [subtree] and text_chars_test(subtree.text):
            lead = Element("p")
            lead.text = subtree.text
            lead = process_node(lead, options)
        for elem in subelems:
            # (trafilatura: a handler may have moved it into the result already)
            if elem.getroottree().getroot() is result_body:
                continue
            tag, tail = elem.tag, elem.tail
            processed_elem = handle_textelem(elem, potential_tags, options)
            if processed_elem is not None:
                result_body.append(processed_elem)
                if elem.getroottree().getroot() is not result_body:
                    elem.tag = "done"
            if (
                tag in REBUILT_BLOCKS
                and text_chars_test(tail)
                and (processed_elem is None or processed_elem.tail is None)
            ):
                tail_elem = Element("p")
                tail_elem.text = tail
                if process_node(tail_elem, options) is not None:
                    result_body.append(tail_elem)
        while len(result_body) > 0 and (result_body[-1].tag in NOT_AT_THE_END):
            delete_element(result_body[-1], keep_tail=False)
        if sum(e.tag != "graphic" for e in result_body) > 1:
            if lead is not None:
                result_body.insert(start, lead)
            break
    temp_text = " ".join(result_body.itertext()).strip()
    return result_body, temp_text, potential_tags


def extract_content(cleaned_tree: HtmlElement, options: Extractor) -> tuple[_Element, str]:
    """trafilatura's ``extract_content``: the main content of a cleaned, converted page.

    Args:
        cleaned_tree: the page after ``tree_cleaning`` and ``convert_tags``; changed in place.
        options: trafilatura's extraction options.

    Returns:
        The result body and its text, as trafilatura's ``extract_content`` returns them.
    """
    backup_tree = deepcopy(cleaned_tree)
    order = list(cleaned_tree.iter())
    result_body, temp_text, potential_tags = _extract(cleaned_tree, options)
    if len(result_body) == 0 or len(temp_text) < options.min_extracted_size:
        consumed: set[_Element] = {
            twin for elem, twin in zip(order, backup_tree.iter(), strict=True) if elem.tag == "done"
        }
        result_body = recover_wild_text(backup_tree, result_body, options, potential_tags, consumed)
        temp_text = " ".join(result_body.itertext()).strip()
    previous = None
    for el in list(result_body):
        current = _elem_text(el)
        if current and current == previous and len(current) > MIN_DUPLICATE_LENGTH:
            delete_element(el, keep_tail=False)
        else:
            previous = current
    strip_elements(result_body, "done")
    strip_tags(result_body, "div")
    # (trafilatura: whitespace-only <lb> tails left by the stripped divs go, outside code)
    for linebreak in result_body.iter("lb"):
        if (
            linebreak.tail
            and not text_chars_test(linebreak.tail)
            and not any(anc.tag in SPACING_PROTECTED for anc in linebreak.iterancestors())
        ):
            linebreak.tail = None
    return result_body, temp_text
