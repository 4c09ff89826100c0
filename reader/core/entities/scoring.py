"""Entity-level exact-match precision, recall and F1, per type and micro-averaged.

An entity counts as correct only when its start, end and type all equal a gold entity's
(the CoNLL convention). Callers map labels onto a shared scheme first (``PER``/``ORG``/``LOC``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

Entity = tuple[int, int, str]  # start, end, label


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


class Scorer:
    """Accumulates counts over documents; ``score(label)`` or ``micro()`` at the end."""

    def __init__(self, labels: Iterable[str]) -> None:
        self.labels = tuple(labels)
        self._counts: Counter[tuple[str, str]] = Counter()

    def add(self, gold: Iterable[Entity], predicted: Iterable[Entity]) -> None:
        """Adds one document's gold and predicted entities (other labels are ignored)."""
        gold_set = {entity for entity in gold if entity[2] in self.labels}
        predicted_set = {entity for entity in predicted if entity[2] in self.labels}
        for entity in gold_set & predicted_set:
            self._counts[(entity[2], "tp")] += 1
        for entity in predicted_set - gold_set:
            self._counts[(entity[2], "fp")] += 1
        for entity in gold_set - predicted_set:
            self._counts[(entity[2], "fn")] += 1

    def score(self, label: str) -> Score:
        return Score(
            self._counts[(label, "tp")], self._counts[(label, "fp")], self._counts[(label, "fn")]
        )

    def micro(self) -> Score:
        scores = [self.score(label) for label in self.labels]
        return Score(
            sum(s.true_positives for s in scores),
            sum(s.false_positives for s in scores),
            sum(s.false_negatives for s in scores),
        )
