"""Residual boilerplate inside the chosen content, and credits moved out of the text.

Works on pending blocks (before layout): drops share/subscribe/"Read more" lines,
pointers to other articles ("Related: ...", "See also: ..."), affiliate disclosures,
cookie notices and sign-up consent lines ("By signing up, you agree to ..."),
bylines or dates repeated from the metadata and, among the last blocks, calls to action
("Sign up for our newsletter", "Have a tip?"); moves agency sign-offs, contributor
credits ("Additional reporting by") and image credit lines to the credits; removes a
first heading that repeats the title, and drops paragraphs that are, whole, the text of
one link of the page: teasers of other articles and calls to action ("GET THE APP BY
CLICKING HERE"), which a reader of the article does not read as part of it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from lxml.html import HtmlElement

from reader.core.extract.dates import parse_date
from reader.core.extract.figures import split_credit
from reader.core.extract.rules import (
    AFFILIATE_DISCLOSURE,
    BOILERPLATE_LINE,
    CALL_TO_ACTION,
    CONTRIBUTOR_CREDIT,
    COPYRIGHT_CREDIT,
    CREDIT_LINE,
    CROSS_REFERENCE,
    FORM_CONSENT,
    SIGN_OFF,
    is_cookie_notice,
)
from reader.core.extract.text import PendingBlock
from reader.core.model import BlockKind

_KEY = re.compile(r"\W+")
_WORDS = re.compile(r"\w+")
_BYLINE = re.compile(r"^(?:by|written by|von|par|por)\s+", re.IGNORECASE)
_TEXT_KINDS = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.CAPTION)
# Calls to action and contributor credits are looked for among the last blocks only, and
# in short blocks: a long paragraph that mentions a newsletter is the article's.
_CLOSING_BLOCKS = 8
_MAX_CLOSING_WORDS = 40
# An author box ("Jane Doe is a writer who ...") is looked for among the last blocks.
_AUTHOR_NOTE_BLOCKS = 7
# Pointers to other articles ("Related: ...") name one article: a title, not a paragraph.
_MAX_CROSS_REFERENCE_WORDS = 25
# Disclosures and consent lines are a few sentences; longer blocks are about the subject.
_MAX_DISCLOSURE_WORDS = 80
# Every alternative of ``AFFILIATE_DISCLOSURE`` contains one of these (lower-cased).
_DISCLOSURE_WORDS = ("links", "commission", "compensation", "advertiser disclosure", "amazon")
# Letters Python's case-insensitive matching equates with ASCII letters that ``str.lower``
# does not turn into them.
_UNFOLDED_LETTERS = ("\u0130", "\u0131", "\u017f", "\u212a")
# Letters for which Python's case-insensitive matching differs from comparing ``str.lower``
# results: "İ" (which lowers to two characters), and those it equates with another
# lower-case letter ("ı" and "i", "ſ" and "s", Greek and Cyrillic letter variants), with
# their upper-case forms.
CASE_VARIANTS = re.compile(
    "[\u00b5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0"
    "\u03a1\u03a3\u03a6\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3"
    "\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422"
    "\u042a\u0432\u0434\u043e\u0441\u0442\u044a\u0462\u0463\u1c80-\u1c88\u1e60\u1e61\u1e9b"
    "\u1fbe\u1fd3\u1fe3\ua64a\ua64b\ufb05\ufb06]"
)
# Cookie banners run longer: what each kind of cookie is for, in one paragraph.
_MAX_COOKIE_NOTICE_WORDS = 120
# A link text shorter than this is a label ("Read more", a name), not a teaser.
_MIN_LINK_WORDS = 4


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    # Cached: clean_blocks and drop_repeats key the same block texts, one after the other.
    return _KEY.sub("", text).lower()


@dataclass(frozen=True)
class PageLinks:
    """What the page's links say, read in one pass.

    Attributes:
        keys: keys (letters and digits, lower-cased) of link texts of four words or more,
            in-page links left out: teasers and calls to action.
        words: every word of every link text, with counts.
    """

    keys: frozenset[str]
    words: Counter[str]


def survey_links(tree: HtmlElement) -> PageLinks:
    """Reads the texts of all links of a page.

    Args:
        tree: the parsed page.

    Returns:
        The keys of teaser-length links and the words of all links.
    """
    keys: set[str] = set()
    words: Counter[str] = Counter()
    for link in tree.iter("a"):
        text = link.text_content()
        tokens = _WORDS.findall(text)
        words.update(tokens)
        # In-page links (tables of contents) repeat the article's own headings.
        if len(text.split()) >= _MIN_LINK_WORDS and not (link.get("href") or "").startswith("#"):
            keys.add(_key(text))
    return PageLinks(frozenset(keys), words)


def link_keys(tree: HtmlElement) -> frozenset[str]:
    """Keys of the page's link texts long enough to be a teaser or a call to action.

    Args:
        tree: the parsed page.

    Returns:
        The keys (letters and digits, lower-cased) of links of four words or more.
    """
    return survey_links(tree).keys


def clean_blocks(
    blocks: list[PendingBlock],
    *,
    title: str | None,
    authors: tuple[str, ...],
    credits: list[str],
    links: frozenset[str] = frozenset(),
) -> list[PendingBlock]:
    """Removes furniture blocks and moves credits out of the text.

    Args:
        blocks: the article's blocks in order.
        title: the title metadata (a first block equal to it is dropped).
        authors: author names (a short block that only names them is dropped).
        credits: list that receives sign-offs and image credits found in blocks.
        links: ``link_keys`` of the page; a paragraph that is one of them is dropped.
            Headings are kept: resource lists and listicles link their section headings.

    Returns:
        The kept blocks.
    """
    kept: list[PendingBlock] = []
    title_key = _key(title) if title else ""
    author_keys = {_key(name) for name in authors}
    author_note = _AuthorNote(authors)
    for index, block in enumerate(blocks):
        text = block.text
        words = len(text.split())
        # The title is metadata; repeating it as the first block would show it twice.
        if title_key and not kept and block.kind in _TEXT_KINDS and _key(text) == title_key:
            continue
        if (
            links
            and block.kind is BlockKind.PARAGRAPH
            and words >= _MIN_LINK_WORDS
            and _key(text) in links
        ):
            continue
        if block.kind in _TEXT_KINDS and words <= 12:
            if BOILERPLATE_LINE.match(text.strip(" .:!>|»›")):
                continue
            if SIGN_OFF.match(text) or (CREDIT_LINE.match(text) and words <= 8):
                credits.append(text)
                continue
            if COPYRIGHT_CREDIT.match(text) and index >= len(blocks) - 3:
                continue
            if index < 4 and _is_byline_or_date(text, author_keys):
                continue
        if block.kind in _TEXT_KINDS and _is_site_notice(text, words):
            continue
        if block.kind in _TEXT_KINDS and index >= len(blocks) - _CLOSING_BLOCKS:
            if words <= _MAX_CLOSING_WORDS and CONTRIBUTOR_CREDIT.search(text):
                credits.append(text)
                continue
            if words <= _MAX_CLOSING_WORDS and CALL_TO_ACTION.search(text):
                continue
        if (
            block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
            and index >= len(blocks) - _AUTHOR_NOTE_BLOCKS
            and author_note.match(text)
        ):
            continue
        if block.kind is BlockKind.CAPTION:
            caption, credit = split_credit(text)
            if credit:
                credits.append(credit)
                if not caption:
                    continue
                block = PendingBlock(BlockKind.CAPTION, caption)
        kept.append(block)
    return kept


def _is_site_notice(text: str, words: int) -> bool:
    """A pointer to another article, an affiliate disclosure, a sign-up form's consent
    line or a cookie notice, wherever it stands."""
    if words <= _MAX_CROSS_REFERENCE_WORDS and CROSS_REFERENCE.match(text):
        return True
    if words <= _MAX_COOKIE_NOTICE_WORDS and is_cookie_notice(text):
        return True
    if words > _MAX_DISCLOSURE_WORDS:
        return False
    return bool(
        (_may_disclose(text) and AFFILIATE_DISCLOSURE.search(text)) or FORM_CONSENT.match(text)
    )


def _may_disclose(text: str) -> bool:
    """False when ``AFFILIATE_DISCLOSURE`` cannot match: none of the words every one of its
    alternatives contains. Searching it runs its alternatives at every word boundary of a
    block, a cost on every short block; this test is a few substring scans.

    The expression ignores case, where Python also lets "ı", "İ" and "ſ" match "i" and "s"
    (and the Kelvin sign "k", which ``lower`` already maps): texts holding them are
    searched whatever they say."""
    lowered = text.lower()
    return any(word in lowered for word in _DISCLOSURE_WORDS) or any(
        letter in text for letter in _UNFOLDED_LETTERS
    )


class _AuthorNote:
    """``_author_note_pattern(authors).match``, compiled only once a text names an author.

    Compiling an expression of the page's names costs about 0.4 ms, more than reading the
    blocks it is tried on; most blocks name no author. The expression ignores case, which
    equals comparing lower-cased texts except for the letters ``CASE_VARIANTS`` finds:
    texts or names holding them are always matched by the expression.
    """

    def __init__(self, authors: tuple[str, ...]) -> None:
        self._authors = authors
        names = [name for name in authors if len(name.split()) >= 2]
        self._lowered = [name.lower() for name in names]
        self._unfolded = any(CASE_VARIANTS.search(name) for name in names)
        self._pattern: re.Pattern[str] | None = None

    def match(self, text: str) -> bool:
        if not self._lowered:
            return False
        if not self._unfolded and (text.isascii() or not CASE_VARIANTS.search(text)):
            lowered = text.lower()
            if not any(name in lowered for name in self._lowered):
                return False
        if self._pattern is None:
            self._pattern = _author_note_pattern(self._authors)
        return self._pattern is not None and self._pattern.match(text) is not None


def _author_note_pattern(authors: tuple[str, ...]) -> re.Pattern[str] | None:
    """Matches an author box line: "Jane Doe is a writer ...", "About the author: Jane Doe",
    "Written by Jane Doe", or the name alone; full names (two words or more) only."""
    names = [re.escape(name) for name in authors if len(name.split()) >= 2]
    if not names:
        return None
    return re.compile(
        r"(?:about the author:?\s*|written by\s+)?(?:" + "|".join(names) + r")\b"
        r"(?:,|\s+(?:is|was|has|writes|covers|joined|serves|leads|lives|holds|specializes)\b|\W*$)",
        re.IGNORECASE,
    )


def _is_byline_or_date(text: str, author_keys: set[str]) -> bool:
    stripped = _BYLINE.sub("", text)
    if author_keys and _key(stripped) in author_keys:
        return True
    if _BYLINE.match(text) and len(text.split()) <= 6:
        return True
    # A line that is a date and little else ("Published July 7, 2021").
    return bool(parse_date(text) and len(re.sub(r"[\d\W_]+", " ", text).split()) <= 4)


# A paragraph this long repeated word for word is a second copy of the content (a mobile
# and a desktop version, an FAQ shown twice); shorter ones (labels, refrains, the steps
# of a meal or training plan) repeat on purpose.
_MIN_REPEAT_WORDS = 35
# Copies are dropped only when they are a large part of the extraction.
_MIN_REPEAT_SHARE = 0.2


def drop_repeats(blocks: list[PendingBlock]) -> list[PendingBlock]:
    """Drops second copies of long text blocks, with the heading that leads into each.

    Pages hold some content twice (one copy per layout, FAQ sections repeated in an
    accordion); content selection keeps both. A text block of ``_MIN_REPEAT_WORDS`` or
    more that repeats an earlier block word for word is a copy, and so is a short block
    (a heading, a question) repeated right before such a copy. Copies are dropped only
    when together they hold ``_MIN_REPEAT_SHARE`` of the words or more.

    Args:
        blocks: the article's blocks in order.

    Returns:
        The blocks without the copies (the first occurrence of each is kept), or the
        blocks unchanged.
    """
    seen: set[str] = set()
    repeated: list[bool] = []
    for block in blocks:
        key = _key(block.text) if block.kind in _TEXT_KINDS else ""
        repeated.append(bool(key) and key in seen)
        seen.add(key)
    sizes = [len(block.text.split()) for block in blocks]
    drop = [repeated[i] and sizes[i] >= _MIN_REPEAT_WORDS for i in range(len(blocks))]
    for index in range(len(blocks) - 1):
        if repeated[index] and not drop[index] and drop[index + 1]:
            drop[index] = True
    dropped = sum(size for size, gone in zip(sizes, drop, strict=True) if gone)
    if not dropped or dropped < _MIN_REPEAT_SHARE * sum(sizes):
        return blocks
    return [block for block, gone in zip(blocks, drop, strict=True) if not gone]
