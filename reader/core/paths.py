"""Where the archive lives when the user does not say.

Order: ``--archive PATH`` (passed in by the caller), then ``ARCHIVAL_READER_ARCHIVE``, then the
checkout's top-level ``index/`` folder when running from a source checkout, then the
platform's user data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "archival-reader"
ENVIRONMENT_VARIABLE = "ARCHIVAL_READER_ARCHIVE"


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
    """The ``resources/`` folder (icons, stylesheets, samples) of a checkout or bundle."""
    bundled = Path(__file__).resolve().parents[2] / "resources"
    return bundled
