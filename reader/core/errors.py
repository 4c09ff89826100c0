"""Errors the core raises to its callers.

Every error a user can cause derives from ``ReaderError`` and carries a message meant for
people: the CLI prints it without a traceback and the GUI shows it in a dialog.
"""

from __future__ import annotations


class ReaderError(Exception):
    """A failure with a message fit to show to the user."""


class ImportRejected(ReaderError):
    """One file or page cannot be imported (bad format, too large, not an article...)."""


class StoreError(ReaderError):
    """The archive's database cannot be opened or written."""


class ArchiveLocked(StoreError):
    """Another process is writing to the archive."""

    def __init__(self, pid: int) -> None:
        super().__init__(f"archive in use by process {pid}")
        self.pid = pid


class ArticleNotFound(ReaderError):
    def __init__(self, article_id: int) -> None:
        super().__init__(f"no article with id {article_id}")
        self.article_id = article_id


class QueryError(ReaderError):
    """A search query that cannot be parsed; the message points at the problem."""


class NotAnArticle(ImportRejected):
    """A page that is readable but holds no article (robots.txt, redirect, link list...).

    Imports skip these by default and count them, instead of reporting a failure.
    """
