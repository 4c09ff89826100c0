"""The core must work without Qt: importing every core module loads no PySide6."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import reader.core
for module in pkgutil.walk_packages(reader.core.__path__, "reader.core."):
    importlib.import_module(module.name)
leaked = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
ui = sorted(name for name in sys.modules if name.startswith(("reader.ui", "reader.cli")))
print(leaked + ui)
"""


def test_importing_every_core_module_loads_no_qt_ui_or_cli() -> None:
    # A fresh interpreter: other tests in this process may have imported Qt already.
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=300, check=True
    )
    assert result.stdout.strip() == "[]"


def test_only_the_index_package_imports_whoosh() -> None:
    check = CHECK.replace(
        'for module in pkgutil.walk_packages(reader.core.__path__, "reader.core."):',
        'for module in [m for m in pkgutil.walk_packages(reader.core.__path__, "reader.core.")'
        ' if not m.name.startswith(("reader.core.index", "reader.core.library", "reader.core.demo"))]:',
    ).replace(
        'leaked = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))',
        'leaked = sorted(name for name in sys.modules if name.split(".")[0] == "whoosh")',
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=300, check=True
    )
    assert result.stdout.strip() == "[]"
