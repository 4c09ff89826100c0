"""BibTeX/BibLaTeX entries with a stable key and proper escaping.

Entries use BibLaTeX types and fields (``@online`` for web pages, ``@article`` for
newspaper articles, ``date``/``urldate``) plus the classic ``year``/``journal``/
``howpublished`` fields, so both biber and plain BibTeX styles, and Zotero's importer, get
what they read. Text is UTF-8 with LaTeX's special characters escaped; capitalised words
other than the first are braced so styles that change title case keep "NATO" and "Kabul".
"""

from __future__ import annotations

import re
import unicodedata

from reader.core.citations.dates import iso_date
from reader.core.citations.names import PersonName
from reader.core.citations.record import CitationKind, CitationRecord

_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
}
_STOP_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "on",
    "in",
    "and",
    "to",
    "for",
    "at",
    "by",
    "with",
    "der",
    "die",
    "das",
    "le",
    "la",
    "les",
    "el",
    "los",
    "un",
    "une",
    "ein",
    "eine",
}


def escape(text: str) -> str:
    """Escapes LaTeX's special characters (UTF-8 letters are kept as they are)."""
    return "".join(_SPECIALS.get(char, char) for char in " ".join(text.split()))


def protect_case(title: str) -> str:
    """Escapes a title and braces words whose capitals must survive a style's case change."""
    words = escape(title).split(" ")
    protected = []
    for index, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        capitals = [c for c in letters[1:] if c.isupper()]
        is_proper = index > 0 and letters and letters[0].isupper()
        if (capitals or is_proper) and "\\" not in word:
            protected.append("{" + word + "}")
        else:
            protected.append(word)
    return " ".join(protected)


def _ascii_word(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", decomposed.encode("ascii", "ignore").decode().lower())


def citation_key(record: CitationRecord) -> str:
    """A stable key: first author's family name (or the site), year, first title word.

    The same metadata always gives the same key, e.g. ``gannon2021taliban``; ``anon`` and
    ``nd`` stand in for a missing author and year. Collisions between articles are for the
    caller to resolve (e.g. by appending the article id).
    """
    first = record.authors[0] if record.authors else None
    who = _ascii_word((first.family or first.literal).split()[-1]) if first else ""
    who = who or _ascii_word(record.container.split(".")[0]) or "anon"
    year = f"{record.published[0]:04d}" if record.published else "nd"
    title_words = [_ascii_word(word) for word in record.title.split()]
    significant = [word for word in title_words if word and word not in _STOP_WORDS]
    return f"{who}{year}{significant[0] if significant else ''}"


def _bib_name(name: PersonName) -> str:
    if name.is_literal:
        return "{" + escape(name.literal) + "}"  # braced: never split into first/last
    parts = [escape(name.family)]
    if name.suffix:
        parts.append(escape(name.suffix))
    if name.given:
        parts.append(escape(name.given))
    return ", ".join(parts)


def format_bibtex(record: CitationRecord, key: str | None = None) -> str:
    """Returns one BibTeX entry.

    Args:
        record: the article's citation facts.
        key: the citation key; ``citation_key(record)`` by default.
    """
    newspaper = record.kind is CitationKind.NEWSPAPER_ARTICLE
    fields: list[tuple[str, str]] = []
    if record.authors:
        fields.append(("author", " and ".join(_bib_name(name) for name in record.authors)))
    fields.append(("title", protect_case(record.title)))
    if record.container:
        site = escape(record.container)
        fields += (
            [("journaltitle", site), ("journal", site)] if newspaper else [("organization", site)]
        )
    if record.published:
        fields += [("date", iso_date(record.published)), ("year", f"{record.published[0]:04d}")]
    if record.url:
        fields += [("url", record.url)]
        if not newspaper:
            fields.append(("howpublished", "\\url{" + record.url + "}"))
    if record.accessed:
        fields += [("urldate", iso_date(record.accessed))]
        fields.append(("note", f"Accessed {iso_date(record.accessed)}"))
    if record.language:
        fields.append(("langid", escape(record.language)))
    entry_type = "article" if newspaper else "online"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{key or citation_key(record)},\n{body}\n}}\n"
