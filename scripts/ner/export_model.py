"""Turns a trained pipeline (tok2vec + listening NER) into the shipped NER-only model.

Usage::

    .venv/bin/python scripts/ner/export_model.py build/ner/run1/model-best resources/entities/model

The NER component gets its own copy of the tok2vec (``replace_listeners``) so the shipped
pipeline is just ``ner``: loading it needs no other component and nothing is excluded at load
time (a listener without its tok2vec would break, see docs/platform notes).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import spacy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--name", default="news_ner")
    parser.add_argument("--version", default="1.0.0")
    args = parser.parse_args()

    nlp = spacy.load(args.source)
    if "tok2vec" in nlp.pipe_names:
        nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.remove_pipe("tok2vec")
    nlp.meta["name"] = args.name
    nlp.meta["version"] = args.version
    nlp.meta["description"] = (
        "English news NER for Archival Reader: PER/ORG/LOC from CoNLL-2003 + Wikigold, "
        "dates, groups and other types as silver labels from en_core_web_sm. "
        "See resources/entities/README.md."
    )
    nlp.meta["license"] = "see resources/entities/README.md"
    nlp.meta.pop("performance", None)
    if args.target.exists():
        shutil.rmtree(args.target)
    nlp.to_disk(args.target)
    size = sum(path.stat().st_size for path in args.target.rglob("*") if path.is_file())
    print(f"{args.target}: pipeline {nlp.pipe_names}, labels {nlp.get_pipe('ner').labels}, "
          f"{size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
