"""Optimal one-to-one assignment on a sparse candidate graph (shortest augmenting paths).

Each old item may take one new item through a candidate edge, or stay unpaired. The
assignment maximises the summed gain of the chosen edges; it is the Hungarian method in
its sparse Jonker-Volgenant form: one Dijkstra search per row over reduced costs, each row
owning a private "unpaired" column so that a free column is always reachable.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence


def assign(n_old: int, n_new: int, gains: Mapping[tuple[int, int], float]) -> tuple[int | None, ...]:
    """Return, for each old index, the new index it is paired with, or None.

    ``gains`` maps candidate (old, new) edges to a gain > 0; edges not listed cannot be chosen.
    The result maximises the sum of the chosen gains, each new index used at most once. Ties
    resolve by search order (lower indices first), so the result is deterministic.
    """
    adj = _adjacency(n_old, n_new, gains)
    top = max(gains.values(), default=0.0)
    # Cost of an edge is top - gain (>= 0); staying unpaired costs top, so any edge with a
    # positive gain is worth taking unless it blocks a better one.
    owner: list[int] = [-1] * (n_new + n_old)
    row_col: list[int] = [-1] * n_old
    u = [0.0] * n_old
    v = [0.0] * (n_new + n_old)
    for r in range(n_old):
        _augment(r, adj, top, owner, row_col, u, v, n_new)
    return tuple(c if c < n_new else None for c in row_col)


def _adjacency(
    n_old: int, n_new: int, gains: Mapping[tuple[int, int], float]
) -> list[list[tuple[int, float]]]:
    adj: list[list[tuple[int, float]]] = [[] for _ in range(n_old)]
    for (i, j), g in sorted(gains.items()):
        if not (0 <= i < n_old and 0 <= j < n_new):
            raise ValueError(f"edge {(i, j)} outside a {n_old} x {n_new} problem")
        if g > 0:
            adj[i].append((j, g))
    return adj


def _augment(
    start: int,
    adj: Sequence[Sequence[tuple[int, float]]],
    top: float,
    owner: list[int],
    row_col: list[int],
    u: list[float],
    v: list[float],
    n_new: int,
) -> None:
    dist: dict[int, float] = {}
    via: dict[int, int] = {}
    heap: list[tuple[float, int, int]] = []

    def relax(r: int, base: float) -> None:
        for c, g in adj[r]:
            if c not in dist:
                heapq.heappush(heap, (base + (top - g) - u[r] - v[c], c, r))
        dummy = n_new + r
        if dummy not in dist:
            heapq.heappush(heap, (base + top - u[r] - v[dummy], dummy, r))

    relax(start, 0.0)
    scanned = [start]
    while True:
        d, c, r = heapq.heappop(heap)
        if c in dist:
            continue
        dist[c] = d
        via[c] = r
        if owner[c] == -1:
            end, total = c, d
            break
        nxt = owner[c]
        scanned.append(nxt)
        relax(nxt, d)
    for c, dc in dist.items():
        v[c] += dc - total
    u[start] += total
    for r in scanned[1:]:
        u[r] += total - dist[row_col[r]]
    c = end
    while True:
        r = via[c]
        prev = row_col[r]
        row_col[r] = c
        owner[c] = r
        if r == start:
            break
        c = prev
