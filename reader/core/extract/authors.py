"""Author strings to clean person names, or to the credit a page gives instead of a person.

Bylines come as "By Jane Doe and John Roe", "Jane Doe, Staff Writer", "JANE DOE | Reuters",
"By Jane Doe in Recipes | Reviewed by John Roe", profile URLs or Twitter handles. This
module keeps names only: roles, credentials, categories and the people credited for
something else (editing, reviewing, photos) are left out. When a page names no person, it
still credits someone ("The Investopedia Team", "Swoogo", "Staff"): ``clean_credit``
keeps that as written.
"""

from __future__ import annotations

import re

from reader.core.extract.dates import parse_date
from reader.core.extract.text import normalize_space

_PREFIX = re.compile(
    r"^\s*(?:(?:(?:view|see|more)\s+)?(?:all\s+)?(?:posts|articles|stories)\s+by\s+|"
    r"(?:(?:written|posted|published|reported|text|words|article|story|authored)\s+)?"
    r"(?:by|von|par|por|door|di|av|from)\s*[:\-]?\s+|(?:authors?|autor|auteur)\s*[:\-]\s*)",
    re.IGNORECASE,
)
# Where the list of authors ends: people credited for something else, categories ("in
# Recipes"), dates and update notes.
_OTHER_CREDIT = re.compile(
    r"(?:^|(?<=[\s|,;•·]))(?:(?:edited|(?:medically\s+|expert\s+)?reviewed|fact[- ]?checked|"
    r"verified|photos?|photographs?|photography|illustrations?|images?|video|produced|"
    r"translated|compiled|curated)\s+by\b|(?:last\s+)?updated\b|published\s+on\b|"
    r"posted\s+(?:on|in)\b|in\b(?=\s*(?-i:[|A-Z])))",
    re.IGNORECASE,
)
_BEFORE_DATE = re.compile(r"\s(?:on|at)\s", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|•|·|\||/|\n)\s*")
# Words joining two names ("Jane Doe and John Roe"), or two words of one name that is
# not a person's ("Center for Drug Evaluation and Research", "Procter & Gamble").
_JOINS = re.compile(r"\s+(?:&|and|with|und|et|y)\s+", re.IGNORECASE)
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
    "user", "undefined", "null", "none", "anonymous", "unknown", "guest", "name", "sponsored",
}  # fmt: skip
# A lone weekday is what is left of a date ("Sat, 20 Dec"), not someone called "Sat".
_WEEKDAYS = {
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
_ROLE_TAIL = re.compile(r"\s+[-–—|]\s+.*$|\s*\([^)]*\)$")
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
# A name's words, with a parenthesised middle name allowed: "Paramita (Guha) Ghosh".
_NAME_TOKEN = re.compile(r"^(?:[\w.'’\-]+|\([\w.'’\-]+\))$")
# Credits: whatever a page names as its author when it names no person.
_MAX_CREDIT_WORDS = 6
_MAX_CREDIT_CHARS = 60
_NOT_CREDIT = re.compile(r"https?:|www\.|@|\.(?:com|org|net)/|[<>{}©]", re.IGNORECASE)
# Labels standing where a name should be.
_LABELS = {"written by", "posted by", "author", "authors", "contributors", "by"}


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
    if len(words) == 1 and (_CREDENTIAL.match(name) or name.lower().strip(".") in _WEEKDAYS):
        return None
    if _ROLE_WORDS.search(name) and not _TEAM.match(name):
        return None
    if name.isupper() or name.islower():
        # All-caps bylines are common; lower-case strings are usually handles or slugs.
        if name.islower():
            return name if handles else None
        name = name.title()
    return name


def _authors_part(value: str) -> str:
    """The part of a byline that lists authors: label removed, other credits cut off."""
    value = _PREFIX.sub("", normalize_space(value))
    cut = _OTHER_CREDIT.search(value)
    if cut:
        value = value[: cut.start()]
    # "Posted by David at December 16, 2025": the date goes, and the word before it.
    for match in _BEFORE_DATE.finditer(value):
        if parse_date(value[match.end() :]):
            return value[: match.start()]
    return value


def split_authors(value: str, *, handles: bool = False) -> list[str]:
    """Splits a byline listing several people into clean names, in order, without repeats.

    Args:
        value: the byline.
        handles: accept lower-case user names (see ``clean_author``).

    Returns:
        The names.
    """
    names: list[str] = []
    for chunk in _SPLIT.split(_authors_part(value)):
        parts = [chunk]
        joined = _JOINS.split(chunk)
        # A chunk is split at "and" only when every side is a name.
        if len(joined) > 1 and all(clean_author(side, handles=handles) for side in joined):
            parts = joined
        for part in parts:
            # "Jane Doe, Staff Writer": the role part is dropped by clean_author.
            cleaned = clean_author(part, handles=handles) if part else None
            if cleaned and cleaned not in names:
                names.append(cleaned)
    # Next to a full name, a one-word part is a section or a role ("Jane Doe | Hardware"),
    # not a second author known by one name.
    if any(len(name.split()) > 1 for name in names):
        names = [name for name in names if len(name.split()) > 1]
    return names


def clean_credit(value: str, *, visible: bool = False) -> str | None:
    """The author a page credits when it names no person: "The Investopedia Team",
    "Swoogo", "Staff", "jsteinhardt". Labels ("By"), other credits ("edited by ...") and
    what follows a first comma or bar are removed; URLs, e-mail addresses, dates and long
    texts are not credits.

    Args:
        value: a byline or an author field.
        visible: the value is page text, not an author field or a link to an author
            page: there, lower-case words are a sentence ("By checking out, you agree").

    Returns:
        The credit as written, or None.
    """
    part = _authors_part(value)
    if _NOT_CREDIT.search(part):
        return None
    chunks = [chunk for chunk in _SPLIT.split(part) if chunk.strip(" -–—.:")]
    credit = chunks[0].strip(" -–—.:") if chunks else ""
    if not credit or _NOT_CREDIT.search(credit) or parse_date(credit):
        return None
    if len(credit) > _MAX_CREDIT_CHARS or len(credit.split()) > _MAX_CREDIT_WORDS:
        return None
    # "Anonymous" is how a page credits an unnamed author; the other words are not credits.
    if credit.lower().strip(".") in (_NON_NAME_WORDS | _WEEKDAYS) - {"anonymous"}:
        return None
    if not any(c.isalpha() for c in credit) or credit.lower() in _LABELS:
        return None
    if visible and " " in credit and not any(word[0].isupper() for word in credit.split()):
        return None
    return credit
