"""Rapidfuzz scores for pairing whole resolutions: the seam `redline.pair` calls.

Two kinds of score live here. Cheap ones run over every old x new combination on short
strings (titles, a fixed-length opening of the text) and only keep what clears a cut-off;
the full one compares two whole texts as word sequences and is run only on candidates.
"""

from __future__ import annotations

import operator
from array import array
from collections.abc import Callable, Sequence
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

Scorer = Literal["token_set", "token_sort", "ratio"]

_SCORERS: dict[str, Callable[..., float]] = {
    "token_set": fuzz.token_set_ratio,
    "token_sort": fuzz.token_sort_ratio,
    "ratio": fuzz.ratio,
}


def score_pairs(
    queries: Sequence[str],
    choices: Sequence[str],
    *,
    scorer: Scorer,
    cutoff: float,
) -> dict[tuple[int, int], float]:
    """Return {(query index, choice index): score in 0..1} for every score at or above ``cutoff``.

    One pass of ``rapidfuzz.process.cdist`` over short strings; empty strings match nothing.
    The dict is built in row-major order, so iterating it is deterministic.
    """
    fn = _SCORERS[scorer]
    if not queries or not choices:
        return {}
    out: dict[tuple[int, int], float] = {}
    for i, j, score in _nonzero(queries, choices, fn, max(cutoff, 1e-6) * 100.0):
        if queries[i] and choices[j]:
            out[(i, j)] = score / 100.0
    return out


_third = operator.itemgetter(2)

CDIST_FROM = 20_000
"""Matrices of at least this many cells go to ``process.cdist`` (which needs numpy); smaller
ones are scored in a plain loop, cheaper than importing numpy for a handful of texts."""


def _nonzero(
    queries: Sequence[str], choices: Sequence[str], fn: Callable[..., float], cutoff: float
) -> list[tuple[int, int, float]]:
    if len(queries) * len(choices) < CDIST_FROM:
        return _loop(queries, choices, fn, cutoff)
    try:
        import numpy as np  # cdist needs numpy, which rapidfuzz treats as optional
    except ImportError:  # pragma: no cover - exercised only without numpy
        return _loop(queries, choices, fn, cutoff)
    # All cores: the scores do not depend on the split, so the output stays deterministic.
    matrix = process.cdist(queries, choices, scorer=fn, score_cutoff=cutoff, workers=-1)
    rows, cols = np.nonzero(matrix)
    return [(int(i), int(j), float(matrix[i, j])) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)]


def _loop(
    queries: Sequence[str], choices: Sequence[str], fn: Callable[..., float], cutoff: float
) -> list[tuple[int, int, float]]:
    """Score every cell without numpy, rounded to float32 as cdist's matrix holds them (same output).

    One ``process.extract`` call per row: rapidfuzz prepares the query once for all choices.
    """
    out: list[tuple[int, int, float]] = []
    for i, q in enumerate(queries):
        hits = process.extract(q, choices, scorer=fn, score_cutoff=cutoff, limit=None)
        hits.sort(key=_third)
        row = array("f", [hit[1] for hit in hits])
        out.extend((i, hit[2], score) for hit, score in zip(hits, row, strict=True) if score > 0)
    return out


def sequence_similarity(a: str, b: str, *, cutoff: float = 0.0) -> float:
    """Return the Indel similarity of two encoded word sequences, 0..1 (1 when both are empty).

    Below ``cutoff`` the result is 0.0, which lets rapidfuzz stop early.
    """
    if not a and not b:
        return 1.0
    return float(Indel.normalized_similarity(a, b, score_cutoff=cutoff))
