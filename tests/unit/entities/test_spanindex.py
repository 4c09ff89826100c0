"""SpanIndex answers overlap queries like a linear scan would."""

from __future__ import annotations

import random

from reader.core.entities.spanindex import SpanIndex
from reader.core.model import EntitySpan


def test_overlap_queries_match_a_linear_scan() -> None:
    generator = random.Random(7)
    spans = []
    for _ in range(300):
        start = generator.randrange(0, 2000)
        spans.append(EntitySpan(start, start + generator.randrange(1, 40), "ORG", "x"))
    index = SpanIndex(spans)
    for _ in range(500):
        start = generator.randrange(0, 2050)
        end = start + generator.randrange(1, 60)
        expected = sorted(
            (span for span in spans if span.start < end and start < span.end),
            key=lambda span: (span.start, span.end),
        )
        assert index.overlapping(start, end) == expected


def test_touching_edges_do_not_overlap() -> None:
    index = SpanIndex([EntitySpan(0, 5, "ORG", "x"), EntitySpan(10, 15, "ORG", "y")])
    assert index.overlapping(5, 10) == []
    assert [span.text for span in index.overlapping(4, 11)] == ["x", "y"]
