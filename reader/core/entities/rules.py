"""Post-rules that fix span edges and types the statistical model gets wrong on news text.

Each rule is a pure function ``(text, spans) -> spans`` and knows nothing about the model. They
run in ``refine_spans``'s order:

1. ``drop_credit_spans``: nothing inside an "Image: AFP/Getty Images" style credit.
2. ``extend_hyphenated``: a span that stops inside a hyphenated name grows to the whole name
   ("Qala" in "Qala-e-Naw"), and a Persian/Arabic connective ("Qala-e Naw", "Mazar-i Sharif")
   joins the following capitalised word.
3. ``trim_edges``: no leading "the", quote or title ("President", "Mr."), no possessive "'s";
   a name after "Mr", "Ms", "Dr"... is a person.
4. ``apply_designators``: "<Name> province/district/..." and "the city of <Name>" make
   ``<Name>`` a place, "<Name>, the capital of ..." too, and "<Name> Air Base/Airport/..." is
   one place, facility name included. A wire dateline ("KABUL (Reuters) -") is a place, and
   "<Name> Agreement/Treaty/Act/..." is a law.
   A name right after a role noun ("expert Nishank Motwani", "spokesman Fawad Aman") or a
   form of address ("Ms Pugh", "Mr. Aoun") is a person.
5. ``drop_generic_words``: a lone capitalised common noun ("Government", "Analysis",
   "Physicians") is not a name, whatever the model says.
6. Document-level consistency (``consistency.py``): a bracketed acronym takes its long
   form's type, every mention of one name gets the type most of its mentions have, a lone
   surname takes the type of the full name it ends ("Shams" after "Husamuddin Shams"), and a
   name (or a person's surname) found once is found everywhere else in the same text.

Rules only use the text around a span; they never look names up (that is the gazetteer's job).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from reader.core.entities.consistency import (
    HARMONISED,
    expand_acronyms,
    harmonise_labels,
    propagate_mentions,
)
from reader.core.model import EntitySpan

# Credits are not part of the article even when extraction leaves them in a caption.
_CREDIT = re.compile(r"(?:Image|Photo|Picture|Photograph|Credit|Foto|Bild)s?\s*:[^\n]*")
_HYPHENS = "-\u2010\u2011"
_MAX_JOINS = 3
# Connectives of Persian, Pashto, Arabic and Urdu compound names, written before a hyphen.
_CONNECTIVES = frozenset(
    {
        "e",
        "i",
        "ye",
        "ul",
        "ol",
        "al",
        "el",
        "ud",
        "ad",
        "as",
        "ash",
        "an",
        "ar",
        "ur",
        "az",
        "o",
        "u",
        "wa",
    }
)
_CONNECTIVE_TAIL = re.compile(r"[-\u2010\u2011](\w{1,3})$")
_NEXT_CAPITALISED = re.compile(r"[ \u00a0](\w[\w'\u2019]*)")
_TITLES = frozenset(
    """president vice-president prime minister foreign defence defense interior finance
    mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady gov gov. governor sen sen.
    senator rep rep. representative gen gen. general col col. colonel lt lt. lieutenant
    capt capt. captain maj maj. major sgt sgt. sergeant adm adm. admiral cmdr chancellor
    premier spokesman spokeswoman spokesperson secretary ambassador envoy commander chief
    judge justice pope cardinal bishop rev rev. reverend imam sheikh ayatollah mullah
    mayor king queen prince princess emperor coach""".split()  # noqa: SIM905 - a word list
)
# Forms of address that only ever precede a person's name.
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr."})
_LEADING_NOISE = re.compile(r"^(?:the|The|THE)\s+|^[\"'\u2018\u201c(\[]+")
_TRAILING_NOISE = re.compile(
    r"(?:['\u2019][sS]?|[\"'\u2019\u201d)\].,;:!?]+|\s+|\s(?:and|or|of|the|in|on|at|for|&))$"
)
# Administrative units after a name: "Bagdhis province", "Helmand Province".
_DESIGNATOR_AFTER = re.compile(
    r"(?<![\w-])((?:[A-Z][\w'\u2019-]*\s){0,2}[A-Z][\w'\u2019-]*)\s"
    r"(?:province|Province|district|District|governorate|Governorate|prefecture|oblast|"
    r"Oblast|county|County|canton|municipality)(?!\w)"
)
# Scanning a whole article for these patterns costs more than all other rules together, and
# they rarely match: each is only run on texts that contain one of its literal words.
_DESIGNATOR_WORDS = (
    "rovince",
    "istrict",
    "overnorate",
    "prefecture",
    "blast",
    "ounty",
    "canton",
    "municipality",
)
# A facility name: the designator is part of it ("Bagram Air Base").
_FACILITY = re.compile(
    r"(?<![\w-])((?:[A-Z][\w'\u2019-]*\s){1,3})(?:Air\sBase|Airbase|Air\sForce\sBase|"
    r"Naval\sBase|Naval\sStation|International\sAirport|Airport|Airfield)(?!\w)"
)
_FACILITY_WORDS = ("Air", "Naval")
# "the city of <Name>", "the capital, <Name>".
_DESIGNATOR_BEFORE = re.compile(
    r"(?:the|The)\s(?:\w+\s)?(?:city|town|village|capital|province|district|port|region)"
    r"\s(?:of\s)?((?:[A-Z][\w'\u2019-]*\s){0,2}[A-Z][\w'\u2019-]*)"
)
# "<Name>, the (provincial) capital": the apposition says what the name is.
_APPOSITION_AFTER = re.compile(r",\s(?:the|a)\s(?:\w+\s)?(?:capital|city|town|village|port)(?!\w)")
# A wire dateline: "NEW YORK 1996-08-30", "KABUL (Reuters) -", "KABUL, Afghanistan (AP) —".
_DATELINE = re.compile(
    r"(?m)^([A-Z][A-Z.'\u2019 -]*[A-Z])(?:,\s[A-Z][\w.' ]+)?\s"
    r"(?:\d{4}-\d{2}-\d{2}|\([A-Z][\w ]*\)\s?[-\u2013\u2014])"
)
# Nouns that introduce a person's name in news apposition: "analyst Jane Doe".
_ROLE_NOUNS = frozenset(
    """expert analyst spokesman spokeswoman spokesperson minister governor official officer
    researcher professor director chief leader commander lawyer attorney author journalist
    correspondent reporter editor economist activist candidate senator lawmaker ambassador
    envoy diplomat general colonel captain coach striker midfielder defender goalkeeper
    player singer actor actress writer novelist poet artist founder ceo chairman chairwoman
    president secretary deputy adviser advisor aide strategist historian scientist
    doctor mayor judge prosecutor negotiator""".split()  # noqa: SIM905
)
_ORG_WORDS = frozenset(
    """inc ltd llc corp co group bank party ministry university college institute council
    committee agency association union company corporation foundation fund forces army
    police court office department university school hospital airlines network news""".split()  # noqa: SIM905
)
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
# A form of address right before a name: "Ms Pugh", "Mr. Aoun" (capitalised, as in prose).
_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Miss|Dr)\.?\s+$")
_LAW_HEADS = frozenset(
    {
        "Agreement",
        "Treaty",
        "Accord",
        "Accords",
        "Protocol",
        "Act",
        "Amendment",
        "Charter",
        "Directive",
        "Bill",
    }
)
_PLACE_OK = frozenset({"PLACE", "ORG"})
# Words that headlines, section labels and sentence starts capitalise but that never name one
# thing on their own. Kept short on purpose: "Parliament" or "Congress" alone do name one.
_GENERIC_WORDS = frozenset(
    """government governments bank banks analysis physicians doctors police army military
    ministry court courts council committee company companies state states city cities
    officials official reporters reporter editor editors analysts analyst sources source
    update updates breaking exclusive photo photos video videos watch live read more related
    advertisement comment comments opinion editorial share tweet email print subscribe
    follow newsletter image images caption credit file getty mps minister ministers
    president presidents spokesman spokeswoman authorities authority agency agencies
    troops forces soldiers militants fighters insurgents rebels residents villagers
    students teachers workers voters citizens investors traders economists experts""".split()  # noqa: SIM905
)
_NOT_NAMES = frozenset(
    {
        "The",
        "This",
        "That",
        "Each",
        "Every",
        "Our",
        "Their",
        "Its",
        "His",
        "Her",
        "A",
        "An",
        "One",
        "Another",
        "Which",
        "Whose",
        "Neighboring",
        "Neighbouring",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
    }
)


def _overlapping(spans: Sequence[EntitySpan], start: int, end: int) -> list[EntitySpan]:
    return [span for span in spans if span.start < end and start < span.end]


def _with_edges(text: str, span: EntitySpan, start: int, end: int) -> EntitySpan:
    return replace(span, start=start, end=end, text=text[start:end])


def drop_credit_spans(text: str, spans: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Removes spans inside photo credits ("Image: AFP/Getty Images" to the end of its line)."""
    credits = [(match.start(), match.end()) for match in _CREDIT.finditer(text)]
    if not credits:
        return list(spans)
    return [
        span
        for span in spans
        if not any(span.start < end and start < span.end for start, end in credits)
    ]


