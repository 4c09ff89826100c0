"""Makes the fixture archive of the current schema version under tests/data/archives/vN/.

Run once per released schema version, with that version's code, and commit the result:
``python scripts/make_fixture_archive.py``. Later versions' tests open it to prove their
migrations keep a researcher's data. Only the database is kept (originals and index are
not needed to test migrations, and the index is rebuilt from the store).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from reader.core.library import Library
from reader.core.store.migrations import CURRENT_VERSION

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    ROOT / "tests" / "data" / "pages" / "harbour-strike.html",
    ROOT / "tests" / "data" / "pages" / "remote-resources.html",
]


def import_part_of_a_crawl(library: Library, folder: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from reader.core.containers.sources import Limits
    from reader.core.importing.options import ImportOptions
    from reader.core.progress import CancelToken, Progress

    template = PAGES[0].read_text(encoding="utf-8")
    crawl = folder / "crawl.warc.gz"
    with crawl.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number in range(12):
            html = template.replace("dock-strike-ends", f"crawl-day-{number}").replace(
                "Dock workers end three-week strike", f"Crawled dispatch {number}:"
            )
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            uri = f"https://harbour-gazette.example/crawl/{number}"
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)
    cancel = CancelToken()

    def stop(progress: Progress) -> None:
        if progress.label.endswith("pages") and progress.value:
            cancel.cancel()

    options = ImportOptions(limits=Limits(stream_crawls_over=0), recognize_entities=False)
    library.import_paths([crawl], options=options, progress=stop, cancel=cancel)


def main() -> int:
    target = ROOT / "tests" / "data" / "archives" / f"v{CURRENT_VERSION}"
    if target.exists() and "--force" not in sys.argv:
        print(f"{target} exists; a released fixture is never remade (use --force before release)")
        return 1
    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "archive") as library:
        report = library.import_paths(PAGES)
        first = report.imported[0].article_id
        assert first is not None
        library.set_tags(first, ["fixture"])
        collection = library.create_collection("Fixtures")
        library.add_to_collection(collection, [first])
        library.save_search("ports", "rotterdam OR antwerp")
        # The researcher's own work, so that migrations are tested on it too (from v2 on).
        text = library.article(first).text
        library.annotate(
            first, 0, min(60, len(text)), color="green", note="*fixture* note", tags=["claim"]
        )
        library.rename_entity("Rotterdam", "Port of Rotterdam")
        library.set_entity_note("PLACE", "Port of Rotterdam", "fixture entity note")
        # A crawl whose import stopped part-way (schema 3 on): an incomplete original.
        import_part_of_a_crawl(library, Path(folder))
        database = library.root / "library.sqlite3"
        target.mkdir(parents=True, exist_ok=True)
        # The backup API gives one consistent file, WAL included.
        source = sqlite3.connect(database)
        copy = sqlite3.connect(target / "library.sqlite3")
        source.backup(copy)
        copy.execute("VACUUM")
        copy.close()
        source.close()
    (target / "README.md").write_text(
        f"Archive database of schema version {CURRENT_VERSION}, made by "
        "`scripts/make_fixture_archive.py` from `tests/data/pages/`. Never edit or remake it "
        "after release: tests open it to check that migrations keep the data.\n"
    )
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
