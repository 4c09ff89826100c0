"""Ships ``resources/`` with the wheel, as data files under ``<prefix>/share/archival-reader``.

Everything else is declared in ``pyproject.toml``. The layout keeps ``resources/`` beside the
package, and setuptools' declarative ``data-files`` cannot take a folder tree (its globs also
match folders, which it refuses), so the tree is listed here, file by file. A wheel installed
outside a checkout then finds its icons, samples and NER model (``reader.core.paths``).
"""

from pathlib import Path

from setuptools import setup


def resource_files() -> list[tuple[str, list[str]]]:
    by_folder: dict[str, list[str]] = {}
    for path in sorted(Path("resources").rglob("*")):
        if path.is_file():
            folder = f"share/archival-reader/{path.parent.as_posix()}"
            by_folder.setdefault(folder, []).append(path.as_posix())
    return list(by_folder.items())


setup(data_files=resource_files())
