"""The worker processes' fork server: which modules it preloads, and when it restarts.

Workers are forked from one server per application process (``multiprocessing``'s
``forkserver``), which imports the heavy modules once so that every worker shares them.
The entity model costs about 2 CPU s and 80 MB to load, so the server preloads it only
when the first pool that starts it needs entities. When a later pool needs the model and
the running server lacks it, the server is restarted with the model, but only while no
other pool is open (their workers come from it); otherwise workers load the model
themselves, which is slower but correct.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import threading
from multiprocessing.context import BaseContext

EXTRACTION_PRELOAD = "reader.core.importing.preload"
MODEL_PRELOAD = "reader.core.importing.preload_model"

_lock = threading.Lock()
# Whether the server the pools started preloads the model (None: no pool started it yet).
_server_has_model: bool | None = None
_open_pools = 0


def preload_modules(model: bool) -> list[str]:
    """The server's preloads, the extraction module last: it freezes what was loaded."""
    return [MODEL_PRELOAD, EXTRACTION_PRELOAD] if model else [EXTRACTION_PRELOAD]


def acquire(model: bool) -> BaseContext:
    """The context a new pool starts its workers from; pair with ``release``.

    Args:
        model: whether the pool's workers recognise entities.
    """
    global _server_has_model, _open_pools
    try:
        context = multiprocessing.get_context("forkserver")
    except ValueError:  # platforms without fork servers (Windows, macOS spawn default)
        return multiprocessing.get_context("spawn")
    with _lock:
        if _server_has_model is None or (model and not _server_has_model and _stop_server()):
            context.set_forkserver_preload(preload_modules(model))
            _server_has_model = model
        _open_pools += 1
    return context


def release(context: BaseContext) -> None:
    """Called once by each pool made with ``acquire`` when it closes."""
    global _open_pools
    if context.get_start_method() != "forkserver":
        return
    with _lock:
        _open_pools -= 1


def _stop_server() -> bool:
    """Stops the running server so that the next worker starts a new one; False when it
    cannot be stopped now (another pool's workers come from it)."""
    # ``_stop`` is private (CPython's tests use it) but present since Python 3.8; without
    # it, the workers of this pool load the model themselves.
    stop = getattr(multiprocessing.forkserver._forkserver, "_stop", None)
    if _open_pools or stop is None:
        return False
    stop()
    return True
