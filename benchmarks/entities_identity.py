"""Entity spans of the shipped recognizer on fixed texts, and their CPU cost, for comparisons.

Usage (one core, as ``benchmarks/entities.py``)::

    taskset -c 1 env OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/entities_identity.py \
        --dump spans-after.json [--articles 200]
    .venv/bin/python benchmarks/entities_identity.py --compare spans-before.json spans-after.json

``--dump`` runs ``Recognizer()`` (model, post-rules, gazetteer, credit filter) over

* CoNLL-2003 dev and the UNER PUD news documents (``recognize_many``, as the F1 benchmark);
* the first ``--articles`` WCXB dev pages that extract to an article (``recognize_articles``,
  as an import does: captions and credits blanked, surfaces restored);

and writes every span (start, end, label, text, raw label) per document, plus words/s and
ms/article in CPU time (``time.process_time``) and the share spent after the model
(``Recognizer._finish``). ``--compare`` reports every document whose spans differ: a change
meant to be a pure speed-up must report none. The extracted WCXB articles are cached (pickle,
``--cache``) so that the extractor's own speed does not enter the comparison.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.entities.corpora import read_conll, read_uner  # noqa: E402
from reader.core.entities.recognizer import RECOGNIZER_VERSION, Recognizer  # noqa: E402
from reader.core.errors import ReaderError  # noqa: E402
from reader.core.model import EntitySpan, ExtractedArticle, SavedPage  # noqa: E402

NER_DIR = REPO.parent / "shared" / "corpus" / "ner"
WCXB_DIR = REPO.parent / "shared" / "corpus" / "boilerplate" / "wcxb-dev-articles" / "html"


def load_articles(count: int, cache: Path | None) -> list[ExtractedArticle]:
    """The first ``count`` WCXB dev pages (sorted by file name) that extract to an article."""
    if cache is not None and cache.is_file():
        articles: list[ExtractedArticle] = pickle.loads(cache.read_bytes())
        if len(articles) >= count:
            return articles[:count]
    from reader.core.extract.pipeline import extract_page

    articles = []
    for path in sorted(WCXB_DIR.glob("*.html.gz")):
        if len(articles) >= count:
            break
        try:
            articles.append(
                extract_page(SavedPage(gzip.decompress(path.read_bytes()), "text/html", "html"))
            )
        except ReaderError:
            continue
    if cache is not None:
        cache.write_bytes(pickle.dumps(articles))
    return articles


def _rows(spans: Sequence[EntitySpan]) -> list[list[Any]]:
    return [[span.start, span.end, span.label, span.text, span.raw_label] for span in spans]


def _timed(
    run: Callable[[], list[list[EntitySpan]]], recognizer: Recognizer
) -> tuple[list[list[EntitySpan]], float, float]:
    """Runs ``run`` and returns its result, its CPU seconds and the CPU seconds of _finish."""
    finish = recognizer._finish
    spent = [0.0]

    def timed_finish(*args: Any, **kwargs: Any) -> list[EntitySpan]:
        started = time.process_time()
        try:
            return finish(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - started

    recognizer._finish = timed_finish  # type: ignore[method-assign]
    try:
        started = time.process_time()
        result = run()
        seconds = time.process_time() - started
    finally:
        del recognizer._finish
    return result, seconds, spent[0]


def dump(out: Path, article_count: int, cache: Path | None) -> None:
    conll = [doc.text for doc in read_conll(NER_DIR / "conll2003-dev" / "eng.testa")]
    pud = [
        doc.text
        for doc in read_uner(NER_DIR / "uner-english-pud" / "en_pud-ud-test.iob2")
        if doc.doc_id.startswith("n")
    ]
    articles = load_articles(article_count, cache)
    recognizer = Recognizer()
    recognizer.recognize("Warm-up in Berlin.")  # loads the model outside the timing
    report: dict[str, Any] = {"version": RECOGNIZER_VERSION, "sets": {}, "speed": {}}
    runs: dict[str, tuple[Callable[[], list[list[EntitySpan]]], int, int]] = {
        "CoNLL-2003 dev": (
            lambda: list(recognizer.recognize_many(conll)),
            sum(len(text.split()) for text in conll),
            len(conll),
        ),
        "UNER PUD news": (
            lambda: list(recognizer.recognize_many(pud)),
            sum(len(text.split()) for text in pud),
            len(pud),
        ),
        "WCXB articles": (
            lambda: list(recognizer.recognize_articles(articles)),
            sum(len(article.text.split()) for article in articles),
            len(articles),
        ),
    }
    for name, (run, words, documents) in runs.items():
        spans, seconds, finishing = _timed(run, recognizer)
        report["sets"][name] = [_rows(found) for found in spans]
        speed = {
            "documents": documents,
            "words": words,
            "cpu_s": round(seconds, 3),
            "words_per_s": round(words / seconds),
            "ms_per_doc": round(1000 * seconds / documents, 2),
            "post_rules_ms_per_doc": round(1000 * finishing / documents, 3),
        }
        report["speed"][name] = speed
        print(name, json.dumps(speed), flush=True)
    out.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


def compare(before: Path, after: Path) -> int:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    differing = 0
    for name, documents in old["sets"].items():
        others = new["sets"].get(name, [])
        changed = [
            index for index, (a, b) in enumerate(zip(documents, others, strict=False)) if a != b
        ]
        if len(documents) != len(others):
            changed.append(-1)
        spans = sum(len(spans) for spans in documents)
        print(f"{name}: {len(documents)} documents, {spans} spans, {len(changed)} documents differ")
        for index in changed[:5]:
            if index >= 0:
                print(
                    f"  document {index}: before {documents[index][:8]}...\n"
                    f"  after  {others[index][:8]}..."
                )
        differing += len(changed)
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="write the spans and timings here (JSON)")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/wcxb-articles.pickle"))
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.dump:
        dump(args.dump, args.articles, args.cache)
        return 0
    parser.error("give --dump or --compare")
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
