"""The article's title: the visible headline, checked against the structured titles.

Candidates: the page's ``<h1>`` headings (``h1``), the JSON-LD headline (``json-ld``),
``og:title`` and other title meta tags (``opengraph``, ``meta:<name>``) and ``<title>``
(``title-tag``). Structured titles lose their site-name decoration first: "Taliban attack
provincial capital amid US pullout | DW | 07.07.2021" becomes the headline.

Choice, by agreement between sources:

- an ``<h1>`` that names the site is no headline: it equals a known site name, or it is
  the last separator-delimited part of ``<title>``/``og:title`` after a longer part
  ("A brief intro to git • Cory Dransfeldt" with ``<h1>Cory Dransfeldt</h1>``);
- the visible ``<h1>`` wins over structured titles (often SEO variants), unless it shares
  almost no words with all of them (then it is a section label such as "Webcams"); an
  ``<h1>`` in capitals or starting in lower case (a style sheet's doing) takes the
  capitalisation of a structured title with the same words;
- a reading of the ``<h1>`` without a nested label, date or count wins when a structured
  title agrees with it exactly ("Blog: Best agencies" with ``og:title`` "Best agencies");
- among structured titles, the one most sources agree on wins; a title that is the
  beginning of another is a truncated copy of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.extract.dates import parse_date
from reader.core.extract.headlines import Heading
from reader.core.extract.text import repair_text

_SEPARATORS = re.compile(r"\s+[|–—•·»:\-]\s+|\s+::\s+|\s+/\s+")
_PIPE_LIKE = "| – — - • · » ::"
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_MAX_TITLE = 300
_MAX_SITE_PART = 30
_MAX_SITE_KEY = 40
_TOKENS = re.compile(r"\w+")
# Below this share of common words with every structured title, an <h1> is a label.
_MIN_HEADING_OVERLAP = 0.2
_MANY_HEADINGS = 3
_MANY_HEADINGS_OVERLAP = 0.5
# Titles are cut at length limits; a shorter beginning of another title is a short form.
_MIN_TRUNCATED = 40
# Overlap a heading gives up for each heading before it.
_LATER = 0.25
# og:title is written for people sharing the page, the <title> for the browser tab; both
# name the article more often than a JSON-LD headline does (measured on WCXB).
_STRUCTURED_ORDER = ("opengraph", "title-tag", "json-ld")


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def clean_title(
    value: str | None,
    *,
    sites: Sequence[str] = (),
    h1: str | None = None,
    guess_site: str = _PIPE_LIKE,
) -> str | None:
    """Removes site-name prefixes and suffixes from a title candidate.

    Args:
        value: a raw title (``<title>``, ``og:title``...).
        sites: names the site is known by (``og:site_name``, publisher...).
        h1: the page's headline, used to confirm which part is the headline.
        guess_site: when no part names a known site, a short last part after one of
            these separators is taken for the site's name. Right for ``<title>``; in a
            visible headline a dash joins a subtitle ("Zero Waste - A Beginner's Guide")
            and only a pipe sets off a label ("Best Movers in NYC | Top 19 Companies").

    Returns:
        The cleaned title, or None for an empty or implausible value.
    """
    if not value:
        return None
    title = repair_text(value)
    if not title or len(title) > _MAX_TITLE:
        return None
    h1_key = _key(h1) if h1 else ""
    if h1_key and _key(title) == h1_key:
        return title
    parts = _SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    separators = _SEPARATORS.findall(title)
    site_keys = [key for key in map(_key, sites) if key]
    # The headline is the part that equals the <h1>, if one does.
    if h1_key:
        for start in range(len(parts)):
            for end in range(len(parts), start, -1):
                if _key(_join(parts, separators, start, end)) == h1_key:
                    return _join(parts, separators, start, end)
    # Drop parts that name the site from either end.
    start, end = 0, len(parts)
    while end - start > 1 and _is_site(parts[end - 1], site_keys, suffix=True):
        end -= 1
    while end - start > 1 and _is_site(parts[start], site_keys, suffix=False):
        start += 1
    if (start, end) == (0, len(parts)):
        # No site name known: a short last part after a pipe-like separator is the site.
        last = separators[-1].strip()
        if last and last in guess_site.split() and len(parts[-1]) <= _MAX_SITE_PART:
            kept = _join(parts, separators, 0, len(parts) - 1)
            if len(kept) >= 10:
                return kept
        return title
    return _join(parts, separators, start, end)


def _is_site(part: str, site_keys: list[str], *, suffix: bool) -> bool:
    """True when a title part names the site. A trailing part may also add words to the
    name ("The Motley Fool" for fool.com); a leading part must be the name itself, since
    headlines begin with the words a domain is made of ("Time management tips")."""
    # Trailing dates ("| 07.07.2021") and domain names ("Move.org") decorate titles the
    # same way site names do.
    if len(part) <= _MAX_SITE_PART and (parse_date(part) or _DOMAIN.match(part.strip())):
        return True
    key = _key(part)
    if not key:
        return False
    return any(
        key == site or key in site or suffix and site in key and len(key) < _MAX_SITE_KEY
        for site in site_keys
    )


def _join(parts: list[str], separators: list[str], start: int, end: int) -> str:
    text = parts[start]
    for index in range(start + 1, end):
        text += separators[index - 1] + parts[index]
    return text.strip()


def _overlap(first: str, second: str) -> float:
    a = set(_TOKENS.findall(first.lower()))
    b = set(_TOKENS.findall(second.lower()))
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _site_affix(heading: str, raw_titles: list[str]) -> bool:
    """True when the heading decorates a raw title as the site's name: it is the last part
    after a longer part ("A brief intro to git • Cory Dransfeldt"), or the rest of the
    title is another structured title ("Engora Data Blog: Small adventures ...")."""
    key = _key(heading)
    keys = {_key(raw) for raw in raw_titles}
    for raw in raw_titles:
        raw_key = _key(raw)
        if len(raw_key) <= 2 * len(key):
            continue  # the rest must be longer than the heading
        parts = _SEPARATORS.split(raw)
        if len(parts) > 1 and _key(parts[-1]) == key:
            return True
        if raw_key.startswith(key) and raw_key[len(key) :] in keys:
            return True
        if raw_key.endswith(key) and raw_key[: -len(key)] in keys:
            return True
    return False


def _names_site(text: str, site_keys: list[str]) -> bool:
    key = _key(text)
    return any(key == site or key in site for site in site_keys)


def choose_title(
    headings: Sequence[Heading],
    structured: Sequence[tuple[str | None, str]],
    sites: Sequence[str | None] = (),
) -> tuple[str | None, str]:
    """Picks the article's title and its source (see the module doc for the rules).

    Args:
        headings: the page's ``<h1>`` headings outside navigation, in order.
        structured: raw (title, source) pairs from structured data and ``<title>``, best
            first; sources are "json-ld", "opengraph", "meta:<name>" or "title-tag".
        sites: names the site is known by.

    Returns:
        The title and its source, or (None, "") when nothing plausible was found.
    """
    site_names = [site for site in sites if site]
    raw_titles = [repair_text(value) for value, _ in structured if value]
    # (position among the headline candidates, heading): later ones count for less.
    headline: list[tuple[int, Heading]] = []
    for heading in headings:
        text = repair_text(heading.text)
        words = len(_TOKENS.findall(text))
        if not 1 <= words <= 40 or len(text) > _MAX_TITLE:
            continue
        if _names_site(text, [_key(site) for site in site_names]) or _site_affix(text, raw_titles):
            site_names.append(text)
            continue
        headline.append((len(headline), heading))
    h1 = headline[0][1].text if headline else None
    cleaned: list[tuple[str, str]] = []
    for value, source in structured:
        title = clean_title(value, sites=site_names, h1=h1)
        if title:
            cleaned.append((title, source))
    best = _best_structured(cleaned)
    chosen = _choose_heading(headline, cleaned, site_names)
    if chosen is None:
        return best if best else (None, "")
    visible, agreement = chosen
    if not cleaned:
        return visible, "h1"
    for title, source in cleaned:
        if (visible.isupper() or visible[:1].islower()) and _key(title) == _key(visible):
            return title, source
    # A page with many <h1> uses them for its sections: a weaker signal for each.
    needed = _MIN_HEADING_OVERLAP if len(headline) < _MANY_HEADINGS else _MANY_HEADINGS_OVERLAP
    if agreement >= needed:
        return visible, "h1"
    return best if best else (visible, "h1")


def _source_rank(source: str) -> int:
    return _STRUCTURED_ORDER.index(source) if source in _STRUCTURED_ORDER else 3


def _comparable(title: str) -> str:
    return " ".join(title.lower().replace("’", "'").split()).rstrip(".… ")


def _truncated(short: str, full: str) -> bool:
    """True when ``short`` is ``full`` cut off mid-phrase ("... Solutions (Including")."""
    short, full = _comparable(short), _comparable(full)
    if len(short) < _MIN_TRUNCATED or len(short) >= len(full) or not full.startswith(short):
        return False
    # A cut at a separator ("Choice: Consulting or Insurance?") is a deliberate short form.
    return bool(re.match(r"\s*\w", full[len(short) :])) and not full[len(short)].isalnum()


def _best_structured(cleaned: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The structured title most sources agree on; truncated copies count for the full one."""
    scored = []
    for index, (title, source) in enumerate(cleaned):
        if any(_truncated(title, other) for other, _ in cleaned):
            continue
        key = _key(title)
        support = sum(1 for other, _ in cleaned if _key(other) == key or _truncated(other, title))
        scored.append((-support, _source_rank(source), index, title, source))
    if not scored:
        return None
    _, _, _, title, source = min(scored)
    return title, source


def _choose_heading(
    headings: list[tuple[int, Heading]], cleaned: list[tuple[str, str]], sites: list[str]
) -> tuple[str, float] | None:
    """The best heading and its agreement with the structured titles: the largest share
    of common words, less ``_LATER`` per heading before it on the page (pages put their
    headline first, and section titles or teasers after it)."""
    structured_keys = {_key(title) for title, _ in cleaned}
    scored: list[tuple[float, int, str]] = []
    for position, heading in headings:
        text = repair_text(heading.text)
        candidate: str | None = None
        if _key(text) not in structured_keys:
            # A reading without a nested label, date or count, confirmed by a structured
            # title, is the headline itself.
            confirmed = [r for r in heading.readings if _key(r) in structured_keys]
            if confirmed:
                candidate = repair_text(confirmed[0])
        if candidate is None and (_key(text) in structured_keys or len(_TOKENS.findall(text)) >= 2):
            candidate = clean_title(text, sites=sites, guess_site="|") or text
        if candidate is not None:
            overlap = max((_overlap(candidate, title) for title, _ in cleaned), default=1.0)
            scored.append((overlap - _LATER * position, -position, candidate))
    if not scored:
        return None
    agreement, _, candidate = max(scored)
    return candidate, agreement
