"""`--all-pages`: pages the extractor calls no article are kept whole, also from files that
were imported before without them."""

from __future__ import annotations

from pathlib import Path

from reader.core.importing.pipeline import ImportOptions
from reader.core.library import Library
from reader.core.model import OutcomeStatus
from tests.unit.importing.crawl_fixtures import article_html, link_list_html, write_warc

KEEP = ImportOptions(recognize_entities=False, keep_non_articles=True, workers=1)
DEFAULT = ImportOptions(recognize_entities=False, workers=1)


def test_a_link_list_is_skipped_by_default_and_kept_whole_on_request(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_bytes(link_list_html())
    with Library.open(tmp_path / "archive") as library:
        first = library.import_paths([page], options=DEFAULT)
        assert [o.status for o in first.outcomes] == [OutcomeStatus.SKIPPED]
        assert library.count() == 0

        again = library.import_paths([page], options=KEEP)
        assert [o.status for o in again.outcomes] == [OutcomeStatus.IMPORTED]
        article = library.article(again.imported[0].article_id)
        assert article.title == "Harbour news index"
        assert "Story number 0 from the harbour" in article.text
        assert "Story number 29 from the harbour" in article.text
        assert article.extracted.metadata_sources["text"] == "whole-page"
        # Now that nothing of it is left out, a third import has nothing more to keep.
        third = library.import_paths([page], options=KEEP)
        assert [o.status for o in third.outcomes] == [OutcomeStatus.DUPLICATE]


def test_a_crawl_imported_before_gets_only_its_skipped_pages(tmp_path: Path) -> None:
    crawl = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://port.example/strike", article_html(1)),
            ("https://port.example/", link_list_html()),
        ],
    )
    with Library.open(tmp_path / "archive") as library:
        first = library.import_paths([crawl], options=DEFAULT)
        assert sorted(o.status.value for o in first.outcomes) == ["imported", "skipped"]
        kept_id = first.imported[0].article_id

        again = library.import_paths([crawl], options=KEEP)
        by_part = {o.part: o for o in again.outcomes}
        assert by_part["https://port.example/strike"].status is OutcomeStatus.DUPLICATE
        assert by_part["https://port.example/strike"].article_id == kept_id
        assert by_part["https://port.example/"].status is OutcomeStatus.IMPORTED
        assert library.count() == 2
        assert library.search('"story number 12"').total == 1
        assert library.check(verify_hashes=False).consistent
