"""Main-content selection for HTML: which parts of the page are the article.

trafilatura chooses the content. Its balanced cascade runs on every page (``cascade``,
which also keeps the container readability chose as a second opinion); its
recall-oriented mode runs only when the balanced result looks doubtful: much shorter
than the page's running text (the words outside links, navigation and forms), or longer
than it (a page whose text is all inside links). ``choose_candidate`` then picks one of
the two from their lengths. When both keep well under half of the running text,
readability-lxml's choice of container is tried as a third candidate. One run on most
pages keeps extraction as fast as trafilatura's own; the second run is what repairs an
extraction that stopped at the lead or at one section.

``prune_hidden`` prepares the tree (elements no reader sees). The output stays an XML
body so that the structure survives. Residual furniture inside the chosen content is
removed afterwards by ``cleanup`` and ``container``.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement
from readability import Document
from readability.readability import Unparseable

from reader.core.extract.cascade import prune, run_balanced, run_recall
from reader.core.extract.elements import remove_keeping_tail
from reader.core.extract.loader import parse_html
from reader.core.extract.panels import is_collapsed_panel, open_panel, toggled_ids
from reader.core.extract.streamed import is_streamed_part, reveal_streamed, streamed_moves

_WORDS = re.compile(r"\w+")
# Measured on both benchmarks (see benchmarks/extraction.py): recall wins when the
# balanced result holds less than 0.75 of its words (between 0.7 and 0.75, recall kept
# whole sections the balanced run lost on both WCXB halves). Every page where recall won
# had a balanced result under 0.7 of the page's running words, so the recall run is skipped
# above that; on a page whose running text is tiny (all of it inside links) the measure
# says nothing, hence the upper bound.
_RECALL_SWITCH = 0.75
_DOUBT_BELOW = 0.7
_DOUBT_ABOVE = 1.5
# Below this share of the running text in both modes, readability-lxml is tried; its
# result wins when it is much longer but not longer than the running text itself.
_STRONG_DOUBT = 0.5
_READABILITY_GAIN = 1.5
_READABILITY_CAP = 1.2
# trafilatura's readability container, read by trafilatura's recall mode, replaces the
# chosen result when it holds this much more text, and no more than the running text.
_CONTAINER_GAIN = 1.05
# Elements whose text a reader does not read as running text.
_NOT_RUNNING_TEXT = frozenset(
    {"a", "nav", "header", "footer", "aside", "form", "button", "select", "label", "script",
     "style", "noscript", "figcaption"}
)  # fmt: skip
# Elements that may be hidden; ``_is_hidden`` decides (cheaper than testing styles in XPath).
_HIDDEN_CANDIDATES = etree.XPath("//*[@hidden or @aria-hidden or @style]")
# More text than this in a hidden element means it is content revealed by a script.
_MAX_HIDDEN_TEXT = 1500


@dataclass
class ContentCandidate:
    """The main content chosen in a page.

    Attributes:
        body: the content in trafilatura's XML vocabulary.
        mode: which run gave it: "balanced", "recall" or "readability".
        container: the text of the container readability chose on the page ("" when it
            found none): a second opinion on where the article starts and ends.
    """

    body: etree._Element
    mode: str = "balanced"
    container: str = ""


def _run_readability(pruned: HtmlElement, url: str | None) -> etree._Element | None:
    """The article container readability-lxml chooses, extracted by trafilatura's recall mode.

    readability-lxml itself, not trafilatura's fork of it: on pages where trafilatura's
    rules lose the article, the original finds the whole container more often.
    """
    try:
        summary = Document(deepcopy(pruned), url=url).summary(html_partial=True)
    except (ValueError, TypeError, etree.LxmlError, Unparseable):
        return None
    fragment = parse_html(summary)
    if fragment is None:
        return None
    return run_recall(prune(fragment), url)


def _word_count(body: etree._Element | None) -> int:
    if body is None:
        return 0
    return len(_WORDS.findall(" ".join(body.itertext())))


def is_doubtful(balanced: int, running: int) -> bool:
    """True when a balanced result of this length may have missed part of the article.

    Args:
        balanced: words in the balanced result.
        running: running-text words of the page (outside links, navigation, forms).

    Returns:
        Whether the recall-oriented run is worth its cost.
    """
    return balanced == 0 or balanced < _DOUBT_BELOW * running or balanced > _DOUBT_ABOVE * running


def choose_candidate(balanced: int, recalled: int) -> str:
    """Chooses between trafilatura's balanced and recall-oriented results by word counts.

    The balanced result is the default. When it holds much less than the recall-oriented
    one, it most likely stopped at a part of the article (a lead, one section), so recall
    wins.

    Args:
        balanced: words in the balanced result.
        recalled: words in the recall-oriented result.

    Returns:
        "balanced" or "recall".
    """
    if recalled and balanced < _RECALL_SWITCH * recalled:
        return "recall"
    return "balanced"


def running_words(tree: HtmlElement) -> int:
    """Words of the page's running text: outside links, navigation, forms and scripts."""
    body = tree.find("body")
    if body is None:
        return 0
    count = 0
    # Comments and processing instructions are walked for their tails only.
    walk = etree.iterwalk(body, events=("start", "comment", "pi"))
    for event, element in walk:
        # A node's tail is its parent's text, which is running text since the walk got
        # here (a skipped element's tail included); the body's tail is not in the body.
        tail = element.tail
        if tail and element is not body:
            count += len(_WORDS.findall(tail))
        if event != "start":
            continue
        if element.tag in _NOT_RUNNING_TEXT:
            walk.skip_subtree()
            continue
        text = element.text
        if text:
            count += len(_WORDS.findall(text))
    return count


