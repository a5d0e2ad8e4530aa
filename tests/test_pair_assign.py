"""The sparse optimal assignment agrees with brute force and never reuses a text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redline.pair.assign import assign
from tests.strategies import gain_matrices

Problem = tuple[int, int, dict[tuple[int, int], float]]


def _brute_best(n_old: int, n_new: int, gains: dict[tuple[int, int], float]) -> float:
    """Return the best total gain over every one-to-one choice of edges (the slow reference)."""
    best = 0.0
    edges = sorted(gains)
    for k in range(1, min(n_old, n_new) + 1):
        for chosen in itertools.combinations(edges, k):
            olds = {i for i, _ in chosen}
            news = {j for _, j in chosen}
            if len(olds) == k and len(news) == k:
                best = max(best, sum(gains[e] for e in chosen))
    return best


def _total(result: tuple[int | None, ...], gains: dict[tuple[int, int], float]) -> float:
    return sum(gains[(i, j)] for i, j in enumerate(result) if j is not None)


@given(gain_matrices())
def test_assignment_is_optimal(problem: Problem) -> None:
    """The chosen edges reach the brute-force maximum total gain."""
    n_old, n_new, gains = problem
    result = assign(n_old, n_new, gains)
    assert _total(result, gains) == pytest.approx(_brute_best(n_old, n_new, gains), abs=1e-9)


@given(gain_matrices())
def test_assignment_is_one_to_one_on_candidates(problem: Problem) -> None:
    """Every old index gets at most one new index, each new index is used once, only via edges."""
    n_old, n_new, gains = problem
    result = assign(n_old, n_new, gains)
    assert len(result) == n_old
    used = [j for j in result if j is not None]
    assert len(used) == len(set(used))
    assert all((i, j) in gains for i, j in enumerate(result) if j is not None)


@given(gain_matrices())
def test_assignment_is_deterministic(problem: Problem) -> None:
    """The same problem, with its edges listed in another order, gives the same answer."""
    n_old, n_new, gains = problem
    shuffled = dict(reversed(list(gains.items())))
    assert assign(n_old, n_new, gains) == assign(n_old, n_new, shuffled)


def test_optimal_is_not_greedy() -> None:
    """Greedy would take the single best edge (0, 0) and strand old 1; the optimum pairs both."""
    gains = {(0, 0): 0.9, (0, 1): 0.8, (1, 0): 0.7}
    assert assign(2, 2, gains) == (1, 0)


def test_no_edges_leaves_everything_unpaired() -> None:
    assert assign(3, 2, {}) == (None, None, None)


def test_edge_outside_the_problem_is_refused() -> None:
    with pytest.raises(ValueError):
        assign(1, 1, {(0, 1): 0.5})


@given(st.integers(0, 6), st.integers(0, 6))
def test_empty_gains_any_shape(n_old: int, n_new: int) -> None:
    assert assign(n_old, n_new, {}) == (None,) * n_old
