"""Order-preserving dynamic programme over one stretch between anchors.

Steps: 1-1 (a pair), 1-0 (deleted), 0-1 (inserted), 1-2 (a split) and 2-1 (a merge).
A pair's gain is its common words minus ``weight`` per (growth-weighted) unmatched word, so a
pair pays off exactly when its similarity passes the threshold; the programme maximises the
total gain.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from redline.align.measure import common, common_matrix, unmatched

Group = tuple[tuple[int, ...], tuple[int, ...]]
_NEG = float("-inf")
_TIE = 1e-9
# Back-pointer codes, in order of preference when scores tie.
_PAIR, _DEL, _INS, _SPLIT, _MERGE = range(5)


def solve(
    old: Sequence[str],
    new: Sequence[str],
    *,
    weight: float,
    growth: float,
    group_penalty: float,
    band: int | None = None,
    path: Sequence[tuple[int, int]] = (),
    numbers: tuple[Sequence[frozenset[str]], Sequence[frozenset[str]]] | None = None,
    number_bonus: float = 0.0,
) -> list[Group]:
    """Return the paired groups (old indices, new indices) that maximise the total gain.

    ``band`` limits each old row to new columns within that distance of a corridor: the
    line through the increasing (i, j) points of ``path``, or the diagonal without them.
    ``numbers`` (the exact numbers each old and new paragraph cites) vetoes a split or a
    merge whose part keeps too few of its numbers on the other side: the similarity masks
    numbers, so "Recalling also its resolutions 68/50 ..." would otherwise melt into any
    other "Recalling its resolutions ..." paragraph. Each number a pair shares also adds
    ``number_bonus`` to its gain, so of two "Recalling its resolutions ..." paragraphs the
    one citing the same resolutions wins.
    """
    n, m = len(old), len(new)
    nums_old, nums_new = numbers if numbers is not None else ([frozenset()] * n, [frozenset()] * m)
    if n == 0 or m == 0:
        return []
    lcs = _lcs_lookup(old, new, full=band is None)
    lo, hi = _bounds(n, m, band, path)

    def gain(a: str, b: str, common_words: float) -> float:
        return common_words - weight * unmatched(common_words, len(a), len(b), growth_weight=growth)

    def tie(i: int, j: int) -> float:
        # Among equal gains prefer pairs near the start, then near the diagonal: a rule that
        # reads the same with old and new swapped, so swapping sides swaps the result.
        return _TIE * (i + j + abs(i - j) / (n + m + 1))

    score: list[list[float]] = []
    back: list[list[int]] = []
    for i in range(n + 1):
        width = hi[i] - lo[i] + 1
        srow = [_NEG] * width
        brow = [_DEL] * width
        for j in range(lo[i], hi[i] + 1):
            best, step = (0.0, _DEL) if i == 0 and j == 0 else (_NEG, _DEL)
            if i > 0:
                prev = _get(score, lo, hi, i - 1, j - 1)
                if prev > _NEG:
                    g = _NEG
                    if j > 0:
                        g = gain(old[i - 1], new[j - 1], lcs(i - 1, j - 1))
                        if g > 0:
                            g += number_bonus * len(nums_old[i - 1] & nums_new[j - 1])
                    if g > 0 and prev + g - tie(i, j) > best:
                        best, step = prev + g - tie(i, j), _PAIR
                prev = _get(score, lo, hi, i - 1, j)
                if prev > best:
                    best, step = prev, _DEL
            if j > 0:
                prev = srow[j - 1 - lo[i]] if j - 1 >= lo[i] else _NEG
                if prev > best:
                    best, step = prev, _INS
            if i > 0 and j > 1:
                prev = _get(score, lo, hi, i - 1, j - 2)
                if (
                    prev > _NEG
                    and _kept(nums_new[j - 2], nums_old[i - 1])
                    and _kept(nums_new[j - 1], nums_old[i - 1])
                ):
                    g = _group_gain(
                        old[i - 1], (new[j - 2], new[j - 1]), lcs(i - 1, j - 2), lcs(i - 1, j - 1), gain
                    )
                    shared = nums_old[i - 1] & (nums_new[j - 2] | nums_new[j - 1])
                    g += number_bonus * len(shared) - group_penalty - tie(i, j)
                    if g > 0 and prev + g > best:
                        best, step = prev + g, _SPLIT
            if i > 1 and j > 0:
                prev = _get(score, lo, hi, i - 2, j - 1)
                if (
                    prev > _NEG
                    and _kept(nums_old[i - 2], nums_new[j - 1])
                    and _kept(nums_old[i - 1], nums_new[j - 1])
                ):
                    g = _group_gain(
                        new[j - 1], (old[i - 2], old[i - 1]), lcs(i - 2, j - 1), lcs(i - 1, j - 1), gain
                    )
                    shared = nums_new[j - 1] & (nums_old[i - 2] | nums_old[i - 1])
                    g += number_bonus * len(shared) - group_penalty - tie(i, j)
                    if g > 0 and prev + g > best:
                        best, step = prev + g, _MERGE
            srow[j - lo[i]] = best
            brow[j - lo[i]] = step
        score.append(srow)
        back.append(brow)
    return _trace(back, lo, n, m)


def _kept(part: frozenset[str], one: frozenset[str]) -> bool:
    """Whether a part of a split or merge keeps at least a third of its numbers (if it has 3+)."""
    return len(part) < 3 or 3 * len(part & one) >= len(part)


def _group_gain(
    one: str,
    two: tuple[str, str],
    first: int,
    second: int,
    gain: Callable[[str, str, float], float],
) -> float:
    """Gain of one paragraph against two joined, computed only when its bound can win."""
    # Each part must mostly be found in the one paragraph, or a pair plus a neighbour's
    # stray common words would pass for a split.
    if 2 * first < len(two[0]) or 2 * second < len(two[1]):
        return _NEG
    joined = two[0] + two[1]
    bound = min(len(one), first + second)
    alone = max(gain(one, two[0], first), gain(one, two[1], second), 0.0)
    if first == 0 or second == 0 or gain(one, joined, bound) <= alone:
        return _NEG
    return gain(one, joined, common(one, joined))


def _lcs_lookup(old: Sequence[str], new: Sequence[str], *, full: bool) -> Callable[[int, int], int]:
    if full:
        matrix = common_matrix(old, new)
        return lambda i, j: matrix[i][j]
    cache: dict[tuple[int, int], int] = {}

    def lookup(i: int, j: int) -> int:
        key = (i, j)
        value = cache.get(key)
        if value is None:
            value = cache[key] = common(old[i], new[j])
        return value

    return lookup


def _bounds(n: int, m: int, band: int | None, path: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Return each row's first and last column: everything, or a corridor around ``path``."""
    if band is None:
        return [0] * (n + 1), [m] * (n + 1)
    points = [(0, 0), *((i + 1, j + 1) for i, j in path), (n, m)]
    centre = [0] * (n + 1)
    for (i0, j0), (i1, j1) in itertools.pairwise(points):
        for i in range(i0, i1 + 1):
            centre[i] = j0 + (i - i0) * (j1 - j0) // max(1, i1 - i0)
    lo = [max(0, c - band) for c in centre]
    hi = [min(m, c + band) for c in centre]
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):
        # Consecutive rows must overlap, so a path always reaches the corner (n, m).
        lo[i] = min(lo[i], hi[i - 1])
        hi[i] = max(hi[i], lo[i - 1], lo[i])
    return lo, hi


def _get(score: list[list[float]], lo: list[int], hi: list[int], i: int, j: int) -> float:
    if j < lo[i] or j > hi[i]:
        return _NEG
    return score[i][j - lo[i]]


def _trace(back: list[list[int]], lo: list[int], n: int, m: int) -> list[Group]:
    groups: list[Group] = []
    i, j = n, m
    while i > 0 or j > 0:
        step = back[i][j - lo[i]]
        if step == _PAIR:
            groups.append(((i - 1,), (j - 1,)))
            i, j = i - 1, j - 1
        elif step == _SPLIT:
            groups.append(((i - 1,), (j - 2, j - 1)))
            i, j = i - 1, j - 2
        elif step == _MERGE:
            groups.append(((i - 2, i - 1), (j - 1,)))
            i, j = i - 2, j - 1
        elif step == _DEL and i > 0:
            i -= 1
        else:
            j -= 1
    groups.reverse()
    return groups
