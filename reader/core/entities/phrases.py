"""A fast matcher for lists of names (gazetteers, user watch-lists) over plain text.

It works on the text alone, without a spaCy pipeline, so corrections can be re-applied to stored
spans cheaply. A name matches

* at word boundaries only ("Iran" does not match inside "Iranian");
* with any run of spaces, hyphens or dashes where the name has one ("Qala-e-Naw" finds
  "Qala-e Naw"), and with optional full stops after letters of an abbreviation written
  with them;
* ignoring case, but never on a lower-case-only occurrence of a capitalised name
  ("Bath" does not match "a bath"), nor on a mixed-case occurrence of a short acronym
  ("AP" does not match "Ap").

Overlaps resolve to the earliest, then longest match. The exact definition is one regular
expression over all names (``phrase_regex.compile_alternation``), but compiling it costs about
10 ms per hundred names, and the document-level rules build a matcher for every text. So the
matcher looks names up instead: a match can only start at the start of a word (a run of
``\\w``) that is a listed name's first word (or, for "U.S.", a beginning of it), so only those
words are tried, each against the names it can start, in the order the regex would try them,
with the regex's own rules for case and separators. Lists with names the lookup cannot
describe exactly (a name that starts with a symbol, a letter that matches an ASCII letter of
another case class such as the Kelvin sign) use the compiled regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import add, not_

from reader.core.entities.phrase_regex import (
    SEPARATOR_PATTERN,
    compile_alternation,
    dotted_regex,
    first_part,
    matches_ascii,
    part_regex,
    trie_order,
)
from reader.core.entities.surface import normalise_surface

_WORD_RUN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_LEADING_WORD = re.compile(r"\w*")
_SEPARATOR_RUN = re.compile(SEPARATOR_PATTERN)
_NON_WORD = re.compile(r"[^\w ]")
# The only character that is not ASCII but lower-cases to ASCII ("\u212a" Kelvin sign: "k").
_LOWERS_TO_ASCII = "\u212a"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class PhraseMatch:
    start: int
    end: int
    key: str  # normalise_surface of the list entry that matched
    text: str


# Several lists are looked up in the same text one after the other (a document's names, a
# watch-list): what they need of the text is computed once.
@dataclass(frozen=True)
class _Words:
    """A text cut at every non-word character: the pieces (lower-cased words, and empty strings
    between adjacent non-word characters) and where each starts in the text."""

    pieces: list[str]
    starts: list[int]


@lru_cache(maxsize=4)
def _words(text: str) -> _Words:
    # Everything here runs in C: a Python loop over 2,000 words would cost more than the
    # lookups it serves.
    folded = text.lower()
    if len(folded) != len(text) or _LOWERS_TO_ASCII in text:
        # Rare: keep the offsets, and non-ASCII letters as written, so that a word is ASCII
        # exactly when its folded form is.
        folded = text.translate(_ASCII_LOWER)
    pieces = _NON_WORD.sub(" ", folded).split(" ")
    starts = list(map(add, accumulate(map(len, pieces), initial=0), range(len(pieces))))
    return _Words(pieces, starts)


@dataclass(frozen=True)
class _Key:
    """A name without full stops: its key split at the spaces, in the trie's order."""

    parts: tuple[str, ...]
    whole_word: bool  # one part, all word characters: found wherever its word is
    word_first: bool  # more parts, the first of them all word characters ("new" of "new york")


def _parts_end(text: str, position: int, parts: Sequence[str]) -> int | None:
    """Where ``parts`` (a key's trie path from one of its words on), followed by a non-word
    character, end when matched from ``position``; None when they do not match there."""
    for number, part in enumerate(parts):
        if number:
            separator = _SEPARATOR_RUN.match(text, position)
            if separator is None:
                return None
            position = separator.end()
        piece = text[position : position + len(part)]
        if len(piece) != len(part):
            return None
        if piece.isascii():
            # ASCII text matches an ASCII key by simple case folding; a key's other letters
            # match no ASCII letter (lists where one does take the regex path).
            if not part.isascii() or piece.lower() != part:
                return None
        elif part_regex(part).fullmatch(piece) is None:
            return None
        position += len(part)
    return None if _WORD_CHAR.match(text, position) else position


def _is_exotic(name: str) -> bool:
    return any(not character.isascii() and matches_ascii(character) for character in name)


