"""The text analyzer of the index: words → terms in one pass, with a cache.

``TermAnalyzer`` yields exactly the tokens of Whoosh's
``StemmingAnalyzer() | CharsetFilter(accent_map)`` (and, without stemming and stop words,
of ``StandardAnalyzer(stoplist=None) | CharsetFilter(accent_map)``): the same regular
expression, lower-casing, stop words of at least two letters, Porter stems, accents folded,
and the same position numbering. It takes about half the time (profiled on a 5,000-article
build) because a chain of generators and a stemming call per token become one loop and one
dictionary look-up per token: an archive repeats a small vocabulary, so the word → term
cache hits almost always.

``term_positions`` (used by ``TermPositions`` when indexing) and ``find_terms`` (snippets,
hits in context) skip Whoosh's token objects altogether.

The cache is per process and bounded; callers must not mutate the analyzer while it runs.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import STOP_WORDS, Token, Tokenizer
from whoosh.analysis.tokenizers import default_pattern
from whoosh.formats import Positions
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

from reader.core.index.wordfind import find_terms

# Above this many cached words the cache starts again (a vocabulary grows without bound
# in an archive full of names; 200,000 words cost about 30 MB).
CACHE_LIMIT = 200_000
_STOPPED = ""  # the cached "term" of a stop word
# The last letters of every suffix Porter's stemmer rewrites (steps 1a to 5: -s, -eed, -ed,
# -ing, -y, -ational... -ion, -e, -ll): a word ending otherwise (in a, b, f, h, a digit, an
# accented letter...) is its own stem, and is not run through the stemmer's expressions
# (about 10 us a word; most new words of an archive are names, numbers and codes).
STEMMED_ENDINGS = frozenset("sdgylirnmectu")


# Word → term caches shared by equal analyzers: the schema, and with it the analyzer, is
# unpickled from the index's table of contents at every commit, and a fresh cache per
# commit stemmed most of every import batch's words again.
_SHARED_CACHES: dict[tuple[bool, frozenset[str]], dict[str, str]] = {}


def _shared_cache(stemming: bool, stops: frozenset[str]) -> dict[str, str]:
    return _SHARED_CACHES.setdefault((stemming, stops), {})


class TermAnalyzer(Tokenizer):  # type: ignore[misc]
    """Lower-cased words → (stemmed) accent-folded terms, stop words dropped."""

    def __init__(self, *, stemming: bool = True, stop_words: bool = True) -> None:
        self.stemming = stemming
        self.stops = frozenset(STOP_WORDS) if stop_words else frozenset()
        self.is_morph = stemming
        self._cache = _shared_cache(self.stemming, self.stops)

    def __getstate__(self) -> dict[str, Any]:
        # The schema is pickled into the index's table of contents: leave the cache out.
        return {"stemming": self.stemming, "stops": self.stops, "is_morph": self.is_morph}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._cache = _shared_cache(self.stemming, self.stops)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, TermAnalyzer)
            and other.stemming == self.stemming
            and other.stops == self.stops
        )

    def __hash__(self) -> int:
        return hash((self.stemming, self.stops))

    def term_of(self, lowered: str) -> str:
        """The term of one lower-cased word; "" for a stop word."""
        term = self._cache.get(lowered)
        if term is None:
            if len(lowered) < 2 and self.stops or lowered in self.stops:
                term = _STOPPED
            elif self.stemming and lowered[-1] in STEMMED_ENDINGS:
                term = stem(lowered).translate(accent_map)
            else:
                term = lowered.translate(accent_map)
            if term == lowered:
                # The word itself rather than an equal copy: most words are their own term,
                # and a cache (or a segment builder's vocabulary) then keeps one string.
                term = lowered
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[lowered] = term
        return term

    def term_positions(self, text: str) -> dict[str, list[int]]:
        """Each term of ``text`` with its positions, numbered as the token stream does."""
        found: dict[str, list[int]] = {}
        cache = self._cache
        term_of = self.term_of
        position = -1
        first: int | None = None
        lowered = text.lower()
        same_length = len(lowered) == len(text)
        for number, match in enumerate(default_pattern.finditer(lowered if same_length else text)):
            word = match.group() if same_length else match.group().lower()
            term = cache.get(word)
            if term is None:
                term = term_of(word)
            if not term:
                continue
            # Whoosh's StopFilter keeps the first kept word's own position and numbers the
            # others consecutively after it.
            if first is None:
                first = position = number
            else:
                position += 1
            positions = found.get(term)
            if positions is None:
                found[term] = [position]
            else:
                positions.append(position)
        return found

    def find_terms(self, text: str, terms: set[str] | frozenset[str]) -> list[tuple[int, int]]:
        """The character spans of the words of ``text`` whose term is in ``terms``
        (``wordfind.find_terms``)."""
        return find_terms(self, text, terms)

    def find_terms_slowly(
        self, text: str, terms: set[str] | frozenset[str]
    ) -> list[tuple[int, int]]:
        """``find_terms`` word by word (any text)."""
        spans: list[tuple[int, int]] = []
        if not terms:
            return spans
        cache = self._cache
        term_of = self.term_of
        # Lower-casing can change a string's length (a few letters become two): then the
        # offsets must come from the original text.
        lowered = text.lower()
        source = lowered if len(lowered) == len(text) else text
        for match in default_pattern.finditer(source):
            word = match.group() if source is lowered else match.group().lower()
            term = cache.get(word)
            if term is None:
                term = term_of(word)
            if term in terms:
                spans.append(match.span())
        return spans

    def __call__(  # noqa: PLR0913 - Whoosh's tokenizer protocol
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        no_morph: bool = False,
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            matches: Iterator[tuple[str, int, int]] = iter([(value, 0, len(value))])
        else:
            matches = ((m.group(), m.start(), m.end()) for m in default_pattern.finditer(value))
        position: int | None = None
        for number, (word, start, end) in enumerate(matches):
            lowered = word.lower()
            if no_morph:
                term = "" if self._stopped(lowered) else lowered.translate(accent_map)
            else:
                term = self.term_of(lowered)
            token.boost = 1.0
            if keeporiginal:
                token.original = word
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            if term or not self.stops:
                token.text = term
                token.stopped = False
                if positions:
                    position = start_pos + number if position is None else position + 1
                    token.pos = position
                yield token
            elif not removestops:
                # Whoosh's chain: a kept stop word is folded but not stemmed nor renumbered.
                token.text = lowered.translate(accent_map)
                token.stopped = True
                if positions:
                    token.pos = start_pos + number
                yield token

    def _stopped(self, lowered: str) -> bool:
        return bool(self.stops) and (len(lowered) < 2 or lowered in self.stops)


class TermPositions(Positions):  # type: ignore[misc]
    """Whoosh's ``Positions`` format with packed values, indexing through
    ``TermAnalyzer.term_positions``.

    A posting's value is its positions as little-endian unsigned 32-bit numbers (Whoosh's
    ``Positions`` pickles a list of deltas after a count): the vectorised reader
    (``reader.core.index.postings``) reads the positions of many postings with one
    ``numpy.frombuffer``, and a one-position value is 4 bytes instead of 13. Frequency and
    weight follow from the length. Whoosh's matchers decode values through this class (it
    is pickled with the schema), so phrases work the same in Whoosh's own code.
    """

    def word_values(
        self, value: Any, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(analyzer, TermAnalyzer) or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, positions in analyzer.term_positions(value).items():
            yield term, len(positions), len(positions) * boost, encode_positions(positions)

    def encode(self, poslist: list[int]) -> bytes:
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode_positions(valuestring)

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // 4

    def decode_weight(self, valuestring: bytes) -> float:
        return float(len(valuestring) // 4 * self.field_boost)

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, int]]:
        return [(position, 1) for position in decode_positions(valuestring)]


_SWAP = sys.byteorder != "little"
# The typecode of unsigned 32-bit numbers ("I" on every platform Python supports today).
UINT32 = "I" if array("I").itemsize == 4 else "L"


def encode_positions(positions: list[int]) -> bytes:
    """Positions (ascending, each below 2**32) as little-endian 32-bit numbers."""
    packed = array(UINT32, positions)
    if _SWAP:
        packed.byteswap()
    return packed.tobytes()


def decode_positions(value: bytes) -> list[int]:
    packed = array(UINT32)
    packed.frombytes(value)
    if _SWAP:
        packed.byteswap()
    return packed.tolist()
