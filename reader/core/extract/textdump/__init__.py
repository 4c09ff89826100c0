"""Text dumps (pages saved or copied as plain text) back to an article: see ``cleaner``."""

from reader.core.extract.textdump.cleaner import DumpResult, clean_dump

__all__ = ["DumpResult", "clean_dump"]
