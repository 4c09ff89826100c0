"""Approximate search and candidate ranking: tested by ordering, not by magic numbers."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.annotations.approximate import Match, prefix_distances, search
from reader.core.annotations.match_quote import QuoteContext, match_quote, score_match


def _levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


@settings(max_examples=200, deadline=None)
@given(st.text("abc ", max_size=12), st.text("abc ", max_size=20))
def test_prefix_distances_equal_plain_levenshtein(pattern: str, text: str) -> None:
    distances = prefix_distances(pattern, text)
    assert distances == [_levenshtein(pattern, text[:j]) for j in range(len(text) + 1)]


@settings(max_examples=200, deadline=None)
@given(st.text("abcd", min_size=1, max_size=10), st.text("abcd", max_size=40), st.integers(0, 3))
def test_every_reported_match_is_within_the_error_bound(
    pattern: str, text: str, max_errors: int
) -> None:
    for match in search(text, pattern, max_errors):
        assert match.errors <= max_errors
        assert _levenshtein(pattern, text[match.start : match.end]) == match.errors


@settings(max_examples=100, deadline=None)
@given(st.text("abcd", min_size=4, max_size=10), st.text("abcd", max_size=30), st.integers(1, 2))
def test_search_finds_a_match_wherever_one_exists(pattern: str, text: str, k: int) -> None:
    exists = any(
        _levenshtein(pattern, text[i:j]) <= k
        for i in range(len(text) + 1)
        for j in range(i, len(text) + 1)
    )
    assert bool(search(text, pattern, k)) == exists


def test_a_typo_costs_one_error_and_keeps_the_whole_word() -> None:
    (match,) = search("They wannt it all.", "want", 1)
    assert (match.start, match.end, match.errors) == (5, 10, 1)


def test_exact_occurrences_are_all_reported_without_errors() -> None:
    matches = search("a cat and a cat", "cat", 2)
    assert [(m.start, m.errors) for m in matches] == [(2, 0), (12, 0)]


def test_a_closer_quote_scores_higher() -> None:
    # Both candidates sit inside the text, so neither is favoured by reaching an edge.
    text = "the committee approved the budget; the comittee aproved the budgt; done"
    quote = "committee approved the budget"
    exact = Match(4, 4 + len(quote), 0)
    typo = search(text[35:], "committee approved the budget", 5)[0]
    typo = Match(typo.start + 35, typo.end + 35, typo.errors)
    context = QuoteContext()
    assert (
        score_match(text, quote, exact, context).score
        > score_match(text, quote, typo, context).score
    )


def test_matching_context_beats_a_nearer_position() -> None:
    text = "alpha said yes. beta said yes. gamma said yes."
    context = QuoteContext(prefix="beta ", suffix=". gamma", hint=0)
    best = match_quote(text, "said yes", context)[0]
    assert text[best.start - 5 : best.start] == "beta "


def test_position_breaks_ties_between_identical_contexts() -> None:
    text = "x said yes. x said yes. x said yes."
    near_end = match_quote(text, "said yes", QuoteContext(hint=len(text) - 9))[0]
    near_start = match_quote(text, "said yes", QuoteContext(hint=0))[0]
    assert near_end.start > near_start.start


def test_a_matching_prefix_and_suffix_each_raise_the_score() -> None:
    text = "one red fox ran. two red fox sat."
    first, second = Match(4, 11, 0), Match(21, 28, 0)
    with_prefix = QuoteContext(prefix="two ")
    with_suffix = QuoteContext(suffix=" sat")
    for context in (with_prefix, with_suffix):
        assert (
            score_match(text, "red fox", second, context).score
            > score_match(text, "red fox", first, context).score
        )


def test_fifty_thousand_characters_are_searched_approximately() -> None:
    rng = random.Random(3)
    words = ["archive", "reader", "annotation", "quote", "text", "page", "the", "of"]
    text = " ".join(rng.choice(words) for _ in range(8000))[:50_000]
    quote = text[30_000:30_120]
    damaged = quote[:40] + "X" + quote[41:80] + quote[82:]
    best = match_quote(text, damaged, QuoteContext(hint=30_000))[0]
    assert abs(best.start - 30_000) <= 1 and abs(best.end - 30_120) <= 1
