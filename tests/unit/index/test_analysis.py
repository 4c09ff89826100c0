"""``TermAnalyzer`` and ``TermPositions`` against the Whoosh chains they replace (the same
terms, frequencies, weights and positions; ``TermPositions`` packs the positions its own way)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import STOP_WORDS, CharsetFilter, StandardAnalyzer, StemmingAnalyzer
from whoosh.formats import Positions
from whoosh.support.charset import accent_map

from reader.core.index.analysis import STEMMED_ENDINGS, TermAnalyzer, TermPositions
from reader.core.index.tokens import WORDS, distinct_words, words_in
from reader.core.index.wordfind import STEM_REWRITE

TEXTS = [
    "Taliban fighters attacked Qala-e-Naw, the capital of Badghis province, on Wednesday.",
    "The café in Zürich served the envoy; ÆSIR straße — a I of 3.14 big-time x*y under_score",
    "of the a",
    "",
    "İstanbul ﬁne ǅ Ünïcödé  and   the  presidents' presidency",
]
CHAINS = [
    (StemmingAnalyzer() | CharsetFilter(accent_map), TermAnalyzer()),
    (
        StandardAnalyzer(stoplist=None) | CharsetFilter(accent_map),
        TermAnalyzer(stemming=False, stop_words=False),
    ),
]
OPTIONS: list[dict[str, Any]] = [
    {},
    {"mode": "query"},
    {"positions": True, "chars": True},
    {"positions": True, "chars": True, "removestops": False},
    {"positions": True, "start_pos": 5, "start_char": 3},
    {"positions": True, "tokenize": False},
]


def _tokens(analyzer: Any, text: str, options: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (t.text, getattr(t, "pos", None), getattr(t, "startchar", None), t.stopped)
        for t in analyzer(text, **options)
    ]


def _check_same(text: str) -> None:
    for whoosh_chain, ours in CHAINS:
        for options in OPTIONS:
            assert _tokens(ours, text, options) == _tokens(whoosh_chain, text, options)
        theirs, packed = Positions(), TermPositions()
        expected = sorted(
            (term, freq, weight, theirs.decode_positions(value))
            for term, freq, weight, value in theirs.word_values(text, whoosh_chain)
        )
        found = sorted(
            (term, freq, weight, packed.decode_positions(value))
            for term, freq, weight, value in packed.word_values(text, ours)
        )
        assert found == expected
        for _, freq, weight, value in packed.word_values(text, ours):
            assert packed.decode_frequency(value) == freq
            assert packed.decode_weight(value) == weight


@pytest.mark.parametrize("text", TEXTS)
def test_same_tokens_and_postings_as_whoosh(text: str) -> None:
    _check_same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_same_tokens_and_postings_as_whoosh_on_any_text(text: str) -> None:
    _check_same(text)


def test_corpus_page_analyses_the_same(seed_page: Path) -> None:
    _check_same(seed_page.read_text(encoding="utf-8", errors="replace")[:20000])


def test_find_terms_gives_the_spans_of_the_words_with_those_terms() -> None:
    text = "Presidents met. The PRESIDENT's presidency; a café and cafés."
    analyzer = TermAnalyzer()
    spans = analyzer.find_terms(text, {"presid", "cafe"})
    assert [text[a:b] for a, b in spans] == [
        "Presidents",
        "PRESIDENT",
        "presidency",
        "café",
        "cafés",
    ]
    assert analyzer.find_terms(text, set()) == []


def test_the_cache_is_not_pickled_with_the_schema_and_equal_analyzers_share_it() -> None:
    import pickle

    analyzer = TermAnalyzer()
    analyzer.term_of("presidentships")
    data = pickle.dumps(analyzer)
    assert b"presidentships" not in data
    copy = pickle.loads(data)
    assert copy == analyzer
    # The schema is unpickled at every commit: the copy keeps what was stemmed before.
    assert copy._cache is analyzer._cache
    assert "presidentships" in copy._cache
    assert TermAnalyzer(stemming=False)._cache is not analyzer._cache
    assert TermAnalyzer(stop_words=False)._cache is not analyzer._cache
    assert [t.text for t in copy("Presidents")] == ["presid"]
    assert [t.text for t in TermAnalyzer(stemming=False)("Presidents")] == ["presidents"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "presidents",
                "President's",
                "presidential",
                "café",
                "cafés",
                "a.b",
                "3.14",
                "x*y",
                "_u",
            ]
        )
        | st.text(alphabet=st.sampled_from("aZé. *_-,İ\n’"), max_size=6)
        | st.text(alphabet=st.sampled_from("pres.id*_-,"), max_size=8),
        max_size=25,
    )
)
def test_find_terms_finds_what_the_word_by_word_scan_finds(pieces: list[str]) -> None:
    text = " ".join(pieces)
    analyzer = TermAnalyzer()
    for terms in (
        {"presid", "cafe"},
        {"a.b", "3.14", "x*y"},
        {"_u", "z"},
        {"presid"},
        {"presid", "presidenti"},
    ):
        assert analyzer.find_terms(text, terms) == analyzer.find_terms_slowly(text, terms)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_words_in_is_the_tokenizer_expression(text: str) -> None:
    assert words_in(text) == WORDS.findall(text)


def _begins_its_word(analyzer: TermAnalyzer, word: str) -> bool:
    term = analyzer.term_of(word)
    beginning = term[: max(1, len(term) - STEM_REWRITE)]
    return not term or word.translate(accent_map).startswith(beginning)


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N"]), min_size=1, max_size=15)
    | st.tuples(
        st.text(alphabet="abcdeilnorstuyz", min_size=1, max_size=6),
        st.sampled_from(
            [
                "ational",
                "tional",
                "enci",
                "anci",
                "izer",
                "bli",
                "alli",
                "entli",
                "eli",
                "ousli",
                "ization",
                "ation",
                "ator",
                "alism",
                "iveness",
                "fulness",
                "ousness",
                "aliti",
                "iviti",
                "biliti",
                "logi",
                "icate",
                "ative",
                "alize",
                "iciti",
                "ical",
                "ful",
                "ness",
                "ing",
                "ed",
                "ies",
                "sses",
                "y",
                "ly",
                "ement",
                "ying",
                "ating",
                "izing",
                "bling",
                "ies",
                "eed",
                "ement",
                "ousli",
                "alities",
                "abilities",
            ]
        ),
    ).map("".join)
)
def test_a_term_but_its_last_letters_begins_its_word(word: str) -> None:
    # ``find_terms`` relies on it to skip the words that cannot match.
    lowered = word.lower()
    for analyzer in (TermAnalyzer(), TermAnalyzer(stemming=False, stop_words=False)):
        assert _begins_its_word(analyzer, lowered), (lowered, analyzer.term_of(lowered))


def test_every_corpus_word_begins_its_term(seed_page: Path) -> None:
    analyzer = TermAnalyzer()
    text = seed_page.read_text(encoding="utf-8", errors="replace").lower()
    assert all(_begins_its_word(analyzer, word) for word in set(words_in(text)))


@given(st.text(alphabet=st.sampled_from("ab1_*. ,\n-éİ"), max_size=60))
def test_distinct_words_are_the_tokenizer_words(text: str) -> None:
    assert distinct_words(text) == set(WORDS.findall(text))


def test_find_terms_in_a_text_of_many_accented_words() -> None:
    # More words with letters outside ASCII than are checked one by one.
    words = ["café", "Zürich", "présidents", "naïve", "ήλιος", "москва", "presidents", "cafe"]
    text = " ".join(words[n % len(words)] for n in range(300))
    analyzer = TermAnalyzer()
    for terms in ({"presid", "cafe"}, {"zurich"}, {"ηλιο", "москв"}):
        assert analyzer.find_terms(text, terms) == analyzer.find_terms_slowly(text, terms)
    assert analyzer.find_terms(text, {"presid"})


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzé19y"), min_size=1, max_size=12))
def test_words_the_stemmer_leaves_alone_are_recognised_by_their_ending(word: str) -> None:
    from whoosh.lang.porter import stem

    assert TermAnalyzer().term_of(word) == (
        "" if word in STOP_WORDS or len(word) < 2 else stem(word).translate(accent_map)
    )
    if word[-1] not in STEMMED_ENDINGS:
        assert stem(word) == word


def test_every_suffix_the_stemmer_rewrites_ends_in_a_stemmed_ending() -> None:
    from whoosh.lang import porter

    suffixes = [*porter._step2list, *porter._step3list, "s", "eed", "ed", "ing", "y", "e", "ll"]
    suffixes += porter._step4_1.pattern.split("(")[2].split(")")[0].split("|") + ["sion", "tion"]
    assert {suffix[-1] for suffix in suffixes} <= STEMMED_ENDINGS


def test_every_combination_of_stem_and_suffixes_begins_its_term() -> None:
    # The stemmer's rules, combined: a base, one of its suffixes, and a further ending.
    from whoosh.lang import porter

    suffixes = [*porter._step2list, *porter._step3list, "s", "eed", "ed", "ing", "y", "e"]
    suffixes += ["ll", "ies", "sses", "ement", "ment", "ance", "ence", "able", "ible", "ism"]
    bases = ["abc", "bl", "conflat", "hop", "rel", "possib", "gener", "happ", "fl", "y", "at"]
    endings = ["", "s", "ing", "ed", "ly", "y", "ies", "ness", "ational", "izing", "ization"]
    analyzer = TermAnalyzer()
    for base in bases:
        for suffix in suffixes:
            for ending in endings:
                word = base + suffix + ending
                assert _begins_its_word(analyzer, word), (word, analyzer.term_of(word))


def test_a_word_that_is_its_own_term_is_kept_once() -> None:
    analyzer = TermAnalyzer()
    # Words made here so that no cache holds them yet.
    unchanged = "".join(["qx", "bolt"])
    folded = "".join(["qx", "café"])
    assert analyzer.term_of(unchanged) is unchanged
    assert analyzer.term_of(folded) == "qxcafe"
    assert TermAnalyzer(stemming=False).term_of("".join(["qx", "reports"])) == "qxreports"
