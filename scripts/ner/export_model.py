"""Turns a trained pipeline (tok2vec + listening NER) into the shipped NER-only model.

Usage::

    .venv/bin/python scripts/ner/export_model.py build/ner/run1/model-best resources/entities/model

The vocabulary's string table is cut down to the labels (``prune_strings``). The NER component
gets its own copy of the tok2vec (``replace_listeners``) so the shipped
pipeline is just ``ner``: loading it needs no other component and nothing is excluded at load
time (a listener without its tok2vec would break, see docs/platform notes).

A model trained with static vectors (``make_vectors.py``) has them projected by a learned
matrix (``static_vectors`` layer, width x 300). ``fold_static_vectors`` multiplies the table by
that matrix once and makes the layer an identity, so the shipped table is width (96) wide
instead of 300: the same outputs (the script checks), a third of the size.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.vectors import Vectors

PROBE = [
    "Taliban fighters attacked Qala-e-Naw on July 7, 2021, Reuters said.",
    "Iranian Foreign Minister Javad Zarif met NATO envoys in Tehran for $3 million.",
    "Seagal made headlines when SaskTel and Slack said Erdogan had met Kerber in Herat.",
]


def _entities(nlp: Language) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(PROBE)]


def fold_static_vectors(nlp: Language) -> bool:
    """Replaces the vector table V by V @ W.T and the projection W by the identity.

    Returns False when the model has no static vectors. Raises SystemExit when the
    predictions change.
    """
    layers = [node for node in nlp.get_pipe("ner").model.walk() if node.name == "static_vectors"]
    if not layers or not nlp.vocab.vectors.shape[0]:
        return False
    before = _entities(nlp)
    layer = layers[0]
    projection = numpy.asarray(layer.get_param("W"))  # (width, vector width)
    old = nlp.vocab.vectors
    folded = (numpy.asarray(old.data) @ projection.T).astype("float32")
    table = Vectors(strings=nlp.vocab.strings, data=folded, name=old.name)
    for key, row in old.key2row.items():
        table.add(key, row=row)
    nlp.vocab.vectors = table
    # thinc refuses to change a dimension of a layer that has parameters; the layer is
    # rebuilt in place: its input width is now the output width and W the identity.
    layer._dims["nM"] = folded.shape[1]
    layer.set_param("W", numpy.eye(folded.shape[1], dtype="float32"))
    if _entities(nlp) != before:
        raise SystemExit("folding the vector projection changed predictions")
    return True


def prune_strings(target: Path, nlp: Language) -> None:
    """Keeps only the label strings in ``vocab/strings.json``.

    spaCy saves every string it met in training (a word list of the training texts and of
    the pipeline the tok2vec came from). Inference never needs them: features are hashes
    computed from the input text. Dropping them makes the model smaller and keeps the
    training vocabulary out of the shipped files. The script checks that predictions stay
    identical.
    """
    before = _entities(nlp)
    labels = sorted(nlp.get_pipe("ner").labels)  # type: ignore[attr-defined]
    (target / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")
    after = _entities(spacy.load(target))
    if before != after:
        raise SystemExit(f"pruning strings changed predictions: {before} != {after}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--name", default="news_ner")
    parser.add_argument("--version", default="1.2.0")
    parser.add_argument(
        "--data",
        default="CoNLL-2003 + Wikigold + Universal NER English-EWT",
        help="the gold training data, for the description in meta.json",
    )
    args = parser.parse_args()

    nlp = spacy.load(args.source)
    if "tok2vec" in nlp.pipe_names:
        nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.remove_pipe("tok2vec")
    folded = fold_static_vectors(nlp)
    # Training paths are of the machine that trained it (temporary folders): not shipped.
    for key in ("train", "dev", "base_model", "vectors"):
        if key in nlp.config["paths"]:
            nlp.config["paths"][key] = None
    nlp.meta["name"] = args.name
    nlp.meta["version"] = args.version
    nlp.meta["description"] = (
        f"English news NER for Archival Reader: PER/ORG/LOC from {args.data} "
        "(with copies whose person and place names are replaced), "
        "dates, groups and other types as silver labels from en_core_web_sm"
        + (
            "; static vectors of capitalised words from en_core_web_md's (CC0). "
            if folded
            else ". "
        )
        + "See resources/entities/README.md."
    )
    nlp.meta["license"] = "see resources/entities/README.md"
    nlp.meta.pop("performance", None)
    if args.target.exists():
        shutil.rmtree(args.target)
    nlp.to_disk(args.target)
    prune_strings(args.target, nlp)
    size = sum(path.stat().st_size for path in args.target.rglob("*") if path.is_file())
    labels = nlp.get_pipe("ner").labels  # type: ignore[attr-defined]
    print(f"{args.target}: pipeline {nlp.pipe_names}, labels {labels}, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
