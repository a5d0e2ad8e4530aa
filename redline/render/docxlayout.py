"""Place a resolution's redline rows in one reading order that serves both sides.

A tracked-changes document is read twice: with every change accepted it must read as the
new text, with every change rejected as the old. So each old paragraph must sit in old
order and each new one in new order. Rows whose old and new positions agree are anchors;
a moved row (or one whose positions disagree with the anchors) is shown twice, deleted
where it was and inserted where it now is.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from redline.model import Resolution, Row

__all__ = ["Part", "Placed", "place_rows"]


class Part(StrEnum):
    """Which side of a row a placed entry shows."""

    BOTH = "both"
    OLD = "old"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class Placed:
    """One entry of the reading order: a row, shown whole or as one of its two sides."""

    row: Row
    part: Part


def place_rows(rows: Sequence[Row], old: Resolution | None, new: Resolution | None) -> list[Placed]:
    """Return ``rows`` as entries whose old sides follow old order and new sides new order.

    Ties between entries falling in the same gap resolve deletions first, then insertions,
    each in its own side's order.
    """
    old_pos = _positions(old)
    new_pos = _positions(new)
    keyed = []
    for i, row in enumerate(rows):
        o = old_pos.get(row.old[0].address, len(old_pos)) if row.old else None
        n = new_pos.get(row.new[0].address, len(new_pos)) if row.new else None
        keyed.append((i, row, o, n))
    both = [(i, o, n) for i, row, o, n in keyed if o is not None and n is not None and not row.moved]
    anchors = _increasing(both)
    entries: list[tuple[tuple[int, int, int, int], Placed]] = []
    anchor_old = sorted(o for i, o, n in both if i in anchors)
    anchor_new = sorted(n for i, o, n in both if i in anchors)
    for i, row, o, n in keyed:
        if i in anchors and o is not None and n is not None:
            gap = bisect.bisect_left(anchor_old, o)
            entries.append(((gap, 1, 0, 0), Placed(row, Part.BOTH)))
            continue
        if o is not None:
            entries.append(((bisect.bisect_right(anchor_old, o), 0, 0, o), Placed(row, Part.OLD)))
        if n is not None:
            entries.append(((bisect.bisect_right(anchor_new, n), 0, 1, n), Placed(row, Part.NEW)))
    entries.sort(key=lambda e: e[0])
    return [placed for _, placed in entries]


def _positions(res: Resolution | None) -> dict[str, int]:
    if res is None:
        return {}
    return {p.address: i for i, p in enumerate(res.all_paragraphs())}


def _increasing(items: Sequence[tuple[int, int, int]]) -> set[int]:
    """Return the row indices of a longest run of ``items`` increasing in both positions."""
    ordered = sorted(items, key=lambda t: (t[1], t[2]))
    tails: list[int] = []
    tail_at: list[int] = []
    parent: list[int] = [-1] * len(ordered)
    for k, (_, _, n) in enumerate(ordered):
        j = bisect.bisect_left(tails, n)
        parent[k] = tail_at[j - 1] if j else -1
        if j == len(tails):
            tails.append(n)
            tail_at.append(k)
        else:
            tails[j], tail_at[j] = n, k
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        keep.add(ordered[k][0])
        k = parent[k]
    return keep
