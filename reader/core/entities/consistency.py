"""Document-level consistency: one name keeps one type and is found at each of its mentions.

News introduces a name in full and then shortens it: "Husamuddin Shams ... Shams", "the Real
Estate Council of Ontario (RECO) ... RECO". The model judges each mention on its own words, so
it misses or mistypes some of the short ones. These rules use what the text itself says, never
a list:

* ``expand_acronyms``: "<Long Name> (LN)", where the letters of LN are the initials of the long
  name, gives LN the long name's type at every mention.
* ``harmonise_labels``: every mention of one name gets the type most of its mentions have, and
  a lone surname takes the type of the full name it ends.
* ``propagate_mentions``: a name found once is found everywhere else in the text where it is
  written the same way, and the surname of a person found in full is found alone too.

Each is a pure function ``(text, spans) -> spans`` over sorted, non-overlapping spans with
user-facing labels, and returns sorted spans.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from reader.core.entities.phrases import PhraseMatcher
from reader.core.entities.spanindex import SpanIndex
from reader.core.entities.surface import normalise_surface
from reader.core.model import EntitySpan

HARMONISED = frozenset({"PERSON", "ORG", "PLACE", "GROUP"})
# "(RECO)", "(U.N.)": an acronym in brackets right after a name.
_BRACKETED_ACRONYM = re.compile(r"\s?\(([A-Z][A-Za-z&.]{1,9})\)")
_NAME_PARTS = re.compile(r"[\s\-\u2010\u2011]+")
# A surname shorter than this ("Li", "Ng") is too often an ordinary word or initials to be
# searched for on its own.
_MIN_SURNAME = 3
# Generational suffixes end a name but are not its surname ("Martin Luther King Jr.").
_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def _by_position(spans: list[EntitySpan]) -> list[EntitySpan]:
    return sorted(spans, key=lambda span: (span.start, span.end))


def _initials(name: str) -> str:
    # "Real Estate Council of Ontario" -> "RECO": small words ("of", "the") have no capital.
    return "".join(part[0] for part in _NAME_PARTS.split(name) if part[:1].isupper())


def expand_acronyms(text: str, spans: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Gives a bracketed acronym its long form's type, at every mention in the text.

    Only an acronym whose letters are the initials of the multi-word name right before the
    bracket counts: "Wasim Akram (PAK)" in a score table defines nothing.
    """
    defined: dict[str, str] = {}
    for span in spans:
        if span.label not in HARMONISED or len(span.text.split()) < 2:
            continue
        match = _BRACKETED_ACRONYM.match(text, span.end)
        if match and match.group(1).replace(".", "").upper() == _initials(span.text).upper():
            defined[match.group(1)] = span.label
    if not defined:
        return list(spans)
    result = [
        replace(span, label=defined[span.text])
        if span.text in defined and span.label != defined[span.text]
        else span
        for span in spans
    ]
    index = SpanIndex(spans)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, defined)) + r")(?!\w)")
    result.extend(
        EntitySpan(match.start(), match.end(), defined[match.group(1)], match.group(1), "ACRONYM")
        for match in pattern.finditer(text)
        if not index.overlapping(match.start(), match.end())
    )
    return _by_position(result)


def harmonise_labels(text: str, spans: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Gives every mention of one name the majority type of its mentions in this text.

    Ties keep each mention's own type. A one-word mention that is the last word of a
    ``PERSON`` name found elsewhere in the text becomes ``PERSON`` too.
    """
    votes: dict[str, Counter[str]] = {}
    for span in spans:
        if span.label in HARMONISED:
            votes.setdefault(normalise_surface(span.text), Counter())[span.label] += 1
    surnames = {
        normalise_surface(span.text.split()[-1])
        for span in spans
        if span.label == "PERSON" and len(span.text.split()) > 1
    }
    result: list[EntitySpan] = []
    for span in spans:
        key = normalise_surface(span.text)
        label = span.label
        if span.label in HARMONISED:
            ranked = votes[key].most_common(2)
            if len(ranked) == 2 and ranked[0][1] > ranked[1][1] or len(ranked) == 1:
                label = ranked[0][0]
            if key in surnames and " " not in key and votes[key]["PERSON"] == 0:
                label = "PERSON"
        result.append(span if label == span.label else replace(span, label=label))
    return result


def propagate_mentions(text: str, spans: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Adds the unlabelled repeats of names found elsewhere in the text, with their type.

    A person's surname ("Shams" after "Husamuddin Shams") is searched for too. Only
    capitalised occurrences that overlap no span are added.
    """
    names = {
        span.text: span.label
        for span in spans
        if span.label in HARMONISED and len(span.text) > 2 and span.text[:1].isupper()
    }
    if not names:
        return list(spans)
    for span in spans:
        words = [word for word in span.text.rstrip(",").split() if word not in _SUFFIXES]
        if (
            span.label == "PERSON"
            and len(words) > 1
            and len(words[-1]) >= _MIN_SURNAME
            and words[-1][:1].isupper()
        ):
            names.setdefault(words[-1], "PERSON")  # a name seen as itself keeps its own type
    labels = {normalise_surface(name): label for name, label in names.items()}
    index = SpanIndex(spans)
    added = [
        EntitySpan(match.start, match.end, labels[match.key], match.text, "PROPAGATED")
        for match in PhraseMatcher(names).find(text)
        if match.key in labels
        and match.text[:1].isupper()
        and not index.overlapping(match.start, match.end)
    ]
    return _by_position([*spans, *added])
