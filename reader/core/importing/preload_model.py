"""Imported by the worker processes' fork server when the workers will recognise entities:
loads the entity model once (about 2 CPU s and 80 MB), shared by every worker forked
after it. Imports that skip entities leave it out and start that much faster."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

try:
    from reader.core.entities import get_recognizer

    get_recognizer().recognize("Preloading the model in London.")
except Exception as error:  # noqa: BLE001 - workers still run; they load or skip the model
    log.warning("entity model not preloaded: %s", error)
