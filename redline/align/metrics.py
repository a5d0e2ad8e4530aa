"""Link precision, recall and F1 of an alignment against known links (tests and bench)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, fields

LinkKey = tuple[tuple[Hashable, ...], tuple[Hashable, ...]]


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts behind the link measures; add two with ``+`` to pool results."""

    truth: int = 0
    predicted: int = 0
    correct: int = 0
    moves: int = 0
    moves_found: int = 0
    groups: int = 0
    """True split and merge rows."""
    groups_found: int = 0

    def __add__(self, other: Scores) -> Scores:
        """Return the pooled counts of two results."""
        return Scores(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Scores)))

    @property
    def precision(self) -> float:
        """Share of predicted links that are true."""
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of true links that were found."""
        return self.correct / self.truth if self.truth else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def move_recall(self) -> float:
        """Share of true moves found as the same link and flagged moved."""
        return self.moves_found / self.moves if self.moves else 1.0

    @property
    def group_recall(self) -> float:
        """Share of true splits and merges found as one row."""
        return self.groups_found / self.groups if self.groups else 1.0


def score(predicted: Iterable[tuple[LinkKey, bool]], truth: Iterable[tuple[LinkKey, bool]]) -> Scores:
    """Compare predicted (link, moved) pairs with the true ones.

    A link is (old keys, new keys): indices or addresses. Links match exactly, including
    inserted ``((), (j,))`` and deleted ``((i,), ())`` rows.
    """
    pred = dict(predicted)
    true = dict(truth)
    correct = sum(1 for key in true if key in pred)
    moves = [key for key, moved in true.items() if moved]
    groups = [key for key in true if len(key[0]) > 1 or len(key[1]) > 1]
    return Scores(
        truth=len(true),
        predicted=len(pred),
        correct=correct,
        moves=len(moves),
        moves_found=sum(1 for key in moves if pred.get(key)),
        groups=len(groups),
        groups_found=sum(1 for key in groups if key in pred),
    )
