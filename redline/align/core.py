"""The alignment itself: anchors, a DP between them, then moves among the leftovers."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from redline.align.anchors import anchors, increasing, unique_pairs
from redline.align.coding import numbers, squeeze
from redline.align.dp import Group, solve
from redline.align.encoder import Encoder
from redline.align.measure import common, dice_cutoff, gain_weight, score
from redline.align.moves import mutual_best, pair_leftovers
from redline.align.options import AlignOptions
from redline.model import Link, Paragraph, RowKind


def align(
    old: Sequence[Paragraph], new: Sequence[Paragraph], *, options: AlignOptions | None = None
) -> tuple[Link, ...]:
    """Return the rows that set each old paragraph against its revision in ``new``.

    Every old and every new index appears in exactly one row. Rows come in reading order of
    the new text; a deleted row stands right after the row of the old paragraph before it.
    Rows outside the order-preserving backbone are flagged ``moved``. The result depends
    only on the inputs.
    """
    opts = options or AlignOptions()
    if not old or not new:  # nothing to pair: every paragraph is deleted or inserted
        return _unpaired(old, new)
    codes = Encoder().encode_all([p.text for p in (*old, *new)])
    old_codes, new_codes = codes[: len(old)], codes[len(old) :]
    groups = _backbone(old, new, old_codes, new_codes, opts)
    ranks: dict[tuple[int, int], float] = {}
    backbone, moved = _moves(groups, old_codes, new_codes, opts, ranks)
    return _rows(old, new, old_codes, new_codes, backbone, moved, opts, ranks)


def _unpaired(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> tuple[Link, ...]:
    """Return the rows of two sides of which one is empty: what `_rows` makes of no pairs."""
    deleted = (Link(RowKind.DELETED, (i,), ()) for i in range(len(old)))
    return (*deleted, *(Link(RowKind.INSERTED, (), (j,)) for j in range(len(new))))


def _backbone(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    old_codes: Sequence[str],
    new_codes: Sequence[str],
    opts: AlignOptions,
) -> list[Group]:
    """Anchor unique texts kept in order, anchor within the gaps, then run the DP in each gap."""
    old_raw = [squeeze(p.text) for p in old]
    new_raw = [squeeze(p.text) for p in new]
    top, steer = _top_anchors(old_raw, new_raw, old_codes, new_codes, opts)
    fixed: list[tuple[int, int]] = []
    bounds = [(-1, -1), *top, (len(old), len(new))]
    for (pi, pj), (qi, qj) in itertools.pairwise(bounds):
        if pi >= 0:
            fixed.append((pi, pj))
        if pi + 1 < qi and pj + 1 < qj:
            inner = anchors(old_raw[pi + 1 : qi], new_raw[pj + 1 : qj])
            lanes = [(i, j) for i, j in steer if pi < i < qi and pj < j < qj]
            # An exact pair the chain passed over for close pairs must not come back here.
            kept = [
                (i + pi + 1, j + pj + 1)
                for i, j in inner
                if not any(_crosses((i + pi + 1, j + pj + 1), lane) for lane in lanes)
            ]
            fixed.extend(_refine(kept, old_codes, new_codes, pi + 1, qi, pj + 1, qj, lanes))
        # (a gap with nothing on one side needs no anchors)
    groups: list[Group] = []
    bounds = [(-1, -1), *fixed, (len(old), len(new))]
    for (pi, pj), (qi, qj) in itertools.pairwise(bounds):
        if pi >= 0:
            groups.append(((pi,), (pj,)))
        if pi + 1 < qi and pj + 1 < qj:  # (most anchors follow one another: no gap)
            inside = [(i, j) for i, j in steer if pi < i < qi and pj < j < qj]
            # Only the DP reads the numbers: each paragraph lies in one gap at most.
            gap_nums = (
                [numbers(p.text) for p in old[pi + 1 : qi]],
                [numbers(p.text) for p in new[pj + 1 : qj]],
            )
            groups.extend(_gap(old_codes, new_codes, pi + 1, qi, pj + 1, qj, opts, inside, gap_nums))
    return groups


def _crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Return True when pairs ``a`` and ``b`` cannot both stand in one order-preserving chain."""
    return (a[0] - b[0]) * (a[1] - b[1]) <= 0


