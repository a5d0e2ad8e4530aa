"""Order-preserving dynamic programme over one stretch between anchors.

Steps: 1-1 (a pair), 1-0 (deleted), 0-1 (inserted), 1-2 (a split) and 2-1 (a merge).
A pair's gain is its common words minus ``weight`` per (growth-weighted) unmatched word, so a
pair pays off exactly when its similarity passes the threshold; the programme maximises the
total gain.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence

from redline.align.measure import common, common_matrix, common_row, gains, unmatched

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

    Among equal gains pairs near the start win, then pairs near the diagonal: a rule that
    reads the same with old and new swapped, so swapping sides swaps the result.
    """
    n, m = len(old), len(new)
    if n == 0 or m == 0:
        return []
    nums = numbers if numbers is not None else ([frozenset()] * n, [frozenset()] * m)
    lo, hi = _bounds(n, m, band, path)
    table = _Table(old, new, lo, hi, weight=weight, growth=growth, full=band is None)
    steps = _Steps(table, nums, lo, hi, group_penalty=group_penalty, number_bonus=number_bonus)
    rows: list[list[float]] = [[0.0] * (hi[0] + 1)]
    back: list[list[int]] = [[_DEL] + [_INS] * hi[0]]
    for i in range(1, n + 1):
        srow, brow = steps.row(i, rows[i - 1], rows[i - 2] if i > 1 else [])
        rows.append(srow)
        back.append(brow)
    return _trace(back, lo, n, m)


class _Table:
    """Common token counts and pair gains of each old paragraph against the columns the DP reads."""

    __slots__ = (
        "commons",
        "gains",
        "growth",
        "in_new",
        "in_old",
        "lens_new",
        "lens_old",
        "new",
        "offsets",
        "old",
        "weight",
    )

    def __init__(
        self,
        old: Sequence[str],
        new: Sequence[str],
        lo: list[int],
        hi: list[int],
        *,
        weight: float,
        growth: float,
        full: bool,
    ) -> None:
        n, m = len(old), len(new)
        self.old, self.new, self.weight, self.growth = old, new, weight, growth
        self.lens_old = [len(a) for a in old]
        self.lens_new = [len(b) for b in new]
        if full:
            self.offsets = [0] * n
            self.commons = common_matrix(old, new)
        else:
            # Row r is read by DP rows r + 1 (columns j - 2, j - 1) and r + 2 (column j - 1).
            self.offsets, self.commons = [], []
            for r in range(n):
                first, last = lo[r + 1] - 2, hi[r + 1] - 1
                if r + 2 <= n:
                    first, last = min(first, lo[r + 2] - 1), max(last, hi[r + 2] - 1)
                first, last = max(0, first), min(m - 1, last)
                self.offsets.append(first)
                self.commons.append(common_row(old[r], new[first : last + 1]))
        self.gains = [
            gains(row, la, self.lens_new[off : off + len(row)], weight=weight, growth_weight=growth)
            for row, la, off in zip(self.commons, self.lens_old, self.offsets, strict=True)
        ]
        # A part of a split or merge must mostly be found in the one paragraph, or a pair plus
        # a neighbour's stray common words would pass for a split: these say where it is.
        # (c > 0 and 2 * c >= length is c >= _half(length), one C-level comparison per cell.)
        halves = [_half(lb) for lb in self.lens_new]
        self.in_old = [
            list(map(operator.ge, row, halves[off : off + len(row)]))
            for row, off in zip(self.commons, self.offsets, strict=True)
        ]
        self.in_new = [
            list(map(_half(la).__le__, row)) for row, la in zip(self.commons, self.lens_old, strict=True)
        ]

    def gain(self, m: int, a: int, b: int) -> float:
        """Return the gain of a pair of lengths a and b with m common tokens."""
        return m - self.weight * unmatched(m, a, b, growth_weight=self.growth)


