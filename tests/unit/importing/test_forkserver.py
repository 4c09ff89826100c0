"""The fork server preloads the entity model only for pools that need it.

Each case runs in a fresh interpreter: the fork server and what it preloaded live for the
whole process, so a pool opened by another test would decide what these pools get.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]


def model_in_worker(_task: int) -> bool:
    """Whether this worker started with the entity model loaded (not loading it now)."""
    from reader.core.entities.recognizer import get_recognizer

    return "spacy" in sys.modules and get_recognizer.cache_info().currsize == 1


def _pools(script: str) -> list[bool]:
    """Runs ``script`` (which prints a JSON list) in a fresh interpreter."""
    prelude = textwrap.dedent(
        """
        import json
        from reader.core.importing.pool import WorkerPool
        from test_forkserver import model_in_worker

        def first(pool):
            return next(result for _, result in pool.map_unordered([0]))
        """
    )
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(HERE)]))
    completed = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(script)],
        capture_output=True, text=True, env=environment, timeout=300, check=True,
    )  # fmt: skip
    result: list[bool] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def model_installed() -> None:
    from reader.core.entities import EntityModelMissing, get_recognizer

    try:
        get_recognizer().recognize("London.")
    except EntityModelMissing as error:
        pytest.skip(f"no entity model installed: {error}")


def test_a_pool_without_entities_does_not_load_the_model_and_a_later_one_gets_it(
    model_installed: None,
) -> None:
    found = _pools(
        """
        with WorkerPool(model_in_worker, workers=1, timeout=120) as pool:
            without = first(pool)
        with WorkerPool(model_in_worker, workers=1, timeout=120, entity_model=True) as pool:
            with_model = first(pool)
        with WorkerPool(model_in_worker, workers=1, timeout=120) as pool:
            after = first(pool)
        print(json.dumps([without, with_model, after]))
        """
    )
    # The third pool needs no model but reuses the server that has it: no restart.
    assert found == [False, True, True]


def test_the_server_is_not_restarted_under_an_open_pool(model_installed: None) -> None:
    found = _pools(
        """
        with WorkerPool(model_in_worker, workers=1, timeout=120) as outer:
            without = first(outer)
            with WorkerPool(model_in_worker, workers=1, timeout=120, entity_model=True) as inner:
                inner_model = first(inner)
            still = first(outer)
        print(json.dumps([without, inner_model, still]))
        """
    )
    # The inner pool's workers load the model when they first recognise, not at start.
    assert found == [False, False, False]
