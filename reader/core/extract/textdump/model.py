"""The learned part of the dump cleaner: how likely each unit is to be article text.

Two logistic models, trained by ``scripts/train_textdump.py`` on half A of the dump
sets and stored as plain weights in ``weights.py``:

1. the unit model weighs a unit's own features and its neighbours' (``features.py``);
2. the context model weighs the first model's probabilities around the unit and where
   the unit lies relative to the main run of likely article text (the maximum-sum run of
   word-weighted margins), so that a short line inside the article is kept and a prose
   teaser far from it is not.

Guarantees: probabilities are in (0, 1), one per unit, computed in linear time; a
feature without a weight counts zero (old weights keep working with new features).
"""

from __future__ import annotations

import math

from reader.core.extract.textdump.features import Features
from reader.core.extract.textdump.weights import CONTEXT_WEIGHTS, UNIT_WEIGHTS

# Margin of a unit in the run search: (p - 0.5) times its words plus this many.
_RUN_WORDS_OFFSET = 3.0
_LOGIT_CAP = 8.0
_CONTEXT_OFFSETS = (-3, -2, -1, 1, 2, 3)


def _sigmoid(value: float) -> float:
    if value < -_LOGIT_CAP * 4:
        return 1e-14
    return 1.0 / (1.0 + math.exp(-value))


def _logit(probability: float) -> float:
    probability = min(max(probability, 1e-4), 1 - 1e-4)
    return max(-_LOGIT_CAP, min(_LOGIT_CAP, math.log(probability / (1 - probability))))


def score(features: Features, weights: dict[str, float]) -> float:
    """The logistic model's probability for one feature dict."""
    # A plain loop: the same sum in the same order as a generator, at half the cost.
    get = weights.get
    total = 0.0
    for name, value in features.items():
        total += value * get(name, 0.0)
    return _sigmoid(total)


def main_run(probabilities: list[float], words: list[int]) -> tuple[int, int]:
    """[start, end) of the run of units whose word-weighted margins sum highest.

    Args:
        probabilities: each unit's probability of being article text.
        words: each unit's word count.

    Returns:
        The run's bounds; (0, 0) when no unit is more likely article text than not.
    """
    best, best_total = (0, 0), 0.0
    start, total = 0, 0.0
    for index, probability in enumerate(probabilities):
        if total <= 0:
            start, total = index, 0.0
        total += (probability - 0.5) * (words[index] + _RUN_WORDS_OFFSET)
        if total > best_total:
            best, best_total = (start, index + 1), total
    return best


def _segments(features: list[Features], words: list[int]) -> list[int]:
    """Segment number of each unit: a heading-like unit starts a new segment."""
    segments: list[int] = []
    current = 0
    for index, own in enumerate(features):
        heading_like = own.get("kind_heading", 0.0) > 0 or (
            own.get("prose", 0.0) == 0 and own.get("terminal", 0.0) == 0 and words[index] <= 8
        )
        if heading_like and index:
            current += 1
        segments.append(current)
    return segments


def context_rows(features: list[Features], words: list[int], first: list[float]) -> list[Features]:
    """Features of the context model for every unit of a page.

    Args:
        features: the units' own features (a few are passed through).
        words: the units' word counts.
        first: the unit model's probabilities.

    Returns:
        One feature dict per unit.
    """
    run = main_run(first, words)
    top = max(first, default=0.0)
    segments = _segments(features, words)
    count = (segments[-1] + 1) if segments else 0
    prose = [0.0] * count
    weighted = [0.0] * count
    total = [0.0] * count
    for index, segment in enumerate(segments):
        size = words[index] + 1.0
        total[segment] += size
        weighted[segment] += size * first[index]
        if features[index].get("prose", 0.0):
            prose[segment] += words[index]
    biggest = max(range(count), key=lambda segment: prose[segment]) if count else 0
    most = max(prose, default=0.0) or 1.0
    rows = []
    for index, own in enumerate(features):
        row = context_features(index, first, run, own, top)
        segment = segments[index]
        row["segment_share"] = prose[segment] / most
        row["segment_mean"] = weighted[segment] / total[segment]
        row["segment_log_prose"] = math.log1p(prose[segment]) / 8
        row["segment_biggest"] = 1.0 if segment == biggest else 0.0
        row["segment_before"] = math.log1p(max(0, biggest - segment)) / 4
        row["segment_after"] = math.log1p(max(0, segment - biggest)) / 4
        rows.append(row)
    return rows


def context_features(
    index: int, first: list[float], run: tuple[int, int], own: Features, top: float
) -> Features:
    """Features of the context model for one unit.

    Args:
        index: the unit's position.
        first: the unit model's probabilities of all units.
        run: the main run of the first probabilities.
        own: the unit's own features (a few are passed through).
        top: the highest of the first probabilities (pages differ in how clearly
            their article stands out).

    Returns:
        The context model's features.
    """
    count = len(first)
    logit = _logit(first[index])
    features: Features = {
        "bias": 1.0,
        "logit": logit / _LOGIT_CAP,
        "below_top": (_logit(top) - logit) / _LOGIT_CAP,
        "top": _logit(top) / _LOGIT_CAP,
    }
    for offset in _CONTEXT_OFFSETS:
        neighbour = index + offset
        name = f"p{offset:+d}"
        features[name] = first[neighbour] if 0 <= neighbour < count else 0.0
    start, end = run
    if start <= index < end:
        features["in_run"] = 1.0
        features["run_first"] = 1.0 if index == start else 0.0
        features["run_last"] = 1.0 if index == end - 1 else 0.0
    elif index < start:
        features["before_run"] = math.log1p(start - index) / 5
    else:
        features["after_run"] = math.log1p(index - end + 1) / 5
    left = first[max(0, index - 6) : index]
    right = first[index + 1 : index + 7]
    features["left_max"] = max(left, default=0.0)
    features["right_max"] = max(right, default=0.0)
    features["both_sides"] = min(features["left_max"], features["right_max"])
    for name in ("prose", "log_words", "terminal", "boilerplate", "kind_heading",
                 "kind_list_item", "kind_table_row", "short_run", "title_case"):  # fmt: skip
        if name in own:
            features[f"own_{name}"] = own[name]
    return features


def article_probabilities(
    features: list[Features],
    words: list[int],
    unit_weights: dict[str, float] = UNIT_WEIGHTS,
    context_weights: dict[str, float] = CONTEXT_WEIGHTS,
) -> list[float]:
    """Each unit's probability of being article text, from both models.

    Args:
        features: ``unit_features`` of the dump's units.
        words: the units' word counts.
        unit_weights: the unit model (the trained one unless training).
        context_weights: the context model (the trained one unless training).

    Returns:
        One probability per unit.
    """
    first = [score(unit, unit_weights) for unit in features]
    return [score(row, context_weights) for row in context_rows(features, words, first)]
