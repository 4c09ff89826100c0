"""The cheap test that lets most blocks skip the affiliate-disclosure expression."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.extract.cleanup import _may_disclose
from reader.core.extract.rules import AFFILIATE_DISCLOSURE

# Pieces of the expression's phrases, with the letters Python's case-insensitive matching
# equates with ASCII ones ("ı", "İ", "ſ", the Kelvin sign), in every case.
_PIECES = [
    "this post", "contains", "CONTAINS", "affiliate", "links", "LINKS", "lınks", "LİNKS",
    "linkſ", "lin\u212as", "we may earn", "a", "commission", "COMMISSION", "commiſſion",
    "compensation", "advertiser disclosure", "As an Amazon Associate", "amazon", "through",
    "our", "links,", "we", "earn", "the", "news", " ", "\n",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_texts_the_prefilter_rejects_never_match_the_expression(pieces: list[str]) -> None:
    for text in (" ".join(pieces), "".join(pieces)):
        if not _may_disclose(text):
            assert AFFILIATE_DISCLOSURE.search(text) is None


def test_disclosures_pass_and_ordinary_text_is_rejected() -> None:
    assert _may_disclose("This post contains affiliate links.")
    assert _may_disclose("We may earn a COMMISSION on purchases.")
    assert _may_disclose("Ce texte contient des lınks affiliés.")
    assert not _may_disclose("The council met on Tuesday to discuss the budget.")
