"""GUI benchmark: start-up, opening an article with its entities, typing a search.

Builds (once, cached) a 10,000-article archive of synthetic articles written straight into
the store (the import pipeline is measured elsewhere), then measures in fresh processes:

* start-up: from the child's first line to a usable window (archive open, first page of the
  list shown), and the same from process spawn (interpreter and imports included);
* open article: load + render + highlight every entity, synchronously, for random articles;
* typing: the GUI thread's time per keystroke in the search box, and the time from the
  debounce firing to the results being shown (search off the GUI thread);
* peak memory (max RSS) of the child.

Goals: start-up <= 1 s, open article <= 100 ms.

Usage: .venv/bin/python benchmarks/gui_bench.py [--articles 10000] [--runs 5] [--markdown PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.model import EntitySpan, ExtractedArticle

START = time.perf_counter()
REPO = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "archival-reader-gui-bench"

FIRST = ["Anna", "Jonas", "Maria", "Kwame", "Lucía", "Tomasz", "Aiko", "Omar", "Ingrid", "Ravi"]
LAST = [
    "Berg",
    "Asante",
    "Ferreiro",
    "Nowak",
    "Tanaka",
    "Haddad",
    "Lund",
    "Iyer",
    "Keller",
    "Moreau",
]
ORGS = ["Harbour Authority", "Northern Rail", "City Council", "Alpine Observatory", "Water Board"]
PLACES = ["Lisbon", "Tallinn", "Galicia", "Valais", "Budapest", "Hull", "Marsabit", "Lyon"]
WORDS = [
    "the",
    "council",
    "said",
    "a",
    "new",
    "plan",
    "would",
    "bring",
    "water",
    "rail",
    "housing",
    "schools",
    "to",
    "the",
    "region",
    "after",
    "months",
    "of",
    "talks",
    "with",
    "residents",
    "engineers",
    "and",
    "unions",
    "about",
    "costs",
    "delays",
    "and",
    "the",
    "weather",
    "which",
    "had",
    "flooded",
    "roads",
    "closed",
    "bridges",
    "and",
    "cut",
    "power",
    "to",
    "villages",
]


def synthetic_article(rng: random.Random, number: int) -> tuple[ExtractedArticle, list[EntitySpan]]:
    from reader.core.model import Block, BlockKind, EntitySpan, ExtractedArticle

    paragraphs: list[str] = []
    spans: list[EntitySpan] = []
    position = 0
    for _ in range(rng.randint(6, 14)):
        parts: list[str] = []
        length = 0
        for _ in range(rng.randint(40, 90)):
            roll = rng.random()
            if roll < 0.04:
                name, label = f"{rng.choice(FIRST)} {rng.choice(LAST)}", "PERSON"
            elif roll < 0.06:
                name, label = rng.choice(ORGS), "ORG"
            elif roll < 0.08:
                name, label = rng.choice(PLACES), "PLACE"
            else:
                name, label = rng.choice(WORDS), ""
            start = position + length + (1 if parts else 0)
            if label:
                spans.append(EntitySpan(start, start + len(name), label, name, label))
            length += len(name) + (1 if parts else 0)
            parts.append(name)
        paragraph = " ".join(parts) + "."
        paragraphs.append(paragraph)
        position += len(paragraph) + 2
    text = "\n\n".join(paragraphs)
    blocks: list[Block] = []
    offset = 0
    for paragraph in paragraphs:
        blocks.append(Block(BlockKind.PARAGRAPH, offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    title = f"{rng.choice(PLACES)}: {' '.join(rng.choice(WORDS) for _ in range(6))} ({number})"
    extracted = ExtractedArticle(
        text=text,
        blocks=tuple(blocks),
        title=title,
        authors=(f"{rng.choice(FIRST)} {rng.choice(LAST)}",),
        published=f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        site=rng.choice(["Northern Ledger", "Rhône Courier", "Atlas Review", None]),
        language="en",
        extractor_version="bench",
    )
    return extracted, spans


def build_archive(count: int) -> Path:
    """Writes ``count`` synthetic articles into a new archive (cached between runs)."""
    from reader.core.library import Library
    from reader.core.model import Provenance
    from reader.core.store import articles as article_rows
    from reader.core.store import entities as entity_rows
    from reader.core.store.blobs import sha256_of_bytes
    from reader.core.store.store import Store

    target = CACHE / f"archive-{count}"
    stamp = target / "bench-complete"
    if stamp.is_file():
        return target
    if target.exists():
        import shutil

        shutil.rmtree(target)
    target.mkdir(parents=True)
    rng = random.Random(7)
    store = Store(target)
    batch = 500
    for first in range(0, count, batch):
        with store.transaction() as connection:
            for number in range(first, min(count, first + batch)):
                extracted, spans = synthetic_article(rng, number)
                original = f"synthetic article {number}".encode()
                sha256 = sha256_of_bytes(original)
                added = f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}T12:00:00Z"
                article_rows.insert_original(
                    connection,
                    sha256=sha256,
                    size=len(original),
                    file_name=f"a{number}.html",
                    source_format="html",
                    added_at=added,
                    pages=1,
                    skipped=0,
                )
                provenance = Provenance(
                    sha256, f"a{number}.html", "html", "", None, None, None, added
                )
                article_id = article_rows.insert_article(connection, extracted, provenance)
                entity_rows.replace_mentions(connection, article_id, spans, "bench")
    store.close()
    with Library.open(target):  # a new index is empty: opening indexes every article
        pass
    stamp.write_text("ok")
    return target


def child(archive: Path, mode: str) -> None:
    """Runs in a fresh process; prints one JSON line of measurements."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui import tasks
    from reader.ui.main_window import MainWindow

    marks: dict[str, float] = {"imports": time.perf_counter() - START}
    app = QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    runner = tasks.TaskRunner()
    # As run_app does: import the core on a worker while the window is built.
    runner.call(lambda: __import__("reader.core.library"), lambda _m: None, lambda _e: None)
    window = MainWindow(runner, settings)
    window.show()
    marks["window_shown"] = time.perf_counter() - START
    done: dict[str, float] = {}

    def opened(library: object) -> None:
        marks["archive_open"] = time.perf_counter() - START
        window.set_library(library)  # type: ignore[arg-type]

    def check() -> None:
        if window.list_model.rowCount() > 0 and "usable" not in done:
            window.list_view.viewport().repaint()
            done["usable"] = time.perf_counter() - START
            usage = resource.getrusage(resource.RUSAGE_SELF)
            done["cpu"] = usage.ru_utime + usage.ru_stime
            app.quit()

    from PySide6.QtCore import QTimer

    from reader.core.library import Library

    runner.call(lambda: Library.open(archive), opened, lambda e: app.exit(1), writes=True)
    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(2)
    app.exec()
    result: dict[str, object] = {"startup_s": done.get("usable"), "cpu_s": done.get("cpu")}
    result.update({f"{name}_s": value for name, value in marks.items()})
    if mode == "full":
        result.update(measure_interaction(window, app))
    runner.wait()
    if runner.library is not None:
        runner.library.close()  # an unclosed archive makes the next open run a full check
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure_interaction(window: object, app: object) -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.ui import tasks
    from reader.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    library = window.runner.library
    assert library is not None
    ids = library.article_ids()
    rng = random.Random(3)
    # Opening: the whole path on one thread, so the time is the user's wait.
    sync = tasks.SynchronousTaskRunner(library)
    threaded = window.runner
    window.runner = sync
    opens: list[float] = []
    for article_id in rng.sample(ids, 40):
        began = time.perf_counter()
        window.open_article(article_id)
        QApplication.processEvents()
        opens.append(time.perf_counter() - began)
    entity_count = len(library.entities(window.current_article_id or ids[0]))
    window.runner = threaded
    window.search.session = tasks.SearchSession(threaded)
    # Typing: GUI-thread time per keystroke, then debounce -> results shown.
    keystrokes: list[float] = []
    latencies: list[float] = []
    shown: dict[str, float] = {}

    def succeeded(_ids: object, _snippets: object, _status: object) -> None:
        shown[window.search.query] = time.perf_counter()

    window.search.results_ready.connect(succeeded)
    queries = (
        "council water",
        "rail housing",
        "Lisbon flooded",
        "engineers delays",
        "Tallinn",
        'person:"Anna Berg"',
        "schools AND weather",
        "bridges closed",
    )
    for query in queries:
        window.search_bar.field.clear()
        fired: dict[str, float] = {}
        window.search_bar.query_changed.connect(
            lambda q, f=fired: f.__setitem__(q, time.perf_counter())
        )
        for character in query:
            began = time.perf_counter()
            QTest.keyClicks(window.search_bar.field, character)
            keystrokes.append(time.perf_counter() - began)
        deadline = time.perf_counter() + 20
        while time.perf_counter() < deadline and query not in shown:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if query in shown and query in fired:
            latencies.append(shown[query] - fired[query])
        window.search_bar.query_changed.disconnect()
        window.search_bar.query_changed.connect(window.search.run_query)
    # The core's own search time for the same queries, one after another, for comparison.
    core: list[float] = []
    for query in queries:
        began = time.perf_counter()
        library.search(query, limit=100)
        library.matching_ids(query)
        core.append(time.perf_counter() - began)
    _ = (Qt, app)
    return {
        "core_search_ms": [round(t * 1000, 1) for t in core],
        "open_ms": [round(t * 1000, 1) for t in opens],
        "entities_in_last_article": entity_count,
        "keystroke_ms": [round(t * 1000, 2) for t in keystrokes],
        "search_latency_ms": [round(t * 1000, 1) for t in latencies],
    }


