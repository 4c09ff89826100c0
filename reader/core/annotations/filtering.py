"""Filtering annotations for the archive-wide browser: by words and by date.

Pure functions over stored annotations; the store already filters by article, colour, tag
and orphan state in SQL. Dates are compared as ISO 8601 UTC strings, which sort as times do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from reader.core.annotations.model import Annotation


class HasAnnotation(Protocol):
    """Anything carrying an annotation (``StoredAnnotation`` in practice)."""

    @property
    def annotation(self) -> Annotation: ...


def matches_words(annotation: Annotation, words: str) -> bool:
    """Whether every word of ``words`` occurs (case-insensitively) in the quote, note or tags.

    Args:
        annotation: the annotation to test.
        words: what the user typed; empty matches everything.

    Returns:
        True when each word is found somewhere in the annotation's own text.
    """
    quote = annotation.quote
    haystack = " ".join(
        [quote.exact if quote is not None else "", annotation.note, *annotation.tags]
    ).casefold()
    return all(word in haystack for word in words.casefold().split())


T = TypeVar("T", bound=HasAnnotation)


def filter_annotations(
    items: Iterable[T],
    *,
    words: str = "",
    modified_since: str | None = None,
    modified_until: str | None = None,
) -> list[T]:
    """Keeps the items whose annotation matches the words and the date range.

    Args:
        items: stored annotations (or anything with an ``annotation``).
        words: words to find in quote, note or tags (all of them).
        modified_since: ISO date or time; keeps annotations modified at or after it.
        modified_until: ISO date; keeps annotations modified on or before that day.

    Returns:
        The kept items, in their original order.
    """
    kept: list[T] = []
    for item in items:
        annotation = item.annotation
        if modified_since and annotation.modified < modified_since:
            continue
        # A bare date "2024-05-01" must include that whole day: compare its prefix.
        if modified_until and annotation.modified[: len(modified_until)] > modified_until:
            continue
        if words and not matches_words(annotation, words):
            continue
        kept.append(item)
    return kept
