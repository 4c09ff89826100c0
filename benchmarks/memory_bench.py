"""Memory of the app's core with a large archive: open it, list, search, facet, open articles.

Builds an archive of N synthetic articles (as ``search_bench.py`` does), then measures, in a
fresh process, the peak resident memory of a session that opens the archive, lists every id
with summaries, runs each query class with snippets and facets, and loads 200 articles with
their entities. Usage: ``python benchmarks/memory_bench.py [--articles 50000]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SESSION = """
import resource, sys
from reader.core.library import Library
with Library.open(sys.argv[1]) as library:
    ids = library.article_ids()
    for start in range(0, len(ids), 500):
        library.summaries(ids[start:start + 500])
    for query in ("market", "price AND energy", '"the government"', "presid*", "markt~1",
                  "title:report", "published:[2010 TO 2015]", ""):
        library.search(query, limit=100)
        library.facets(query)
    for article_id in ids[:200]:
        library.article(article_id)
        library.entities(article_id)
maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
try:
    # The peak of this process's own memory since it started: on Linux ``ru_maxrss`` also
    # keeps the peak of the process it was forked from (the benchmark, holding 50,000
    # texts), across exec.
    status = open("/proc/self/status").read()
    print(int(status.split("VmHWM:")[1].split()[0]) // 1024, maxrss)
except (OSError, IndexError):
    print(maxrss, maxrss)
"""


def main() -> int:
    import search_bench

    from reader.core.library import Library

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    articles = list(
        search_bench.synthetic_articles(search_bench.source_texts(args.corpus), args.articles)
    )
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "archive"
        with Library.open(archive) as library:
            search_bench.fill_store(library, articles)
            library.reindex(parallel=True)
        del articles
        result = subprocess.run(
            [sys.executable, "-c", SESSION, str(archive)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
    peak, maxrss = (int(value) for value in result.stdout.strip().splitlines()[-1].split())
    print(
        f"## Memory ({args.articles:,} articles; `python benchmarks/memory_bench.py "
        f"--articles {args.articles}`)\n"
    )
    print("| session | peak resident memory |")
    print("| --- | ---: |")
    print(f"| open, list all with summaries, 8 searches with facets, 200 articles | {peak} MB |")
    print(
        f"\nThe session's own peak (VmHWM). Its `ru_maxrss`, which earlier runs reported, says"
        f" {maxrss} MB: on Linux it keeps the peak of the benchmark process it was forked"
        f" from."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