def run_child(archive: Path, mode: str) -> tuple[dict[str, object], float]:
    began = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, __file__, "--child", str(archive), "--mode", mode],
        capture_output=True,
        text=True,
        timeout=600,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    wall = time.perf_counter() - began
    if completed.returncode != 0:
        raise RuntimeError(completed.stderr)
    line = [line for line in completed.stdout.splitlines() if line.startswith("{")][-1]
    return json.loads(line), wall


def numbers(values: object) -> list[float]:
    return [float(v) for v in values] if isinstance(values, list) else []


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description="GUI benchmark")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--markdown", type=Path, help="write the results table here")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="startup", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.mode)
        return 0
    sys.path.insert(0, str(REPO))
    began = time.perf_counter()
    archive = build_archive(args.articles)
    print(
        f"archive: {archive} ({args.articles} articles,"
        f" ready in {time.perf_counter() - began:.1f} s)"
    )
    startups: list[float] = []
    walls: list[float] = []
    rss: list[float] = []
    phases: dict[str, list[float]] = {}
    for _ in range(args.runs):
        result, wall = run_child(archive, "startup")
        for key in ("imports_s", "window_shown_s", "archive_open_s", "cpu_s"):
            phases.setdefault(key, []).append(float(result[key]))  # type: ignore[arg-type]
        startups.append(float(result["startup_s"]))  # type: ignore[arg-type]
        walls.append(wall)
        rss.append(float(result["peak_rss_mb"]))  # type: ignore[arg-type]
    full, _wall = run_child(archive, "full")
    opens = numbers(full["open_ms"])
    keys = numbers(full["keystroke_ms"])
    latencies = numbers(full["search_latency_ms"])
    core = numbers(full["core_search_ms"])
    rows = [
        (
            "Start-up to usable window (in process)",
            f"{median(startups) * 1000:.0f} ms",
            "<= 1000 ms",
            f"median of {len(startups)}",
        ),
        (
            "… of which: imports (Qt, UI) / window shown / archive open",
            " / ".join(
                f"{median(phases[key]) * 1000:.0f}"
                for key in ("imports_s", "window_shown_s", "archive_open_s")
            )
            + " ms",
            "",
            "times since the process's first line; the archive opens on a worker thread",
        ),
        (
            "Start-up CPU time (user + system, all threads)",
            f"{median(phases['cpu_s']) * 1000:.0f} ms",
            "",
            "less sensitive to other load on the machine than wall time",
        ),
        (
            "Start-up incl. interpreter and imports (spawn to exit)",
            f"{median(walls) * 1000:.0f} ms",
            "",
            "median; includes closing",
        ),
        (
            "Open article + render + all entity highlights",
            f"{median(opens):.1f} ms",
            "<= 100 ms",
            f"median of {len(opens)}; p95 {percentile(opens, 0.95):.1f} ms",
        ),
        (
            "Keystroke in search box (GUI thread)",
            f"{median(keys):.2f} ms",
            "",
            f"median of {len(keys)}; max {max(keys):.2f} ms",
        ),
        (
            "Debounce fired -> results shown",
            f"{median(latencies):.0f} ms",
            "",
            f"median of {len(latencies)} queries; search runs off the GUI thread",
        ),
        (
            "Core alone: search(limit=100) + matching_ids, same queries",
            f"{median(core):.0f} ms",
            "",
            f"median of {len(core)}; called directly, one at a time",
        ),
        ("Peak memory (max RSS), start-up run", f"{median(rss):.0f} MB", "", "median"),
        ("Peak memory (max RSS), full run", f"{float(full['peak_rss_mb']):.0f} MB", "", ""),  # type: ignore[arg-type]
    ]
    table = [
        f"GUI benchmark: {args.articles:,} synthetic articles (~{full['entities_in_last_article']} "
        "entity mentions per article), offscreen Qt, 2-core machine.",
        "",
        "| measure | result | goal | notes |",
        "| --- | --- | --- | --- |",
    ]
    table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    text = "\n".join(table)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