class _Steps:
    """The recurrence of `solve`, one row of the score table at a time."""

    __slots__ = ("bonus", "hi", "lo", "nm1", "nums", "penalty", "table")

    def __init__(
        self,
        table: _Table,
        nums: tuple[Sequence[frozenset[str]], Sequence[frozenset[str]]],
        lo: list[int],
        hi: list[int],
        *,
        group_penalty: float,
        number_bonus: float,
    ) -> None:
        self.table, self.nums, self.lo, self.hi = table, nums, lo, hi
        self.penalty, self.bonus = group_penalty, number_bonus
        self.nm1 = len(table.old) + len(table.new) + 1

    def row(self, i: int, prow: list[float], p2row: list[float]) -> tuple[list[float], list[int]]:
        """Return row ``i`` (>= 1) of the scores and back-pointers from the two rows above it."""
        t, nm1, bonus = self.table, self.nm1, self.bonus
        nums_new = self.nums[1]
        clo, chi, plo, phi = self.lo[i], self.hi[i], self.lo[i - 1], self.hi[i - 1]
        p2lo, p2hi = (self.lo[i - 2], self.hi[i - 2]) if i > 1 else (0, -1)
        gains, off, mine = t.gains[i - 1], t.offsets[i - 1], self.nums[0][i - 1]
        splits = t.in_old[i - 1]
        merges, off2 = (t.in_new[i - 2], t.offsets[i - 2]) if i > 1 else ([], 0)
        merges1 = t.in_new[i - 1]
        srow = [_NEG] * (chi - clo + 1)
        brow = [_DEL] * (chi - clo + 1)
        left = _NEG  # srow at j - 1: no insertion before the row's first column
        for j in range(clo, chi + 1):
            best, step = _NEG, _DEL
            if plo < j <= phi + 1:  # column j - 1 is in the row above
                g = gains[j - 1 - off]
                if g > 0:  # (a pair below the threshold is never taken: skip the rest)
                    if mine:
                        g += bonus * len(mine & nums_new[j - 1])
                    up = prow[j - 1 - plo]
                    if g > 0 and up > _NEG:
                        best, step = up + g - _TIE * (i + j + abs(i - j) / nm1), _PAIR
            if plo <= j <= phi and prow[j - plo] > best:
                best, step = prow[j - plo], _DEL
            if left > best:
                best, step = left, _INS
            if (
                plo <= j - 2 <= phi
                and splits[j - 2 - off]
                and splits[j - 1 - off]
                and prow[j - 2 - plo] > _NEG
            ):
                g = self._split(i, j, _TIE * (i + j + abs(i - j) / nm1))
                if g > 0 and prow[j - 2 - plo] + g > best:
                    best, step = prow[j - 2 - plo] + g, _SPLIT
            if (
                p2lo <= j - 1 <= p2hi
                and merges[j - 1 - off2]
                and merges1[j - 1 - off]
                and p2row[j - 1 - p2lo] > _NEG
            ):
                g = self._merge(i, j, _TIE * (i + j + abs(i - j) / nm1))
                if g > 0 and p2row[j - 1 - p2lo] + g > best:
                    best, step = p2row[j - 1 - p2lo] + g, _MERGE
            srow[j - clo] = left = best
            brow[j - clo] = step
        return srow, brow

    def _split(self, i: int, j: int, tie: float) -> float:
        """Gain of old paragraph i - 1 against new j - 2 and j - 1 joined (-inf when ruled out).

        Each part is mostly found in the old paragraph (``in_old``).
        """
        t = self.table
        lens = t.lens_new
        off = t.offsets[i - 1]
        first, second = t.commons[i - 1][j - 2 - off], t.commons[i - 1][j - 1 - off]
        nums_old, nums_new = self.nums
        one = nums_old[i - 1]
        if not (_kept(nums_new[j - 2], one) and _kept(nums_new[j - 1], one)):
            return _NEG
        la, lb = t.lens_old[i - 1], lens[j - 2] + lens[j - 1]
        alone = max(t.gains[i - 1][j - 2 - off], t.gains[i - 1][j - 1 - off], 0.0)
        if t.gain(min(la, first + second), la, lb) <= alone:
            return _NEG
        g = t.gain(common(t.old[i - 1], t.new[j - 2] + t.new[j - 1]), la, lb)
        g += self.bonus * len(one & (nums_new[j - 2] | nums_new[j - 1])) - self.penalty - tie
        return g

    def _merge(self, i: int, j: int, tie: float) -> float:
        """Gain of old paragraphs i - 2 and i - 1 joined against new j - 1 (-inf when ruled out).

        Each part is mostly found in the new paragraph (``in_new``).
        """
        t = self.table
        lens = t.lens_old
        off1, off2 = t.offsets[i - 2], t.offsets[i - 1]
        first, second = t.commons[i - 2][j - 1 - off1], t.commons[i - 1][j - 1 - off2]
        nums_old, nums_new = self.nums
        one = nums_new[j - 1]
        if not (_kept(nums_old[i - 2], one) and _kept(nums_old[i - 1], one)):
            return _NEG
        la, lb = t.lens_new[j - 1], lens[i - 2] + lens[i - 1]
        alone = max(t.gains[i - 2][j - 1 - off1], t.gains[i - 1][j - 1 - off2], 0.0)
        if t.gain(min(la, first + second), la, lb) <= alone:
            return _NEG
        g = t.gain(common(t.new[j - 1], t.old[i - 2] + t.old[i - 1]), la, lb)
        g += self.bonus * len(one & (nums_old[i - 2] | nums_old[i - 1])) - self.penalty - tie
        return g


def _half(length: int) -> int:
    """Return the fewest common tokens that are at least half of ``length`` (and at least one)."""
    return max(1, (length + 1) // 2)


def _kept(part: frozenset[str], one: frozenset[str]) -> bool:
    """Whether a part of a split or merge keeps at least a third of its numbers (if it has 3+)."""
    return len(part) < 3 or 3 * len(part & one) >= len(part)


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
