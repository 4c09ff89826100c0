"""Title, date and byline of a dump, chosen among the lines around the article's start.

A saved page shows its headline, dateline and byline near the start of the text, with
menus, breadcrumbs, share buttons and teasers around them. Each kind of metadata has its
candidates (``candidates.py``): title-like lines, lines holding a date, lines naming
people. Each candidate is scored by a small logistic model (weights in ``weights.py``,
trained by ``scripts/train_textdump.py`` on half A of the WCXB dumps) from its form and
its place: distance to the article, to the chosen title, to a dateline. The best
candidate wins when its probability is high enough.

Guarantees: the title is a line of the dump; the date is ``YYYY-MM-DD``; authors are
names cleaned by ``authors.split_authors``; the lines used are reported so that the body
does not repeat them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.extract.textdump.candidates import (
    Candidate,
    author_candidates,
    date_candidates,
    title_candidates,
)
from reader.core.extract.textdump.model import score
from reader.core.extract.textdump.units import Unit
from reader.core.extract.textdump.weights import AUTHOR_WEIGHTS, DATE_WEIGHTS, TITLE_WEIGHTS

# The best candidate must reach these probabilities. A page without any visible title
# is rare, so the best title-like line near the start is taken unless clearly wrong; a
# wrong date or author misleads more than a missing one.
TITLE_THRESHOLD = 0.05
DATE_THRESHOLD = 0.3
AUTHOR_THRESHOLD = 0.4
# Units at the article's start that may still be metadata lines rather than text.
_BODY_HEAD = 8


@dataclass
class Header:
    """What the lines around the article's start say about it."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    # Indexes of units used as metadata: they are not body text.
    used: set[int] = field(default_factory=set)


def best_candidate(
    candidates: list[Candidate], weights: dict[str, float], threshold: float
) -> Candidate | None:
    """The highest-scoring candidate, if it reaches the threshold."""
    best: tuple[float, Candidate] | None = None
    for candidate in candidates:
        probability = score(candidate.features, weights)
        if best is None or probability > best[0]:
            best = (probability, candidate)
    if best is None or best[0] < threshold:
        return None
    return best[1]


def read_header(units: list[Unit], start: int, end: int, probabilities: list[float]) -> Header:
    """Title, date and byline around the article's first unit.

    Args:
        units: all units of the dump.
        start: index of the article's first unit.
        end: index after its last unit.
        probabilities: each unit's probability of being article text.

    Returns:
        The header; ``used`` lists the units that became metadata.
    """
    header = Header()
    title = best_candidate(
        title_candidates(units, start, probabilities), TITLE_WEIGHTS, TITLE_THRESHOLD
    )
    title_index = title.index if title is not None else None
    if title is not None:
        header.title = str(title.value)
        header.used.add(title.index)
    date = best_candidate(date_candidates(units, start, title_index), DATE_WEIGHTS, DATE_THRESHOLD)
    if date is not None:
        header.published = str(date.value)
        if date.whole_line:
            header.used.add(date.index)
    author = best_candidate(
        author_candidates(units, start, title_index), AUTHOR_WEIGHTS, AUTHOR_THRESHOLD
    )
    if author is not None and isinstance(author.value, tuple):
        header.authors = author.value
        if author.whole_line:
            header.used.add(author.index)
    # Metadata lines inside the article are taken out of the body only near its start.
    header.used = {index for index in header.used if index < min(end, start + _BODY_HEAD)}
    return header
