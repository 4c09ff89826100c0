"""anchor(): position first, then the quote by context, folded text, fuzzy; else orphan."""

from __future__ import annotations

import random
from pathlib import Path

from reader.core.annotations.anchoring import anchor, reanchor_all, refresh_selectors
from reader.core.annotations.model import AnchorStatus, TextPositionSelector, hash_text
from reader.core.annotations.selectors import describe

from .helpers import annotate, seed_text

PHRASE = "Taliban fighters"


def test_unchanged_text_anchors_at_the_stored_position(seed_page: Path) -> None:
    text = seed_text(seed_page)
    note = annotate(text, "Qala-e-Naw")
    found = anchor(text, note.selectors, text_sha256=note.text_sha256)
    assert found.status is AnchorStatus.EXACT_POSITION
    assert text[found.start : found.end] == "Qala-e-Naw"


def test_a_new_lead_paragraph_shifts_the_anchor_to_the_same_words(seed_page: Path) -> None:
    text = seed_text(seed_page)
    note = annotate(text, "Qala-e-Naw")
    changed = "Editor's note: updated with new figures.\n\n" + text
    found = anchor(changed, note.selectors)
    assert found.status is AnchorStatus.EXACT_QUOTE
    assert found.start == note.position.start + len("Editor's note: updated with new figures.\n\n")  # type: ignore[union-attr]


def test_a_repeated_phrase_is_told_apart_by_its_context() -> None:
    text = (
        "The mayor said the bridge would open in May. Critics doubted it.\n\n"
        "In June the mayor said the bridge would open in May. Nobody believed it."
    )
    second = text.index("said the bridge", 50)
    selectors = describe(text, second, second + len("said the bridge"))
    changed = "Update.\n\n" + text.replace(
        "Critics doubted it.", "Critics, many of them, doubted it."
    )
    found = anchor(changed, selectors)
    assert changed[found.start - 15 : found.start] == "June the mayor "


def test_whitespace_and_quote_changes_anchor_on_the_same_words() -> None:
    text = 'He said "we will return" and left.\n\nThe next day, nothing.'
    start = text.index('"we')
    selectors = describe(text, start, start + len('"we will return"'))
    changed = "He  said \u201cwe will\nreturn\u201d and left.\nThe next day, nothing."
    found = anchor(changed, selectors)
    assert found.status is AnchorStatus.FUZZY
    assert changed[found.start : found.end] == "\u201cwe will\nreturn\u201d"


def test_a_fixed_typo_inside_the_quote_anchors_fuzzily(seed_page: Path) -> None:
    text = seed_text(seed_page)
    start = text.index("Taliban")
    end = start + 60
    selectors = describe(text, start, end)
    quote = text[start:end]
    fixed = quote.replace("attack", "atack", 1)
    changed = text[:start] + fixed + text[end:]
    found = anchor(changed, selectors)
    assert found.status is AnchorStatus.FUZZY
    assert (found.start, found.end) == (start, start + len(fixed))


def test_deleted_text_becomes_an_orphan_and_never_lands_elsewhere(seed_page: Path) -> None:
    text = seed_text(seed_page)
    start = text.index("July 7, 2021")
    selectors = describe(text, start, start + len("July 7, 2021"))
    changed = text.replace("July 7, 2021", "")
    found = anchor(changed, selectors)
    assert found.is_orphan and (found.start, found.end) == (-1, -1)


def test_a_changed_number_is_not_treated_as_a_typo() -> None:
    text = "Row one: 17 of 27 voted.\n\nRow two: 12 of 30 voted.\n\nEnd of the table."
    start = text.index("17 of 27")
    selectors = describe(text, start, start + len("17 of 27 voted"))
    changed = text.replace("17 of 27", "17 of 28")
    assert anchor(changed, selectors).is_orphan


def test_a_short_word_elsewhere_without_its_context_is_an_orphan() -> None:
    text = "Officials in Herat confirmed the attack on Tuesday evening.\n\nMore follows."
    start = text.index("attack")
    selectors = describe(text, start, start + len("attack"))
    changed = "A completely different story about an attack.\n\nMore follows later today."
    assert anchor(changed, selectors).is_orphan


def test_position_without_quote_is_trusted_only_on_the_same_text() -> None:
    text = "Some article text here."
    selectors = (TextPositionSelector(5, 12),)
    assert not anchor(text, selectors, text_sha256=hash_text(text)).is_orphan
    assert anchor(text + " more", selectors, text_sha256=hash_text(text)).is_orphan


def test_reanchor_all_keeps_every_live_annotation_and_skips_tombstones(seed_page: Path) -> None:
    text = seed_text(seed_page)
    kept = annotate(text, "Qala-e-Naw")
    gone = annotate(text, "July 7, 2021")
    from reader.core.annotations.create import delete_annotation

    deleted = delete_annotation(annotate(text, PHRASE), now="2024-05-02T00:00:00Z")
    changed = text.replace("July 7, 2021", "")
    result = reanchor_all(changed, [kept, gone, deleted])
    assert [pair[0] for pair in result] == [kept, gone]
    assert result[1][1].is_orphan


def test_refresh_selectors_updates_placed_and_leaves_orphans_untouched(seed_page: Path) -> None:
    text = seed_text(seed_page)
    note = annotate(text, "Qala-e-Naw")
    changed = "New lead.\n\n" + text
    refreshed = refresh_selectors(note, changed, anchor(changed, note.selectors))
    assert refreshed.text_sha256 == hash_text(changed)
    assert refreshed.quote == describe(changed, refreshed.position.start, refreshed.position.end)[1]  # type: ignore[union-attr]
    assert refreshed.modified == note.modified
    orphan = anchor("unrelated", note.selectors)
    assert refresh_selectors(note, "unrelated", orphan) is note


