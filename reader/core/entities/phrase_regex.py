"""The regular expressions that define what a listed name matches (see ``phrases``).

A name list is, by definition, the regex ``(?<!\\w)(?:D1|D2|...|TRIE)(?!\\w)`` (IGNORECASE):
``D1...`` are the names written with full stops, each with optional stops after its letters
(``_pattern_for``), longest name first, and ``TRIE`` is a character trie of the other names'
keys in which a space matches any run of spaces, hyphens or dashes and ``'`` matches a
typographic apostrophe too. ``PhraseMatcher`` finds the same matches without compiling that
regex per list (``compile_alternation`` stays as its fallback and as the reference the tests
compare it with); ``trie_order`` gives the order in which the trie tries the keys at one
position.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache

SEPARATOR_PATTERN = r"[\s\-\u2010\u2011\u2012\u2013\u2014]+"
_SPLIT = re.compile(SEPARATOR_PATTERN)

_Trie = dict[str, "_Trie"]  # character -> subtree; the key "" marks the end of a name


def char_pattern(character: str) -> str:
    """The regex for one character of a key."""
    if character == " ":
        return SEPARATOR_PATTERN
    if character == "'":
        return "['\u2019]"
    return re.escape(character)


def _trie(keys: Iterable[str]) -> _Trie:
    trie: _Trie = {}
    for key in keys:
        node = trie
        for character in key:
            node = node.setdefault(character, {})
        node[""] = {}
    return trie


def trie_pattern(keys: Iterable[str]) -> str:
    """One regex matching any of ``keys`` (case-folded, single spaces), longest first."""

    def build(node: _Trie) -> str:
        branches = [
            char_pattern(character) + build(child)
            for character, child in sorted(node.items())
            if character
        ]
        if not branches:
            return ""
        ends_here = "" in node
        if len(branches) == 1 and not ends_here:
            return branches[0]
        # Greedy "?" tries the longer names first and backtracks to the shorter one.
        return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")

    return build(_trie(keys))


def trie_order(keys: Iterable[str]) -> list[str]:
    """The keys in the order ``trie_pattern``'s regex tries them at one position.

    Backtracking walks the trie depth first, children in character order, and a key that
    ends at a node only after every longer key through that node has failed: that is the
    order of the keys' code points with the end of a key counted as larger than any
    character.
    """
    return sorted(keys, key=_trie_rank)


def _trie_rank(key: str) -> tuple[int, ...]:
    return (*map(ord, key), sys.maxunicode + 1)


def pattern_for(name: str) -> str:
    """The regex of a name written with full stops ("U.S.", "St. Louis")."""
    parts = [re.escape(part.replace(".", "")) for part in _SPLIT.split(name.strip()) if part]
    if any("." in part for part in name.split()):
        # "U.S." in the list also finds "US" and "U.S.": allow a stop after each letter.
        parts = [re.sub(r"(\w)", r"\1\\.?", part) for part in parts]
    return SEPARATOR_PATTERN.join(parts)


def first_part(name: str) -> str:
    """The first separator-delimited part of a dotted name, without its full stops."""
    parts = [part.replace(".", "") for part in _SPLIT.split(name.strip()) if part]
    return parts[0] if parts else ""


def compile_alternation(dotted: Sequence[str], plain_keys: Iterable[str]) -> re.Pattern[str]:
    """The whole list as one regex: dotted names in the given order, then the trie."""
    alternatives = [pattern_for(name) for name in dotted]
    keys = sorted(plain_keys)
    if keys:
        alternatives.append(trie_pattern(keys))
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


# Names recur from article to article (people, places), so their small regexes are kept.
@lru_cache(maxsize=8192)
def dotted_regex(name: str) -> re.Pattern[str]:
    """One dotted name's alternative of ``compile_alternation``, on its own."""
    return re.compile(rf"(?<!\w)(?:{pattern_for(name)})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=8192)
def part_regex(part: str) -> re.Pattern[str]:
    """The regex of one space-free piece of a key (IGNORECASE), for ``fullmatch``."""
    return re.compile("".join(char_pattern(character) for character in part), re.IGNORECASE)


@lru_cache(maxsize=4096)
def matches_ascii(character: str) -> bool:
    """Whether IGNORECASE lets this character match some ASCII character ("K" sign: "k")."""
    pattern = re.compile(re.escape(character), re.IGNORECASE)
    return any(pattern.fullmatch(chr(code)) for code in range(128))
