"""Rapidfuzz scores for pairing whole resolutions: the seam `redline.pair` calls.

Two kinds of score live here. Cheap ones run over every old x new combination on short
strings (titles, a fixed-length opening of the text) and only keep what clears a cut-off;
the full one compares two whole texts as word sequences and is run only on candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

Scorer = Literal["token_set", "token_sort", "ratio"]

_SCORERS = {
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


def _nonzero(
    queries: Sequence[str], choices: Sequence[str], fn: object, cutoff: float
) -> list[tuple[int, int, float]]:
    try:
        import numpy as np  # cdist needs numpy, which rapidfuzz treats as optional
    except ImportError:  # pragma: no cover - exercised only without numpy
        cells = [
            (i, j, float(fn(q, c, score_cutoff=cutoff)))  # type: ignore[operator]
            for i, q in enumerate(queries)
            for j, c in enumerate(choices)
        ]
        return [cell for cell in cells if cell[2] > 0]
    matrix = process.cdist(queries, choices, scorer=fn, score_cutoff=cutoff, workers=1)  # type: ignore[call-overload]
    rows, cols = np.nonzero(matrix)
    return [(int(i), int(j), float(matrix[i, j])) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)]


def title_similarity(a: str, b: str) -> float:
    """Return how alike two normalised titles are, 0..1 (order-insensitive token comparison)."""
    if not a or not b:
        return 0.0
    return max(fuzz.token_sort_ratio(a, b), 0.9 * fuzz.token_set_ratio(a, b)) / 100.0


def encode(words: Sequence[str], vocab: dict[str, str]) -> str:
    """Encode a word sequence as a string, one character per distinct word of ``vocab``.

    Encode every text of a comparison with the same ``vocab`` (it grows as needed); comparing
    the strings then gives the Indel similarity of the word lists at bit-parallel string speed
    (the trick of diff-match-patch's linesToChars).
    """
    chars = []
    for word in words:
        ch = vocab.get(word)
        if ch is None:
            n = len(vocab) + 0x100
            # Skip the surrogate block: those code points cannot stand alone in a str.
            ch = vocab[word] = chr(n if n < 0xD800 else n + 0x800)
        chars.append(ch)
    return "".join(chars)


def sequence_similarity(a: str, b: str) -> float:
    """Return the Indel similarity of two encoded word sequences, 0..1 (1 when both are empty)."""
    if not a and not b:
        return 1.0
    return float(Indel.normalized_similarity(a, b))
