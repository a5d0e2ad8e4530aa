"""Pair: match the resolutions of two documents (or two folders) one to one.

Cheap signals first: normalised titles, the opening of each text and cited symbols pick a
few candidates per text; only candidates get the full word-sequence comparison. The
pairing is then an optimal assignment over the candidates that clear the threshold, so one
strong pair is never stolen by a greedy neighbour, and a text with no credible partner
(a draft never adopted, an amendment, a note) stays unpaired.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redline.align.pairscore import score_pairs, sequence_similarity, title_similarity
from redline.model import DocKind, Resolution
from redline.pair.assign import assign
from redline.pair.features import Features, features

__all__ = ["Pair", "PairOptions", "Pairing", "Signals", "pair", "score"]


@dataclass(frozen=True, slots=True)
class PairOptions:
    """Cut-offs and weights of pairing; the defaults are tuned on the GA corpus (docs/pairing.md)."""

    threshold: float = 0.5
    """The least similarity a pair needs; below it both sides stay unpaired."""
    title_cutoff: float = 0.6
    """Prefilter: least token-set similarity of normalised titles to make a candidate."""
    sketch_cutoff: float = 0.55
    """Prefilter: least similarity of the texts' openings to make a candidate."""
    candidates: int = 6
    """Prefilter: how many candidates each text keeps from each cheap signal."""
    title_weight: float = 0.35
    content_weight: float = 0.5
    shape_weight: float = 0.15
    cite_bonus: float = 0.35
    """Added when one text cites the other's symbol (an adopted text's header cites its draft)."""
    recall_bonus: float = 0.08
    """Added when one text recalls the other by number ("Recalling its resolution 79/42")."""
    kind_penalty: float = 0.15
    """Taken off when a resolution faces a decision."""
    never: tuple[DocKind, ...] = (DocKind.AMENDMENT, DocKind.NOTE)
    """Kinds that are never paired: they only look like the texts they concern."""


@dataclass(frozen=True, slots=True)
class Signals:
    """The evidence behind one candidate pair's similarity."""

    title: float | None
    content: float
    shape: float
    cited: bool
    recalled: bool
    similarity: float


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
    one pair, and otherwise listed in ``unpaired_new``. Deterministic: ties resolve to the
    lower index.
    """
    opts = options or PairOptions()
    vocab: dict[str, str] = {}
    of = [features(r, vocab) for r in old]
    nf = [features(r, vocab) for r in new]
    best: dict[int, float] = {}
    gains: dict[tuple[int, int], float] = {}
    for i, j in _candidates(of, nf, opts):
        sim = score(of[i], nf[j], options=opts).similarity
        best[i] = max(best.get(i, 0.0), sim)
        if sim >= opts.threshold:
            # A tiny constant keeps a pair exactly at the threshold worth taking.
            gains[(i, j)] = sim - opts.threshold + 1e-9
    chosen = assign(len(old), len(new), gains)
    pairs = []
    for i, j in enumerate(chosen):
        if j is None:
            pairs.append(Pair(i, None, old[i], None, round(best.get(i, 0.0), 4)))
        else:
            pairs.append(Pair(i, j, old[i], new[j], round(gains[(i, j)] + opts.threshold, 4)))
    taken = {j for j in chosen if j is not None}
    return Pairing(tuple(pairs), tuple(j for j in range(len(new)) if j not in taken))


def score(old: Features, new: Features, *, options: PairOptions | None = None) -> Signals:
    """Return the similarity of two resolutions' features with the evidence behind it."""
    opts = options or PairOptions()
    if old.kind in opts.never or new.kind in opts.never:
        return Signals(None, 0.0, 0.0, False, False, 0.0)
    content = sequence_similarity(old.words, new.words)
    shape = _shape(old, new)
    title = title_similarity(old.title, new.title) if old.title and new.title else None
    if title is None:
        base = (opts.content_weight * content + opts.shape_weight * shape) / (
            opts.content_weight + opts.shape_weight
        )
    else:
        base = opts.title_weight * title + opts.content_weight * content + opts.shape_weight * shape
        base /= opts.title_weight + opts.content_weight + opts.shape_weight
    cited = _cites(old, new) or _cites(new, old)
    recalled = _recalls(old, new) or _recalls(new, old)
    sim = base + opts.cite_bonus * cited + opts.recall_bonus * recalled
    if (old.kind is DocKind.DECISION) != (new.kind is DocKind.DECISION):
        sim -= opts.kind_penalty
    return Signals(title, content, shape, cited, recalled, min(1.0, max(0.0, sim)))


def _shape(a: Features, b: Features) -> float:
    total = a.preambular + b.preambular + a.operative + b.operative
    if total == 0:
        return 1.0
    return 1.0 - (abs(a.preambular - b.preambular) + abs(a.operative - b.operative)) / total


def _cites(citing: Features, cited: Features) -> bool:
    return any(s in citing.cites for s in cited.symbols)


def _recalls(later: Features, earlier: Features) -> bool:
    return any(s in later.recalls for s in earlier.symbols[1:])


def _candidates(of: Sequence[Features], nf: Sequence[Features], opts: PairOptions) -> list[tuple[int, int]]:
    """Return the (old, new) index pairs worth a full comparison, sorted."""
    ok_old = [i for i, f in enumerate(of) if f.kind not in opts.never]
    ok_new = [j for j, f in enumerate(nf) if f.kind not in opts.never]
    found: set[tuple[int, int]] = set()
    for field, scorer, cutoff in (
        ("title", "token_set", opts.title_cutoff),
        ("sketch", "ratio", opts.sketch_cutoff),
    ):
        qs = [getattr(of[i], field) for i in ok_old]
        cs = [getattr(nf[j], field) for j in ok_new]
        scores = score_pairs(qs, cs, scorer=scorer, cutoff=cutoff)  # type: ignore[arg-type]
        found.update(_top(scores, opts.candidates, ok_old, ok_new))
    found.update(_citation_edges(of, nf, ok_old, ok_new))
    return sorted(found)


def _top(
    scores: dict[tuple[int, int], float], k: int, rows: Sequence[int], cols: Sequence[int]
) -> set[tuple[int, int]]:
    by_row: dict[int, list[tuple[float, int]]] = {}
    by_col: dict[int, list[tuple[float, int]]] = {}
    for (a, b), s in scores.items():
        by_row.setdefault(a, []).append((-s, b))
        by_col.setdefault(b, []).append((-s, a))
    out = set()
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
            for sym in side_b[b].symbols:
                owner.setdefault(sym, []).append(b)
        for a in ids_a:
            refs = [*side_a[a].cites, *sorted(side_a[a].recalls)]
            for sym in refs:
                for b in owner.get(sym, ()):
                    out.add((b, a) if flip else (a, b))
    return out
