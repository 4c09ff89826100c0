"""The Library facade end to end on small real pages: import, dedupe, search, organise."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import ArticleNotFound, QueryError, StoreError
from reader.core.library import Library
from reader.core.model import OutcomeStatus

PAGES = Path(__file__).parents[1] / "data" / "pages"
HARBOUR = PAGES / "harbour-strike.html"
LIBRARY_PAGE = PAGES / "remote-resources.html"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "archive") as opened:
        yield opened


@pytest.fixture
def filled(library: Library, seed_page: Path) -> Library:
    report = library.import_paths([seed_page, HARBOUR, LIBRARY_PAGE])
    assert not report.failed, report.failed
    assert len(report.imported) == 3
    return library


def id_of(library: Library, title_word: str) -> int:
    hits = library.search(f"title:{title_word}").hits
    assert len(hits) == 1
    return hits[0].article_id


def test_the_archive_folder_is_private_and_holds_store_index_and_originals(
    library: Library,
) -> None:
    assert library.root.stat().st_mode & 0o777 == 0o700
    assert (library.root / "library.sqlite3").is_file()
    assert (library.root / "whoosh").is_dir()


def test_import_keeps_the_original_byte_for_byte(filled: Library) -> None:
    article_id = id_of(filled, "dock")
    name, data = filled.original(article_id)
    assert name == HARBOUR.name
    assert data == HARBOUR.read_bytes()


def test_seed_is_found_by_its_place_name_with_its_exact_title(filled: Library) -> None:
    results = filled.search("Qala-e-Naw")
    assert results.total == 1
    assert results.hits[0].title == "Taliban attack provincial capital amid US pullout"
    article = filled.article(results.hits[0].article_id)
    assert article.extracted.published == "2021-07-07"
    for boilerplate in ("Skip to", "Image: AFP/Getty Images", "ipj/dj"):
        assert boilerplate not in article.text


def test_reimporting_the_same_files_reports_duplicates_and_adds_nothing(
    filled: Library, seed_page: Path, tmp_path: Path
) -> None:
    renamed = tmp_path / "renamed-copy.txt"
    shutil.copy(seed_page, renamed)
    report = filled.import_paths([seed_page, HARBOUR, renamed])
    assert not report.imported
    assert len(report.duplicates) == 3
    assert filled.count() == 3


def test_a_bad_file_fails_alone_and_the_batch_goes_on(library: Library, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.html"
    binary.write_bytes(bytes(range(256)) * 64)
    report = library.import_paths([empty, HARBOUR, binary, tmp_path / "missing.html"])
    assert [o.path for o in report.imported] == [HARBOUR.name]
    failed = {Path(o.path).name: o.error for o in report.failed}
    assert set(failed) >= {"empty.html", "binary.html"}
    assert all(error for error in failed.values())


def test_show_metadata_and_provenance(filled: Library) -> None:
    article = filled.article(id_of(filled, "dock"))
    assert article.title == "Dock workers end three-week strike in Rotterdam"
    assert article.extracted.authors == ("Marta Kowalczyk",)
    assert article.extracted.published == "2023-05-12"
    assert article.extracted.site == "The Harbour Gazette"
    assert article.provenance.source_format == "html"
    assert article.provenance.captured_source == "file-mtime"
    assert "Related stories" not in article.text
    assert "cookies" not in article.text
    with pytest.raises(ArticleNotFound):
        filled.article(9999)


def test_search_results_have_snippets_with_hit_spans(filled: Library) -> None:
    hit = filled.search("strike").hits[0]
    assert hit.snippet_spans
    assert all(hit.snippet[a:b].lower().startswith("strike") for a, b in hit.snippet_spans)


def test_a_malformed_query_raises_query_error(filled: Library) -> None:
    with pytest.raises(QueryError):
        filled.search('title:(strike "dock')


def test_tags_and_collections_are_searchable(filled: Library) -> None:
    dock = id_of(filled, "dock")
    seed = id_of(filled, "taliban")
    assert filled.set_tags(dock, ["Labour ", "ports", "labour"]) == ["labour", "ports"]
    assert {h.article_id for h in filled.search("tag:labour").hits} == {dock}
    parent = filled.create_collection("Europe")
    child = filled.create_collection("Netherlands", parent_id=parent)
    filled.add_to_collection(child, [dock])
    filled.add_to_collection(parent, [seed])
    assert set(filled.collection_article_ids(parent)) == {dock, seed}
    assert filled.collection_article_ids(parent, nested=False) == [seed]
    assert {h.article_id for h in filled.search("collection:netherlands").hits} == {dock}
    filled.delete_collection(parent)
    assert filled.collections() == []
    assert filled.search("collection:netherlands").total == 0
    assert filled.all_tags() == {"labour": 1, "ports": 1}


def test_trash_hides_and_restore_brings_back(filled: Library) -> None:
    dock = id_of(filled, "dock")
    filled.trash([dock])
    assert dock not in filled.article_ids()
    assert filled.search("rotterdam").total == 0
    assert filled.trashed_ids() == [dock]
    filled.restore([dock])
    assert filled.search("rotterdam").total == 1
    filled.trash([dock])
    assert filled.empty_trash() == 1
    with pytest.raises(ArticleNotFound):
        filled.article(dock)
    assert filled.count() == 2


def test_facets_count_over_all_matches(filled: Library) -> None:
    facets = filled.facets("")
    assert ("2021", 1) in facets["year"] and ("2023", 1) in facets["year"]
    assert facets["site"] == [("The Harbour Gazette", 1)]
    assert dict(facets["language"]).get("en", 0) >= 2


@pytest.mark.parametrize("query", ["", "Taliban", "nosuchword"])
def test_entity_facets_count_each_matching_article_once(filled: Library, query: str) -> None:
    from collections import Counter

    facets = filled.facets(query)
    for name, label in {"person": "PERSON", "org": "ORG", "place": "PLACE"}.items():
        direct: Counter[str] = Counter()
        for article_id in filled.matching_ids(query):
            direct.update(
                {span.text for span in filled.entities(article_id) if span.label == label}
            )
        expected = sorted(direct.items(), key=lambda pair: (-pair[1], pair[0].lower()))[:25]
        assert facets[name] == expected, name
    if query == "Taliban":
        assert ("Taliban", 1) in facets["org"]


def test_hits_in_context_point_into_the_canonical_text(filled: Library) -> None:
    seed = id_of(filled, "taliban")
    text = filled.article(seed).text
    spans = filled.hits_in_context(seed, "herat")
    assert len(spans) == text.count("Herat") > 0
    assert all(text[a:b] == "Herat" for a, b in spans)


def test_saved_searches_are_checked_and_kept(filled: Library) -> None:
    filled.save_search("Afghanistan", "taliban OR kabul")
    assert [(s.name, s.query) for s in filled.saved_searches()] == [
        ("Afghanistan", "taliban OR kabul")
    ]
    with pytest.raises(QueryError):
        filled.save_search("broken", "title:(")
    filled.remember_search("strike")
    filled.remember_search("dock")
    filled.remember_search("strike")
    assert filled.search_history() == ["strike", "dock"]


def test_a_lost_index_is_rebuilt_from_the_store_at_open(filled: Library) -> None:
    root = filled.root
    filled.close()
    shutil.rmtree(root / "whoosh")
    with Library.open(root) as reopened:
        assert reopened.search("Qala-e-Naw").total == 1
        assert reopened.search("").total == 3


def test_reindex_rebuilds_everything(filled: Library) -> None:
    assert filled.reindex() == 3
    assert filled.search("").total == 3
    assert filled.reindex(parallel=True) == 3
    assert filled.search("").total == 3
    assert filled.search("Qala-e-Naw").total == 1
    assert filled.check().consistent


def test_read_only_open_of_a_missing_archive_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no archive"):
        Library.open(tmp_path / "nowhere", read_only=True)


def test_outcomes_carry_the_source_format(filled: Library, tmp_path: Path) -> None:
    copy = tmp_path / "page.htm"
    copy.write_bytes(HARBOUR.read_bytes().replace(b"Rotterdam", b"Rotterdam harbour"))
    report = filled.import_paths([copy])
    assert report.outcomes[0].status is OutcomeStatus.IMPORTED
    assert report.outcomes[0].source_format == "html"


def test_a_new_capture_of_the_same_url_is_a_version_and_the_newest_is_listed(
    library: Library, tmp_path: Path
) -> None:
    import os

    older = tmp_path / "capture-2023.html"
    older.write_bytes(HARBOUR.read_bytes())
    os.utime(older, (1_684_000_000, 1_684_000_000))
    newer = tmp_path / "capture-2024.html"
    newer.write_bytes(
        HARBOUR.read_bytes().replace(b"Port authorities expect", b"Port authorities now expect")
    )
    os.utime(newer, (1_715_000_000, 1_715_000_000))
    report = library.import_paths([newer, older])
    assert len(report.imported) == 2
    ids = {Path(o.path).name: o.article_id for o in report.imported}
    assert library.article_ids() == [ids["capture-2024.html"]]
    assert set(library.article_ids(all_versions=True)) == set(ids.values())
    versions = library.versions(ids["capture-2023.html"])
    assert [article_id for article_id, _ in versions] == [
        ids["capture-2024.html"],
        ids["capture-2023.html"],
    ]
    assert versions[0][1].startswith("2024-05")


def test_did_you_mean_offers_real_words_from_the_archive(filled: Library) -> None:
    results = filled.search("rotterdamm AND strik")
    assert results.total == 0
    assert results.corrected_query == "rotterdam AND strike"
    assert filled.search(results.corrected_query).total == 1
    assert filled.search("rotterdam").corrected_query is None