def test_fifty_thousand_characters_with_a_hundred_annotations_all_come_back() -> None:
    # Speed is measured in benchmarks/anchoring.py; here: every annotation of a long,
    # repetitive, edited text comes back placed on its own words or as an orphan.
    rng = random.Random(11)
    words = ["the", "of", "archive", "reader", "annotation", "quote", "council", "budget"]
    text = "\n\n".join(" ".join(rng.choice(words) for _ in range(60)) for _ in range(120))[:50_000]
    notes = []
    for _ in range(100):
        start = rng.randrange(0, len(text) - 200)
        start = text.index(" ", start) + 1
        end = text.index(" ", start + rng.randint(5, 150))
        notes.append(describe(text, start, end))
    lead = "A new first paragraph.\n\n"
    changed = lead + text
    anchors = [anchor(changed, selectors) for selectors in notes]
    assert len(anchors) == 100
    for (position, _), found in zip(notes, anchors, strict=True):
        if not found.is_orphan:
            assert (found.start, found.end) == (
                position.start + len(lead),
                position.end + len(lead),
            )


def test_a_changed_code_is_not_treated_as_a_typo() -> None:
    text = "| Pos | Player | Plays |\n\n| LB | Smith | 40 |\n\n| CB | Jones | 38 |\n\nEnd."
    start = text.index("| LB | Smith")
    selectors = describe(text, start, start + len("| LB | Smith"))
    changed = text.replace("| LB | Smith | 40 |\n\n", "")
    assert anchor(changed, selectors).is_orphan


def test_list_bullets_dropped_by_another_extractor_are_left_out_of_the_highlight() -> None:
    text = "Features:\n\n- Usable on many devices and browsers.\n\n- Free of charge for everyone."
    start = text.index("- Usable")
    selectors = describe(text, start, start + len("- Usable on many devices and browsers."))
    changed = "Features:\nUsable on many devices and browsers.\nFree of charge for everyone."
    found = anchor(changed, selectors)
    assert changed[found.start : found.end] == "Usable on many devices and browsers."


def test_a_deleted_list_item_is_not_replaced_by_its_look_alike_neighbour() -> None:
    text = (
        "Guides:\n\nFacilitators Guide (pdf)\n\nFacilitators Notebook (pdf)\n\n"
        "Facilitators Handouts from Notebook (pdf)\n\nCompanion Presentation (pdf)\n\n"
        "Presenter Notes for Companion Presentation (pdf)\n\nMore from the garden team."
    )
    start = text.index("(pdf)\n\nFacilitators Handouts")
    end = text.index("Presenter Notes") + len("Presenter Notes for Companion Presentation (pdf)")
    selectors = describe(text, start, end)
    changed = text.replace("Facilitators Handouts from Notebook (pdf)\n\n", "")
    found = anchor(changed, selectors)
    assert found.is_orphan or "Facilitators Notebook" not in changed[found.start : found.end]


def test_a_dropped_heading_is_not_replaced_by_the_end_of_the_sentence_before_it() -> None:
    # Another extractor dropped the heading "Newsletter" and glued the paragraph after it to
    # the sentence before ("...our newsletter?The State"): two edits from the quote, but a
    # sentence end that the quote never had.
    text = (
        "Want the week's best stories in your inbox? Sign up for our newsletter?\n\n"
        "Newsletter\n\nThe State budget passed on Tuesday after a long night of votes."
    )
    start = text.index("Newsletter\n\nThe")
    selectors = describe(text, start, start + len("Newsletter\n\nThe State"))
    changed = text.replace("newsletter?\n\nNewsletter\n\n", "newsletter?")
    found = anchor(changed, selectors)
    assert found.is_orphan


def test_a_typo_fixed_across_a_sentence_end_still_anchors() -> None:
    text = (
        "The council met on Monday to discuss the new libary. It voted to open it in spring.\n\n"
        "Residents welcomed the decision at a packed meeting in the town hall."
    )
    start = text.index("discuss")
    end = text.index("in spring.") + len("in spring.")
    selectors = describe(text, start, end)
    changed = text.replace("libary", "library")
    found = anchor(changed, selectors)
    assert changed[found.start : found.end] == changed[start : end + 1]


def test_a_look_alike_table_row_does_not_win_over_the_row_with_one_side_intact() -> None:
    # Rows of a price table look alike on both sides; a paragraph inserted right after the
    # annotated row cuts its suffix off, and a look-alike row then scores a better context.
    rows = [
        ("SimpliSafe", "$149.99"),
        ("ADT", "$99.99"),
        ("Ring", "$49.99"),
        ("Wyze", "$29.98"),
        ("Cove", "$59.99"),
        ("Arlo", "$39.99"),
        ("Nest", "$99.99"),
        ("Blink", "$39.99"),
        ("Eufy", "$99.99"),
    ]
    text = "| Brand | Price |\n\n|---|---|\n\n" + "\n\n".join(
        f"| {brand} | Starts at {price} |" for brand, price in rows
    )
    start = text.index("Starts at $99.99 |\n\n| Blink")
    selectors = describe(text, start, start + len("Starts at $99.99"))
    inserted = "\n\nThis product is a great starting point for anyone looking for a camera."
    cut = text.index(" |\n\n| Blink") + 2
    changed = text[:cut] + inserted + text[cut:]
    found = anchor(changed, selectors)
    assert found.is_orphan or found.start == start
