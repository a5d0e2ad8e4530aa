"""Moves: pair paragraphs left over by the order-preserving pass across the whole text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from redline.align.measure import close_pairs


def pair_leftovers(
    old: Sequence[str],
    new: Sequence[str],
    *,
    cutoff: float,
    rank: Callable[[int, str, str], float],
    threshold: float,
    given: Sequence[tuple[float, int, int]] = (),
) -> list[tuple[int, int]]:
    """Return (i, j) pairs of leftover coded strings, most similar first, each index used once.

    Candidates come from the rapidfuzz prefilter at ``cutoff`` (Indel similarity); ``rank``
    scores each from its common token count, and those from ``threshold`` up are kept.
    ``given`` adds (score, i, j) candidates whatever their score (pairs already made, which
    keep their place unless a better one claims a side). Ties go to a given pair, then to
    the pair nearer the start, then to the smaller i.
    """
    seen = {(i, j) for _, i, j in given}
    candidates = [(value, 0, i, j) for value, i, j in given]
    for dice, i, j in close_pairs(old, new, cutoff=cutoff):
        m = round(dice * (len(old[i]) + len(new[j])) / 2)
        value = rank(m, old[i], new[j])
        if value >= threshold and (i, j) not in seen:
            candidates.append((value, 1, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2] + c[3], c[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    out = []
    for _, _, i, j in candidates:
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
