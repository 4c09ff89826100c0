"""Where the archive lives when the user does not say.

Order: ``--archive PATH`` (passed in by the caller), then ``ARCHIVAL_READER_ARCHIVE``, then the
checkout's top-level ``index/`` folder when running from a source checkout, then the
platform's user data folder.
"""

from __future__ import annotations

import os
import site
import sys
from pathlib import Path

import platformdirs

APP_NAME = "archival-reader"
ENVIRONMENT_VARIABLE = "ARCHIVAL_READER_ARCHIVE"
RESOURCES_FOLDER = "resources"


def source_checkout_root() -> Path | None:
    """The repository root when this package runs from a source checkout, else None."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "index" / "README.md").is_file():
        return root
    return None


def default_archive_path() -> Path:
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    checkout = source_checkout_root()
    if checkout is not None:
        return checkout / "index"
    return platformdirs.user_data_path(APP_NAME)


def resources_path() -> Path:
    """The ``resources/`` folder (icons, stylesheets, samples, NER model).

    A checkout or a bundle has it beside the package; a wheel installs it as data files
    under ``<prefix>/share/archival-reader`` (``setup.py``), for a system, virtual
    environment or ``--user`` install alike.
    """
    candidates = resources_candidates()
    return next((folder for folder in candidates if folder.is_dir()), candidates[0])


def resources_candidates() -> list[Path]:
    """Where ``resources/`` may be, in the order looked at."""
    beside_package = Path(__file__).resolve().parents[2] / RESOURCES_FOLDER
    installed = [
        Path(prefix) / "share" / APP_NAME / RESOURCES_FOLDER
        for prefix in (sys.prefix, site.getuserbase())
    ]
    return [beside_package, *installed]
