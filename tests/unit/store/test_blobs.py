from __future__ import annotations

import hashlib
from pathlib import Path

from reader.core.store.blobs import BlobStore, sha256_of_file


def test_blobs_are_named_by_their_hash_and_kept_byte_for_byte(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "originals")
    data = bytes(range(256)) * 1000
    sha = store.put_bytes(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.path_of(sha).parent.name == sha[:2]
    assert store.read(sha) == data
    assert list(store.iter_hashes()) == [sha]


def test_putting_a_file_copies_it_and_a_second_put_changes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_bytes(b"<html>\xff\xfe odd bytes kept</html>")
    store = BlobStore(tmp_path / "originals")
    sha = store.put_file(source, sha256_of_file(source))
    stamp = store.path_of(sha).stat().st_mtime_ns
    store.put_file(source, sha)
    assert store.path_of(sha).stat().st_mtime_ns == stamp
    assert store.read(sha) == source.read_bytes()


def test_leftovers_of_an_interrupted_write_are_removed_and_never_listed(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "originals")
    sha = store.put_bytes(b"complete")
    leftover = store.path_of(sha).with_name("abc.123.tmp")
    leftover.write_bytes(b"half")
    assert list(store.iter_hashes()) == [sha]
    assert store.remove_partial_writes() == 1
    assert not leftover.exists()
