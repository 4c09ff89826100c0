"""Shared by the index tests: random documents over a small vocabulary (so that words
recur, prefixes expand to several terms and phrases match), and queries of every shape."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from reader.core.index import ArchiveIndex, IndexDocument

WORDS = [
    "energy",
    "prices",
    "rose",
    "again",
    "winter",
    "president",
    "presidency",
    "presidents",
    "minister",
    "ministry",
    "taliban",
    "envoy",
    "herat",
    "kabul",
    "province",
    "capital",
    "attack",
    "attacked",
    "attacks",
    "market",
    "markets",
    "marketing",
    "grain",
    "grains",
    "harvest",
    "harvests",
    "report",
    "reports",
    "reported",
    "reporter",
    "election",
    "elections",
    "elected",
    "vote",
    "voters",
    "council",
    "councils",
    "river",
    "rivers",
    "bridge",
    "bridges",
]
NAMES = ["Ann Smith", "Bob Jones", "Zoë Müller", "Li Wei"]
TAGS = ["energy", "europe", "asia", "war"]


def text_of(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def random_document(rng: random.Random, article_id: int, words: int = 40) -> IndexDocument:
    published = None
    if rng.random() < 0.8:
        published = datetime(2015, 1, 1) + timedelta(days=rng.randrange(3000))
    return IndexDocument(
        article_id,
        text_of(rng, rng.randint(1, 5)),
        text_of(rng, rng.randint(1, words)),
        authors=(rng.choice(NAMES),) if rng.random() < 0.5 else (),
        site=rng.choice(["DW", "Reuters", "NZZ"]),
        language=rng.choice(["en", "de"]),
        published=published,
        added=datetime(2026, 1, 1) + timedelta(hours=rng.randrange(2000)),
        tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
        notes=(text_of(rng, 5),) if rng.random() < 0.1 else (),
        entities={"PERSON": (rng.choice(NAMES),)} if rng.random() < 0.3 else {},
    )


QUERIES = [
    "",
    "energy",
    "prices",
    "ENERGY prices",
    "energy AND prices",
    "energy OR taliban",
    "energy OR taliban OR herat",
    "energy NOT prices",
    "energy -prices",
    "-energy",
    "NOT energy",
    "energy -(prices OR winter)",
    "(energy OR taliban) AND (herat OR kabul)",
    '"energy prices"',
    '"prices energy"',
    '"energy prices rose"',
    '"energy prices"~3',
    '"taliban herat"~10',
    '"president"',
    '"energy nosuchword"',
    "presid*",
    "elect*",
    "market*",
    "riv*",
    "zzz*",
    "harvst~1",
    "presidnt~2",
    "title:energy",
    "title:energy OR body:herat",
    "author:smith",
    "author:müller",
    "person:smith",
    "site:reuters",
    "lang:de",
    "tag:energy",
    "tag:energy tag:europe",
    "note:prices",
    "published:2016",
    "published:[2016-06 TO 2018-02]",
    "published:>2020-01-01",
    "published:<=2016-03",
    "published:[2017 TO]",
    "added:[2026-01-10 TO 2026-02-01]",
    "energy published:[2016 TO 2019]",
    "energy -published:2016",
    "title:report* published:[2016 TO 2022]",
    "nosuchword",
    "energy nosuchword",
    "energy OR nosuchword",
]


def _canonical(ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Hits in rank order, with runs of equal scores (within float rounding of a sum)
    listed by document number, as Whoosh lists exact ties."""
    out: list[tuple[int, float]] = []
    group: list[tuple[int, float]] = []
    for hit in ranked:
        if group and abs(hit[1] - group[0][1]) > 1e-9 * max(1.0, abs(group[0][1])):
            out.extend(sorted(group))
            group = []
        group.append(hit)
    return out + sorted(group)


def assert_same_as_whoosh(
    index: ArchiveIndex, text: str, limit: int, sort: str = "relevance"
) -> None:
    """The vectorised path ranks, scores and counts ``text`` as Whoosh's matchers do."""
    searcher = index._searcher
    parsed = searcher.parse(text)
    total, ranked = searcher.ranked_vector(parsed, limit=limit, sort=sort)
    expected_total, expected = searcher.ranked_whoosh(parsed, limit=limit, sort=sort)
    assert total == expected_total, text
    if sort == "relevance":
        ours, theirs = _canonical(ranked), _canonical(expected)
        assert [d for d, _ in ours] == [d for d, _ in theirs], text
        for (_, mine), (_, whoosh) in zip(ours, theirs, strict=True):
            assert mine == pytest.approx(whoosh, rel=1e-12), text
    else:
        assert ranked == expected, text
