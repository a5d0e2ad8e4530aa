"""Paragraph similarity: the one seam onto rapidfuzz.

Paragraphs are compared as coded token strings (`redline.align.coding`): one character per
distinct word token, so rapidfuzz compares words, not letters.

The similarity of two token sequences with ``m`` common words (longest common subsequence)
is ``m / (m + w * u)``, with ``w`` the unmatched weight and ``u`` the unmatched words, those
only the longer paragraph has counted at the lower growth weight: a paragraph that only grew
keeps a high score, and two unrelated ones share few words in order.
"""

from __future__ import annotations

import operator
from array import array
from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

from redline.align.encoder import Encoder

_COVER_FROM = 0.6
"""Share of the shorter paragraph found in the longer from which growth starts to cost less."""
_COVER_SPAN = 1.0 - _COVER_FROM


def common(a: str, b: str) -> int:
    """Return the number of tokens two coded strings share in order (their LCS length)."""
    return int(LCSseq.similarity(a, b))


def unmatched(m: float, a: int, b: int, *, growth_weight: float) -> float:
    """Return the weighted count of unmatched tokens of two coded strings of lengths a and b.

    A token only the shorter string has counts 1. One only the longer has counts less, down
    to ``growth_weight``, as far as the shorter one is found whole in the longer: a paragraph
    that grew keeps a good score, while a short one that merely shares "of the" with a long
    one gains nothing.
    """
    short, long = (a, b) if a <= b else (b, a)
    cover = m / short if short else 0.0
    ramp = min(1.0, max(0.0, (cover - _COVER_FROM) / _COVER_SPAN))
    return (short - m) + (1.0 - (1.0 - growth_weight) * ramp) * (long - m)


def gains(
    commons: Sequence[int], a: int, lengths: Sequence[int], *, weight: float, growth_weight: float
) -> list[float]:
    """Return ``m - weight * unmatched(m, a, b)`` for each common count m and length b of a row.

    The gains of one paragraph of length ``a`` against a run of others, as the alignment's
    DP weighs pairs: the same arithmetic as `unmatched`, without a call per pair.
    """
    shrink = 1.0 - growth_weight
    out = []
    for m, b in zip(commons, lengths, strict=True):
        if a <= b:
            short, long = a, b
        else:
            short, long = b, a
        ramp = ((m / short if short else 0.0) - _COVER_FROM) / _COVER_SPAN
        if ramp <= 0.0:  # most pairs: the longer one's words cost in full (1.0 * an int, exactly)
            out.append(m - weight * ((short - m) + (long - m)))
        else:  # min(1.0, ramp) without the call
            out.append(
                m - weight * ((short - m) + (1.0 - shrink * (ramp if ramp < 1.0 else 1.0)) * (long - m))
            )
    return out


def score(m: float, a: int, b: int, *, unmatched_weight: float, growth_weight: float) -> float:
    """Return the similarity of two coded strings of lengths a and b sharing ``m`` tokens in order."""
    if a == b == 0:
        return 1.0
    cost = unmatched_weight * unmatched(m, a, b, growth_weight=growth_weight)
    return m / (m + cost) if m + cost > 0 else 0.0


def gain_weight(threshold: float, unmatched_weight: float) -> float:
    """Return the cost per unmatched token that makes a pair's gain positive iff similarity > threshold."""
    threshold = min(threshold, 1.0 - 1e-9)  # a threshold of 1 asks for equal token sequences
    return threshold * unmatched_weight / (1.0 - threshold)


def dice_cutoff(threshold: float, unmatched_weight: float, growth_weight: float = 1.0) -> float:
    """Return an Indel similarity (2m / size) below which no pair can reach ``threshold``.

    Exact when ``growth_weight`` is 1; otherwise a safe floor for the rapidfuzz prefilter.
    """
    w = unmatched_weight * min(1.0, growth_weight)
    threshold = min(max(threshold, 0.0), 1.0)
    return min(1.0, 2 * w * threshold / (1.0 - threshold + 2 * w * threshold))


def similarity(a: str, b: str, *, unmatched_weight: float = 0.25, growth_weight: float = 0.35) -> float:
    """Return how alike two paragraph texts are, from 0.0 to 1.0, ignoring numbers and ordinals.

    Symmetric; 1.0 when the token sequences are equal (also when both are empty).

    >>> similarity("Recalling its resolution 77/16,", "Recalling its resolution 78/120,")
    1.0
    >>> round(similarity("Recalling its resolution 77/16,",
    ...                  "Recalling its resolutions 77/16 and 78/120 of 19 December 2023,"), 2)
    0.92
    """
    enc = Encoder()
    ca, cb = enc.encode(a), enc.encode(b)
    return score(
        common(ca, cb), len(ca), len(cb), unmatched_weight=unmatched_weight, growth_weight=growth_weight
    )


_third = operator.itemgetter(2)

LOOP_BELOW = 20_000
"""Matrices with fewer cells are scored in a Python loop: for a few hundred paragraphs that is
cheaper than importing numpy, which ``process.cdist`` needs. Both give the same numbers."""


def common_matrix(old: Sequence[str], new: Sequence[str]) -> list[list[int]]:
    """Return the LCS length of every old x new pair of coded strings."""
    if not old or not new:
        return [[] for _ in old]
    if len(old) * len(new) < LOOP_BELOW:
        return [common_row(a, new) for a in old]
    matrix = process.cdist(old, new, scorer=LCSseq.similarity, dtype="int32", workers=1)
    rows: list[list[int]] = matrix.tolist()
    return rows


def common_row(a: str, row: Sequence[str]) -> list[int]:
    """Return the LCS length of ``a`` against each coded string of ``row``."""
    out = [0] * len(row)
    # One rapidfuzz call (``a`` prepared once) scores the whole row, best first.
    for _, m, j in process.extract(a, row, scorer=LCSseq.similarity, limit=None):
        out[j] = int(m)
    return out


def close_pairs(old: Sequence[str], new: Sequence[str], *, cutoff: float) -> list[tuple[float, int, int]]:
    """Return (Indel similarity, i, j) for every pair of coded strings at or above ``cutoff``.

    The prefilter of the alignment: rapidfuzz skips pairs whose lengths alone rule them out.
    Pairs come sorted by i, then j.
    """
    if not old or not new:
        return []
    out: list[tuple[float, int, int]] = []
    if len(old) * len(new) < LOOP_BELOW:
        for i, a in enumerate(old):
            # One call per row (rapidfuzz prepares ``a`` once); float32, as cdist's matrix holds them.
            hits = process.extract(
                a, new, scorer=Indel.normalized_similarity, score_cutoff=cutoff, limit=None
            )
            hits.sort(key=_third)
            row = array("f", [hit[1] for hit in hits])
            out.extend((score, i, hit[2]) for hit, score in zip(hits, row, strict=True) if score)
        return out
    matrix = process.cdist(
        old, new, scorer=Indel.normalized_similarity, score_cutoff=cutoff, dtype="float32", workers=1
    )
    for i, j in zip(*matrix.nonzero(), strict=True):
        out.append((float(matrix[i, j]), int(i), int(j)))
    # Two empty strings score 1.0 in rapidfuzz but 0 marks "below cutoff": both are handled above.
    return out
