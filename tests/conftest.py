"""Fixtures shared by every test folder. Stays Qt-free: GUI fixtures live in tests/gui/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (a red CI must mean a change broke something);
# local runs draw new examples and may find new counterexamples, which is their job.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = Path(os.environ.get("ARCHIVAL_READER_CORPUS", REPO_ROOT.parent / "shared" / "corpus"))
SEED_PAGE = CORPUS_DIR / "seed" / "dw-taliban-qala-e-naw.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--stress", action="store_true", help="run the long stress and fuzz tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--stress"):
        return
    skip_stress = pytest.mark.skip(reason="stress test: run with --stress")
    for item in items:
        if "stress" in item.keywords:
            item.add_marker(skip_stress)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus folder; tests that need it skip with a message when it is absent."""
    if not CORPUS_DIR.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS_DIR} (set ARCHIVAL_READER_CORPUS)")
    return CORPUS_DIR


@pytest.fixture(scope="session")
def seed_page(corpus_dir: Path) -> Path:
    if not SEED_PAGE.is_file():
        pytest.skip(f"seed page not found at {SEED_PAGE}")
    return SEED_PAGE


@pytest.fixture
def copy_of(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Copies a fixture file or folder into the test's temp dir before it is mutated."""

    def copy(source: Path) -> Path:
        target = tmp_path / "copies" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
        return target

    return copy
