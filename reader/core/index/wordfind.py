"""Finding a query's words in an article's text, for snippets and hits in context.

``find_terms`` gives the spans of the words whose term (stemmed, accents folded) is one of
the query's. Looping in Python over every word of a 500-word article took about 0.6 ms,
for each hit of each search; instead, only the words that can match are looked at:

- a term, but for its last ``STEM_REWRITE`` letters, begins its word (accents folded): the
  stemmer only rewrites endings ("ational" -> "ate", "y" -> "i"...). So the words to check
  are those that begin with one of those beginnings: found with ``str.find`` for
  beginnings of two letters or more, and with one expression (compiled once per query)
  for one-letter ones;
- folding changes only letters outside ASCII, so a word with such a letter may begin with
  a beginning only once folded: those words are found and checked apart (in a text with
  many of them, every distinct word is checked).

Each candidate's term comes from the analyzer (its cache, or a stemming). The result is the
same as ``TermAnalyzer.find_terms_slowly`` (property-tested).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from whoosh.support.charset import accent_map

from reader.core.index.tokens import (
    WORDS,
    distinct_words,
    is_word_character,
    joined_before,
    occurrences,
)

# How many last letters of a term may differ from its word's letters at the same places:
# the stemmer removes endings and rewrites at most two letters at the end of what remains
# ("employability" -> "employabiliti" -> "employable": "il" became "le"; "y" -> "i" and
# "-ed" -> "-e" rewrite one; the later steps only remove). Measured on 66,000 words: at
# most two.
STEM_REWRITE = 2
# Beginnings at least this long are looked for with ``str.find``: at 77,000 characters,
# 0.6 ms for two beginnings of two letters against 3.7 ms for the expression, which is
# faster only for one-letter beginnings (found thousands of times).
FIND_MIN = 2
# A letter or digit outside ASCII.
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f](?<=[^\W_])")
# With more of those than this (a text in Greek, Russian...), every distinct word is
# checked instead of each word with such a letter.
NON_ASCII_WORDS = 64


@lru_cache(maxsize=64)
def _starting_with(beginnings: tuple[str, ...]) -> re.Pattern[str]:
    """Whole tokens that start with one of ``beginnings``."""
    choices = "|".join(re.escape(beginning) for beginning in beginnings)
    return re.compile(rf"(?<![\w*])(?<![\w*]\.)(?:{choices})[\w*]*(?:\.[\w*]+)*")


def find_terms(analyzer: Any, text: str, terms: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """The spans of the words of ``text`` whose term (``analyzer.term_of``) is in ``terms``,
    in text order."""
    if not terms:
        return []
    lowered = text.lower()
    if len(lowered) != len(text):  # lower-casing changed offsets: the slow, exact way
        return list(analyzer.find_terms_slowly(text, terms))
    cache = analyzer._cache
    term_of = analyzer.term_of
    spans: set[tuple[int, int]] = set()  # a word may begin with two beginnings

    def check(found: re.Match[str] | None) -> None:
        if found is None:
            return
        word = found.group()
        term = cache.get(word)
        if term is None:
            term = term_of(word)
        if term in terms:
            spans.add(found.span())

    beginnings = {term[: max(1, len(term) - STEM_REWRITE)] for term in terms}
    short = tuple(sorted(b for b in beginnings if len(b) < FIND_MIN))
    match = WORDS.match
    for beginning in beginnings:
        if len(beginning) < FIND_MIN:
            continue
        start = lowered.find(beginning)
        while start >= 0:
            if not joined_before(lowered, start):
                check(match(lowered, start))
            start = lowered.find(beginning, start + 1)
    if short:
        for found in _starting_with(short).finditer(lowered):
            check(found)
    letter = _NON_ASCII_LETTER.search(lowered)
    checked = 0
    while letter is not None:
        checked += 1
        if checked > NON_ASCII_WORDS:
            spans.update(_by_distinct_words(analyzer, lowered, terms, tuple(beginnings)))
            break
        token = WORDS.match(lowered, _token_start(lowered, letter.start()))
        check(token)
        letter = _NON_ASCII_LETTER.search(lowered, token.end() if token else letter.end())
    return sorted(spans)


def _token_start(text: str, inside: int) -> int:
    """The start of the token that holds position ``inside``."""
    start = inside
    while start > 0:
        before = text[start - 1]
        if (
            is_word_character(before)
            or before == "."
            and start > 1
            and is_word_character(text[start - 2])
        ):
            start -= 1
        else:
            break
    return start


def _by_distinct_words(
    analyzer: Any, lowered: str, terms: set[str] | frozenset[str], beginnings: tuple[str, ...]
) -> list[tuple[int, int]]:
    """Every distinct word that may match (its folded form starts with a beginning), then
    the occurrences of those whose term is wanted."""
    cache = analyzer._cache
    spans: list[tuple[int, int]] = []
    for word in distinct_words(lowered):
        term = cache.get(word)
        if term is None:
            folded = word if word.isascii() else word.translate(accent_map)
            if not folded.startswith(beginnings):
                continue
            term = analyzer.term_of(word)
        if term in terms:
            spans.extend(occurrences(lowered, word))
    return spans
