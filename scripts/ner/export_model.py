"""Turns a trained pipeline (tok2vec + listening NER) into the shipped NER-only model.

Usage::

    .venv/bin/python scripts/ner/export_model.py build/ner/run1/model-best resources/entities/model

The vocabulary's string table is cut down to the labels (``prune_strings``). The NER component
gets its own copy of the tok2vec (``replace_listeners``) so the shipped
pipeline is just ``ner``: loading it needs no other component and nothing is excluded at load
time (a listener without its tok2vec would break, see docs/platform notes).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy
from spacy.language import Language


def prune_strings(target: Path, nlp: Language) -> None:
    """Keeps only the label strings in ``vocab/strings.json``.

    spaCy saves every string it met in training (a word list of the training texts and of
    the pipeline the tok2vec came from). Inference never needs them: features are hashes
    computed from the input text. Dropping them makes the model smaller and keeps the
    training vocabulary out of the shipped files. The script checks that predictions stay
    identical.
    """
    probe = [
        "Taliban fighters attacked Qala-e-Naw on July 7, 2021, Reuters said.",
        "Iranian Foreign Minister Javad Zarif met NATO envoys in Tehran for $3 million.",
    ]
    before = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(probe)]
    labels = sorted(nlp.get_pipe("ner").labels)  # type: ignore[attr-defined]
    (target / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")
    reloaded = spacy.load(target)
    after = [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
             for doc in reloaded.pipe(probe)]
    if before != after:
        raise SystemExit(f"pruning strings changed predictions: {before} != {after}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--name", default="news_ner")
    parser.add_argument("--version", default="1.2.0")
    args = parser.parse_args()

    nlp = spacy.load(args.source)
    if "tok2vec" in nlp.pipe_names:
        nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.remove_pipe("tok2vec")
    # Training paths are of the machine that trained it (temporary folders): not shipped.
    for key in ("train", "dev", "base_model"):
        if key in nlp.config["paths"]:
            nlp.config["paths"][key] = None
    nlp.meta["name"] = args.name
    nlp.meta["version"] = args.version
    nlp.meta["description"] = (
        "English news NER for Archival Reader: PER/ORG/LOC from CoNLL-2003 + Wikigold + "
        "Universal NER English-EWT (with copies whose person and place names are replaced), "
        "dates, groups and other types as silver labels from en_core_web_sm. "
        "See resources/entities/README.md."
    )
    nlp.meta["license"] = "see resources/entities/README.md"
    nlp.meta.pop("performance", None)
    if args.target.exists():
        shutil.rmtree(args.target)
    nlp.to_disk(args.target)
    prune_strings(args.target, nlp)
    size = sum(path.stat().st_size for path in args.target.rglob("*") if path.is_file())
    labels = nlp.get_pipe("ner").labels  # type: ignore[attr-defined]
    print(f"{args.target}: pipeline {nlp.pipe_names}, labels {labels}, "
          f"{size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
