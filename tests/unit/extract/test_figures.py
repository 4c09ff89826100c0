"""Figures: each image keeps its own caption and credit."""

from __future__ import annotations

from reader.core.extract.figures import prepare_figures
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
