"""Text -> entity spans: the model, then the post-rules, the gazetteer and user corrections.

``get_recognizer()`` returns one ``Recognizer`` per process; the spaCy pipeline loads on first
use, so importing this package stays cheap. A ``Recognizer`` may be shared between threads:
loading is locked, and so is each batch through the pipeline (spaCy adds strings to its
vocabulary while it works, which is not safe from two threads at once). Recognition holds the
GIL: run it on a worker, never on the UI thread.

Offsets in every returned ``EntitySpan`` are Python code-point indices into the text given.
Callers must pass clean article text: captions and credits are not article text (use
``recognize_article``, which blanks caption and image blocks before recognition).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from reader.core.entities.consistency import harmonise_labels
from reader.core.entities.corrections import Corrections, apply_corrections
from reader.core.entities.gazetteer import Gazetteer, apply_gazetteer, read_gazetteer
from reader.core.entities.given_names import apply_given_names, read_given_names
from reader.core.entities.loading import LoadedModel, load_model
from reader.core.entities.rules import drop_credit_spans, refine_spans
from reader.core.entities.types import label_for_raw
from reader.core.model import BlockKind, EntitySpan, ExtractedArticle

# Bump whenever the output for the same text can change (model, rules, lists, label mapping):
# the library stores it with the spans and re-runs recognition when it differs.
RECOGNIZER_VERSION = "news-2026.12-6"

# spaCy's default limit is 1,000,000 characters; long texts are cut at paragraph breaks into
# pieces well below it so memory stays flat.
_CHUNK_CHARS = 100_000
UNSHOWN_LABEL = "_UNSHOWN"  # internal: a model entity of a type users do not see
_SKIPPED_BLOCKS = frozenset({BlockKind.CAPTION, BlockKind.IMAGE})


def _chunks(text: str) -> list[tuple[int, str]]:
    """Splits ``text`` at paragraph breaks into ``(offset, piece)`` of at most ~_CHUNK_CHARS."""
    if len(text) <= _CHUNK_CHARS:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + _CHUNK_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n\n", start + _CHUNK_CHARS // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + _CHUNK_CHARS // 2, end)
            end = cut if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


class Recognizer:
    """Finds named entities in article text (English news)."""

    def __init__(
        self,
        model_dir: Path | None = None,
        prefer_trained: bool = True,
        use_rules: bool = True,
        gazetteer: Gazetteer | None = None,
        use_gazetteer: bool = True,
    ) -> None:
        """Prepares a recognizer; nothing is loaded until the first call.

        Args:
            model_dir: A trained pipeline folder (default ``resources/entities/model``).
            prefer_trained: False uses the stock ``en_core_web_sm`` model (for comparisons).
            use_rules: Apply the post-rules (span edges, designators, credits).
            gazetteer: The name lists; default: read from ``resources/entities/gazetteer``.
            use_gazetteer: False skips the lists entirely.
        """
        self._model_dir = model_dir
        self._prefer_trained = prefer_trained
        self._use_rules = use_rules
        self._gazetteer = gazetteer
        self._use_gazetteer = use_gazetteer
        self._loaded: LoadedModel | None = None
        self._given_names: frozenset[str] = frozenset()
        self._lock = threading.Lock()
        self._run_lock = threading.Lock()

    def _model(self) -> LoadedModel:
        with self._lock:
            if self._loaded is None:
                self._loaded = load_model(self._model_dir, self._prefer_trained)
                if self._use_gazetteer and self._gazetteer is None:
                    self._gazetteer = read_gazetteer()
                if self._use_rules:
                    self._given_names = read_given_names()
            return self._loaded

    @property
    def model_name(self) -> str:
        """The loaded pipeline's name (loads it)."""
        return self._model().name

    @property
    def model_kind(self) -> str:
        """ "trained" or "stock" (loads the pipeline)."""
        return self._model().kind

    def recognize(self, text: str, corrections: Corrections | None = None) -> list[EntitySpan]:
        """Finds the entities of one text.

        Args:
            text: Clean article text.
            corrections: The archive's corrections, applied last (watch-list names,
                rejections, type changes).

        Returns:
            Sorted, non-overlapping spans with user-facing labels.
        """
        return next(self.recognize_many([text], corrections=corrections))

    def recognize_many(
        self,
        texts: Iterable[str],
        batch_size: int = 16,
        corrections: Corrections | None = None,
    ) -> Iterator[list[EntitySpan]]:
        """Finds the entities of many texts, batched through ``nlp.pipe``.

        Args:
            texts: Clean article texts; consumed lazily, ``batch_size`` at a time.
            batch_size: Texts per batch.
            corrections: Applied to every text, as in ``recognize``.

        Yields:
            One span list per text, in order.
        """
        model = self._model()
        iterator = iter(texts)
        while batch := list(islice(iterator, batch_size)):
            pieces = [
                (index, offset, piece)
                for index, text in enumerate(batch)
                for offset, piece in _chunks(text)
            ]
            found: list[list[EntitySpan]] = [[] for _ in batch]
            with self._run_lock:  # released before yielding, so callers may re-enter
                docs = list(
                    model.nlp.pipe([piece for _, _, piece in pieces], batch_size=batch_size)
                )
            for (index, offset, _), doc in zip(pieces, docs, strict=True):
                found[index].extend(_spans_of(doc, offset))
            for text, spans in zip(batch, found, strict=True):
                yield self._finish(text, spans, corrections)

    def recognize_article(
        self, article: ExtractedArticle, corrections: Corrections | None = None
    ) -> list[EntitySpan]:
        """Finds the entities of an article's text, ignoring captions, alt text and credits.

        Caption and image blocks, and every occurrence of the article's ``credits`` (agency
        sign-offs, image credits), are replaced by spaces before recognition, so the offsets
        still point into ``article.text``.
        """
        return next(self.recognize_articles([article], corrections=corrections))

    def recognize_articles(
        self,
        articles: Iterable[ExtractedArticle],
        batch_size: int = 16,
        corrections: Corrections | None = None,
    ) -> Iterator[list[EntitySpan]]:
        """``recognize_article`` for many articles, batched through the pipeline.

        Args:
            articles: Extracted articles; consumed lazily.
            batch_size: Texts per pipeline batch.
            corrections: Applied to every article's spans, against its real text.

        Yields:
            One span list per article, in order; offsets point into ``article.text``.
        """
        # Two iterators over one stream: each article's blanked text goes to the pipeline
        # while the article itself is kept to restore the surfaces, ``batch_size`` at a time.
        iterator = iter(articles)
        while batch := list(islice(iterator, batch_size)):
            blanked = [_blank_skipped(article) for article in batch]
            found = self.recognize_many(blanked, batch_size=batch_size)
            for article, spans in zip(batch, found, strict=True):
                text = article.text
                restored = [
                    EntitySpan(
                        span.start,
                        span.end,
                        span.label,
                        text[span.start : span.end],
                        span.raw_label,
                    )
                    for span in spans
                ]
                if corrections is not None:
                    restored = apply_corrections(text, restored, corrections)
                yield restored

    def _finish(
        self, text: str, spans: list[EntitySpan], corrections: Corrections | None
    ) -> list[EntitySpan]:
        if self._use_rules:
            spans = refine_spans(text, spans)
            spans, relabelled = apply_given_names(spans, self._given_names)
            if relabelled:  # "Trump" after "Donald Trump" follows the full name
                spans = harmonise_labels(text, spans)
        if self._use_gazetteer and self._gazetteer is not None:
            spans = apply_gazetteer(text, spans, self._gazetteer)
        spans = [span for span in spans if span.label != UNSHOWN_LABEL]
        if corrections is not None:
            spans = apply_corrections(text, spans, corrections)
        if self._use_rules:
            # Lists and watch-lists know no context: keep them out of photo credits too.
            spans = drop_credit_spans(text, spans)
        return spans


def _blank_skipped(article: ExtractedArticle) -> str:
    """The article's text with caption/image blocks and credits replaced by spaces."""
    characters = list(article.text)
    ranges = [(block.start, block.end) for block in article.blocks if block.kind in _SKIPPED_BLOCKS]
    for credit in article.credits:
        if credit.strip():
            position = article.text.find(credit)
            while position >= 0:
                ranges.append((position, position + len(credit)))
                position = article.text.find(credit, position + len(credit))
    for start, end in ranges:
        for position in range(start, min(end, len(characters))):
            if characters[position] != "\n":
                characters[position] = " "
    return "".join(characters)


def _spans_of(doc: Any, offset: int) -> Iterator[EntitySpan]:
    for entity in doc.ents:
        # Types users do not see (MISC, CARDINAL...) stay until the rules and lists have run:
        # they stop a list from finding "U.S." inside "U.S. Open".
        label = label_for_raw(entity.label_) or UNSHOWN_LABEL
        yield EntitySpan(
            entity.start_char + offset, entity.end_char + offset, label, entity.text, entity.label_
        )


@lru_cache(maxsize=1)
def get_recognizer() -> Recognizer:
    """Returns the process-wide recognizer (the model loads on its first use)."""
    return Recognizer()
