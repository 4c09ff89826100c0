"""The core must work without Qt: importing every core module loads no PySide6, and only
the index package (and the facade that opens it) loads Whoosh."""

from __future__ import annotations

import subprocess
import sys

IMPORT_ALL = """
import importlib, pathlib, sys
import reader.core
skipped = {skipped!r}
root = pathlib.Path(reader.core.__file__).parent
# Module names from the files: pkgutil.walk_packages would import every package it enters.
for path in sorted(root.rglob("*.py")):
    parts = path.relative_to(root.parent.parent).with_suffix("").parts
    name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    if not name.startswith(skipped):
        importlib.import_module(name)
print(sorted(name for name in sys.modules if name.split(".")[0] in {roots!r}
             or name.startswith(("reader.ui", "reader.cli"))))
"""
# Modules that open the index (and so import Whoosh) on purpose.
INDEX_USERS = (
    "reader.core.index",
    "reader.core.library",
    "reader.core.facade",
    "reader.core.checking",
    "reader.core.backup",
    "reader.core.demo",
    "reader.core.archive_export",
)


def loaded_after_importing(skipped: tuple[str, ...], roots: set[str]) -> str:
    # A fresh interpreter: other tests in this process may have imported Qt already.
    code = IMPORT_ALL.format(skipped=skipped, roots=roots)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    return result.stdout.strip()


def test_importing_every_core_module_loads_no_qt_ui_or_cli() -> None:
    assert loaded_after_importing((), {"PySide6", "shiboken6"}) == "[]"


def test_only_the_index_package_imports_whoosh() -> None:
    assert loaded_after_importing(INDEX_USERS, {"whoosh"}) == "[]"
