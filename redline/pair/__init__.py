"""Pair: match the resolutions of two documents (or two folders) one to one.

Cheap signals first: normalised titles, the opening of each text and cited symbols pick a
few candidates per text; only candidates get the full word-sequence comparison. The
pairing is then an optimal assignment over the candidates that clear the threshold, so one
strong pair is never stolen by a greedy neighbour, and a text with no credible partner
(a draft never adopted, an amendment, a note) stays unpaired.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from redline.align.pairscore import score_pairs
from redline.model import DocKind, Resolution
from redline.pair.assign import assign
from redline.pair.features import BodyCodec, Features, features
from redline.pair.score import Signals, Weights, score, title_idf

__all__ = ["Pair", "PairOptions", "Pairing", "Signals", "Weights", "pair", "score"]


@dataclass(frozen=True, slots=True)
class PairOptions:
    """Cut-offs and weights of pairing; the defaults are tuned on the GA corpus (docs/pairing.md)."""

    threshold: float = 0.6
    """The least similarity a pair needs; below it both sides stay unpaired."""
    title_cutoff: float = 0.5
    """Prefilter: least token-set similarity of normalised titles to make a candidate."""
    sketch_cutoff: float = 0.55
    """Prefilter: least similarity of the texts' openings to make a candidate."""
    candidates: int = 4
    """Prefilter: how many candidates each text keeps from each cheap signal, in each direction."""
    weights: Weights = field(default_factory=Weights)
    never: tuple[DocKind, ...] = (DocKind.AMENDMENT, DocKind.NOTE)
    """Kinds that pair only with their own kind: they merely look like the texts they concern."""


@dataclass(frozen=True, slots=True)
class Pair:
    """One old resolution and its partner (None when unpaired)."""

    old_index: int
    new_index: int | None
    old: Resolution
    new: Resolution | None
    similarity: float
    """The pair's score, 0..1; for an unpaired text, its best candidate's (0.0 when none)."""


@dataclass(frozen=True, slots=True)
class Pairing:
    """Every old resolution once, in input order, and the new ones left unpaired."""

    pairs: tuple[Pair, ...]
    unpaired_new: tuple[int, ...]
    """Indexes into the new sequence, ascending."""


def pair(
    old: Sequence[Resolution], new: Sequence[Resolution], *, options: PairOptions | None = None
) -> Pairing:
    """Pair ``old`` with ``new`` one to one, maximising the summed margin over the threshold.

    Every old resolution appears once in ``pairs`` (in input order); a new one is in at most
    one pair, and otherwise listed in ``unpaired_new``. Deterministic: between equally good
    choices, the one keeping both sides in reading order wins (duplicates pair by position).
    """
    opts = options or PairOptions()
    titles: dict[str, str] = {}
    of = [features(r, titles=titles) for r in old]
    nf = [features(r, titles=titles) for r in new]
    codec = BodyCodec()
    idf = title_idf(f.title for f in (*of, *nf))
    best: dict[int, float] = {}
    sims: dict[tuple[int, int], float] = {}
    gains: dict[tuple[int, int], float] = {}
    for i, j in _candidates(of, nf, opts):
        sim = score(of[i], nf[j], idf=idf, weights=opts.weights, floor=opts.threshold, codec=codec).similarity
        best[i] = max(best.get(i, 0.0), sim)
        sims[(i, j)] = sim
        if sim >= opts.threshold:
            gains[(i, j)] = sim - opts.threshold + _tie_break(i, j, len(old), len(new))
    chosen = assign(len(old), len(new), gains)
    pairs = []
    for k, partner in enumerate(chosen):
        if partner is None:
            pairs.append(Pair(k, None, old[k], None, round(best.get(k, 0.0), 4)))
        else:
            pairs.append(Pair(k, partner, old[k], new[partner], round(sims[(k, partner)], 4)))
    taken = {c for c in chosen if c is not None}
    return Pairing(tuple(pairs), tuple(c for c in range(len(new)) if c not in taken))


def _tie_break(i: int, j: int, n_old: int, n_new: int) -> float:
    """Return a tiny positive gain that favours pairs keeping both sides in reading order.

    It also keeps a pair exactly at the threshold worth taking, and makes ties between equal
    texts (duplicates) resolve to the order-preserving choice rather than the search order.
    """
    return 1e-9 + 1e-7 * (1.0 - abs(i / n_old - j / n_new))


def _candidates(of: Sequence[Features], nf: Sequence[Features], opts: PairOptions) -> list[tuple[int, int]]:
    """Return the (old, new) index pairs worth a full comparison, sorted.

    Texts of a ``never`` kind are candidates only for texts of the same kind (two versions
    of one amendment may pair; an amendment never pairs with the text it amends).
    """
    found: set[tuple[int, int]] = set()
    for group in (None, *opts.never):
        ok_old = [i for i, f in enumerate(of) if _group(f.kind, opts) == group]
        ok_new = [j for j, f in enumerate(nf) if _group(f.kind, opts) == group]
        if ok_old and ok_new:
            found.update(_group_candidates(of, nf, ok_old, ok_new, opts))
    return sorted(found)


def _group(kind: DocKind, opts: PairOptions) -> DocKind | None:
    return kind if kind in opts.never else None


def _group_candidates(
    of: Sequence[Features], nf: Sequence[Features], ok_old: list[int], ok_new: list[int], opts: PairOptions
) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    titles = score_pairs(
        [of[i].title for i in ok_old],
        [nf[j].title for j in ok_new],
        scorer="token_set",
        cutoff=opts.title_cutoff,
    )
    found.update(_top(titles, opts.candidates, ok_old, ok_new))
    sketches = score_pairs(
        [of[i].sketch for i in ok_old],
        [nf[j].sketch for j in ok_new],
        scorer="ratio",
        cutoff=opts.sketch_cutoff,
    )
    found.update(_top(sketches, opts.candidates, ok_old, ok_new))
    found.update(_citation_edges(of, nf, ok_old, ok_new))
    return found


def _top(
    scores: dict[tuple[int, int], float], k: int, rows: Sequence[int], cols: Sequence[int]
) -> set[tuple[int, int]]:
    by_row: dict[int, list[tuple[float, int]]] = {}
    by_col: dict[int, list[tuple[float, int]]] = {}
    for (a, b), s in scores.items():
        by_row.setdefault(a, []).append((-s, b))
        by_col.setdefault(b, []).append((-s, a))
    out: set[tuple[int, int]] = set()
    for a, hits in by_row.items():
        out.update((rows[a], cols[b]) for _, b in sorted(hits)[:k])
    for b, hits in by_col.items():
        out.update((rows[a], cols[b]) for _, a in sorted(hits)[:k])
    return out


def _citation_edges(
    of: Sequence[Features], nf: Sequence[Features], ok_old: Sequence[int], ok_new: Sequence[int]
) -> set[tuple[int, int]]:
    """Return pairs where one side cites or recalls the other's symbol (an index lookup, no scan)."""
    out: set[tuple[int, int]] = set()
    sides = ((of, nf, ok_old, ok_new, False), (nf, of, ok_new, ok_old, True))
    for side_a, side_b, ids_a, ids_b, flip in sides:
        owner: dict[str, list[int]] = {}
        for b in ids_b:
            for sym in (*side_b[b].symbols, *side_b[b].short):
                owner.setdefault(sym, []).append(b)
        for a in ids_a:
            refs = [*side_a[a].symbols, *side_a[a].cites, *sorted(side_a[a].recalls)]
            for sym in refs:
                for b in owner.get(sym, ()):
                    out.add((b, a) if flip else (a, b))
    return out
