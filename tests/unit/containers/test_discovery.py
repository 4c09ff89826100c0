"""discover_sources: folder walks, skipped files, "complete" folders and explicit picks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.containers import discover_sources, discovery
from reader.core.progress import CancelToken

from .helpers import write


def names(paths: list[Path]) -> list[str]:
    return [source.display_name for source in discover_sources(paths)]


def test_folder_walk_skips_hidden_system_and_non_page_files(tmp_path: Path) -> None:
    root = tmp_path / "saved"
    for name in [
        "a.html",
        "b.mhtml",
        "c.warc.gz",
        "notes.txt",
        "unknown.dat",  # unknown extension: kept, sniffing decides
        ".hidden.html",
        ".DS_Store",
        "Thumbs.db",
        "desktop.ini",
        "photo.jpg",
        "style.css",
        "script.js",
        "font.woff2",
        "paper.pdf",
        "sub/d.htm",
        "sub/.git/config.html",
        "__MACOSX/._a.html",
    ]:
        write(root / name, b"<html></html>")
    assert names([root]) == [
        "saved/a.html",
        "saved/b.mhtml",
        "saved/c.warc.gz",
        "saved/notes.txt",
        "saved/unknown.dat",
        "saved/sub/d.htm",
    ]


@pytest.mark.parametrize(
    "folder",
    [
        "page_files",
        "page-Dateien",
        "page_fichiers",
        "page_archivos",
        "page_arquivos",
        "page_bestanden",
        "page-filer",
        "page_file",
        "page_soubory",
        "page_pliki",
        "page_tiedostot",
        "page_FILES",
        "PAGE_files",
    ],
)
def test_companion_folders_in_any_language(tmp_path: Path, folder: str) -> None:
    write(tmp_path / "page.html", b"<html></html>")
    write(tmp_path / folder / "saved_resource.html", b"<html>frame</html>")
    write(tmp_path / folder / "image.png", b"png")
    (found,) = discover_sources([tmp_path])
    assert found.path == tmp_path / "page.html"
    assert found.companion_dir == tmp_path / folder


def test_files_folder_without_its_page_is_walked(tmp_path: Path) -> None:
    write(tmp_path / "orphan_files" / "inner.html", b"<html></html>")
    assert names([tmp_path]) == [f"{tmp_path.name}/orphan_files/inner.html"]


def test_explicit_files_are_always_yielded(tmp_path: Path) -> None:
    picked = [
        write(tmp_path / "photo.jpg", b"\xff\xd8\xff"),
        write(tmp_path / ".hidden.html", b"<html></html>"),
        tmp_path / "missing.html",
    ]
    assert names(picked) == ["photo.jpg", ".hidden.html", "missing.html"]


def test_mixed_picks_keep_their_order(tmp_path: Path) -> None:
    first = write(tmp_path / "z.html", b"<html></html>")
    folder = tmp_path / "folder"
    write(folder / "b.html", b"<html></html>")
    write(folder / "a.html", b"<html></html>")
    assert names([first, folder]) == ["z.html", "folder/a.html", "folder/b.html"]


def test_symlinked_folder_loop_ends(tmp_path: Path) -> None:
    write(tmp_path / "a.html", b"<html></html>")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert names([tmp_path]) == [f"{tmp_path.name}/a.html"]


def test_cancel_stops_the_walk(tmp_path: Path) -> None:
    for index in range(5):
        write(tmp_path / f"{index}.html", b"<html></html>")
    token = CancelToken()
    found = []
    for source in discover_sources([tmp_path], token):
        found.append(source)
        token.cancel()
    assert len(found) == 1


def test_committed_complete_page_fixture(data_dir: Path, copy_of) -> None:  # type: ignore[no-untyped-def]
    from reader.core.containers import read_pages

    folder = copy_of(data_dir / "complete")
    (found,) = discover_sources([folder])
    assert found.display_name == "complete/Field notes.html"
    (page,) = read_pages(found)
    assert page.source_format == "html-complete"
    assert page.url == "https://field.example/notes/2024/river-walk"
    # The HTML spells the paths "./Field%20notes_files/...": the resource locations match it.
    assert sorted(resource.location for resource in page.resources) == [
        "Field%20notes_files/map.png",
        "Field%20notes_files/site.css",
    ]


def test_picked_pages_in_one_folder_list_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A selection of thousands of pages in one folder must not list it once per page.
    for number in range(5):
        (tmp_path / f"page{number}.html").write_text("<p>x</p>")
    (tmp_path / "page3_files").mkdir()
    listed: list[Path] = []
    original = discovery.folders_in

    def counting(folder: Path) -> list[Path]:
        listed.append(folder)
        return original(folder)

    monkeypatch.setattr(discovery, "folders_in", counting)
    picked = [tmp_path / f"page{number}.html" for number in range(5)]
    sources = list(discover_sources(picked))
    assert listed == [tmp_path]
    assert [source.companion_dir for source in sources] == [
        None,
        None,
        None,
        tmp_path / "page3_files",
        None,
    ]
