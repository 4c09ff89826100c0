from __future__ import annotations

from pathlib import Path

from reader.core.demo import build_demo_archive, samples_path
from reader.core.library import Library


def test_the_demo_archive_holds_every_sample_page_and_is_reused(tmp_path: Path) -> None:
    pages = [p for p in samples_path().iterdir() if p.name != "README.md" and p.suffix != ""]
    target = build_demo_archive(target=tmp_path / "demo")
    with Library.open(target) as library:
        titles = [library.article(i).title for i in library.article_ids()]
        assert len(titles) >= len([p for p in pages if p.is_file()])
        assert not any(title.lower().startswith("sample pa") for title in titles)
        assert library.check().consistent
    stamp = (target / "demo-samples.sha256").stat().st_mtime_ns
    assert build_demo_archive(target=target) == target
    assert (target / "demo-samples.sha256").stat().st_mtime_ns == stamp
