"""Hostile and broken input through the whole reading path (containers + extraction).

Thousands of cases per run: seeds (our pages, the seed text, small container fixtures)
mutated by truncation, byte flips, encoding swaps, giant attributes, deep nesting and
spliced garbage, plus Hypothesis-generated documents. Every case must come back from
``process_source`` as data — an article, a skip, or a one-line error — within a time
limit, never as an exception. ``--stress`` runs many more.
"""

from __future__ import annotations

import random
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.containers import ImportSource, Limits
from reader.core.importing.worker import SourceResult, WorkerTask, process_source

DATA = Path(__file__).parents[1] / "data"
SECONDS_PER_CASE = 20
NORMAL_CASES = 1500
STRESS_CASES = 20_000


def seeds(seed_page: Path) -> list[tuple[str, bytes]]:
    found = [(path.name, path.read_bytes()) for path in sorted((DATA / "pages").glob("*.html"))]
    found.append((seed_page.name, seed_page.read_bytes()))
    for path in sorted((DATA / "containers").rglob("*")):
        if path.is_file() and path.stat().st_size < 200_000:
            found.append((path.name, path.read_bytes()))
    return found


def mutate(data: bytes, rng: random.Random) -> bytes:
    choice = rng.randrange(9)
    if choice == 0 and data:  # truncation
        return data[: rng.randrange(len(data))]
    if choice == 1 and data:  # byte flips
        buffer = bytearray(data)
        for _ in range(rng.randint(1, 50)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        return bytes(buffer)
    if choice == 2:  # encoding swap
        text = data.decode("utf-8", "replace")
        encoding = rng.choice(["utf-16", "utf-32", "latin-1", "cp1252", "shift_jis", "koi8-r"])
        return text.encode(encoding, "replace")
    if choice == 3:  # a giant attribute
        return data.replace(b"<p", b'<p data-x="' + b"A" * rng.randint(10_000, 2_000_000) + b'"', 1)
    if choice == 4:  # deep nesting
        depth = rng.choice([1_000, 20_000, 100_000])
        return b"<html><body>" + b"<div>" * depth + b"deep text " * 50 + b"</div>" * depth + data
    if choice == 5 and data:  # spliced garbage
        at = rng.randrange(len(data))
        return data[:at] + rng.randbytes(rng.randint(1, 4096)) + data[at:]
    if choice == 6:  # declared charset lies
        return b'<meta charset="utf-7">' + data
    if choice == 7 and data:  # repeated block
        at = rng.randrange(len(data))
        return data[:at] + data[at : at + 200] * rng.randint(2, 500) + data[at:]
    return rng.randbytes(rng.randint(0, 2048))


class Overran(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Overran


def check_case(tmp_path: Path, name: str, data: bytes) -> SourceResult:
    path = tmp_path / name
    path.write_bytes(data)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS_PER_CASE)
    try:
        result = process_source(WorkerTask(ImportSource(path, None, name), "", Limits(), False))
    except Overran:
        pytest.fail(f"{name} ({len(data)} bytes) took over {SECONDS_PER_CASE} s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert isinstance(result, SourceResult)
    messages = [result.error, result.skipped] + [p.error for p in result.pages]
    for message in messages:
        assert message is None or (message.strip() and "\n" not in message), message
    for page in result.pages:
        if page.article is not None:
            for block in page.article.blocks:
                assert 0 <= block.start <= block.end <= len(page.article.text)
    return result


def cases(seed_list: list[tuple[str, bytes]], count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    for number in range(count):
        name, data = rng.choice(seed_list)
        for _ in range(rng.choice([1, 1, 2, 3])):
            data = mutate(data, rng)
        yield f"{number:05d}-{name}", data


def run_cases(tmp_path: Path, seed_page: Path, count: int, seed: int) -> None:
    outcomes = {"article": 0, "rejected": 0}
    for name, data in cases(seeds(seed_page), count, seed):
        result = check_case(tmp_path, name, data)
        outcomes["article" if any(p.article for p in result.pages) else "rejected"] += 1
        (tmp_path / name).unlink()
    # The mutations must leave many cases readable, or the test only exercises rejection.
    assert outcomes["article"] > count // 10, outcomes


def test_mutated_pages_never_crash_or_hang(tmp_path: Path, seed_page: Path) -> None:
    run_cases(tmp_path, seed_page, NORMAL_CASES, seed=1125)


@pytest.mark.stress
def test_many_mutated_pages(tmp_path: Path, seed_page: Path) -> None:
    run_cases(tmp_path, seed_page, STRESS_CASES, seed=random.randrange(1 << 30))


html_documents = st.recursive(
    st.text(max_size=200),
    lambda inner: st.builds(
        lambda tag, attrs, children: f"<{tag} {attrs}>{''.join(children)}</{tag}>",
        st.sampled_from(["div", "p", "article", "span", "table", "td", "script", "a", "h1"]),
        st.text(max_size=40),
        st.lists(inner, max_size=5),
    ),
    max_leaves=60,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    document=html_documents,
    suffix=st.sampled_from([".html", ".txt", ".mht", ".warc", ".zip", ".webarchive"]),
)
def test_generated_documents_are_read_or_rejected(
    tmp_path: Path, document: str, suffix: str
) -> None:
    check_case(tmp_path, f"generated{suffix}", document.encode("utf-8", "surrogatepass"))