def select_content(tree: HtmlElement, url: str | None) -> ContentCandidate | None:
    """Chooses the main content of a page.

    Args:
        tree: the parsed page, already through ``prune_hidden`` and the figure stage;
            pruned in place by trafilatura's page-level pruning, so read whatever else is
            needed from it first.
        url: the page URL, if known (trafilatura uses it for relative links and rules).

    Returns:
        The content body, or None when no main content is found.
    """
    running = running_words(tree)
    result = run_balanced(tree, url)
    balanced = result.body
    balanced_words = _word_count(balanced)
    container = " ".join(result.readability.itertext()) if result.readability is not None else ""
    if balanced is not None and not is_doubtful(balanced_words, running):
        return prefer_container(
            ContentCandidate(body=balanced, mode="balanced", container=container),
            balanced_words,
            result.readability,
            running,
            url,
        )
    recalled = run_recall(result.pruned, url)
    recalled_words = _word_count(recalled)
    choice = choose_candidate(balanced_words, recalled_words)
    bodies = {"balanced": balanced, "recall": recalled}
    found = max(balanced_words, recalled_words)
    if found < _STRONG_DOUBT * running:
        # Both modes kept well under half of the page's running text: trafilatura's rules
        # dropped the article's container. readability scores containers differently.
        readable = _run_readability(result.pruned, url)
        readable_words = _word_count(readable)
        if _READABILITY_GAIN * found < readable_words <= _READABILITY_CAP * running:
            bodies["readability"] = readable
            choice = "readability"
    for name in (choice, "balanced", "recall"):
        body = bodies[name]
        if body is not None:
            chosen = ContentCandidate(body=body, mode=name, container=container)
            return prefer_container(chosen, _word_count(body), result.readability, running, url)
    return None


def prefer_container(
    chosen: ContentCandidate,
    chosen_words: int,
    readable: HtmlElement | None,
    running: int,
    url: str | None,
) -> ContentCandidate:
    """The readability container's content when it holds clearly more than the choice.

    trafilatura assembles its result element by element and now and then leaves out
    whole sections of an article that readability's single container holds (a lead in
    its own wrapper, sections after an inline box). When the container holds more words
    than the choice, but not more than the page's running text (then it took in page
    furniture), trafilatura's recall mode reads it.
    """
    if readable is None:
        return chosen
    container_words = len(_WORDS.findall(chosen.container))
    if not _CONTAINER_GAIN * chosen_words < container_words <= running:
        return chosen
    body = run_recall(readable, url)
    if _word_count(body) <= _CONTAINER_GAIN * chosen_words or body is None:
        return chosen
    # The choice it replaces is now the second opinion on where the article ends.
    return ContentCandidate(body=body, mode="container", container=" ".join(chosen.body.itertext()))


def drop_inert(tree: HtmlElement) -> None:
    """Removes scripts (structured data excepted), style sheets and inline SVG graphics.

    Every extractor used here discards them before looking at the page, but each copies
    the tree first; on modern pages they are most of the markup, so removing them once
    makes every copy and every pass of content selection cheaper. Structured-data scripts
    stay: trafilatura reads them to recognise forum threads and to rescue empty pages.
    Content a React streaming script would move into place is moved first (``streamed``).
    """
    moves: list[tuple[str, str]] = []
    for element in list(tree.iter("script", "style", "svg")):
        if element.tag == "script":
            if "ld+json" in (element.get("type") or ""):
                continue
            moves += streamed_moves(element.text or "")
        remove_keeping_tail(element)
    reveal_streamed(tree, moves)


def prune_hidden(tree: HtmlElement) -> None:
    """Removes elements a reader never sees: ``hidden``, ``aria-hidden``, ``display:none``.

    Pages keep microdata copies of the headline and dates, cookie dialogs and menus in
    hidden elements; a browser shows none of it, so neither do we. A hidden element holding
    a lot of text is kept: pages that reveal the article with a script hide it this way, and
    so are streamed parts whose moving script is missing (``streamed``).
    """
    toggled = toggled_ids(tree)
    for element in _HIDDEN_CANDIDATES(tree):
        if element.tag in ("html", "body") or not _is_hidden(element) or is_streamed_part(element):
            continue
        if toggled and is_collapsed_panel(element, toggled):
            # An accordion's closed panel: the reader opens it; so do we (``panels``).
            open_panel(element)
            continue
        # Hidden microdata blocks repeat the headline and dates whatever their length.
        if element.get("itemscope") is None and len(element.text_content()) > _MAX_HIDDEN_TEXT:
            continue
        remove_keeping_tail(element)


def _is_hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style
