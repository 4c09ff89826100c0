"""Import speed: the ScrapingHub and WCXB article pages into a fresh archive.

Reports, in one run on the same pages:

- end to end: ``Library.import_paths`` (discover, hash, read, extract, entities, store,
  index) with the default worker pool, in pages/s, with and without entity recognition;
- per stage, single process: reading (``read_pages``), extraction (``extract_page``),
  entities (``recognize_article``), and for comparison trafilatura's own extraction with
  metadata (``trafilatura.bare_extraction``), the peer named in the issue;
- peak memory of the parent and of the worker processes.

Usage: ``python benchmarks/import_bench.py [--corpus ../shared/corpus] [--limit N]``
Prints a Markdown table (paste it into benchmarks/RESULTS.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
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


def end_to_end(pages: list[Path], entities: bool) -> tuple[float, int, int]:
    """Seconds, pages imported, and index document count, in a fresh archive."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with Library.open(Path(folder) / "archive") as library:
            report = library.import_paths(pages, options=ImportOptions(recognize_entities=entities))
            elapsed = time.perf_counter() - started
            return elapsed, len(report.imported), library.search("").total


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


def megabytes(kilobytes: int) -> float:
    return kilobytes / 1024


class DescendantMemory(threading.Thread):
    """Samples the resident memory of this process's descendants (the fork server and its
    workers) every 0.2 s; ``peak`` is the largest single process and ``peak_total`` all."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0.0
        self.peak_total = 0.0
        self.running = True

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
            found += children
            frontier += children
        return found

    def run(self) -> None:
        while self.running:
            sizes = []
            for pid in self._descendants():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]) / 1024)
            if sizes:
                self.peak = max(self.peak, max(sizes))
                self.peak_total = max(self.peak_total, sum(sizes))
            time.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    args = parser.parse_args()
    pages = corpus_pages(args.corpus, args.limit)
    if not pages:
        print(f"no pages found under {args.corpus}", file=sys.stderr)
        return 1
    sampler = DescendantMemory()
    sampler.start()
    with_entities = end_to_end(pages, entities=True)
    without_entities = end_to_end(pages, entities=False)
    per_stage = stages(pages)
    parent_peak = megabytes(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    sampler.running = False

    print(
        f"## Import ({date.today()}, {platform.machine()}, {platform.python_version()}, "
        f"2 workers; `python benchmarks/import_bench.py`)\n"
    )
    print(f"{len(pages)} pages (ScrapingHub {min(len(pages), 181)} + WCXB dev articles).\n")
    print("| run | seconds | imported | indexed | pages/s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, (seconds, imported, indexed) in (
        ("end to end, with entities", with_entities),
        ("end to end, without entities", without_entities),
    ):
        print(f"| {label} | {seconds:.1f} | {imported} | {indexed} | {len(pages) / seconds:.1f} |")
    print("\n| stage (one process) | median ms/page | total s | pages/s |")
    print("| --- | ---: | ---: | ---: |")
    for stage, values in per_stage.items():
        if values:
            total = sum(values)
            print(
                f"| {stage} | {statistics.median(values) * 1000:.1f} | {total:.1f} | "
                f"{len(values) / total:.1f} |"
            )
    ratio = statistics.median(per_stage["extract"]) / statistics.median(per_stage["trafilatura"])
    print(f"\nOur extraction / trafilatura (median per page): {ratio:.2f}x.")
    print(
        f"Peak memory: parent {parent_peak:.0f} MB; workers and fork server: largest process "
        f"{sampler.peak:.0f} MB, all together {sampler.peak_total:.0f} MB."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
