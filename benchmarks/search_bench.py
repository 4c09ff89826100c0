"""Search at scale: a 50,000-article archive, our Whoosh index next to SQLite FTS5.

The articles are built from the corpus's ground-truth texts (ScrapingHub and WCXB),
recombined (paragraphs of three source articles each) and perturbed (a share of the words
replaced by invented ones, so the vocabulary grows as in a real archive), with random
sites and dates. They are written straight into an archive's store, then:

- index build: ``Library.reindex(parallel=True)``, as ``archival-reader reindex`` runs it
  (2 processes, each reading its half of the articles from the store and writing one
  segment);
- searcher ready: a fresh ``Library.open`` plus its first query;
- a newly stored article: time until a search finds it;
- queries per class (term, AND, phrase, prefix, fuzzy, field, date range), each through
  ``Library.search`` (top 10 with snippets from the store) and through FTS5 (top 10 with
  ``snippet()``) on the same documents; facets through ``Library.facets``.

Usage: ``python benchmarks/search_bench.py [--articles 50000] [--corpus ../shared/corpus]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.library import Library  # noqa: E402
from reader.core.model import Block, BlockKind, ExtractedArticle, Provenance  # noqa: E402
from reader.core.store import articles as article_rows  # noqa: E402

SITES = [f"site{number}.example" for number in range(200)]
WORD = re.compile(r"[A-Za-z]{5,}")


def source_texts(corpus: Path) -> list[tuple[str, str]]:
    """(title, body) pairs from the benchmarks' ground truth."""
    found: list[tuple[str, str]] = []
    truth = (
        corpus / "boilerplate" / "scrapinghub-article-extraction-benchmark" / "ground-truth.json"
    )
    for item in json.loads(truth.read_text()).values():
        body = item.get("articleBody") or ""
        if len(body) > 500:
            found.append((body.split("\n")[0][:90], body))
    for path in sorted(
        (corpus / "boilerplate" / "wcxb-dev-articles" / "ground-truth").glob("*.json")
    ):
        truth_item = json.loads(path.read_text())["ground_truth"]
        body = truth_item.get("main_content") or ""
        if len(body) > 500:
            found.append((truth_item.get("title") or body[:80], body))
    return found


