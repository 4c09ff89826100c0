"""The recognizer with the real model: the seed page, offsets, batching, fallback, laziness."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.entities import ENTITY_LABELS, Corrections, Recognizer, WatchEntry, get_recognizer
from reader.core.model import Block, BlockKind, ExtractedArticle

SEED_PEOPLE = ["Husamuddin Shams", "Fawad Aman", "Javad Zarif", "Younus Qanooni", "Nishank Motwani"]
SEED_ORGS = ["Taliban", "NATO", "al-Qaida", "Reuters", "AFP", "AP"]
SEED_PLACES = [
    "Qala-e-Naw",
    "Qala-e Naw",
    "Bagdhis",
    "Herat",
    "Tehran",
    "Iran",
    "Kabul",
    "Tajikistan",
    "Bagram Air Base",
    "New York",
]


def clean_seed_body(path: Path) -> str:
    """The seed page minus navigation, the photo caption line with its credit, the agency line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [
        line
        for line in lines
        if not line.lstrip().startswith(("1. Skip", "2. Skip", "3. Skip"))
        and "Image:" not in line
        and not line.startswith("ipj/")
    ]
    return "\n".join(kept).strip()


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return get_recognizer()


def test_seed_page_entities_have_the_right_types(recognizer: Recognizer, seed_page: Path) -> None:
    body = clean_seed_body(seed_page)
    found = {(span.text, span.label) for span in recognizer.recognize(body)}
    expected = (
        [(name, "PERSON") for name in SEED_PEOPLE]
        + [(name, "ORG") for name in SEED_ORGS]
        + [(name, "PLACE") for name in SEED_PLACES]
        + [("July 7, 2021", "DATE")]
    )
    missing = [pair for pair in expected if pair not in found]
    assert missing == []


def test_nothing_comes_from_the_caption_credit(recognizer: Recognizer, seed_page: Path) -> None:
    text = seed_page.read_text(encoding="utf-8")
    credit_start = text.index("Image: AFP/Getty Images")
    credit_end = credit_start + len("Image: AFP/Getty Images")
    spans = recognizer.recognize(text)
    assert not [span for span in spans if span.start < credit_end and credit_start < span.end]
    assert not [span for span in spans if "Image" in span.text or "Getty" in span.text]


def test_spans_point_into_the_text_and_do_not_overlap(
    recognizer: Recognizer, seed_page: Path
) -> None:
    text = clean_seed_body(seed_page)
    spans = recognizer.recognize(text)
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.label in ENTITY_LABELS
        assert span.raw_label
    assert all(left.end <= right.start for left, right in zip(spans, spans[1:], strict=False))


def test_recognize_many_matches_recognize(recognizer: Recognizer) -> None:
    texts = [
        "Angela Merkel met Emmanuel Macron in Paris on Monday.",
        "",
        "Reuters reported that Toyota cut prices in Japan.",
    ] * 3
    assert list(recognizer.recognize_many(texts, batch_size=2)) == [
        recognizer.recognize(text) for text in texts
    ]


def test_long_texts_are_split_without_shifting_offsets(recognizer: Recognizer) -> None:
    paragraph = "Officials in Kabul met envoys from Tehran on Tuesday. " * 40
    text = "\n\n".join([paragraph] * 60)  # about 130,000 characters
    spans = recognizer.recognize(text)
    assert len([span for span in spans if span.text == "Kabul"]) == 2400
    assert all(text[span.start : span.end] == span.text for span in spans)


def test_corrections_are_applied_when_given(recognizer: Recognizer) -> None:
    text = "Kabul officials met Zorbanu Qelt near Kabul."
    corrections = Corrections().reject("Kabul").watch([WatchEntry("Zorbanu Qelt", "PERSON")])
    found = {(span.text, span.label) for span in recognizer.recognize(text, corrections)}
    assert ("Zorbanu Qelt", "PERSON") in found
    assert not any(name == "Kabul" for name, _ in found)


def test_recognize_article_skips_captions(recognizer: Recognizer) -> None:
    body = "Taliban fighters attacked Herat on Wednesday."
    caption = "Photo shows Jalaluddin Borzoi in Berlin"
    text = f"{body}\n\n{caption}"
    article = ExtractedArticle(
        text=text,
        blocks=(
            Block(BlockKind.PARAGRAPH, 0, len(body)),
            Block(BlockKind.CAPTION, len(body) + 2, len(text)),
        ),
    )
    spans = recognizer.recognize_article(article)
    assert spans and all(span.end <= len(body) for span in spans)
    assert all(text[span.start : span.end] == span.text for span in spans)


def test_missing_trained_model_falls_back_to_stock_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        recognizer = Recognizer(model_dir=tmp_path / "nowhere")
        spans = recognizer.recognize("Angela Merkel visited Paris.")
    assert recognizer.model_kind == "stock"
    assert any("not found" in record.message for record in caplog.records)
    assert ("Angela Merkel", "PERSON") in {(span.text, span.label) for span in spans}


def test_shipped_model_is_the_one_loaded(recognizer: Recognizer) -> None:
    assert recognizer.model_kind == "trained"


def test_importing_the_package_does_not_load_spacy() -> None:
    code = (
        "import sys, reader.core.entities as e; e.get_recognizer(); print('spacy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_one_recognizer_serves_several_threads(recognizer: Recognizer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Officials in Kabul met envoy number {n} from Tehran." for n in range(24)]
    expected = [recognizer.recognize(text) for text in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(recognizer.recognize, texts)) == expected


def test_no_pipeline_at_all_is_a_reader_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.entities import EntityModelMissing, loading
    from reader.core.errors import ReaderError

    monkeypatch.setattr(loading, "STOCK_MODELS", ("no_such_pipeline_xyz",))
    recognizer = Recognizer(model_dir=tmp_path / "nowhere")
    with pytest.raises(EntityModelMissing) as raised:
        recognizer.recognize("Text")
    assert isinstance(raised.value, ReaderError)


def test_recognize_article_skips_the_credits_found_by_extraction(recognizer: Recognizer) -> None:
    body = "Taliban fighters attacked Herat on Wednesday."
    text = f"{body}\n\nipj/dj (AP, Reuters, AFP)"
    article = ExtractedArticle(
        text=text,
        blocks=(
            Block(BlockKind.PARAGRAPH, 0, len(body)),
            Block(BlockKind.PARAGRAPH, len(body) + 2, len(text)),
        ),
        credits=("ipj/dj (AP, Reuters, AFP)",),
    )
    spans = recognizer.recognize_article(article)
    assert spans and all(span.end <= len(body) for span in spans)


def test_recognize_articles_matches_one_by_one(recognizer: Recognizer) -> None:
    body = "Taliban fighters attacked Herat on Wednesday."
    caption = "Photo shows Jalaluddin Borzoi in Berlin"
    with_caption = ExtractedArticle(
        text=f"{body}\n\n{caption}",
        blocks=(
            Block(BlockKind.PARAGRAPH, 0, len(body)),
            Block(BlockKind.CAPTION, len(body) + 2, len(body) + 2 + len(caption)),
        ),
    )
    plain = ExtractedArticle(
        text="Angela Merkel spoke in Berlin.", blocks=(Block(BlockKind.PARAGRAPH, 0, 30),)
    )
    articles = [with_caption, plain, with_caption]
    batched = list(recognizer.recognize_articles(articles, batch_size=2))
    assert batched == [recognizer.recognize_article(article) for article in articles]
    assert all(span.end <= len(body) for span in batched[0])
