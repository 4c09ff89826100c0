"""Scores of an extraction against a reference text, as the public benchmarks define them.

``shingle_counts`` follows the ScrapingHub article-extraction benchmark: ``\\w+`` tokens
(case kept), 4-token shingles counted as a multiset, true/false positives and false
negatives normalised to sum to 1 per page; precision and recall are averaged over pages
and F1 is computed from the two averages (``shingle_summary``).

``word_f1`` follows WCXB: lower-cased ``\\w+`` tokens as a bag of words, F1 per page,
averaged over pages by the caller.

Used by the benchmark script and the regression-floor test; nothing in the app needs it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_TOKEN = re.compile(r"\w+")


def shingle_counts(reference: str, prediction: str, size: int = 4) -> tuple[float, float, float]:
    """Normalised (true positives, false positives, false negatives) over token shingles.

    Args:
        reference: the ground-truth text.
        prediction: the extracted text.
        size: tokens per shingle.

    Returns:
        The three counts divided by their sum (all zero when both texts are empty).
    """
    expected = _shingles(reference, size)
    found = _shingles(prediction, size)
    true_positives = sum((expected & found).values())
    false_positives = sum((found - expected).values())
    false_negatives = sum((expected - found).values())
    total = true_positives + false_positives + false_negatives
    if total == 0:
        return 0.0, 0.0, 0.0
    return true_positives / total, false_positives / total, false_negatives / total


def _shingles(text: str, size: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    # A text shorter than one shingle still counts as one (shorter) shingle.
    return Counter(
        tuple(tokens[i : i + size])
        for i in range(max(1, len(tokens) - size + 1))
        if tokens[i : i + size]
    )


def page_precision(true_positives: float, false_positives: float, false_negatives: float) -> float:
    """Precision of one page; a page with nothing to find and nothing found scores 1."""
    if false_positives == false_negatives == 0:
        return 1.0
    if true_positives == false_positives == 0:
        return 0.0
    return true_positives / (true_positives + false_positives)


def page_recall(true_positives: float, false_positives: float, false_negatives: float) -> float:
    """Recall of one page; a page with nothing to find and nothing found scores 1."""
    if false_positives == false_negatives == 0:
        return 1.0
    if true_positives == false_negatives == 0:
        return 0.0
    return true_positives / (true_positives + false_negatives)


def shingle_summary(counts: Iterable[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Averages per-page shingle counts into (F1, precision, recall).

    Pages without predictions are left out of precision, pages without reference text out
    of recall, as the benchmark does.
    """
    pages = list(counts)
    precisions = [page_precision(*page) for page in pages if page[0] + page[1] > 0]
    recalls = [page_recall(*page) for page in pages if page[0] + page[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def word_scores(reference: str, prediction: str) -> tuple[float, float, float]:
    """Bag-of-words (F1, precision, recall) over lower-cased ``\\w+`` tokens of one page.

    Args:
        reference: the ground-truth text.
        prediction: the extracted text.

    Returns:
        F1, precision and recall; an empty prediction for a non-empty reference scores 0.
    """
    expected = Counter(token.lower() for token in _TOKEN.findall(reference or ""))
    found = Counter(token.lower() for token in _TOKEN.findall(prediction or ""))
    if not expected and not found:
        return 1.0, 1.0, 1.0
    common = sum((expected & found).values())
    if common == 0:
        return 0.0, 0.0, 0.0
    precision = common / sum(found.values())
    recall = common / sum(expected.values())
    return 2 * precision * recall / (precision + recall), precision, recall
