"""What a unit of a dump looks like, as numbers a classifier can weigh.

Features of the unit itself (length, sentence punctuation, function-word density,
capitalisation, digits, converter marks, furniture rules, repetition on the page) and of
its neighbourhood (the units around it, the prose density of the window, the run of short
lines it sits in), in the manner of jusText's context-sensitive classification.

Every feature is bounded (0-1 flags and shares, logarithms of counts capped at a few
units), so that one learned weight means the same on every page. Names are stable: the
weights in ``weights.py`` are keyed by them.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from reader.core.extract.dates import parse_date
from reader.core.extract.rules import BOILERPLATE_LINE, COPYRIGHT_CREDIT
from reader.core.extract.textdump.comments import COMMENT_HEADER
from reader.core.extract.textdump.units import Unit, unit_key
from reader.core.model import BlockKind

Features = dict[str, float]

_WORD = re.compile(r"\w+")
_TERMINAL = re.compile(r"[.!?…\"”»)。！？」』](?:\s*\[\d+\])?$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[\"“‘(]?[A-ZÀ-Þ]|[。！？]\S")
_SEPARATORS = re.compile(r"\s[|•·»›/>]\s|\s[|•·]$|^[|•·»›]")
_CONTACT = re.compile(r"@\w|https?://|www\.|\.com\b|#\w")
_BYLINE = re.compile(r"^(?:by|von|par|por|door|written by|author:|posted by)\s+\S", re.IGNORECASE)
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*(?:\w+\s*)?$")
# Function words of the languages most pages in the sets are written in. Prose is dense in
# them; menus, titles of other articles and product names are not.
_FUNCTION_WORDS_BY_LANGUAGE = (
    "a an the and or but if of to in on at by for with from as is are was were be been has "
    "have had it its this that these those which who whom what when where than then there "
    "their they he she his her we our you your i not no so do does did will would can could "
    "should may might also into about after over more most such only other some any all one",
    "der die das und oder ein eine einer eines ist sind war wurde werden nicht mit von zu im "
    "auf für auch sich dem den des bei nach wie aus als noch",
    "le la les un une des et ou est sont était dans pour pas avec sur par qui que ce cette il "
    "elle ils au aux du se plus",
    "el los las unos unas y es son fue en para con por que no se del al lo como pero su sus más",
    "il lo gli i una e è sono per che non si della delle degli nel con ma come anche",
    "o os um uma é são foi em na no para com que não se da do dos das mais",
    "de het een en is zijn was voor met niet op te dat die van",
)
_FUNCTION_WORDS = frozenset(
    word for language in _FUNCTION_WORDS_BY_LANGUAGE for word in language.split()
)
# Neighbour offsets whose features are copied, with the prefix their names get.
_OFFSETS = ((-2, "p2"), (-1, "p1"), (1, "n1"), (2, "n2"))
# Short lines whose words are features ("w:" + word): menu entries and labels repeat
# across sites ("Home", "Related articles", "About the author"). The same for the words
# of the heading a unit falls under ("h:" + word), looked for this many units back.
_LEXICAL_MAX_WORDS = 8
_SECTION_REACH = 15
# Units counted on each side for the window's prose density.
_WINDOW = 4
# Words of a unit that reads as prose on its own.
_PROSE_WORDS = 12


def _log(count: float, cap: float) -> float:
    return math.log1p(min(count, cap)) / math.log1p(cap)


def is_prose(unit: Unit) -> bool:
    """A unit long enough, or sentence-like enough, to be running text."""
    words = unit.words
    return words >= _PROSE_WORDS or (words >= 6 and bool(_TERMINAL.search(unit.text)))


def _own_features(unit: Unit, repeats: int, main_indent: int) -> Features:
    text = unit.text
    tokens = _WORD.findall(text)
    words = unit.words
    letters = [token for token in tokens if not token.isdigit()]
    features: Features = {
        "bias": 1.0,
        "log_words": _log(words, 400),
        "log_chars": _log(len(text), 2000),
        "terminal": 1.0 if _TERMINAL.search(text) else 0.0,
        "ends_colon": 1.0 if text.endswith(":") else 0.0,
        "sentences": _log(len(_SENTENCE_BREAK.findall(text)), 20),
        "prose": 1.0 if is_prose(unit) else 0.0,
        "repeats": _log(repeats, 8),
        "indent_main": 1.0 if unit.indent == main_indent else 0.0,
        "indent_deeper": 1.0 if unit.indent > main_indent else 0.0,
    }
    for low, high in ((1, 1), (2, 3), (4, 6), (7, 11), (12, 24), (25, 10**9)):
        if low <= words <= high:
            features[f"words_{low}"] = 1.0
    if words > len(tokens):
        # Text in a script without spaces: function words cannot be counted.
        features["unspaced"] = 1.0
    elif tokens:
        function_share = sum(token.lower() in _FUNCTION_WORDS for token in tokens) / len(tokens)
        features["function_share"] = function_share
        features["function_zero"] = 1.0 if function_share == 0 and words >= 3 else 0.0
    if tokens:
        features["digit_share"] = sum(token.isdigit() for token in tokens) / len(tokens)
    if words:
        features["comma_rate"] = min((text.count(",") + text.count("、")) / words, 0.5) * 2
    if letters:
        capitalised = sum(token[0].isupper() for token in letters)
        features["title_case"] = capitalised / len(letters) if len(letters) >= 2 else 0.0
        features["all_caps"] = 1.0 if text.isupper() and len(letters) >= 1 else 0.0
        features["starts_lower"] = 1.0 if letters[0][0].islower() else 0.0
    features[f"kind_{unit.kind.value}"] = 1.0
    if unit.marked:
        features["marked"] = 1.0
    if unit.kind is BlockKind.HEADING:
        features["heading_level"] = unit.level / 6
    if _SEPARATORS.search(text):
        features["separators"] = 1.0
    if _CONTACT.search(text):
        features["contact"] = 1.0
    if _ELLIPSIS.search(text) and words < 40:
        features["truncated"] = 1.0
    if words <= 12 and BOILERPLATE_LINE.match(text.strip(" .:!>|»›")):
        features["boilerplate"] = 1.0
    if COMMENT_HEADER.match(text):
        features["comment_header"] = 1.0
    if COPYRIGHT_CREDIT.match(text):
        features["copyright"] = 1.0
    if _BYLINE.match(text) and words <= 12:
        features["byline"] = 1.0
    if words <= 15 and parse_date(text):
        features["date_line"] = 1.0
    return features


def _short_run(units: list[Unit]) -> list[int]:
    """Length of the run of consecutive non-prose units each unit sits in (0 for prose)."""
    runs = [0] * len(units)
    start = 0
    for index in range(len(units) + 1):
        if index == len(units) or is_prose(units[index]):
            for inside in range(start, index):
                runs[inside] = index - start
            start = index + 1
    return runs


def unit_features(units: list[Unit]) -> list[Features]:
    """Features of every unit of a dump, its neighbourhood included.

    Args:
        units: the dump's units in reading order.

    Returns:
        One feature dict per unit, in the same order.
    """
    keys = [unit_key(unit.text) for unit in units]
    counts = Counter(keys)
    prose_indents: Counter[int] = Counter()
    for unit in units:
        if is_prose(unit):
            prose_indents[unit.indent] += unit.words
    main_indent = prose_indents.most_common(1)[0][0] if prose_indents else 0
    own = [
        _own_features(unit, counts[key] - 1, main_indent)
        for unit, key in zip(units, keys, strict=True)
    ]
    words = [unit.words for unit in units]
    prose_words = [w if is_prose(u) else 0 for u, w in zip(units, words, strict=True)]
    runs = _short_run(units)
    total = sum(words) or 1
    before = 0
    result: list[Features] = []
    for index, features in enumerate(own):
        combined = dict(features)
        for offset, prefix in _OFFSETS:
            neighbour = index + offset
            if 0 <= neighbour < len(own):
                other = own[neighbour]
                for name in ("log_words", "terminal", "prose", "function_share", "title_case"):
                    combined[f"{prefix}_{name}"] = other.get(name, 0.0)
                combined[f"{prefix}_same_kind"] = (
                    1.0 if units[neighbour].kind is units[index].kind else 0.0
                )
            else:
                combined[f"{prefix}_edge"] = 1.0
        low, high = max(0, index - _WINDOW), min(len(units), index + _WINDOW + 1)
        window_words = sum(words[low:high]) or 1
        combined["window_prose"] = sum(prose_words[low:high]) / window_words
        combined["window_log_prose"] = _log(sum(prose_words[low:high]), 1000)
        combined["short_run"] = _log(runs[index], 60)
        combined["position"] = index / max(1, len(units) - 1)
        combined["word_position"] = before / total
        before += words[index]
        result.append(combined)
    _add_words(units, keys, result)
    return result


def _is_section_heading(unit: Unit) -> bool:
    if unit.kind is BlockKind.HEADING:
        return True
    return (
        unit.kind is BlockKind.PARAGRAPH
        and 1 <= unit.words <= _LEXICAL_MAX_WORDS
        and not _TERMINAL.search(unit.text)
    )


def _add_words(units: list[Unit], keys: list[str], result: list[Features]) -> None:
    """Adds the words of short lines and of the heading each unit falls under."""
    heading: int | None = None
    for index, unit in enumerate(units):
        features = result[index]
        if unit.words <= _LEXICAL_MAX_WORDS:
            for word in set(keys[index].split()):
                features["w:" + word] = 1.0
        if heading is not None and index - heading <= _SECTION_REACH:
            for word in set(keys[heading].split()[:_LEXICAL_MAX_WORDS]):
                features["h:" + word] = 1.0
        if _is_section_heading(unit):
            heading = index
