"""The index's tokenizer (Whoosh's ``default_pattern``) as fast list and set operations.

A token is a run of word characters and "*", possibly joined by single dots ("3.14",
"u.s.a"). ``words_in`` and ``distinct_words`` give exactly what the expression finds
(property-tested), faster, by taking the chunks between spaces that are plain words as
they stand.
"""

from __future__ import annotations

import re

from whoosh.analysis.tokenizers import default_pattern

# ``default_pattern`` without its capturing group (``findall`` then returns whole words).
WORDS = re.compile(default_pattern.pattern.replace("(", "(?:"), default_pattern.flags)


def words_in(text: str) -> list[str]:
    """``WORDS.findall(text)``, faster: a whitespace-separated chunk of word characters
    only (``str.isalnum``, which is the expression's ``\\w`` but for "_") is one word as it
    stands; only the other chunks go through the expression."""
    found: list[str] = []
    append, extend, findall = found.append, found.extend, WORDS.findall
    for chunk in text.split():
        if chunk.isalnum():
            append(chunk)
        else:
            extend(findall(chunk))
    return found


def distinct_words(text: str) -> set[str]:
    """``set(WORDS.findall(text))``, about twice as fast: chunks between spaces made of word
    characters only are words; the others go through the expression together."""
    chunks = set(text.split())
    words = {chunk for chunk in chunks if chunk.isalnum()}
    words.update(WORDS.findall(" ".join(chunks.difference(words))))
    return words


def is_word_character(character: str) -> bool:
    return character.isalnum() or character in "_*"


def joined_before(text: str, start: int) -> bool:
    """Whether ``start`` is inside a token: after a word character, or after a dot that
    follows one."""
    before = text[start - 1] if start else " "
    return is_word_character(before) or (
        before == "." and start > 1 and is_word_character(text[start - 2])
    )


def joined_after(text: str, end: int) -> bool:
    """Whether a token would go on at ``end``: a word character, or a dot and one."""
    after = text[end] if end < len(text) else " "
    return is_word_character(after) or (
        after == "." and end + 1 < len(text) and is_word_character(text[end + 1])
    )


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Where ``word`` occurs in ``text`` as a whole token."""
    found = []
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not joined_before(text, start) and not joined_after(text, end):
            found.append((start, end))
        start = text.find(word, start + 1)
    return found