def synthetic_articles(sources: list[tuple[str, str]], count: int, seed: int = 7):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    paragraphs = [[p for p in body.split("\n") if len(p) > 80] for _, body in sources]
    for number in range(count):
        chosen = rng.sample(range(len(sources)), 3)
        parts = [
            p
            for index in chosen
            for p in rng.sample(paragraphs[index], min(3, len(paragraphs[index])))
        ]
        text = "\n\n".join(parts)
        words = text.split(" ")
        for _ in range(max(1, len(words) // 50)):  # 2% invented words: a growing vocabulary
            words[rng.randrange(len(words))] = f"zq{rng.randrange(2_000_000):x}"
        text = " ".join(words)
        year = rng.randint(2000, 2025)
        yield (
            number,
            sources[chosen[0]][0],
            text,
            rng.choice(SITES),
            f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )


def fill_store(library: Library, articles: list[tuple[int, str, str, str, str]]) -> float:
    started = time.perf_counter()
    with library._store.transaction() as connection:
        connection.execute(
            "INSERT INTO originals (sha256, size, file_name, source_format, added_at, pages)"
            " VALUES ('bench', 0, 'bench', 'html', '2026-01-01T00:00:00Z', 1)"
        )
        for number, title, text, site, published in articles:
            extracted = ExtractedArticle(
                text=text,
                blocks=(Block(BlockKind.PARAGRAPH, 0, len(text)),),
                title=title,
                site=site,
                published=published,
                language="en",
                extractor_version="bench",
            )
            provenance = Provenance(
                "bench", "bench.html", "html", str(number), None, None, None, "2026-01-01T00:00:00Z"
            )
            article_rows.insert_article(connection, extracted, provenance)
    return time.perf_counter() - started


def queries(
    articles: list[tuple[int, str, str, str, str]], rng: random.Random
) -> dict[str, list[tuple[str, str]]]:
    """Per class: (our query, FTS5 MATCH expression) pairs drawn from the documents."""

    def words() -> list[str]:
        text = rng.choice(articles)[2]
        found = [w.lower() for w in WORD.findall(text) if not w.lower().startswith("zq")]
        return found or ["market"]

    classes: dict[str, list[tuple[str, str]]] = {
        k: [] for k in ("term", "AND", "phrase", "prefix", "fuzzy", "field", "date range")
    }
    for _ in range(25):
        a, b = rng.sample(words(), 2) if len(words()) > 1 else ("market", "price")
        classes["term"].append((a, f'"{a}"'))
        classes["AND"].append((f"{a} AND {b}", f'"{a}" AND "{b}"'))
        text = rng.choice(articles)[2]
        tokens = [t for t in re.findall(r"[A-Za-z]+", text) if len(t) > 3]
        start = rng.randrange(max(1, len(tokens) - 3))
        phrase = " ".join(tokens[start : start + 2]).lower()
        classes["phrase"].append((f'"{phrase}"', f'"{phrase}"'))
        classes["prefix"].append((f"{a[:4]}*", f'"{a[:4]}"*'))
        classes["fuzzy"].append((f"{a}~1", ""))  # FTS5 has no fuzzy matching
        classes["field"].append((f"title:{a}", f'title:"{a}"'))
        year = rng.randint(2001, 2024)
        classes["date range"].append(
            (f"{a} published:[{year}-01 TO {year}-06]", f'"{a}"|{year}-01-01|{year}-06-31')
        )
    return classes


def timed(run: Callable[[], object], repeat: int = 1) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return samples


def cpu_timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run; CPU is this process's, which the machine's other
    load does not inflate (the wall time is what a user waits)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def cpu_seconds_with_children() -> float:
    """CPU seconds of this process and its finished children (forked index writers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def resident_mb() -> float:
    """This process's resident memory now (Linux; 0 elsewhere)."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmRSS:")[1].split()[0]) / 1024
    except (OSError, IndexError, ValueError):
        return 0.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def build_fts(
    path: Path, articles: list[tuple[int, str, str, str, str]]
) -> tuple[sqlite3.Connection, float]:
    connection = sqlite3.connect(path)
    started = time.perf_counter()
    connection.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, site, published UNINDEXED,"
        " tokenize='porter unicode61 remove_diacritics 2')"
    )
    with connection:
        connection.executemany(
            "INSERT INTO docs (rowid, title, body, site, published) VALUES (?, ?, ?, ?, ?)",
            ((n + 1, t, b, s, p) for n, t, b, s, p in articles),
        )
    return connection, time.perf_counter() - started


def fts_search(connection: sqlite3.Connection, expression: str) -> list[tuple[int, str]]:
    if "|" in expression:
        match, low, high = expression.split("|")
        return connection.execute(
            "SELECT rowid, snippet(docs, 1, '[', ']', '…', 20) FROM docs WHERE docs MATCH ?"
            " AND published BETWEEN ? AND ? ORDER BY rank LIMIT 10",
            (match, low, high),
        ).fetchall()
    return connection.execute(
        "SELECT rowid, snippet(docs, 1, '[', ']', '…', 20) FROM docs WHERE docs MATCH ?"
        " ORDER BY rank LIMIT 10",
        (expression,),
    ).fetchall()


def _class_row(
    name: str, ours: list[tuple[float, float]], theirs: list[tuple[float, float]]
) -> str:
    """One table row: wall p50/p95 of both engines, the wall p95 ratio, and the CPU p95
    ratio (which the machine's other load does not distort)."""

    def p95(samples: list[tuple[float, float]], which: int) -> float:
        return percentile([sample[which] for sample in samples], 0.95) * 1000

    def p50(samples: list[tuple[float, float]]) -> float:
        return statistics.median(sample[0] for sample in samples) * 1000

    line = f"| {name} | {p50(ours):.1f} | {p95(ours, 0):.1f} |"
    if not theirs:
        return line + f" n/a | n/a | n/a | {p95(ours, 1):.1f} / n/a | n/a |"
    return line + (
        f" {p50(theirs):.1f} | {p95(theirs, 0):.1f} |"
        f" {p95(ours, 0) / max(p95(theirs, 0), 0.001):.1f}x |"
        f" {p95(ours, 1):.1f} / {p95(theirs, 1):.1f} |"
        f" {p95(ours, 1) / max(p95(theirs, 1), 0.001):.1f}x |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    sources = source_texts(args.corpus)
    articles = list(synthetic_articles(sources, args.articles))
    words = sum(len(text.split()) for _, _, text, _, _ in articles) / len(articles)
    rng = random.Random(11)
    classes = queries(articles, rng)
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "archive"
        with Library.open(archive) as library:
            store_seconds = fill_store(library, articles)
            cpu_before = cpu_seconds_with_children()
            # The builders are forked from this process: its pages count in theirs.
            shared_at_fork = resident_mb()
            build_seconds = timed(lambda: library.reindex(parallel=True))[0]
            build_cpu = cpu_seconds_with_children() - cpu_before
        fts, fts_build = build_fts(Path(folder) / "fts.sqlite3", articles)
        started = time.perf_counter()
        library = Library.open(archive)
        library.search("market", limit=10)
        ready = time.perf_counter() - started
        # A new article: stored and indexed, then found.
        new_text = "A freshly stored article about quokkaberries and their harvest."
        started = time.perf_counter()
        with library._store.transaction() as connection:
            extracted = ExtractedArticle(
                text=new_text, blocks=(), title="Quokkaberries", extractor_version="bench"
            )
            provenance = Provenance(
                "bench", "new.html", "html", "new", None, None, None, "2026-01-01T00:00:00Z"
            )
            new_id = article_rows.insert_article(connection, extracted, provenance)
            connection.execute(
                "INSERT INTO index_queue (article_id, queued_at) VALUES (?, 'x')", (new_id,)
            )
        library.sync_index()
        found = library.search("quokkaberries").total
        searchable = time.perf_counter() - started
        assert found == 1
        for name, pairs in classes.items():
            ours = [cpu_timed(lambda q=query: library.search(q, limit=10)) for query, _ in pairs]
            theirs = [
                cpu_timed(lambda e=expression: fts_search(fts, e))
                for _, expression in pairs
                if expression
            ]
            rows.append(_class_row(name, ours, theirs))
        facet_times = timed(lambda: library.facets(""), repeat=3) + [
            t for query, _ in classes["term"][:10] for t in timed(lambda q=query: library.facets(q))
        ]
        library.close()
        index_size = sum(p.stat().st_size for p in (archive / "whoosh").iterdir()) / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The forked index builders are this process's only children.
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"## Search ({date.today()}, {platform.machine()}, Python {platform.python_version()};"
        f" `python benchmarks/search_bench.py --articles {args.articles}`)\n"
    )
    print(f"{len(articles):,} articles of {words:.0f} words on average.\n")
    print("| measure | ours (Whoosh) | SQLite FTS5 |")
    print("| --- | ---: | ---: |")
    print(
        f"| index build | {build_seconds:.1f} s ({len(articles) / build_seconds:.0f} docs/s) |"
        f" {fts_build:.1f} s |"
    )
    print(f"| (CPU time of the build, all processes) | {build_cpu:.1f} s | |")
    print(f"| (writing the articles to the store first) | {store_seconds:.1f} s | |")
    print(f"| searcher ready (open + first query) | {ready * 1000:.0f} ms | |")
    print(f"| new article searchable after store | {searchable * 1000:.0f} ms | |")
    print(f"| index size | {index_size:.0f} MB | |")
    print(
        "\n| query class | ours p50 ms | ours p95 ms | FTS5 p50 ms | FTS5 p95 ms | p95 ratio"
        " | CPU p95 ms ours / FTS5 | CPU p95 ratio |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    print(
        f"\nFacets (site, year, language, tags, colours, people, organisations, places) over"
        f" all matches: p50 {statistics.median(facet_times) * 1000:.0f} ms,"
        f" p95 {percentile(facet_times, 0.95) * 1000:.0f} ms."
    )
    print(
        f"Peak memory of the process: {peak:.0f} MB; of the largest index builder"
        f" process: {worker_peak:.0f} MB, of which {shared_at_fork:.0f} MB are this"
        f" process's pages, mapped into it at fork (`archival-reader reindex` forks from a"
        f" small process)."
    )
    print(
        f"Load average of the machine (1 min, 2 cores) at the start and end of the run:"
        f" {load_start:.1f} and {os.getloadavg()[0]:.1f}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