def extend_hyphenated(text: str, spans: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Grows spans that stop inside a hyphenated or connective compound name."""
    result: list[EntitySpan] = []
    for span in spans:
        start, end = span.start, span.end
        # Left: "Qaida" inside "al-Qaida". Names have few parts: at most _MAX_JOINS hyphens
        # are crossed, so a run like "x-x-x-x" never becomes one huge span.
        joins = 0
        while (
            joins < _MAX_JOINS
            and start > 1
            and text[start - 1] in _HYPHENS
            and text[start - 2].isalnum()
        ):
            joins += 1
            start -= 1
            while start > 0 and text[start - 1].isalnum():
                start -= 1
        # Right: "Qala" inside "Qala-e-Naw".
        joins = 0
        while (
            joins < _MAX_JOINS
            and end + 1 < len(text)
            and text[end] in _HYPHENS
            and text[end + 1].isalnum()
        ):
            joins += 1
            end += 1
            while end < len(text) and text[end].isalnum():
                end += 1
        # "Qala-e Naw": a trailing connective belongs with the next capitalised word.
        tail = _CONNECTIVE_TAIL.search(text[start:end])
        if tail and tail.group(1).lower() in _CONNECTIVES:
            following = _NEXT_CAPITALISED.match(text, end)
            if following and following.group(1)[:1].isupper():
                end = following.end(1)
        result.append(
            _with_edges(text, span, start, end) if (start, end) != (span.start, span.end) else span
        )
    return _drop_overlaps(result)


def trim_edges(text: str, spans: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Strips a leading "the", quotes, personal titles and a trailing possessive or stop."""
    result: list[EntitySpan] = []
    for span in spans:
        start, end = span.start, span.end
        if span.label in ("PERSON", "ORG", "PLACE", "GROUP"):
            while True:
                piece = text[start:end]
                lead = _LEADING_NOISE.match(piece)
                trail = _TRAILING_NOISE.search(piece)
                if lead and lead.end() < len(piece):
                    start += lead.end()
                elif trail and trail.start() > 0 and not _is_abbreviation_stop(piece, trail):
                    end = start + trail.start()
                else:
                    break
        label = span.label
        words = text[start:end].split()
        if (
            label in ("ORG", "PLACE")
            and len(words) > 1
            and words[0].casefold() in _HONORIFICS
            and words[1][:1].isupper()
        ):
            label = "PERSON"  # "Ms Pugh" is a person whatever the model made of it
        if label == "PERSON":
            start = _skip_titles(text, start, end)
        if end <= start:
            continue
        if label != span.label:
            span = replace(span, label=label)
        result.append(
            span if (start, end) == (span.start, span.end) else _with_edges(text, span, start, end)
        )
    return result


def _is_abbreviation_stop(piece: str, trail: re.Match[str]) -> bool:
    # Keep the stop of "U.S." or "Inc.": a single full stop after a letter that follows
    # another full stop or is a known abbreviation ending.
    if trail.group(0) != ".":
        return False
    word = piece[: trail.start()].split()[-1] if piece[: trail.start()].split() else ""
    return "." in word or word in ("Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "St", "Bros")


def _skip_titles(text: str, start: int, end: int) -> int:
    words = list(re.finditer(r"\S+", text[start:end]))
    index = 0
    # Keep at least one word: a span that is only a title is left for the model's judgement.
    while index < len(words) - 1 and words[index].group(0).lower().rstrip(",") in _TITLES:
        index += 1
    return start + words[index].start() if index else start


def apply_designators(text: str, spans: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Makes "<Name> province" names places and "<Name> Air Base" one place span."""
    result = list(spans)
    for match in _matches(_DESIGNATOR_AFTER, text, _DESIGNATOR_WORDS):
        start, end = match.span(1)
        result = _impose_place(text, result, start, end, "LOC")
    for match in _DESIGNATOR_BEFORE.finditer(text):
        start, end = match.span(1)
        result = _impose_place(text, result, start, end, "LOC")
    for match in _matches(_FACILITY, text, _FACILITY_WORDS):
        start, end = match.start(1), match.end()
        result = _impose_place(text, result, start, end, "FAC")
    for span in list(result):
        # "Paris Agreement", "Kigali Amendment", "Patriot Act": a named law or treaty.
        words = span.text.split()
        if len(words) > 1 and words[-1] in _LAW_HEADS and span.label in HARMONISED:
            result[result.index(span)] = replace(span, label="LAW")
    for span in list(result):
        if span.label in ("ORG", "PLACE") and _is_person_after_role(text, span):
            result[result.index(span)] = replace(span, label="PERSON")
    datelines = {match.span(1) for match in _DATELINE.finditer(text)}
    for span in list(result):
        # A dateline names where the story was filed. Only the model's own spans are
        # relabelled: an all-caps headline word before a date is not turned into a place.
        if (span.start, span.end) in datelines and span.label in ("ORG", "PERSON"):
            result[result.index(span)] = replace(span, label="PLACE")
    for span in list(result):
        # The apposition decides even over PERSON: a person is not "the capital of" anything.
        if span.label in ("PERSON", "ORG") and _APPOSITION_AFTER.match(text, span.end):
            result[result.index(span)] = replace(span, label="PLACE")
    return sorted(result, key=lambda span: (span.start, span.end))


def _matches(pattern: re.Pattern[str], text: str, words: Sequence[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when none of the words, one of which every match
    contains, is in the text."""
    if any(word in text for word in words):
        yield from pattern.finditer(text)


def _is_person_after_role(text: str, span: EntitySpan) -> bool:
    words = span.text.split()
    if not 1 <= len(words) <= 3 or not all(word[:1].isupper() for word in words):
        return False
    if any(word.strip(".,").casefold() in _ORG_WORDS for word in words):
        return False
    if _HONORIFIC_BEFORE.search(text, max(0, span.start - 10), span.start):
        return True  # "Ms Pugh": a form of address only ever precedes a person's name
    if len(words) == 1:
        return False  # "analyst Reuters": a role noun alone is weaker evidence
    before = _WORD_BEFORE.search(text, max(0, span.start - 40), span.start)
    return before is not None and before.group(1).casefold() in _ROLE_NOUNS


def _impose_place(
    text: str, spans: list[EntitySpan], start: int, end: int, raw_label: str
) -> list[EntitySpan]:
    # Leading sentence words such as "In" or "The" are capitalised but not part of the name.
    while True:
        first = re.match(r"(\w+)\s", text[start:end])
        if first and first.group(1) in ("In", "The", "At", "On", "Near", "From", "To", "Of"):
            start += first.end()
            continue
        break
    if start >= end or text[start:end].split()[0] in _NOT_NAMES:
        return spans
    touching = _overlapping(spans, start, end)
    # A person or a longer organisation name that contains the words wins over the pattern;
    # the model's catch-all MISC inside the words does not ("Bagram Air Base" as MISC).
    if any(
        (span.label not in _PLACE_OK and span.raw_label != "MISC")
        or span.start < start
        or span.end > end
        for span in touching
    ):
        return spans
    kept = [span for span in spans if span not in touching]
    raw = touching[0].raw_label if touching and touching[0].label == "PLACE" else raw_label
    kept.append(EntitySpan(start, end, "PLACE", text[start:end], raw))
    return kept


def drop_generic_words(text: str, spans: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Removes one-word name spans that are common nouns capitalised by position or style."""
    return [
        span
        for span in spans
        if not (span.label in HARMONISED and span.text.casefold() in _GENERIC_WORDS)
    ]


def _drop_overlaps(spans: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Keeps the first of overlapping spans (longest first among equal starts)."""
    ordered = sorted(spans, key=lambda span: (span.start, -(span.end - span.start)))
    result: list[EntitySpan] = []
    for span in ordered:
        if result and span.start < result[-1].end:
            continue
        result.append(span)
    return result


def refine_spans(text: str, spans: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Runs every rule, in order, and returns sorted non-overlapping spans.

    Args:
        text: The text the spans point into.
        spans: The model's spans, already mapped to user-facing labels.

    Returns:
        The corrected spans.
    """
    result = drop_credit_spans(text, spans)
    result = extend_hyphenated(text, result)
    result = trim_edges(text, result)
    result = apply_designators(text, result)
    result = trim_edges(text, result)  # names found by the designators may end in "'s"
    result = drop_generic_words(text, result)
    result = expand_acronyms(text, result)
    result = harmonise_labels(text, result)
    result = propagate_mentions(text, result)
    return _drop_overlaps(result)
