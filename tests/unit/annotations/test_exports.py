"""Markdown, CSV, HTML and JSON-LD exports, JSON-LD import, merge and the palette."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.core.annotations.anchoring import anchor
from reader.core.annotations.create import delete_annotation, edit_annotation
from reader.core.annotations.export_csv import COLUMNS, export_csv
from reader.core.annotations.export_html import export_html
from reader.core.annotations.export_markdown import export_markdown
from reader.core.annotations.jsonld import (
    W3C_CONTEXT,
    AnnotationFormatError,
    export_jsonld,
    parse_annotations,
)
from reader.core.annotations.merge import merge, sort_by_created
from reader.core.annotations.model import Annotation
from reader.core.annotations.palette import (
    DEFAULT_PALETTE,
    PaletteError,
    palette_from_json,
    palette_to_json,
    rename_code,
    reorder,
)

from .helpers import annotate, article_from, seed_text


@pytest.fixture
def annotated(seed_page: Path) -> tuple[str, list[Annotation]]:
    text = seed_text(seed_page)
    notes = [
        annotate(text, "Qala-e-Naw", color="orange", note="Where *exactly*?", tags=("place",)),
        annotate(text, "Taliban", 2, color="green", tags=("actor", "=cmd")),
        annotate(text, "provincial capital", color="vermillion", note='=HYPERLINK("x")'),
    ]
    return text, notes


# --- JSON-LD ------------------------------------------------------------------------------

W3C_REQUIRED = {"@context", "id", "type", "target"}


def test_jsonld_items_have_the_w3c_model_required_structure(
    annotated: tuple[str, list[Annotation]],
) -> None:
    _, notes = annotated
    collection = json.loads(export_jsonld(notes))
    assert collection["@context"] == W3C_CONTEXT
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == len(notes)
    for item in collection["first"]["items"]:
        assert W3C_REQUIRED - {"@context"} <= set(item)
        assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
        assert item["motivation"] in ("highlighting", ["highlighting", "commenting"])
        for body in item["body"]:
            assert body["type"] == "TextualBody" and isinstance(body["value"], str)
            assert body["purpose"] in {"commenting", "tagging", "classifying"}
        target = item["target"]
        assert target["source"].startswith("archival-reader://article/")
        kinds = {selector["type"] for selector in target["selector"]}
        assert kinds == {"TextQuoteSelector", "TextPositionSelector"}
        assert item["stylesheet"]["type"] == "CssStylesheet"
        assert f".{target['styleClass']}" in item["stylesheet"]["value"]


def test_jsonld_round_trip_gives_the_same_annotations_and_anchors(
    annotated: tuple[str, list[Annotation]],
) -> None:
    text, notes = annotated
    notes.append(delete_annotation(notes[0], now="2024-06-01T00:00:00Z"))
    parsed = parse_annotations(export_jsonld(notes))
    assert parsed == notes
    for before, after in zip(notes, parsed, strict=True):
        assert anchor(text, before.selectors) == anchor(text, after.selectors)


def test_a_single_annotation_object_is_importable(annotated: tuple[str, list[Annotation]]) -> None:
    _, notes = annotated
    item = json.loads(export_jsonld(notes[:1]))["first"]["items"][0]
    item["@context"] = W3C_CONTEXT
    assert parse_annotations(json.dumps(item)) == notes[:1]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda item: item.pop("@context"), "@context"),
        (lambda item: item.update(type="Note"), "'type' must be"),
        (lambda item: item.update(id="not-a-uuid"), "urn:uuid"),
        (lambda item: item["target"].update(source="https://example.org/"), "target.source"),
        (
            lambda item: item["target"].update(
                selector=[{"type": "TextPositionSelector", "start": 1, "end": 2}]
            ),
            "needs a TextQuoteSelector",
        ),
        (
            lambda item: item["target"].update(selector=[{"type": "TextQuoteSelector"}]),
            "selector\\[0\\]",
        ),
        (lambda item: item.pop("created"), "created"),
    ],
)
def test_invalid_jsonld_is_rejected_with_a_message_naming_the_field(
    annotated: tuple[str, list[Annotation]], mutate: object, message: str
) -> None:
    _, notes = annotated
    item = json.loads(export_jsonld(notes[:1]))["first"]["items"][0]
    item["@context"] = W3C_CONTEXT
    mutate(item)  # type: ignore[operator]
    with pytest.raises(AnnotationFormatError, match=message):
        parse_annotations(json.dumps(item))


def test_non_json_is_rejected_clearly() -> None:
    with pytest.raises(AnnotationFormatError, match="not JSON"):
        parse_annotations("{oops")


# --- Markdown, CSV, HTML -----------------------------------------------------------------


def test_markdown_has_citation_header_quotes_codes_notes_tags_and_links(
    annotated: tuple[str, list[Annotation]],
) -> None:
    text, notes = annotated
    markdown = export_markdown(article_from(text), notes)
    lines = markdown.splitlines()
    assert lines[0].startswith("# Taliban attack")
    assert lines[2].startswith("Gannon, Kathy (2021-07-07).")
    assert "> Qala-e-Naw" in lines and "**Claim** (orange)" in lines
    assert "Where *exactly*?" in lines and "Tags: `place`" in lines
    for note in notes:
        assert f"(archival-reader://article/3#annotation-{note.id})" in markdown
    # Reading order: the title's "provincial capital" comes before "Qala-e-Naw".
    assert markdown.index("> provincial capital") < markdown.index("> Qala-e-Naw")


def test_markdown_lists_orphans_in_their_own_section(
    annotated: tuple[str, list[Annotation]],
) -> None:
    text, notes = annotated
    changed = text.replace("Qala-e-Naw", "the city")
    markdown = export_markdown(article_from(changed), notes)
    orphan_section = markdown.split("## Not found in the current text", 1)[1]
    assert "> Qala-e-Naw" in orphan_section


def test_csv_has_one_row_per_annotation_and_defuses_formulas(
    annotated: tuple[str, list[Annotation]],
) -> None:
    text, notes = annotated
    rows = list(csv.reader(io.StringIO(export_csv(article_from(text), notes))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1 + len(notes)
    by_id = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}
    assert by_id[notes[2].id]["note"] == '\'=HYPERLINK("x")'
    assert by_id[notes[1].id]["tags"] == "actor; =cmd"  # not at the start of the cell
    assert by_id[notes[0].id]["quote"] == "Qala-e-Naw" and by_id[notes[0].id]["code"] == "Claim"
    start, end = int(by_id[notes[0].id]["start"]), int(by_id[notes[0].id]["end"])
    assert text[start:end] == "Qala-e-Naw"


class _MarkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marked: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "meta"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False

    def handle_data(self, data: str) -> None:
        if "mark" in self.stack:
            self.marked.append(data)


def test_html_marks_the_annotated_text_and_escapes_everything() -> None:
    text = "A <script>alert(1)</script> & more.\n\nSecond paragraph with overlap here."
    notes = [
        annotate(text, "<script>alert(1)</script>", color="blue"),
        annotate(text, "paragraph with overlap", color="green"),
        annotate(text, "overlap here", color="orange", note="<b>n</b>"),
    ]
    page = export_html(article_from(text), notes)
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;n" in page
    collector = _MarkCollector()
    collector.feed(page)
    assert collector.balanced and not collector.stack
    assert "".join(collector.marked) == "<script>alert(1)</script>paragraph with overlap here"
    assert page.count(f'data-annotations="{notes[1].id} {notes[2].id}"') == 1


# --- merge and palette -------------------------------------------------------------------


def test_merge_keeps_the_newer_version_and_tombstones_win_when_newer(
    annotated: tuple[str, list[Annotation]],
) -> None:
    _, notes = annotated
    edited = edit_annotation(notes[0], note="revised", now="2024-07-01T00:00:00Z")
    deleted = delete_annotation(notes[1], now="2024-07-01T00:00:00Z")
    merged = merge(notes, [edited, deleted, notes[2]])
    assert merged == [edited, deleted, notes[2]]
    assert merge(merged, notes) == merged  # older incoming versions change nothing
    assert merge(merge(notes, [edited]), [edited]) == merge(notes, [edited])


def test_sort_by_created_is_oldest_first(annotated: tuple[str, list[Annotation]]) -> None:
    _, notes = annotated
    edited_later = edit_annotation(notes[0], now="2025-01-01T00:00:00Z")  # created unchanged
    made_later = annotate("a b c", "b", now="2025-02-01T00:00:00Z")
    assert sort_by_created([made_later, edited_later]) == [edited_later, made_later]


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_default_palette_has_eight_distinct_readable_colours() -> None:
    colours = DEFAULT_PALETTE.colours
    assert len(colours) >= 8
    assert len({c.id for c in colours}) == len({c.code for c in colours}) == len(colours)
    for colour in colours:
        assert _contrast(colour.light, "#000000") >= 7.0  # dark text on light highlights
        assert _contrast(colour.dark, "#ffffff") >= 4.5  # light text on dark highlights
    for theme in ("light", "dark"):
        values = [getattr(c, theme) for c in colours]
        for i, first in enumerate(values):
            for second in values[i + 1 :]:
                distance = sum(
                    abs(int(first[k : k + 2], 16) - int(second[k : k + 2], 16)) for k in (1, 3, 5)
                )
                assert distance >= 40, (first, second)


def test_codes_are_renamable_and_reorderable_and_survive_json() -> None:
    palette = rename_code(DEFAULT_PALETTE, "green", "Evidence (primary)")
    palette = reorder(palette, list(reversed(palette.ids)))
    assert palette.colours[0].id == "grey"
    assert palette.get("green").code == "Evidence (primary)"
    assert palette_from_json(palette_to_json(palette)) == palette
    with pytest.raises(PaletteError):
        reorder(palette, ["green"])
    with pytest.raises(PaletteError):
        rename_code(palette, "green", "  ")
    with pytest.raises(PaletteError):
        palette_from_json('[{"id": "x", "code": "X", "light": "red", "dark": "#000000"}]')


def test_unknown_colour_ids_still_display() -> None:
    assert DEFAULT_PALETTE.get("magenta").id == "magenta"


def test_markdown_escapes_page_text_but_keeps_the_users_note_as_markdown() -> None:
    text = "Intro.\n\nSee [this](javascript:alert(1)) and <img src=x onerror=y> *now*.\n\nEnd."
    note = annotate(text, "See [this]", note="My **bold** note")
    markdown = export_markdown(article_from(text), [note])
    assert "> See \\[this\\]" in markdown
    assert "My **bold** note" in markdown
    quote_line = next(line for line in markdown.splitlines() if line.startswith("> "))
    assert "<" not in quote_line.replace("\\<", "")


def test_imported_colour_ids_are_plain_tokens(annotated: tuple[str, list[Annotation]]) -> None:
    _, notes = annotated
    item = json.loads(export_jsonld(notes[:1]))["first"]["items"][0]
    item["@context"] = W3C_CONTEXT
    item["urn:x-archival-reader:colour"] = 'x" onmouseover="alert(1)'
    item["target"]["styleClass"] = "ar-colour-green"
    (parsed,) = parse_annotations(json.dumps(item))
    assert parsed.color == "green"
