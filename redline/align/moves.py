"""Moves: pair paragraphs left over by the order-preserving pass across the whole text."""

from __future__ import annotations

from collections.abc import Sequence

from redline.align.similarity import close_pairs


def pair_leftovers(old: Sequence[str], new: Sequence[str], *, cutoff: float) -> list[tuple[int, int]]:
    """Return (i, j) pairs of leftover coded strings, most similar first, each index used once.

    Candidates come from the rapidfuzz prefilter at ``cutoff`` (Indel similarity); ties go
    to the smaller i, then the smaller j.
    """
    candidates = close_pairs(old, new, cutoff=cutoff)
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    out = []
    for _, i, j in candidates:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append((i, j))
    out.sort()
    return out


def mutual_best(old: Sequence[str], new: Sequence[str], *, cutoff: float) -> list[tuple[int, int]]:
    """Return (i, j) pairs that are each other's single best match at or above ``cutoff``, by i.

    Used to anchor a large stretch; a tie for best rules a paragraph out.
    """
    best_old: dict[int, tuple[float, int, bool]] = {}
    best_new: dict[int, tuple[float, int, bool]] = {}
    for score, i, j in close_pairs(old, new, cutoff=cutoff):
        for table, key, other in ((best_old, i, j), (best_new, j, i)):
            seen = table.get(key)
            if seen is None or score > seen[0]:
                table[key] = (score, other, False)
            elif score == seen[0]:
                table[key] = (score, seen[1], True)
    out = []
    for i in sorted(best_old):
        score, j, tied = best_old[i]
        back = best_new[j]
        if not tied and not back[2] and back[1] == i:
            out.append((i, j))
    return out
