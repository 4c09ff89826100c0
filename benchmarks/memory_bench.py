"""Memory of the app's core with a large archive: open it, list, search, facet, open articles.

Builds an archive of N synthetic articles (as ``search_bench.py`` does), then measures, in a
fresh process, the peak resident memory of a session that opens the archive, lists every id
with summaries, runs each query class with snippets and facets, and loads 200 articles with
their entities. Usage: ``python benchmarks/memory_bench.py [--articles 50000]``.

With ``--rebuild`` it measures instead, in a fresh process, an index rebuild of the archive
as ``archival-reader reindex`` runs it (``--processes 2``, the default) or in one process:
each segment builder's peak (VmHWM of the process it runs in, and its growth over the
resident memory it started with: a forked builder starts with its parent's pages, shared),
the rebuilding process's peak, a total (the parent's peak plus each forked builder's
growth: what the processes hold at most together, the shared pages counted once), and the
rebuild's CPU time (all processes) and wall time.
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

REBUILD = """
import os, resource, sys, time
from pathlib import Path
from reader.core.index import rebuild
from reader.core.library import Library

def status(key):
    return int(Path("/proc/self/status").read_text().split(key + ":")[1].split()[0]) // 1024

report = Path(sys.argv[2])
build = rebuild.build_segment

def measured(target, documents):
    # Runs in the process that builds the segment (forked workers inherit the patch).
    start = status("VmRSS")
    result = build(target, documents)
    with report.open("a") as out:
        out.write(f"{os.getpid()} {start} {status('VmHWM')} {result[1]}\\n")
    return result

rebuild.build_segment = measured
with Library.open(sys.argv[1]) as library:
    wall = time.perf_counter()
    library.reindex(parallel=sys.argv[3] != "1")
    wall = time.perf_counter() - wall
usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
cpu = sum(use.ru_utime + use.ru_stime for use in usage)
print(os.getpid(), status("VmHWM"), f"{cpu:.1f}", f"{wall:.1f}")
"""


def rebuild_memory(archive: Path, processes: int) -> None:
    """Runs ``REBUILD`` on ``archive`` and prints its table."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "builders.txt"
        result = subprocess.run(
            [sys.executable, "-c", REBUILD, str(archive), str(report), str(processes)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        builders = [
            [int(value) for value in line.split()]
            for line in report.read_text().split("\n")
            if line
        ]
    pid, parent_peak, cpu, wall = result.stdout.strip().splitlines()[-1].split()
    print("| builder | documents | resident at its start | peak (VmHWM) | growth |")
    print("| --- | ---: | ---: | ---: | ---: |")
    forked_growth = 0
    for number, (builder_pid, start, peak, documents) in enumerate(builders, 1):
        forked = builder_pid != int(pid)
        forked_growth += peak - start if forked else 0
        where = "forked" if forked else "in the rebuilding process"
        print(
            f"| {number} ({where}) | {documents:,} | {start} MB | {peak} MB | {peak - start} MB |"
        )
    print(
        f"\nRebuilding process: peak {parent_peak} MB; total (its peak plus the forked"
        f" builders' growth): {int(parent_peak) + forked_growth} MB. Rebuild: {cpu} s CPU"
        f" (all processes), {wall} s wall."
    )


def main() -> int:
    import search_bench

    from reader.core.library import Library

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rebuild", action="store_true", help="measure an index rebuild")
    parser.add_argument("--processes", type=int, choices=(1, 2), default=2)
    args = parser.parse_args()
    articles = list(
        search_bench.synthetic_articles(search_bench.source_texts(args.corpus), args.articles)
    )
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "archive"
        with Library.open(archive) as library:
            search_bench.fill_store(library, articles)
            if not args.rebuild:
                library.reindex(parallel=True)
        del articles
        if args.rebuild:
            print(
                f"## Index rebuild memory ({args.articles:,} articles, {args.processes}"
                f" process(es); `python benchmarks/memory_bench.py --rebuild --articles"
                f" {args.articles} --processes {args.processes}`)\n"
            )
            rebuild_memory(archive, args.processes)
            return 0
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
