"""The folded view of a text and its map back to original offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.annotations.approximate import search, search_by_chunks
from reader.core.annotations.normalize import fold, normalize

ALPHABET = "ab \n\t\u00a0\u00ad\u200b\u2019\u201c\u201d\u2014\u2026-'\""


def test_spacing_quotes_dashes_and_invisibles_are_folded() -> None:
    text = "He  said\n\n\u201cwe\u2019ll\u00a0go\u201d \u2014 to\u00adday\u2026"
    assert fold(text) == 'He said "we\'ll go" - today...'


def test_a_folded_match_maps_back_to_the_original_characters() -> None:
    text = "Intro.\n\n  \u201cWe will  return,\u201d he said."
    folded = normalize(text)
    start = folded.text.index('"We will return,"')
    original = folded.to_original(start, start + len('"We will return,"'))
    assert text[slice(*original)] == "\u201cWe will  return,\u201d"


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=40), st.data())
def test_every_folded_range_maps_to_an_original_range_that_folds_to_cover_it(
    text: str, data: st.DataObject
) -> None:
    folded = normalize(text)
    start = data.draw(st.integers(0, len(folded.text)))
    end = data.draw(st.integers(start, len(folded.text)))
    original_start, original_end = folded.to_original(start, end)
    assert 0 <= original_start <= original_end <= len(text)
    assert folded.text[start:end] in fold(text[original_start:original_end]) or (
        folded.text[start:end].strip() in fold(text[original_start:original_end])
    )


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_original_offsets_map_monotonically(text: str) -> None:
    folded = normalize(text)
    mapped = [folded.from_original(offset) for offset in range(len(text) + 1)]
    assert mapped == sorted(mapped)
    assert mapped[0] == 0 and mapped[-1] == len(folded.text)


def test_chunk_search_finds_the_best_match_of_sparse_typos() -> None:
    words = ["budget", "council", "minister", "archive", "reader", "annotation", "vote"]
    text = " ".join(words[(i * 7) % len(words)] + str(i) for i in range(2000))
    quote = text[20_000:20_090]
    damaged = quote[:30] + "#" + quote[31:70] + quote[71:]
    by_chunks, full = search_by_chunks(text, damaged, 20), search(text, damaged, 20)
    best = min(full, key=lambda match: match.errors)
    assert best.start == 20_000 and best.errors == 2
    assert min(by_chunks, key=lambda match: match.errors) == best


def test_chunk_search_misses_evenly_spread_errors_as_documented() -> None:
    text = "x" * 100 + "abcdefghijklmnopqrstuvwx" + "y" * 100
    # One error in every 8-character chunk: the full search finds it, chunks cannot.
    damaged = "abcdefgXijklmnoXqrstuvwX"
    assert search(text, damaged, 4)
    assert not search_by_chunks(text, damaged, 4)
