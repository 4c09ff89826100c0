"""Content-addressed file storage for originals and their resources.

Files are named by the SHA-256 of their bytes under ``<root>/ab/abcdef…``. A file is written
to a temporary name in the same folder, flushed to disk and renamed, so a reader never sees
a half-written blob and a killed process leaves at most a ``*.tmp`` file, which
``remove_partial_writes`` deletes. Blobs are never modified after they are written.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

CHUNK_BYTES = 1024 * 1024


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_of_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def contains(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def put_bytes(self, data: bytes, sha256: str | None = None) -> str:
        """Stores ``data`` (if not already there) and returns its SHA-256."""
        sha256 = sha256 or sha256_of_bytes(data)
        target = self.path_of(sha256)
        if not target.is_file():
            self._write_atomically(target, [data])
        return sha256

    def put_file(self, source: Path, sha256: str) -> str:
        """Copies the file at ``source``, whose hash the caller computed, into the store."""
        target = self.path_of(sha256)
        if not target.is_file():
            with source.open("rb") as stream:
                self._write_atomically(target, iter(lambda: stream.read(CHUNK_BYTES), b""))
        return sha256

    def read(self, sha256: str) -> bytes:
        return self.path_of(sha256).read_bytes()

    def iter_hashes(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir() and len(folder.name) == 2:
                for blob in folder.iterdir():
                    if not blob.name.endswith(".tmp"):
                        yield blob.name

    def remove_partial_writes(self) -> int:
        removed = 0
        if self.root.is_dir():
            for leftover in self.root.glob("*/*.tmp"):
                leftover.unlink(missing_ok=True)
                removed += 1
        return removed

    def _write_atomically(self, target: Path, chunks: Iterator[bytes] | list[bytes]) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
