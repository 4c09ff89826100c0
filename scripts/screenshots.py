"""Regenerates docs/screenshots/*.png from the demo archive.

Runs ``archival-reader --demo gui --screenshot PNG`` once per screenshot, each with a fresh
settings file (``ARCHIVAL_READER_SETTINGS``) so the theme is set and nothing from the user's
own settings leaks in. Works headless: ``QT_QPA_PLATFORM`` defaults to ``offscreen``.

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Shot:
    name: str
    title_contains: str  # the article to open, found by title
    query: str | None = None
    theme: str = "light"


SHOTS = (
    Shot("library-and-article", "Humber tidal barrier"),
    Shot("dark-theme", "Survey finds Valais glacier", theme="dark"),
    Shot("search-hits", "Danube clean-up", query="river volunteers"),
)


def article_ids_by_title() -> dict[str, int]:
    from reader.core.demo import build_demo_archive
    from reader.core.library import Library

    with Library.open(build_demo_archive()) as library:
        return {s.title: i for i, s in library.summaries(library.article_ids()).items()}


def take(shot: Shot, article_id: int, out: Path) -> Path:
    target = out / f"{shot.name}.png"
    with tempfile.TemporaryDirectory() as folder:
        settings = Path(folder) / "settings.ini"
        settings.write_text(f"[reader]\ntheme={shot.theme}\n", encoding="utf-8")
        environment = dict(os.environ, ARCHIVAL_READER_SETTINGS=str(settings))
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        command = [
            sys.executable,
            "-m",
            "reader.cli.main",
            "--demo",
            "gui",
            "--screenshot",
            str(target),
            "--open",
            str(article_id),
        ]
        if shot.query:
            command += ["--query", shot.query]
        subprocess.run(command, env=environment, check=True, timeout=300)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    titles = article_ids_by_title()
    for shot in SHOTS:
        article_id = next(i for title, i in titles.items() if shot.title_contains in title)
        print(take(shot, article_id, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
