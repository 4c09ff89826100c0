"""Imported once by the worker processes' fork server: loads the heavy parts (parsers, the
entity model) before any worker is forked, so that every worker starts with them in memory
(shared copy-on-write) instead of loading them again for each import."""

from __future__ import annotations

import gc
import logging

import reader.core.importing.crawl_tasks  # noqa: F401 - imports the extraction stack

log = logging.getLogger(__name__)

try:
    from reader.core.entities import get_recognizer

    get_recognizer().recognize("Preloading the model in London.")
except Exception as error:  # noqa: BLE001 - workers still run; they load or skip the model
    log.warning("entity model not preloaded: %s", error)

# Workers are forked from this server and share its memory until they write to it. The
# garbage collector writes to every object it examines, which would give each worker its
# own copy of the whole preloaded stack: frozen objects are never examined.
gc.collect()
gc.freeze()
