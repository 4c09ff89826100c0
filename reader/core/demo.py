"""The sample archive that ``archival-reader --demo`` opens.

Built once from the pages in ``resources/samples/`` (written for the project or freely
licensed) into the user's cache folder, and rebuilt when the samples change.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import platformdirs

from reader.core.paths import APP_NAME, resources_path
from reader.core.progress import ProgressCallback

STAMP_FILE = "demo-samples.sha256"
# Bump when the way the demo is built changes, so cached demo archives are rebuilt.
DEMO_BUILD = "2"


def samples_path() -> Path:
    return resources_path() / "samples"


def demo_archive_path() -> Path:
    return platformdirs.user_cache_path(APP_NAME) / "demo-archive"


def _samples_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256(DEMO_BUILD.encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_demo_archive(
    progress: ProgressCallback | None = None, target: Path | None = None
) -> Path:
    """Builds (or reuses) the demo archive; returns its folder."""
    from reader.core.library import Library

    target = target or demo_archive_path()
    samples = samples_path()
    fingerprint = _samples_fingerprint(samples)
    stamp = target / STAMP_FILE
    if stamp.is_file() and stamp.read_text().strip() == fingerprint:
        return target
    if target.exists():
        shutil.rmtree(target)
    pages = sorted(path for path in samples.iterdir() if path.name != "README.md")
    with Library.open(target) as library:
        library.import_paths(pages, progress=progress)
    stamp.write_text(fingerprint)
    return target
