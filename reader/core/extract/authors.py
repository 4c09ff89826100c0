"""Author strings to clean person names.

Bylines come as "By Jane Doe and John Roe", "Jane Doe, Staff Writer", "JANE DOE | Reuters",
profile URLs or Twitter handles. This module keeps names only.
"""

from __future__ import annotations

import re

from reader.core.extract.text import normalize_space

_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|reviewed|edited|reported|photos?|text|words)\s+)?"
    r"(?:by|von|par|por|door|di|av|from|author|authors|autor|auteur)\s*[:\-]?\s+",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\||/|\n)\s*", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"\b(?:staff|writer|reporter|editor|correspondent|contributor|columnist|journalist|"
    r"senior|chief|associate|news|desk|team|admin|administrator|guest|updated|published|"
    r"posted|minutes?|min read|read|share|follow|email|twitter|photograph(?:er|y)|"
    r"agency|press|wire|bureau|service|media|inc|ltd|llc|gmbh|\.com|founder|co-founder|"
    r"director|manager|coordinator|head|expert|consultant|author|reviewer|specialist|"
    r"educator|officer|president|ceo|cto|cfo|analyst|strategist|certified|licensed|"
    r"marketing|lead|owner|intern|producer|host|professor|lecturer|researcher)\b",
    re.IGNORECASE,
)
# Words that never occur in a person's name but do in things near bylines.
_NON_NAME_WORDS = {
    "by", "the", "our", "people", "company", "size", "articles", "article", "posts", "post",
    "bluesky", "mastodon", "facebook", "instagram", "linkedin", "youtube", "threads", "courtesy",
    "view", "all", "more", "about", "contact", "home", "blog", "news", "profile", "bio",
    "written", "reviewed", "fact", "checked", "medically", "updated", "last", "share", "comments",
    "subscribe", "newsletter", "login", "menu", "search", "getty", "images", "shutterstock",
    "unsplash", "photo", "image", "video", "podcast", "category", "categories", "tags", "topics",
    "user", "undefined", "null", "none", "anonymous", "unknown", "guest",
}  # fmt: skip
_ROLE_TAIL = re.compile(r"\s+[-–—|]\s+.*$|\s*\(.*\)$")
# A team credited as author ("Everfit Team", "The Podium Staff"): kept as the byline,
# while a role after a name ("Jane Doe, Staff Writer") is not a name.
_TEAM = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w&'’.-]*\s+){1,3}(?:editorial\s+)?(?:team|staff|editors|desk)$",
    re.IGNORECASE,
)
_NOT_NAME = re.compile(r"[@#:/\d]|https?|www\.", re.IGNORECASE)
# Lower-case words that do occur inside names ("Ludwig van Beethoven", "Ana de Armas");
# any other lower-case word ("Insights from", "works in Calgary") means it is not a name.
_PARTICLES = {
    "van", "von", "de", "der", "den", "da", "das", "do", "dos", "del", "della", "di", "du",
    "la", "le", "bin", "ibn", "al", "el", "y", "e", "ter", "ten", "zu", "af", "st.",
}  # fmt: skip
# Credentials after a name ("Jane Doe, RN, BSN"), split off as parts of their own.
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}|(?:[A-Z][a-z]?\.){1,4}[A-Z]?[a-z]?\.?)$")
_NAME_TOKEN = re.compile(r"^[\w.'’\-]+$")


def clean_author(name: str, *, handles: bool = False) -> str | None:
    """Returns a person's name from one author string, or None if it is not a name.

    Args:
        name: one author string.
        handles: accept a lower-case user name ("jsteinhardt"). Structured data (JSON-LD,
            author meta tags) names the account that published the page this way; in
            visible text a lower-case string is more often a slug or a label.

    Returns:
        The name, or None.
    """
    name = normalize_space(name)
    name = _PREFIX.sub("", name).strip(" -–—|,.:")
    # "Jane Doe - Product marketer", "Jane Doe (Reuters)": the name is the first part.
    name = _ROLE_TAIL.sub("", name).strip(" -–—|,.:")
    if not name or _NOT_NAME.search(name):
        return None
    words = name.split()
    if any(word.lower().strip(".") in _NON_NAME_WORDS for word in words):
        return None
    if not 1 <= len(words) <= 5 or len(name) > 60:
        return None
    if not all(_NAME_TOKEN.match(word) for word in words):
        return None
    if not name.islower() and any(word[0].islower() and word not in _PARTICLES for word in words):
        return None
    if len(words) == 1 and _CREDENTIAL.match(name):
        return None
    if _ROLE_WORDS.search(name) and not _TEAM.match(name):
        return None
    if name.isupper() or name.islower():
        # All-caps bylines are common; lower-case strings are usually handles or slugs.
        if name.islower():
            return name if handles else None
        name = name.title()
    return name


def split_authors(value: str, *, handles: bool = False) -> list[str]:
    """Splits a byline listing several people into clean names, in order, without repeats.

    Args:
        value: the byline.
        handles: accept lower-case user names (see ``clean_author``).

    Returns:
        The names.
    """
    value = _PREFIX.sub("", normalize_space(value))
    names: list[str] = []
    for part in _SPLIT.split(value):
        # "Jane Doe, Staff Writer": the role part is dropped by clean_author.
        cleaned = clean_author(part, handles=handles) if part else None
        if cleaned and cleaned not in names:
            names.append(cleaned)
    # Next to a full name, a one-word part is a section or a role ("Jane Doe | Hardware"),
    # not a second author known by one name.
    if any(len(name.split()) > 1 for name in names):
        names = [name for name in names if len(name.split()) > 1]
    return names
