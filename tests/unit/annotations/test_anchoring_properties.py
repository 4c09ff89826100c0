"""Property: edits outside an annotation never move it to other text.

Texts come from a tiny vocabulary, so words and phrases repeat constantly: the hardest case
for anchoring. After any edit that leaves the annotated text itself alone, the anchor must
be the annotated text's new place, or an orphan, or a verbatim copy of the quote with the
whole stored context around it (a copy the selectors cannot tell apart).
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.core.annotations.anchoring import anchor
from reader.core.annotations.selectors import describe

WORDS = ["the", "council", "said", "budget", "a", "vote", "on", "Tuesday", "of", "rise"]


@st.composite
def edited_texts(draw: st.DrawFn) -> tuple[str, int, int, str, int]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=30, max_size=120))
    breaks = draw(st.sets(st.integers(1, len(words) - 1), max_size=6))
    text = ""
    for index, word in enumerate(words):
        text += ("\n\n" if index in breaks else " ") + word if index else word
    starts = [
        i for i in range(len(text)) if (i == 0 or text[i - 1] in " \n") and text[i] not in " \n"
    ]
    first = draw(st.integers(0, len(starts) - 1))
    span_words = draw(st.integers(1, 6))
    start = starts[first]
    end_index = min(first + span_words, len(starts)) - 1
    end = starts[end_index] + len(text[starts[end_index] :].split(maxsplit=1)[0])
    # One edit entirely outside [start, end): an insertion, a deletion or a replacement.
    where = draw(st.sampled_from(["before", "after"]))
    low, high = (0, start) if where == "before" else (end, len(text))
    if high <= low:
        low, high = (end, len(text)) if where == "before" else (0, start)
    edit_start = draw(st.integers(low, high))
    edit_end = draw(st.integers(edit_start, min(high, edit_start + 40)))
    inserted = draw(st.sampled_from(["", "new words here ", "\n\nA new paragraph.\n\n", "x"]))
    changed = text[:edit_start] + inserted + text[edit_end:]
    shift = len(inserted) - (edit_end - edit_start) if edit_end <= start else 0
    return text, start, end, changed, shift


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_texts())
def test_edits_elsewhere_never_move_an_annotation_to_other_text(
    case: tuple[str, int, int, str, int],
) -> None:
    text, start, end, changed, shift = case
    position, quote = describe(text, start, end)
    found = anchor(changed, (position, quote))
    if found.is_orphan or (found.start, found.end) == (start + shift, end + shift):
        return
    around = changed[max(0, found.start - len(quote.prefix)) : found.end + len(quote.suffix)]
    assert changed[found.start : found.end] == quote.exact
    assert around == quote.prefix + quote.exact + quote.suffix, (
        f"moved {quote.exact!r} from {start + shift} to {found.start}"
    )


@st.composite
def typo_in_quote(draw: st.DrawFn) -> tuple[str, int, int, str]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=30, max_size=100))
    text = " ".join(words)
    starts = [i for i in range(len(text)) if (i == 0 or text[i - 1] == " ") and text[i] != " "]
    first = draw(st.integers(0, len(starts) - 4))
    last = min(len(starts) - 1, first + draw(st.integers(2, 8)))
    start, end = starts[first], starts[last] + len(text[starts[last] :].split(" ", 1)[0])
    # In locally periodic text ("the the the the") a shift by one period is invisible to
    # any context, so "the same place" is undefined there: require the quote not to recur
    # within its own neighbourhood.
    quote = text[start:end]
    neighbourhood = text[max(0, start - len(quote) - 32) : end + len(quote) + 32]
    # Overlapping occurrences count too ("council council council" recurs inside
    # "council council council council"), which str.count would miss.
    assume(sum(neighbourhood.startswith(quote, i) for i in range(len(neighbourhood))) == 1)
    where = draw(st.integers(start, end - 1))
    kind = draw(st.sampled_from(["drop", "double", "replace"]))
    if kind == "drop":
        changed = text[:where] + text[where + 1 :]
    elif kind == "double":
        changed = text[:where] + text[where] + text[where:]
    else:
        changed = text[:where] + ("e" if text[where] != "e" else "a") + text[where + 1 :]
    return text, start, end, changed


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typo_in_quote())
def test_a_typo_inside_the_quote_never_sends_it_elsewhere(case: tuple[str, int, int, str]) -> None:
    text, start, end, changed = case
    found = anchor(changed, describe(text, start, end))
    if found.is_orphan:
        return
    # The anchor must be at the same place. Its edges may differ by a few characters: the
    # typo itself shifts the end by one, and an approximate match may trade a deleted
    # letter at an edge for a neighbouring one ("council a" -> "il council").
    overlap = min(found.end, end) - max(found.start, start)
    assert overlap >= (end - start) / 2, (found, start, end)
    assert abs(found.start - start) <= 3 and abs(found.end - end) <= 3, (found, start, end)
