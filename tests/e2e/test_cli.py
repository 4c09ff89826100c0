"""The command-line contract, run as a user would: a real process on real pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SCRAPINGHUB_PAGES = 20
EXIT_SOME_FAILED = 2


def cli(archive: Path | None, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "reader.cli.main"]
    if archive is not None:
        command += ["--archive", str(archive)]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        command + list(args), capture_output=True, text=True, timeout=600, env=environment
    )
    if check and result.returncode not in (0, EXIT_SOME_FAILED):
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def as_json(result: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def corpus_archive(
    tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path, seed_page: Path
) -> tuple[Path, dict[str, Any]]:
    """The seed and 20 ScrapingHub benchmark pages imported into a fresh archive."""
    pages = sorted(
        (corpus_dir / "boilerplate" / "scrapinghub-article-extraction-benchmark" / "html").glob(
            "*.html.gz"
        )
    )[:SCRAPINGHUB_PAGES]
    if len(pages) < SCRAPINGHUB_PAGES:
        pytest.skip("the ScrapingHub benchmark pages are missing from the corpus")
    archive = tmp_path_factory.mktemp("cli") / "archive"
    report = as_json(cli(archive, "import", "--json", str(seed_page), *map(str, pages)))
    return archive, report


def test_import_reports_every_file(corpus_archive: tuple[Path, dict[str, Any]]) -> None:
    _, report = corpus_archive
    assert set(report) >= {"imported", "duplicates", "failed"}
    handled = {
        Path(item["path"]).name for key in ("imported", "failed", "skipped") for item in report[key]
    }
    assert len(handled) == SCRAPINGHUB_PAGES + 1
    assert len(report["imported"]) >= SCRAPINGHUB_PAGES  # benchmark pages are all articles
    for item in report["imported"]:
        assert isinstance(item["id"], int) and item["title"]


def test_search_finds_the_seed_by_place_name_with_its_exact_title(
    corpus_archive: tuple[Path, dict[str, Any]],
) -> None:
    archive, _ = corpus_archive
    result = as_json(cli(archive, "search", "--json", "Qala-e-Naw"))
    assert result["total"] == 1
    hit = result["hits"][0]
    assert hit["title"] == "Taliban attack provincial capital amid US pullout"
    assert hit["published"] == "2021-07-07"
    assert set(hit) >= {"id", "title", "site", "published", "score", "snippet"}


def test_search_finds_the_benchmark_pages(corpus_archive: tuple[Path, dict[str, Any]]) -> None:
    archive, report = corpus_archive
    everything = as_json(cli(archive, "search", "--json", "--limit", "100", ""))
    assert everything["total"] == len(report["imported"])
    some_page = next(item for item in report["imported"] if "dw-taliban" not in item["path"])
    title_words = [w for w in some_page["title"].split() if len(w) > 4 and w.isalpha()][:2]
    found = as_json(cli(archive, "search", "--json", "--limit", "50", *title_words))
    assert some_page["id"] in {hit["id"] for hit in found["hits"]}


def test_show_gives_the_clean_seed(corpus_archive: tuple[Path, dict[str, Any]]) -> None:
    archive, report = corpus_archive
    seed_id = next(item["id"] for item in report["imported"] if "dw-taliban" in item["path"])
    article = as_json(cli(archive, "show", "--json", str(seed_id)))
    assert article["title"] == "Taliban attack provincial capital amid US pullout"
    assert article["published"] == "2021-07-07"
    for boilerplate in ("Skip to", "Image: AFP/Getty Images", "ipj/dj"):
        assert boilerplate not in article["text"]
    assert "Husamuddin Shams" in article["text"]
    plain = cli(archive, "show", str(seed_id)).stdout
    assert plain.startswith("Taliban attack provincial capital amid US pullout")


def test_reimport_is_all_duplicates(
    corpus_archive: tuple[Path, dict[str, Any]], seed_page: Path
) -> None:
    archive, _ = corpus_archive
    report = as_json(cli(archive, "import", "--json", str(seed_page)))
    assert report["imported"] == [] and len(report["duplicates"]) == 1


def test_original_gives_back_the_imported_bytes(
    corpus_archive: tuple[Path, dict[str, Any]], seed_page: Path, tmp_path: Path
) -> None:
    archive, report = corpus_archive
    seed_id = next(item["id"] for item in report["imported"] if "dw-taliban" in item["path"])
    cli(archive, "original", str(seed_id), "-o", str(tmp_path))
    assert (tmp_path / seed_page.name).read_bytes() == seed_page.read_bytes()


def test_failures_exit_2_and_the_rest_is_imported(tmp_path: Path, seed_page: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"\x00\x01\x02" * 1000)
    result = cli(tmp_path / "archive", "import", "--json", str(broken), str(seed_page))
    assert result.returncode == EXIT_SOME_FAILED
    report = as_json(result)
    assert [Path(item["path"]).name for item in report["failed"]] == ["broken.html"]
    assert report["failed"][0]["error"]
    assert len(report["imported"]) == 1
    assert "Traceback" not in result.stderr


def test_extract_without_an_archive(tmp_path: Path, seed_page: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"")
    result = cli(None, "extract", "--json", str(seed_page), str(bad))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["ok"] for record in records] == [True, False]
    seed = records[0]
    assert seed["title"] == "Taliban attack provincial capital amid US pullout"
    assert seed["published"] == "2021-07-07"
    assert set(seed) >= {
        "path",
        "ok",
        "error",
        "title",
        "authors",
        "published",
        "site",
        "url",
        "language",
        "text",
    }
    assert records[1]["error"]


def test_user_errors_print_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = cli(tmp_path / "archive", "show", "12345", check=False)
    assert result.returncode == 1
    assert "no article with id 12345" in result.stderr
    assert "Traceback" not in result.stderr
    result = cli(tmp_path / "archive", "search", "title:(", check=False)
    assert result.returncode == 1 and "parenthesis" in result.stderr


def test_version_and_help_on_every_command() -> None:
    assert cli(None, "--version").stdout.startswith("archival-reader ")
    from reader.cli.commands import COMMANDS

    for module in COMMANDS:
        result = cli(None, module.NAME, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout
