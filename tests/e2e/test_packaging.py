"""The wheel carries ``resources/``, and an install outside a checkout finds it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.core import paths

ROOT = Path(__file__).resolve().parents[2]


def test_an_installed_copy_finds_resources_under_its_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "share" / paths.APP_NAME / "resources"
    (installed / "samples").mkdir(parents=True)
    monkeypatch.setattr(paths.sys, "prefix", str(tmp_path))
    monkeypatch.setattr(
        paths,
        "resources_candidates",
        lambda: [tmp_path / "no-checkout" / "resources", installed],
    )
    assert paths.resources_path() == installed


def test_a_checkout_uses_its_own_resources() -> None:
    assert paths.resources_path() == ROOT / "resources"


@pytest.mark.slow
def test_the_wheel_ships_every_resource_file(tmp_path: Path) -> None:
    # Built from a copy: an in-tree build would leave build/ and egg-info in the checkout.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("reader", "resources"):
        shutil.copytree(
            ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("archival_reader-*.whl")
    shipped = {
        name.split("/share/archival-reader/", 1)[1]
        for name in zipfile.ZipFile(wheel).namelist()
        if "/share/archival-reader/" in name
    }
    expected = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file()
    }
    assert expected and shipped == expected
