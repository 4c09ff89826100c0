"""Figures: each image keeps its own caption and credit."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from reader.core.extract.figures import anchor_key, element_anchor_key, prepare_figures
from reader.core.extract.loader import parse_html


def test_each_image_gets_the_caption_of_its_own_figure() -> None:
    parts = []
    for n in range(8):
        parts.append(f"<p>Paragraph {n} of the story, long enough to be an anchor.</p>")
        parts.append(
            f'<figure><img src="/img/{n}.jpg" alt="Alt {n}">'
            f"<figcaption>Caption of picture {n}</figcaption></figure>"
        )
    # A figure without a caption between them.
    parts.append('<figure><img src="/img/bare.jpg" alt="Bare"></figure>')
    tree = parse_html(f"<html><body><article>{''.join(parts)}</article></body></html>")
    assert tree is not None
    notes = prepare_figures(tree)
    pairs = [(image.source, image.caption) for image in notes.images]
    assert pairs == [(f"/img/{n}.jpg", f"Caption of picture {n}") for n in range(8)] + [
        ("/img/bare.jpg", None)
    ]
    anchors = [image.anchor for image in notes.images]
    assert anchors[0].startswith("paragraph0ofthestory")
    assert anchors[7].startswith("paragraph7ofthestory")


# Text with long runs of punctuation and spaces (longer than the prefix first read),
# characters that lengthen when lower-cased ("İ"), and word characters of several scripts.
_ANCHOR_TEXT = st.lists(
    st.sampled_from([*"aZ9_ .,;—\n\tİßΣé中", "word ", "." * 200, " - " * 50]), max_size=120
).map("".join)


@given(_ANCHOR_TEXT)
def test_anchor_keys_are_the_first_80_word_characters_lower_cased(text: str) -> None:
    assert anchor_key(text) == re.sub(r"\W+", "", text).lower()[:80]


@given(st.lists(_ANCHOR_TEXT, min_size=1, max_size=6))
def test_an_elements_anchor_key_is_that_of_its_whole_text(pieces: list[str]) -> None:
    markup = "".join(f"<span>{html.escape(piece)}</span> " for piece in pieces)
    tree = parse_html(f"<html><body><div id='x'>{markup}<b>end</b></div>tail</body></html>")
    assert tree is not None
    element = tree.get_element_by_id("x")
    assert element_anchor_key(element) == anchor_key(element.text_content())
