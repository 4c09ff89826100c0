"""Post-rules on span edges and types (no model needed)."""

from __future__ import annotations

from reader.core.entities.consistency import (
    expand_acronyms,
    harmonise_labels,
    propagate_mentions,
)
from reader.core.entities.rules import (
    apply_designators,
    drop_credit_spans,
    drop_generic_words,
    extend_hyphenated,
    refine_spans,
    trim_edges,
)
from reader.core.model import EntitySpan


def span(text: str, surface: str, label: str, occurrence: int = 0) -> EntitySpan:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return EntitySpan(start, start + len(surface), label, surface, "TEST")


def texts(spans: list[EntitySpan]) -> list[tuple[str, str]]:
    return [(item.text, item.label) for item in spans]


def test_partial_hyphenated_names_grow_to_the_whole_name() -> None:
    text = "Fighting in Qala-e-Naw and by al-Qaida cells."
    result = extend_hyphenated(text, [span(text, "Qala", "PLACE"), span(text, "Qaida", "ORG")])
    assert texts(result) == [("Qala-e-Naw", "PLACE"), ("al-Qaida", "ORG")]


def test_connective_joins_the_next_capitalised_word() -> None:
    text = "They reached Qala-e Naw on Monday and Mazar-i Sharif later."
    spans = [span(text, "Qala-e", "PLACE"), span(text, "Mazar-i", "PLACE")]
    assert texts(extend_hyphenated(text, spans)) == [
        ("Qala-e Naw", "PLACE"),
        ("Mazar-i Sharif", "PLACE"),
    ]


def test_connective_does_not_swallow_lower_case_words() -> None:
    text = "a well-e known case"
    assert texts(extend_hyphenated(text, [span(text, "well-e", "ORG")])) == [("well-e", "ORG")]


def test_trim_removes_the_possessive_quotes_and_titles() -> None:
    text = "the Taliban's envoy met President Ashraf Ghani and \u201cNATO\u201d in the U.S."
    spans = [
        span(text, "the Taliban's", "ORG"),
        span(text, "President Ashraf Ghani", "PERSON"),
        span(text, "\u201cNATO\u201d", "ORG"),
        span(text, "U.S.", "PLACE"),
    ]
    assert texts(trim_edges(text, spans)) == [
        ("Taliban", "ORG"),
        ("Ashraf Ghani", "PERSON"),
        ("NATO", "ORG"),
        ("U.S.", "PLACE"),
    ]


def test_trim_keeps_a_title_that_is_the_whole_span() -> None:
    text = "The President said."
    assert texts(trim_edges(text, [span(text, "President", "PERSON")])) == [("President", "PERSON")]


def test_trim_drops_a_dangling_conjunction() -> None:
    text = "at Papworth and Addenbrooke's"
    assert texts(trim_edges(text, [span(text, "Papworth and", "ORG")])) == [("Papworth", "ORG")]


def test_credit_lines_lose_their_entities() -> None:
    text = "Smoke over Herat WednesdayImage: AFP/Getty Images\nAFP reported."
    spans = [
        span(text, "Herat", "PLACE"),
        span(text, "AFP", "ORG"),
        span(text, "Getty Images", "ORG"),
        span(text, "AFP", "ORG", 1),
    ]
    assert [item.start for item in drop_credit_spans(text, spans)] == [
        spans[0].start,
        spans[3].start,
    ]


def test_province_and_air_base_designators_make_places() -> None:
    text = "western Bagdhis province near the Bagram Air Base"
    result = apply_designators(text, [span(text, "Bagram", "ORG")])
    assert texts(result) == [("Bagdhis", "PLACE"), ("Bagram Air Base", "PLACE")]


def test_designators_leave_people_alone() -> None:
    text = "Governor Ali Khan province officials"
    assert texts(apply_designators(text, [span(text, "Ali Khan", "PERSON")])) == [
        ("Ali Khan", "PERSON")
    ]


