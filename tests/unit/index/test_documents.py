"""``parse_date``: the dates of index documents."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from reader.core.index.documents import parse_date


@given(
    st.one_of(
        st.dates().map(lambda d: d.isoformat()),
        st.text(alphabet=st.sampled_from("0123456789-² /T:Z"), min_size=8, max_size=12),
    )
)
def test_parse_date_reads_what_strptime_reads(text: str) -> None:
    try:
        expected = datetime.strptime(text.strip(), "%Y-%m-%d") if len(text.strip()) == 10 else None
    except ValueError:
        expected = None
    if len(text.strip()) == 10 and "T" not in text and "Z" not in text:
        assert parse_date(text) == expected
