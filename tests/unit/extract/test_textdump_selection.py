"""Text dumps: repeated units are kept once, and lists introduced by a colon are kept whole."""

from __future__ import annotations

from reader.core.extract.textdump import clean_dump
from reader.core.extract.textdump.cleaner import drop_repeats, select_units
from reader.core.extract.textdump.units import Unit, split_units
from reader.core.model import BlockKind

CAPTION = "A shopper looks at extension cords at a hardware store on Tuesday in Grass Valley."
PARAGRAPHS = [
    f"The council approved the new budget on Tuesday after a long debate about schools, "
    f"roads and the cost of keeping the public library open on weekends. Part {n}."
    for n in range(1, 5)
]


def _texts(units: list[Unit]) -> list[str]:
    return [unit.text for unit in units]


def test_a_sentence_repeated_later_is_kept_once() -> None:
    units = split_units(f"{CAPTION}\n\nFirst part.\n\n{CAPTION.upper()}\n\nSecond part.")
    assert _texts(drop_repeats(units)) == [CAPTION, "First part.", "Second part."]


def test_a_copy_that_differs_in_its_first_word_only_is_dropped() -> None:
    # Gallery slides: "2of4" glued to the caption it repeats.
    units = split_units(f"{CAPTION}\n\n2of4{CAPTION}\n\nThe end of the story.")
    assert _texts(drop_repeats(units)) == [CAPTION, "The end of the story."]


def test_short_lines_may_repeat() -> None:
    # Labels and steps of a plan recur on purpose: each day has its "Pre-workout meal".
    text = "Pre-workout meal\n\nEggs and toast.\n\nPre-workout meal\n\nOats and fruit."
    units = split_units(text)
    assert drop_repeats(units) == units


def test_a_dump_repeating_a_caption_in_its_article_gives_it_once() -> None:
    # A gallery: each slide shows the photo's caption again, between the paragraphs.
    article = "\n\n".join(f"{paragraph}\n\n{CAPTION}" for paragraph in PARAGRAPHS)
    blocks = clean_dump(f"Home\n\nNews\n\n{article}\n").builder.blocks
    texts = [block.text for block in blocks]
    assert texts.count(CAPTION) == 1
    assert all(paragraph in texts for paragraph in PARAGRAPHS)


def _list_units(intro: str) -> list[Unit]:
    units = [Unit(BlockKind.PARAGRAPH, intro)]
    for name in ("Lego Star Wars bomber", "Electric race track", "Blade Runner (4K)"):
        units.append(Unit(BlockKind.LIST_ITEM, name, 1, marked=True))
        units.append(Unit(BlockKind.PARAGRAPH, "http://amzn.to/2hZfWFJ"))
    units.append(Unit(BlockKind.HEADING, "Related posts", 2, marked=True))
    units.append(Unit(BlockKind.LIST_ITEM, "Ten films to watch this winter", 1, marked=True))
    return units


def test_a_list_introduced_by_a_kept_line_with_a_colon_is_kept_whole() -> None:
    units = _list_units("Here are the offers not to miss:")
    probabilities = [0.9, 0.8] + [0.3] * (len(units) - 2)
    chosen = select_units(units, probabilities)
    # The items and the links between them, up to the heading that ends the list.
    assert chosen == [True] * 7 + [False, False]


def test_a_list_after_a_line_without_a_colon_is_left_to_the_models() -> None:
    units = _list_units("Here are the offers not to miss.")
    probabilities = [0.9, 0.8] + [0.3] * (len(units) - 2)
    assert select_units(units, probabilities) == [True, True] + [False] * (len(units) - 2)


def test_a_list_after_a_dropped_line_with_a_colon_is_left_to_the_models() -> None:
    units = _list_units("Menu:")
    probabilities = [0.2, 0.9] + [0.3] * (len(units) - 2)
    assert select_units(units, probabilities) == [False, True] + [False] * (len(units) - 2)


def test_a_list_item_that_is_only_an_image_is_an_image() -> None:
    # html2text escapes the brackets of an alt text that is itself a bracketed address.
    text = "  * ![\\[https://example.com/v/clip_167x94.jpg\\]](https://example.com/v/clip.jpg)\n"
    (unit,) = split_units(text)
    assert unit.kind is BlockKind.IMAGE
    assert unit.source == "https://example.com/v/clip.jpg"


def test_the_alt_text_of_an_image_in_a_list_item_is_not_its_text() -> None:
    (unit,) = split_units(
        "  * ![J.J. Watt on the field](https://example.com/w.jpg) Watt asks fans\n"
    )
    assert unit.kind is BlockKind.LIST_ITEM
    assert unit.text == "Watt asks fans"
