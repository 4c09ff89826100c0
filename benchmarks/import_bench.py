"""Import speed: the ScrapingHub and WCXB article pages into a fresh archive.

Reports, in one run on the same pages:

- end to end: ``Library.import_paths`` (discover, hash, read, extract, entities, store,
  index) with the default worker pool, in pages/s, with and without entity recognition;
- per stage, single process: reading (``read_pages``), extraction (``extract_page``),
  entities (``recognize_article``), and for comparison trafilatura's own extraction with
  metadata (``trafilatura.bare_extraction``), the peer named in the issue;
- CPU seconds per page of the parent (storing, indexing) and of the workers (reading,
  extracting, entities), and from them the rate two idle cores would reach: the machine
  these run on is shared, so wall time alone mixes in other people's jobs;
- peak memory of the parent and of the workers (proportional set size, so the pages the
  workers share with their fork server count once), and with ``--scale`` the same for
  imports of growing size, to show that memory does not grow with the number of files.

Each end-to-end import runs in a fresh process, so that its peak memory is its own.
Usage: ``python benchmarks/import_bench.py [--corpus ../shared/corpus] [--limit N]
[--scale 250,1000,4000]``. Prints Markdown tables (``benchmarks/results/import.md``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.containers import ImportSource, Limits, read_pages  # noqa: E402
from reader.core.entities import get_recognizer  # noqa: E402
from reader.core.extract.loader import decode_html  # noqa: E402
from reader.core.extract.pipeline import extract_page  # noqa: E402
from reader.core.importing.pipeline import ImportOptions  # noqa: E402
from reader.core.library import Library  # noqa: E402


def corpus_pages(corpus: Path, limit: int | None) -> list[Path]:
    scrapinghub = sorted(
        (corpus / "boilerplate" / "scrapinghub-article-extraction-benchmark" / "html").glob(
            "*.html.gz"
        )
    )
    wcxb = sorted((corpus / "boilerplate" / "wcxb-dev-articles" / "html").glob("*.html.gz"))
    pages = scrapinghub + wcxb
    return pages[:limit] if limit else pages


def end_to_end(pages: list[Path], entities: bool, stream: bool = False) -> dict[str, float]:
    """Imports ``pages`` into a fresh archive in this process; wall and CPU seconds, counts,
    and peak memory of this process and of its workers. ``stream``: crawls of any size are
    imported page by page (as those over ``Limits.stream_crawls_over`` are)."""
    limits = Limits(stream_crawls_over=0) if stream else Limits()
    options = ImportOptions(limits=limits, recognize_entities=entities)
    sampler = DescendantSampler()
    sampler.start()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with Library.open(Path(folder) / "archive") as library:
            cpu_before = time.thread_time()  # this thread only: not the sampler's
            report = library.import_paths(pages, options=options)
            elapsed = time.perf_counter() - started
            parent_cpu = time.thread_time() - cpu_before
            indexed = library.search("").total
            started = time.perf_counter()
            again = library.import_paths(pages, options=options)
            reimport = time.perf_counter() - started
            assert not again.imported, "an unchanged file was imported twice"
    sampler.stop()
    return {
        "seconds": elapsed,
        "reimport_seconds": reimport,
        "imported": len(report.imported),
        "indexed": indexed,
        "parent_cpu": parent_cpu,
        "workers_cpu": sampler.cpu_seconds(),
        "startup_cpu": sampler.startup_cpu_seconds(),
        "parent_peak_mb": own_peak_mb(),
        "workers_peak_pss_mb": sampler.peak_pss_total,
        "largest_worker_rss_mb": sampler.peak_rss,
    }


def end_to_end_in_child(
    pages: list[Path], entities: bool, stream: bool = False
) -> dict[str, float]:
    """``end_to_end`` in a fresh interpreter (its peak memory is then this run's alone)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(str(page) for page in pages))
    try:
        command = [sys.executable, __file__, "--child", f"{entities},{stream}", listing.name]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(listing.name)
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return result


def variant_pages(pages: list[Path], count: int, folder: Path) -> list[Path]:
    """``count`` distinct pages made from the corpus pages: each copy gets a unique opening
    phrase in its first paragraph, so neither the file nor the text is a duplicate."""
    made = []
    for number in range(count):
        source = pages[number % len(pages)]
        html = gzip.decompress(source.read_bytes())
        marker = f"<p>Copy {number} of this page, variant {number // len(pages)}. ".encode()
        target = folder / f"{number:06d}-{source.name.removesuffix('.gz')}"
        target.write_bytes(html.replace(b"<p>", marker, 1))
        made.append(target)
    return made


def crawl_of(pages: list[Path], count: int, folder: Path) -> Path:
    """One gzipped WARC holding ``count`` distinct variants of the corpus pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    target = folder / f"crawl-{count}.warc.gz"
    with target.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number, page in enumerate(variant_pages(pages, count, folder)):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            uri = f"https://crawl.example/{number}/{page.name}"
            with page.open("rb") as payload:
                record = writer.create_warc_record(
                    uri, "response", payload=payload, http_headers=headers
                )
                writer.write_record(record)
            page.unlink()
    return target


def print_crawl_scaling(pages: list[Path], counts: list[int]) -> None:
    print(
        "\n| pages in one WARC crawl (without entities) | WARC MB | seconds | pages/s "
        "| parent peak RSS MB | workers PSS MB | parent CPU ms/page |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            crawl = crawl_of(pages, count, Path(folder))
            size = crawl.stat().st_size / (1024 * 1024)
            run = end_to_end_in_child([crawl], False, stream=True)
        print(
            f"| {count} | {size:.0f} | {run['seconds']:.1f} | {run['imported'] / run['seconds']:.1f} "
            f"| {run['parent_peak_mb']:.0f} | {run['workers_peak_pss_mb']:.0f} "
            f"| {run['parent_cpu'] * 1000 / max(1.0, run['imported']):.0f} |"
        )


def stages(pages: list[Path]) -> dict[str, list[float]]:
    """Per-page seconds of each stage, in this process (one core)."""
    import trafilatura

    timings: dict[str, list[float]] = {"read": [], "extract": [], "entities": [], "trafilatura": []}
    recognizer = get_recognizer()
    recognizer.recognize("Warm up the model in Paris.")
    for path in pages:
        started = time.perf_counter()
        saved = read_pages(ImportSource(path, None, path.name), Limits())
        timings["read"].append(time.perf_counter() - started)
        for page in saved[:1]:
            started = time.perf_counter()
            try:
                article = extract_page(page)
            except Exception:  # noqa: BLE001 - a page that is not an article still costs time
                article = None
            timings["extract"].append(time.perf_counter() - started)
            if article is not None:
                started = time.perf_counter()
                recognizer.recognize_article(article)
                timings["entities"].append(time.perf_counter() - started)
            html = decode_html(page.content, page.charset)
            started = time.perf_counter()
            trafilatura.bare_extraction(html, with_metadata=True)
            timings["trafilatura"].append(time.perf_counter() - started)
    return timings


def own_peak_mb() -> float:
    """This process's own peak resident size (``VmHWM``). Not ``ru_maxrss``: on Linux it
    also keeps the peak of the process this one was forked from."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return megabytes(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def megabytes(kilobytes: int) -> float:
    return kilobytes / 1024


class DescendantSampler(threading.Thread):
    """Samples this process's descendants (the fork server and its workers) every 0.2 s:
    the largest resident size, the largest sum of proportional set sizes, and CPU time."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_rss = 0.0
        self.peak_pss_total = 0.0
        self._cpu_ticks: dict[int, int] = {}
        self._servers: set[int] = set()  # descendants that have children: the fork server
        self._running = True

    def _descendants(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    parents[int(entry.name)] = int(fields[1])
                except (OSError, IndexError, ValueError):
                    continue
        found, frontier = [], [os.getpid()]
        while frontier:
            current = frontier.pop()
            children = [pid for pid, parent in parents.items() if parent == current]
            if children and current != os.getpid():
                self._servers.add(current)
            found += children
            frontier += children
        return found

    def _sample(self) -> None:
        rss, pss = [], []
        for pid in self._descendants():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:
                continue
            # utime and stime: fields 14 and 15 of stat, counted after the command name.
            self._cpu_ticks[pid] = max(self._cpu_ticks.get(pid, 0), int(stat[11]) + int(stat[12]))
            for line in rollup.splitlines():
                if line.startswith("Rss:"):
                    rss.append(int(line.split()[1]) / 1024)
                elif line.startswith("Pss:"):
                    pss.append(int(line.split()[1]) / 1024)
        if rss:
            self.peak_rss = max(self.peak_rss, max(rss))
            self.peak_pss_total = max(self.peak_pss_total, sum(pss))

    def run(self) -> None:
        while self._running:
            self._sample()
            time.sleep(0.2)

    def stop(self) -> None:
        self._running = False
        self.join()

    def cpu_seconds(self) -> float:
        """CPU time of the workers, up to their last sample (at most 0.2 s of each is
        missed). The fork server's own time (loading the extraction stack and the NER model
        once) is start-up, not per-page work: see ``startup_cpu_seconds``."""
        ticks = sum(t for pid, t in self._cpu_ticks.items() if pid not in self._servers)
        return ticks / os.sysconf("SC_CLK_TCK")

    def startup_cpu_seconds(self) -> float:
        ticks = sum(t for pid, t in self._cpu_ticks.items() if pid in self._servers)
        return ticks / os.sysconf("SC_CLK_TCK")


def two_core_rate(run: dict[str, float]) -> float:
    """Pages/s on two idle cores, from CPU time: the parent alone cannot go faster than its
    own CPU time allows, and all processes together share two cores."""
    busiest = max(run["parent_cpu"], (run["parent_cpu"] + run["workers_cpu"]) / 2)
    return run["imported"] / busiest


def print_end_to_end(pages: list[Path]) -> None:
    print(
        "| run | seconds | imported | indexed | pages/s (wall) | parent CPU ms/page "
        "| workers CPU ms/page | pages/s on 2 idle cores (from CPU) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    runs = {}
    for label, entities in (("with entities", True), ("without entities", False)):
        run = end_to_end_in_child(pages, entities)
        runs[label] = run
        per_page = 1000 / max(1.0, run["imported"])
        print(
            f"| end to end, {label} | {run['seconds']:.1f} | {run['imported']:.0f} "
            f"| {run['indexed']:.0f} | {len(pages) / run['seconds']:.1f} "
            f"| {run['parent_cpu'] * per_page:.0f} | {run['workers_cpu'] * per_page:.0f} "
            f"| {two_core_rate(run):.1f} |"
        )
    startup = runs["with entities"]["startup_cpu"]
    print(
        f"\nStart-up, once per import: the fork server loads the extraction stack and the NER model in {startup:.1f} CPU s."
    )
    unchanged = runs["without entities"]["reimport_seconds"]
    print(f"\nImporting the same {len(pages)} files again (nothing changed): {unchanged:.2f} s.")
    print(
        "\n| run | parent peak RSS MB | workers and fork server, PSS MB | largest worker RSS MB |"
    )
    print("| --- | ---: | ---: | ---: |")
    for label, run in runs.items():
        print(
            f"| {label} | {run['parent_peak_mb']:.0f} | {run['workers_peak_pss_mb']:.0f} "
            f"| {run['largest_worker_rss_mb']:.0f} |"
        )


def print_scaling(pages: list[Path], counts: list[int]) -> None:
    print(
        "\n| files imported (without entities) | seconds | parent peak RSS MB "
        "| workers PSS MB | parent CPU ms/page |"
    )
    print("| ---: | ---: | ---: | ---: | ---: |")
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            run = end_to_end_in_child(variant_pages(pages, count, Path(folder)), False)
        print(
            f"| {count} | {run['seconds']:.1f} | {run['parent_peak_mb']:.0f} "
            f"| {run['workers_peak_pss_mb']:.0f} "
            f"| {run['parent_cpu'] * 1000 / max(1.0, run['imported']):.0f} |"
        )


def print_stages(pages: list[Path]) -> None:
    per_stage = stages(pages)
    print("\n| stage (one process) | median ms/page | mean ms/page | pages/s |")
    print("| --- | ---: | ---: | ---: |")
    for stage, values in per_stage.items():
        if values:
            total = sum(values)
            print(
                f"| {stage} | {statistics.median(values) * 1000:.1f} "
                f"| {total * 1000 / len(values):.1f} | {len(values) / total:.1f} |"
            )
    ratio = statistics.median(per_stage["extract"]) / statistics.median(per_stage["trafilatura"])
    print(f"\nOur extraction / trafilatura (median per page): {ratio:.2f}x.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--scale", help="comma-separated file counts for the memory table")
    parser.add_argument(
        "--crawl", help="comma-separated page counts of single WARC crawls, imported page by page"
    )
    parser.add_argument("--only-crawl", action="store_true", help="only the --crawl table")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        flags, listing = args.child
        entities, stream = (flag == "True" for flag in flags.split(","))
        chosen = [Path(line) for line in Path(listing).read_text().splitlines()]
        print(json.dumps(end_to_end(chosen, entities, stream)))
        return 0
    pages = corpus_pages(args.corpus, args.limit)
    if not pages:
        print(f"no pages found under {args.corpus}", file=sys.stderr)
        return 1
    load = os.getloadavg()[0]
    print(
        f"## Import ({date.today()}, {platform.machine()}, {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {load:.1f} at the start, 2 workers; "
        f"`python benchmarks/import_bench.py`)\n"
    )
    print(f"{len(pages)} pages (ScrapingHub {min(len(pages), 181)} + WCXB dev articles).\n")
    if args.only_crawl:
        print_crawl_scaling(pages, [int(count) for count in (args.crawl or "1000").split(",")])
        return 0
    print_end_to_end(pages)
    if args.scale:
        print_scaling(pages, [int(count) for count in args.scale.split(",")])
    if args.crawl:
        print_crawl_scaling(pages, [int(count) for count in args.crawl.split(",")])
    print_stages(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
