"""Shared by the index tests: random documents over a small vocabulary (so that words
recur, prefixes expand to several terms and phrases match), and queries of every shape."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from reader.core.index import IndexDocument

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
