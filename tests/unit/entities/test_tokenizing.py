"""Memoized tokenizer patterns give exactly the tokens of the plain tokenizer."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from reader.core.entities.loading import TRAINED_MODEL_DIR, load_model
from reader.core.entities.tokenizing import memoize_patterns
from reader.core.extract.pipeline import extract_page
from reader.core.model import SavedPage

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
SPECIAL_CASES = ("Mr. O'Neill didn't say it's 5 p.m. in the U.S.; he'd rather (ask) "
                 "\u201cDr. Smith\u201d at https://example.org/a-b?c=d or e-mail x@y.com: "
                 "state-of-the-art, 10km, $5.5bn, U.K.-based, :) and ... \u2014 end.")


def _tokens(doc: Any) -> list[tuple[int, str, str, str]]:
    return [(token.idx, token.text, token.whitespace_, token.norm_) for token in doc]


@pytest.fixture(scope="module")
def plain_tokenizer() -> Any:
    if not (TRAINED_MODEL_DIR / "meta.json").is_file():
        pytest.skip("trained model not found")
    import spacy

    return spacy.load(TRAINED_MODEL_DIR).tokenizer


def test_memoized_tokenizer_gives_the_same_tokens(plain_tokenizer: Any, seed_page: Path) -> None:
    memoized = load_model().nlp.tokenizer
    texts = [seed_page.read_text(encoding="utf-8"), SPECIAL_CASES,
             *(extract_page(SavedPage(path.read_bytes(), "text/html", "html")).text
               for path in sorted(PAGES.glob("*.html")))]
    for _ in range(2):  # the second time, from the kept results
        for text in texts:
            assert _tokens(memoized(text)) == _tokens(plain_tokenizer(text))


def test_memoized_tokenizer_serialises_and_pickles_as_before(plain_tokenizer: Any) -> None:
    import spacy

    memoized = spacy.load(TRAINED_MODEL_DIR).tokenizer
    memoize_patterns(memoized)
    memoize_patterns(memoized)  # twice is harmless
    # (the vocabularies differ: the plain one has seen the other test's texts)
    assert memoized.to_bytes(exclude=["vocab"]) == plain_tokenizer.to_bytes(exclude=["vocab"])
    restored = pickle.loads(pickle.dumps(memoized))
    assert _tokens(restored(SPECIAL_CASES)) == _tokens(plain_tokenizer(SPECIAL_CASES))