def test_apposition_turns_a_person_reading_into_a_place() -> None:
    text = "Qala-e Naw, the capital of the province, fell."
    result = apply_designators(text, [span(text, "Qala-e Naw", "PERSON")])
    assert texts(result) == [("Qala-e Naw", "PLACE")]


def test_majority_type_wins_within_a_text_and_surnames_follow_the_full_name() -> None:
    text = "Herat fell. Herat burned. Herat (ORG?) Husamuddin Shams spoke; Shams left."
    spans = [
        span(text, "Herat", "PLACE"),
        span(text, "Herat", "PLACE", 1),
        span(text, "Herat", "ORG", 2),
        span(text, "Husamuddin Shams", "PERSON"),
        span(text, "Shams", "ORG", 1),
    ]
    assert [item.label for item in harmonise_labels(text, spans)] == [
        "PLACE",
        "PLACE",
        "PLACE",
        "PERSON",
        "PERSON",
    ]


def test_refine_returns_sorted_spans_that_match_the_text() -> None:
    text = "Iran's envoy met the Taliban in Qala-e Naw, the capital. Image: AFP"
    spans = [
        span(text, "Iran's", "PLACE"),
        span(text, "the Taliban", "ORG"),
        span(text, "Qala", "PERSON"),
        span(text, "AFP", "ORG"),
    ]
    result = refine_spans(text, spans)
    assert texts(result) == [("Iran", "PLACE"), ("Taliban", "ORG"), ("Qala-e Naw", "PLACE")]
    assert all(text[item.start : item.end] == item.text for item in result)


def test_lone_common_nouns_are_not_names() -> None:
    text = "Government sources said Analysis Ltd and the Government of India agreed."
    spans = [
        span(text, "Government", "ORG"),
        span(text, "Analysis Ltd", "ORG"),
        span(text, "Government of India", "ORG"),
    ]
    assert texts(drop_generic_words(text, spans)) == [
        ("Analysis Ltd", "ORG"),
        ("Government of India", "ORG"),
    ]


def test_wire_datelines_are_places_but_headline_words_are_not_added() -> None:
    text = (
        "SOCCER - JAPAN WIN\n\nNEW YORK 1996-08-30\n\nKABUL, Afghanistan (AP) \u2014 Talks began."
    )
    spans = [
        span(text, "NEW YORK", "ORG"),
        span(text, "KABUL", "PERSON"),
        span(text, "Afghanistan", "PLACE"),
    ]
    assert texts(apply_designators(text, spans)) == [
        ("NEW YORK", "PLACE"),
        ("KABUL", "PLACE"),
        ("Afghanistan", "PLACE"),
    ]


def test_names_found_once_are_found_everywhere_in_the_text() -> None:
    text = "Fighting in Qala-e-Naw. Later [in Qala-e-Naw] and qala-e-naw, and Qala-e-Nawabad."
    result = propagate_mentions(text, [span(text, "Qala-e-Naw", "PLACE")])
    assert [(item.start, item.label) for item in result] == [
        (text.index("Qala-e-Naw"), "PLACE"),
        (text.index("Qala-e-Naw]"), "PLACE"),
    ]


def test_a_persons_surname_is_found_alone_after_the_full_name() -> None:
    text = (
        "Husamuddin Shams spoke. Later Shams left; the shams of it. Li Wei met Li. "
        "Martin Luther King Jr. marched; King spoke. Jr. Varsity"
    )
    spans = [
        span(text, "Husamuddin Shams", "PERSON"),
        span(text, "Li Wei", "PERSON"),
        span(text, "Martin Luther King Jr.", "PERSON"),
    ]
    result = propagate_mentions(text, spans)
    # "shams" in lower case is a word, a two-letter surname is not searched for alone, and
    # "Jr." is not a surname.
    assert texts(result) == [
        ("Husamuddin Shams", "PERSON"),
        ("Shams", "PERSON"),
        ("Li Wei", "PERSON"),
        ("Martin Luther King Jr.", "PERSON"),
        ("King", "PERSON"),
    ]


