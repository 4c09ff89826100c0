"""Describing a selection with W3C selectors, and their JSON form.

``describe`` and ``anchoring.anchor`` work on the same string: the article's canonical text,
indexed by Python code points. The JSON form uses the W3C Web Annotation field names
(``type``, ``exact``, ``prefix``, ``suffix``, ``start``, ``end``), so it is also the
``selector`` list of the JSON-LD export.
"""

from __future__ import annotations

from typing import Any

from reader.core.annotations.model import (
    CONTEXT_LENGTH,
    Selector,
    TextPositionSelector,
    TextQuoteSelector,
)
from reader.core.errors import ReaderError


class SelectorError(ReaderError):
    """A selector that cannot be built or parsed; the message says which field is wrong."""


def describe(text: str, start: int, end: int) -> tuple[TextPositionSelector, TextQuoteSelector]:
    """Builds both selectors for the selection ``text[start:end]``.

    Args:
        text: the canonical text the selection was made in.
        start: first code point of the selection.
        end: one past its last code point; must be greater than ``start``.

    Returns:
        The position selector and the quote selector with ``CONTEXT_LENGTH`` characters of
        prefix and suffix (fewer at the edges of the text).

    Raises:
        SelectorError: an empty or out-of-range selection.
    """
    if not 0 <= start < end <= len(text):
        raise SelectorError(f"selection [{start}, {end}) is empty or outside the text")
    quote = TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
    )
    return TextPositionSelector(start, end), quote


def selector_to_json(selector: Selector) -> dict[str, Any]:
    """Returns the W3C JSON object for one selector."""
    if isinstance(selector, TextPositionSelector):
        return {"type": "TextPositionSelector", "start": selector.start, "end": selector.end}
    return {
        "type": "TextQuoteSelector",
        "exact": selector.exact,
        "prefix": selector.prefix,
        "suffix": selector.suffix,
    }


def selector_from_json(data: object, where: str = "selector") -> Selector:
    """Parses one W3C selector object.

    Args:
        data: the decoded JSON value.
        where: a path for error messages, e.g. ``"target.selector[1]"``.

    Returns:
        The selector.

    Raises:
        SelectorError: not an object, an unsupported ``type`` or a missing/invalid field.
    """
    if not isinstance(data, dict):
        raise SelectorError(f"{where}: expected an object")
    kind = data.get("type")
    if kind == "TextPositionSelector":
        start, end = data.get("start"), data.get("end")
        # bool is an int subclass: reject it so that `true` never becomes offset 1.
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
            raise SelectorError(f"{where}: TextPositionSelector needs integer start and end")
        assert isinstance(start, int) and isinstance(end, int)
        if not 0 <= start <= end:
            raise SelectorError(f"{where}: TextPositionSelector needs 0 <= start <= end")
        return TextPositionSelector(start, end)
    if kind == "TextQuoteSelector":
        exact = data.get("exact")
        if not isinstance(exact, str) or not exact:
            raise SelectorError(f"{where}: TextQuoteSelector needs a non-empty 'exact'")
        prefix, suffix = data.get("prefix", ""), data.get("suffix", "")
        if not isinstance(prefix, str) or not isinstance(suffix, str):
            raise SelectorError(f"{where}: TextQuoteSelector prefix and suffix must be strings")
        return TextQuoteSelector(exact, prefix, suffix)
    raise SelectorError(f"{where}: unsupported selector type {kind!r}")


def selectors_to_json(selectors: tuple[Selector, ...]) -> list[dict[str, Any]]:
    """Returns the JSON list for a tuple of selectors, in order."""
    return [selector_to_json(selector) for selector in selectors]


def selectors_from_json(data: object, where: str = "selector") -> tuple[Selector, ...]:
    """Parses a selector or a list of selectors (W3C allows both forms).

    Raises:
        SelectorError: see ``selector_from_json``; also an empty list.
    """
    items = data if isinstance(data, list) else [data]
    if not items:
        raise SelectorError(f"{where}: no selectors")
    return tuple(selector_from_json(item, f"{where}[{index}]") for index, item in enumerate(items))
