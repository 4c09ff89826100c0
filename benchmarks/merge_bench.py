"""Index merges during a long import: the cost of each commit, and the largest pause.

An import indexes its articles in batches (about 100 a commit at 20 pages/s and one commit
every 5 s); the index's merge policy (``reader/core/index/merging.py``) merges segments of
one size tier once eight accumulate. This feeds ``ArchiveIndex.update`` such batches of
synthetic articles (the corpus's ground-truth texts recombined, with invented words, as in
``search_bench.py``), with the store stood in for by a dictionary, and reports per commit
the CPU time and the segments written, then the total, the largest commit (the pause an
import would see) and the process's peak memory growth while indexing.

Usage: ``python benchmarks/merge_bench.py [--articles 20000] [--batch 100]``; run it with
``PYTHONPATH`` set to another checkout to compare versions of the index code in one session.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_bench import source_texts, synthetic_articles  # noqa: E402

from reader.core.index import ArchiveIndex, IndexDocument  # noqa: E402


def peak_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    store: dict[int, IndexDocument] = {}
    for number, title, text, site, published in synthetic_articles(
        source_texts(args.corpus), args.articles
    ):
        store[number + 1] = IndexDocument(
            number + 1,
            title,
            text,
            site=site,
            language="en",
            published=datetime.fromisoformat(published),
        )

    def source(ids: Sequence[int]) -> Iterator[IndexDocument]:
        return (store[article_id] for article_id in ids if article_id in store)

    import reader

    print(
        f"## Index merges ({date.today()}, {platform.machine()}, {platform.python_version()};"
        f" `python benchmarks/merge_bench.py --articles {args.articles} --batch {args.batch}`,"
        f" code from {Path(reader.__file__).parent.parent})\n"
    )
    ids = sorted(store)
    commits: list[tuple[int, float, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        index = ArchiveIndex(Path(folder) / "index")
        before = peak_kb()
        for start in range(0, len(ids), args.batch):
            batch = [store[article_id] for article_id in ids[start : start + args.batch]]
            cpu = time.process_time()
            index.update(batch, fresh=True, source=source)
            spent = time.process_time() - cpu
            segments = len(index._index._segments())
            commits.append((start + len(batch), spent, segments))
        growth_mb = (peak_kb() - before) / 1024
        sizes = sorted((s.doc_count_all() for s in index._index._segments()), reverse=True)
        index.close()
    slow = sorted(commits, key=lambda commit: commit[1], reverse=True)[:5]
    total = sum(spent for _, spent, _ in commits)
    print("| articles | commits | CPU s in all | ms an article | largest commit CPU s |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {len(ids)} | {len(commits)} | {total:.1f} | {total / len(ids) * 1000:.2f} |"
        f" {slow[0][1]:.1f} |\n"
    )
    print(
        "The five largest commits (articles indexed by then, CPU s):",
        ", ".join(f"{done} ({spent:.1f} s)" for done, spent, _ in slow),
    )
    print(f"\nSegments at the end (documents each): {sizes}.")
    print(f"Peak memory growth while indexing: {growth_mb:.0f} MB.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
