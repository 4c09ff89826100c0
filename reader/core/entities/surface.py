"""Normalising entity surfaces into keys, and cleaning span edges.

``normalise_surface`` decides when two mentions are "the same written name": it ignores case,
a leading "the", a trailing possessive, quotes, full stops in abbreviations and the difference
between hyphens, dashes and spaces. So "U.S." and "US", "Qala-e-Naw" and "Qala-e Naw", "the
Taliban's" and "Taliban" share a key. It does not guess that different names mean the same thing:
that is what user aliases are for.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|s')$|'$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014_/]+")
_STRIPPED = "\"'()[]{}.,;:!?*"


# Keys are looked up for every mention of every article that is listed, indexed or corrected,
# and the same few thousand names recur: caching them halves the cost of indexing entities.
@lru_cache(maxsize=65536)
def normalise_surface(surface: str) -> str:
    """Returns the key under which a written name is stored and compared.

    Args:
        surface: The entity text as found or typed ("the U.S.", "Qala-e Naw", "NATO's").

    Returns:
        A lower-case key ("us", "qala e naw", "nato"); empty when nothing is left.
    """
    text = unicodedata.normalize("NFKC", surface).translate(_QUOTES).strip().strip(_STRIPPED)
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text.rstrip(_STRIPPED)) if text.endswith(("'s", "'S", "'")) else text
    # Full stops only matter inside abbreviations ("U.S.", "St. Louis"): drop them all.
    text = text.replace(".", "")
    text = _SEPARATORS.sub(" ", text).strip(" " + _STRIPPED)
    return text.casefold()


def display_surface(surface: str) -> str:
    """Cleans a surface for display: trims whitespace, quotes, a leading "the" and a possessive.

    Args:
        surface: The entity text as found in an article.

    Returns:
        The name as a list of entities would show it ("the Taliban's" -> "Taliban").
    """
    text = " ".join(surface.split()).strip("\"'\u2018\u2019\u201c\u201d")
    text = _LEADING_THE.sub("", text)
    for suffix in ("'s", "\u2019s", "'S"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    return text.strip() or surface.strip()