class PhraseMatcher:
    """Finds listed names in text; built once per list, then reused (it is immutable)."""

    def __init__(self, names: Iterable[str], *, use_regex: bool = False) -> None:
        """Prepares the names.

        Args:
            names: The names to find; blank entries are ignored, duplicates are harmless.
            use_regex: Match with the compiled regex that defines the matches (slower; for
                tests and comparisons): the results are the same.
        """
        unique = sorted({name.strip() for name in names if normalise_surface(name)}, key=len)
        unique.reverse()  # longest first: a regex alternation takes the first branch that fits
        # Short keys whose every listed spelling is an upper-case acronym ("AP", "US"): those
        # must match in upper case, or "Us" and "Ap" would be found everywhere. Longer ones
        # may be title-cased ("Nato"), as some newspapers write them.
        spellings: dict[str, list[str]] = {}
        for name in unique:
            spellings.setdefault(normalise_surface(name), []).append(name)
        self._acronym_keys: frozenset[str] = frozenset(
            key
            for key, names_of_key in spellings.items()
            if len(key) <= 3 and all(name.replace(".", "").isupper() for name in names_of_key)
        )
        # Names listed in lower case ("dpa") may match in lower case.
        self._lower_keys: frozenset[str] = frozenset(
            key
            for key, names_of_key in spellings.items()
            if any(name.islower() for name in names_of_key)
        )
        self._empty = not unique
        # Names written with full stops ("U.S.", "St. Louis") have a pattern of their own that
        # makes each stop optional, tried first, longest first; then the other names' keys.
        self._dotted: tuple[str, ...] = tuple(name for name in unique if "." in name)
        plain_keys = {normalise_surface(name) for name in unique if "." not in name}
        self._fallback: re.Pattern[str] | None = None
        if (
            use_regex
            or any(_is_exotic(name) for name in unique)
            or any(not _WORD_CHAR.match(key) for key in plain_keys)
            or any(not _WORD_CHAR.match(first_part(name)) for name in self._dotted)
        ):
            self._fallback = compile_alternation(self._dotted, plain_keys)
            return
        # A dotted name's first word may be written in pieces ("U.S." starts with the word
        # "U"): every beginning of it is a start worth trying.
        self._dotted_by_start: dict[str, list[int]] = {}
        for index, name in enumerate(self._dotted):
            leading = _LEADING_WORD.match(first_part(name))
            word = leading.group() if leading else ""
            for length in range(1, len(word) + 1):
                if word[:length].isascii():
                    self._dotted_by_start.setdefault(word[:length].lower(), []).append(index)
        self._plain_by_first: dict[str, list[_Key]] = {}
        self._plain_by_length: dict[int, list[_Key]] = {}
        for key in trie_order(plain_keys):
            leading = _LEADING_WORD.match(key)
            word = leading.group() if leading else ""
            parts = tuple(key.split(" "))
            entry = _Key(parts, key == word, len(parts) > 1 and parts[0] == word)
            if word.isascii():
                self._plain_by_first.setdefault(word, []).append(entry)
            self._plain_by_length.setdefault(len(word), []).append(entry)
        self._first_words = frozenset(self._dotted_by_start) | frozenset(self._plain_by_first)

    def find(self, text: str) -> list[PhraseMatch]:
        """Returns the non-overlapping matches in ``text``, in order.

        Args:
            text: Any text; offsets are code points into it.

        Returns:
            The matches; ``key`` is the normalised form of the matched text.
        """
        if self._empty:
            return []
        if self._fallback is not None:
            return self._accepted(
                text, ((found.start(), found.end()) for found in self._fallback.finditer(text))
            )
        return self._accepted(text, self._extents(text))

    def _extents(self, text: str) -> Iterator[tuple[int, int]]:
        words = _words(text)
        pieces, offsets = words.pieces, words.starts
        starts: list[tuple[int, str | None, str]] = [
            (offsets[index], pieces[index], pieces[index])
            for index in compress(count(), map(self._first_words.__contains__, pieces))
        ]
        if not text.isascii():
            # Words with other letters are tried against every name of their length.
            starts.extend(
                (offsets[index], None, text[offsets[index] : offsets[index] + len(pieces[index])])
                for index in compress(count(), map(not_, map(str.isascii, pieces)))
            )
        starts.sort()
        resume = 0
        for start, lowered, word in starts:
            if start < resume:
                continue
            end = self._end_at(text, start, lowered, word)
            if end is not None:
                yield start, end
                resume = end

    def _end_at(self, text: str, start: int, lowered: str | None, word: str) -> int | None:
        """The end of the match the regex would find at ``start``, or None."""
        dotted: Sequence[int]
        plain: Sequence[_Key]
        if lowered is None:  # a word with other letters: any name of that length may match
            dotted = range(len(self._dotted))
            plain = self._plain_by_length.get(len(word), ())
        else:
            dotted = self._dotted_by_start.get(lowered, ())
            plain = self._plain_by_first.get(lowered, ())
        for index in dotted:
            found = dotted_regex(self._dotted[index]).match(text, start)
            if found is not None:
                return found.end()
        # The word at ``start`` is known: keys that begin with it as a whole word only need
        # the separator after it (found once) and their other parts checked.
        after: int | None = None
        for key in plain:
            if lowered is not None and key.whole_word:
                return start + len(word)  # a non-word character follows the word
            if lowered is not None and key.word_first:
                if after is None:
                    separator = _SEPARATOR_RUN.match(text, start + len(word))
                    after = separator.end() if separator else -1
                end = _parts_end(text, after, key.parts[1:]) if after >= 0 else None
            else:
                end = _parts_end(text, start, key.parts)
            if end is not None:
                return end
        return None

    def _accepted(self, text: str, extents: Iterable[tuple[int, int]]) -> list[PhraseMatch]:
        matches: list[PhraseMatch] = []
        for start, end in extents:
            surface = text[start:end]
            # Case-insensitive matching lets "NATO" find "Nato"; a fully lower-case hit
            # is almost always an ordinary word ("bath", "turkey"), so skip it.
            key = normalise_surface(surface)
            if surface.islower() and key not in self._lower_keys:
                continue
            if key in self._acronym_keys and not surface.replace(".", "").isupper():
                continue
            matches.append(PhraseMatch(start, end, key, surface))
        return matches