def _top_anchors(
    old_raw: Sequence[str],
    new_raw: Sequence[str],
    old_codes: Sequence[str],
    new_codes: Sequence[str],
    opts: AlignOptions,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Return the unique exact pairs on the longest order-preserving chain, and its close pairs.

    Close but inexact pairs (mutually best, above ``anchor_similarity``) vote in the chain
    without becoming anchors, so one moved paragraph that kept its text cannot push its
    edited neighbours out of the backbone; they then steer the corridor of a large gap.
    """
    exact = set(unique_pairs(old_raw, new_raw))
    used_old = {i for i, _ in exact}
    used_new = {j for _, j in exact}
    exact.update(
        (i, j)
        for i, j in unique_pairs(_keys(old_codes, "-"), _keys(new_codes, "+"))
        if i not in used_old and j not in used_new
    )
    used_old = {i for i, _ in exact}
    used_new = {j for _, j in exact}
    rest_old = [i for i in range(len(old_codes)) if i not in used_old]
    rest_new = [j for j in range(len(new_codes)) if j not in used_new]
    cut = dice_cutoff(opts.anchor_similarity, opts.unmatched_weight)
    close = mutual_best([old_codes[i] for i in rest_old], [new_codes[j] for j in rest_new], cutoff=cut)
    candidates = sorted([*exact, *((rest_old[a], rest_new[b]) for a, b in close)])
    # Keep the most paragraphs in place; among equal counts, the most words.
    sizes = [len(old_codes[i]) + len(new_codes[j]) for i, j in candidates]
    weights = [1.0 + 1e-4 * (size if size < 1000 else 1000) for size in sizes]
    chain = increasing(candidates, weights)
    return [pair for pair in chain if pair in exact], [pair for pair in chain if pair not in exact]


def _keys(codes: Sequence[str], side: str) -> list[object]:
    """Token strings as keys; a paragraph without tokens gets a key no other side can share."""
    return [c or (side, k) for k, c in enumerate(codes)]


def _refine(
    raw: list[tuple[int, int]],
    old_codes: Sequence[str],
    new_codes: Sequence[str],
    i0: int,
    i1: int,
    j0: int,
    j1: int,
    lanes: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Add anchors on equal token sequences (technical updates) inside the raw-text gaps.

    None may cross one of the chain's close pairs ``lanes``.
    """
    out: list[tuple[int, int]] = []
    bounds = [(i0 - 1, j0 - 1), *raw, (i1, j1)]
    for (pi, pj), (qi, qj) in itertools.pairwise(bounds):
        if pi >= i0:
            out.append((pi, pj))
        if pi + 1 < qi and pj + 1 < qj:
            inner = anchors(_keys(old_codes[pi + 1 : qi], "-"), _keys(new_codes[pj + 1 : qj], "+"))
            for i, j in inner:
                pair = (i + pi + 1, j + pj + 1)
                if not any(_crosses(pair, lane) for lane in lanes):
                    out.append(pair)
    return out


def _gap(
    old_codes: Sequence[str],
    new_codes: Sequence[str],
    i0: int,
    i1: int,
    j0: int,
    j1: int,
    opts: AlignOptions,
    steer: Sequence[tuple[int, int]] = (),
    nums: tuple[Sequence[frozenset[str]], Sequence[frozenset[str]]] | None = None,
) -> list[Group]:
    """Align one stretch between anchors; a large one only within a corridor.

    The corridor runs through the close pairs ``steer`` of the anchor chain that fall in the
    stretch (or along the diagonal without any), so the DP may still split, merge or skip
    around them.
    """
    n, m = i1 - i0, j1 - j0
    if n <= 0 or m <= 0:
        return []
    olds, news = old_codes[i0:i1], new_codes[j0:j1]
    weight = gain_weight(opts.min_similarity, opts.unmatched_weight)
    band: int | None = None
    if n * m > opts.max_cells:
        band = opts.band
    path = [(i - i0, j - j0) for i, j in steer]
    found = solve(
        olds,
        news,
        weight=weight,
        growth=opts.growth_weight,
        group_penalty=opts.group_penalty,
        band=band,
        path=path,
        numbers=nums,
        number_bonus=opts.number_bonus,
    )
    shift_old, shift_new = i0.__add__, j0.__add__
    return [(tuple(map(shift_old, o)), tuple(map(shift_new, nw))) for o, nw in found]


def _moves(
    groups: list[Group],
    old_codes: Sequence[str],
    new_codes: Sequence[str],
    opts: AlignOptions,
    ranks: dict[tuple[int, int], float],
) -> tuple[list[Group], list[Group]]:
    """Pair what the backbone left over across the whole text; return (backbone, moves).

    A weak backbone pair (below ``weak_similarity``) competes with the leftovers: when one
    of its paragraphs has a better partner elsewhere, the pair is undone and the better one
    made a move. This is how two paragraphs that moved away from the same spot are not
    paired with each other. The similarity of each single pair of the backbone goes into
    ``ranks``, where the rows find it.
    """

    def rank(m: int, a: str, b: str) -> float:
        return score(
            m, len(a), len(b), unmatched_weight=opts.unmatched_weight, growth_weight=opts.growth_weight
        )

    for o, n in groups:
        if len(o) == len(n) == 1:
            ranks[o[0], n[0]] = _rank_pair(old_codes[o[0]], new_codes[n[0]], rank)
    weak = [pair for pair, value in ranks.items() if value < opts.weak_similarity]
    used_old = {i for o, _ in groups for i in o}
    used_new = {j for _, n in groups for j in n}
    pool_old = sorted({i for i in range(len(old_codes)) if i not in used_old} | {i for i, _ in weak})
    pool_new = sorted({j for j in range(len(new_codes)) if j not in used_new} | {j for _, j in weak})
    at_old = {i: k for k, i in enumerate(pool_old)}
    at_new = {j: k for k, j in enumerate(pool_new)}
    given = [(ranks[i, j], at_old[i], at_new[j]) for i, j in weak]
    pairs = pair_leftovers(
        [old_codes[i] for i in pool_old],
        [new_codes[j] for j in pool_new],
        cutoff=dice_cutoff(opts.move_similarity, opts.unmatched_weight, opts.growth_weight),
        rank=rank,
        threshold=opts.move_similarity,
        given=given,
    )
    chosen = [(pool_old[a], pool_new[b]) for a, b in pairs]
    weak_set = set(weak)
    kept_set = set(chosen) & weak_set
    backbone = [
        g for g in groups if not (len(g[0]) == len(g[1]) == 1 and (g[0][0], g[1][0]) in weak_set - kept_set)
    ]
    moved: list[Group] = [((i,), (j,)) for i, j in chosen if (i, j) not in weak_set]
    return backbone, moved


def _rank_pair(a: str, b: str, rank: Callable[[int, str, str], float]) -> float:
    """Return ``rank`` of two coded strings; equal ones rank 1.0 without comparing them."""
    return 1.0 if a == b else rank(common(a, b), a, b)


def _rows(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    old_codes: Sequence[str],
    new_codes: Sequence[str],
    backbone: list[Group],
    moved: list[Group],
    opts: AlignOptions,
    ranks: dict[tuple[int, int], float],
) -> tuple[Link, ...]:
    """Make the links and put them in reading order of the new text.

    ``ranks`` holds the similarity of single pairs already scored.
    """
    links: list[tuple[tuple[int, int, int], Link]] = []
    moved_set = set(moved)
    owner: dict[int, int] = {}
    for o, n in backbone:
        for i in o:
            owner[i] = n[0]
    for o, n in [*backbone, *moved]:
        link = _link(old, new, old_codes, new_codes, o, n, moved=(o, n) in moved_set, opts=opts, ranks=ranks)
        links.append(((n[0], 0, 0), link))
    paired_old = {i for o, _ in [*backbone, *moved] for i in o}
    paired_new = {j for _, n in [*backbone, *moved] for j in n}
    after = -1
    for i in range(len(old)):
        if i in owner:
            after = owner[i]
        elif i not in paired_old:
            links.append(((after, 1, i), Link(RowKind.DELETED, (i,), ())))
    for j in range(len(new)):
        if j not in paired_new:
            links.append(((j, 0, 0), Link(RowKind.INSERTED, (), (j,))))
    links.sort(key=lambda item: item[0])
    return tuple(link for _, link in links)


def _link(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    old_codes: Sequence[str],
    new_codes: Sequence[str],
    o: tuple[int, ...],
    n: tuple[int, ...],
    *,
    moved: bool,
    opts: AlignOptions,
    ranks: dict[tuple[int, int], float],
) -> Link:
    if len(o) == len(n) == 1:  # most rows: no joining, and the backbone's are scored
        same, a, b = old[o[0]].text == new[n[0]].text, old_codes[o[0]], new_codes[n[0]]
        known = ranks.get((o[0], n[0]))
    else:
        same = "\n".join(old[i].text for i in o) == "\n".join(new[j].text for j in n)
        a, b = "".join(old_codes[i] for i in o), "".join(new_codes[j] for j in n)
        known = None
    if same:
        value = 1.0
    elif known is not None:
        value = known
    else:
        value = score(
            common(a, b),
            len(a),
            len(b),
            unmatched_weight=opts.unmatched_weight,
            growth_weight=opts.growth_weight,
        )
    renumbered = old[o[0]].address != new[n[0]].address
    kind = RowKind.EQUAL if same else RowKind.CHANGED
    return Link(kind, o, n, moved=moved, renumbered=renumbered, similarity=round(value, 4))
