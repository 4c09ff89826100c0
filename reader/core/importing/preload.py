"""Imported once by the worker processes' fork server: loads the extraction stack before any
worker is forked, so that every worker starts with it in memory (shared copy-on-write)
instead of loading it again for each import.

This module is always the fork server's last preload: the entity model, when the workers
need it, is loaded first by ``preload_model``, and everything loaded is then frozen here.
"""

from __future__ import annotations

import gc

import reader.core.importing.crawl_tasks  # noqa: F401 - imports the extraction stack

# Workers are forked from this server and share its memory until they write to it. The
# garbage collector writes to every object it examines, which would give each worker its
# own copy of the whole preloaded stack: frozen objects are never examined.
gc.collect()
gc.freeze()