def test_a_bracketed_acronym_takes_its_long_forms_type_everywhere() -> None:
    text = (
        "The Real Estate Council of Ontario (RECO) fined him. RECO said so. "
        "Wasim Akram (PAK) bowled; PAK won."
    )
    spans = [
        span(text, "Real Estate Council of Ontario", "ORG"),
        span(text, "RECO", "PLACE"),
        span(text, "Wasim Akram", "PERSON"),
    ]
    result = expand_acronyms(text, spans)
    # "PAK" is not the initials of "Wasim Akram": it defines nothing.
    assert texts(result) == [
        ("Real Estate Council of Ontario", "ORG"),
        ("RECO", "ORG"),
        ("RECO", "ORG"),
        ("Wasim Akram", "PERSON"),
    ]


def test_a_name_right_after_a_form_of_address_outside_the_span_is_a_person() -> None:
    text = "The tumour in Ms Pugh's lung grew, Mr. Aoun said; MS Society and Dr Who aired."
    spans = [
        span(text, "Pugh", "PLACE"),
        span(text, "Aoun", "ORG"),
        span(text, "Society", "ORG"),
        span(text, "Who", "ORG"),
    ]
    # "MS" in capitals is not a form of address; "Dr Who" is (the rule trusts the prose).
    assert [item.label for item in apply_designators(text, spans)] == [
        "PERSON",
        "PERSON",
        "ORG",
        "PERSON",
    ]


def test_named_treaties_and_acts_are_laws() -> None:
    text = "Under the Paris Agreement and the Patriot Act, Bill Clinton said."
    spans = [
        span(text, "Paris Agreement", "ORG"),
        span(text, "Patriot Act", "ORG"),
        span(text, "Bill Clinton", "PERSON"),
    ]
    assert [item.label for item in apply_designators(text, spans)] == ["LAW", "LAW", "PERSON"]


def test_hyphen_runs_do_not_grow_without_bound() -> None:
    text = "x-" * 200 + "x"
    result = extend_hyphenated(text, [EntitySpan(100, 101, "ORG", "x", "TEST")])
    assert len(result[0].text) < 20


def test_a_name_after_a_role_noun_is_a_person() -> None:
    text = "Afghanistan expert Nishank Motwani and analyst Deutsche Bank and Kabul Airlines said."
    spans = [
        span(text, "Nishank Motwani", "ORG"),
        span(text, "Deutsche Bank", "ORG"),
        span(text, "Kabul Airlines", "ORG"),
    ]
    assert [item.label for item in apply_designators(text, spans)] == ["PERSON", "ORG", "ORG"]


def test_a_name_after_a_form_of_address_is_a_person() -> None:
    text = "The tumour in Ms Pugh's lung. Dr. Jane Roe spoke. Mr Big Ltd. Ms"
    spans = [
        span(text, "Ms Pugh's", "PLACE"),
        span(text, "Dr. Jane Roe", "ORG"),
        span(text, "Ms", "ORG", 1),
    ]
    assert texts(trim_edges(text, spans)) == [
        ("Pugh", "PERSON"),
        ("Jane Roe", "PERSON"),
        ("Ms", "ORG"),
    ]


def test_a_designator_overrules_the_models_misc_but_not_a_longer_name() -> None:
    text = "forces left the Bagram Air Base and the Kandahar Airport Road"
    start = text.index("Bagram Air Base")
    misc = EntitySpan(start, start + len("Bagram Air Base"), "_UNSHOWN", "Bagram Air Base", "MISC")
    longer = span(text, "Kandahar Airport Road", "ORG")
    result = apply_designators(text, [misc, longer])
    assert texts(result) == [("Bagram Air Base", "PLACE"), ("Kandahar Airport Road", "ORG")]
