"""Exact-match anchors: paragraphs that occur once on each side, kept in order (patience diff)."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Hashable, Sequence


def unique_pairs(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Return (i, j) for every key that occurs exactly once in ``old`` and once in ``new``, by i."""
    at_new = _unique_positions(new)
    pairs = [(i, at_new[key]) for key, i in _unique_positions(old).items() if key in at_new]
    pairs.sort()
    return pairs


def _unique_positions(keys: Sequence[Hashable]) -> dict[Hashable, int]:
    """Return the position of each key that occurs once (C-level passes: most keys are distinct)."""
    at = dict(zip(keys, range(len(keys)), strict=True))
    if len(at) < len(keys):
        for key, count in Counter(keys).items():
            if count > 1:
                del at[key]
    return at


def increasing(
    pairs: Sequence[tuple[int, int]], weights: Sequence[float] | None = None
) -> list[tuple[int, int]]:
    """Return the heaviest run of ``pairs`` (sorted by i, distinct i and j) whose j also increase.

    Each pair weighs 1 unless ``weights`` says otherwise. Among equal weights, pairs nearer
    the diagonal win, a rule that reads the same with the sides swapped; what remains tied
    goes to the first chain found. A Fenwick tree of prefix maxima keeps it O(k log k).
    """
    if not pairs:
        return []
    span = max(j for _, j in pairs) + 1
    scale = 1e-6 / (span + pairs[-1][0] + 1)
    tree: list[tuple[float, int]] = [(0.0, -1)] * (span + 1)
    back: list[int] = []
    total: list[float] = []
    for k, (i, j) in enumerate(pairs):
        best, prev = 0.0, -1
        x = j  # prefix max over columns < j
        while x > 0:
            if tree[x][0] > best:
                best, prev = tree[x]
            x -= x & -x
        weight = (weights[k] if weights is not None else 1.0) - scale * abs(i - j)
        value = best + weight
        back.append(prev)
        total.append(value)
        x = j + 1
        while x <= span:
            if value > tree[x][0]:
                tree[x] = (value, k)
            x += x & -x
    k = max(range(len(pairs)), key=lambda q: (total[q], -q))
    out: list[tuple[int, int]] = []
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    out.reverse()
    return out


def anchors(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Return order-preserving anchors of equal keys, recursing into the gaps (patience diff).

    Equal keys at the ends of each gap are anchored too, even when not unique.
    """
    out: list[tuple[int, int]] = []
    _anchor(old, new, 0, len(old), 0, len(new), out)
    return out


def _anchor(
    old: Sequence[Hashable],
    new: Sequence[Hashable],
    i0: int,
    i1: int,
    j0: int,
    j1: int,
    out: list[tuple[int, int]],
) -> None:
    stack = [(i0, i1, j0, j1)]
    found: list[tuple[int, int]] = []
    while stack:
        a0, a1, b0, b1 = stack.pop()
        while a0 < a1 and b0 < b1 and old[a0] == new[b0]:
            found.append((a0, b0))
            a0, b0 = a0 + 1, b0 + 1
        while a0 < a1 and b0 < b1 and old[a1 - 1] == new[b1 - 1]:
            found.append((a1 - 1, b1 - 1))
            a1, b1 = a1 - 1, b1 - 1
        if a0 >= a1 or b0 >= b1:
            continue
        run = increasing([(i + a0, j + b0) for i, j in unique_pairs(old[a0:a1], new[b0:b1])])
        if not run:
            continue
        found.extend(run)
        bounds = [(a0 - 1, b0 - 1), *run, (a1, b1)]
        for (pa, pb), (qa, qb) in itertools.pairwise(bounds):
            if pa + 1 < qa and pb + 1 < qb:
                stack.append((pa + 1, qa, pb + 1, qb))
    out.extend(sorted(found))
