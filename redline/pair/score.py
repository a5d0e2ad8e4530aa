"""Score one candidate pair: title, content, structure and citations working together.

Each signal alone fails somewhere on real texts. Same-titled territories ("Question of
Guam", "Question of Tokelau") share most of their words, so content alone pairs the
wrong ones; recurring texts get renamed ("SAMOA Pathway" -> "Antigua and Barbuda
Agenda"), so titles alone miss them; budget texts keep their title while their
content turns over. The rules below combine the signals the way a reader would.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from redline.align.pairscore import sequence_similarity
from redline.model import DocKind
from redline.pair.features import STOP_WORDS as _STOP
from redline.pair.features import BodyCodec, Features


@dataclass(frozen=True, slots=True)
class Weights:
    """The knobs of `score`; the defaults are tuned on the GA corpus (docs/pairing.md)."""

    same_title_floor: float = 0.55
    """Similarity of two texts with the same normalised title and nothing else in common."""
    recall_bonus: float = 0.12
    """Added when one text recalls the other by number ("Recalling its resolution 79/42")."""
    recall_floor: float = 0.4
    """With a recall, at least recall_floor x (1 + content): a renamed successor that recalls its
    predecessor and keeps half its wording pairs ("SAMOA Pathway" -> "Antigua and Barbuda Agenda")."""
    cite_floor: float = 0.85
    """Least similarity when one text cites the other's symbol (an adopted header cites its draft)."""
    kind_penalty: float = 0.15
    """Taken off when a resolution faces a decision."""
    shape_weight: float = 0.1
    """Weight of paragraph-count agreement (scaled by content similarity)."""


@dataclass(frozen=True, slots=True)
class Signals:
    """The evidence behind one candidate pair's similarity."""

    same_title: bool
    title: float
    """IDF-weighted overlap of the two titles' words, 0..1."""
    content: float
    """Word-sequence (Indel) similarity of the two whole texts, 0..1."""
    shape: float
    """Agreement of the preambular and operative paragraph counts, 0..1."""
    cited: bool
    recalled: bool
    similarity: float


def title_idf(titles: Iterable[str]) -> dict[str, float]:
    """Return an inverse document frequency for each word of the normalised ``titles``."""
    df: dict[str, int] = {}
    count = 0
    for title in titles:
        count += 1
        for word in set(title.split()) - _STOP:
            df[word] = df.get(word, 0) + 1
    return {w: math.log((count + 1) / (n + 1)) + 0.1 for w, n in df.items()}


def title_overlap(a: str, b: str, idf: Mapping[str, float]) -> float:
    """Return the IDF-weighted Jaccard overlap of two normalised titles, 0..1.

    Rare words (names of territories, organizations) count most, so "Question of Guam" and
    "Question of Tokelau" score low while a renamed recurring title keeps its rare words.
    """
    return _overlap(frozenset(a.split()) - _STOP, frozenset(b.split()) - _STOP, idf)


def _overlap(wa: frozenset[str], wb: frozenset[str], idf: Mapping[str, float]) -> float:
    """Return `title_overlap` of two titles' word sets (stop words already out)."""
    if not wa or not wb:
        return 0.0
    # Summed in sorted order: a set's order follows the per-process string hash, and a float
    # sum's last bit follows its order, so set order would make scores differ between runs.
    union = sum(map(idf.get, sorted(wa | wb), _ONES))
    return sum(map(idf.get, sorted(wa & wb), _ONES)) / union


_ONES = itertools.repeat(1.0)
"""The default weight, for every word `_overlap` looks up."""


def score(
    old: Features,
    new: Features,
    *,
    idf: Mapping[str, float] | None = None,
    weights: Weights | None = None,
    floor: float = 0.0,
    codec: BodyCodec | None = None,
) -> Signals:
    """Return the similarity (0..1) of two resolutions with the evidence behind it.

    Same title (after masking ordinals and numbers): at least ``same_title_floor``, rising with
    content. Otherwise title overlap and content must both be high. A number recall adds a
    bonus; a symbol citation lifts the score to ``cite_floor`` at least. When the similarity
    cannot reach ``floor`` whatever the content, the full text comparison is skipped and the
    result is an upper bound below ``floor`` (content reported as 0.0). Pass one ``codec``
    for all pairs of a comparison so each text is encoded once.
    """
    w = weights or Weights()
    same = bool(old.title) and old.title == new.title
    title = 1.0 if same else _overlap(old.title_words, new.title_words, idf or {})
    shape = _shape(old, new)
    # A revision (A/C.3/80/L.20/Rev.1) counts as citing the draft it replaces (A/C.3/80/L.20).
    cited = _cites(old, new) or _cites(new, old) or (bool(old.symbols) and old.symbols == new.symbols)
    recalled = _recalls(old, new) or _recalls(new, old)
    top = _combine(same, title, _max_content(old, new), shape, cited, recalled, old.kind, new.kind, w)
    if top < floor:
        return Signals(same, title, 0.0, shape, cited, recalled, top)
    c = codec or BodyCodec()
    content = content_similarity(c.encode_words(old.words), c.encode_words(new.words))
    sim = _combine(same, title, content, shape, cited, recalled, old.kind, new.kind, w)
    return Signals(same, title, content, shape, cited, recalled, sim)


LIKELY_CONTENT = 0.9
"""The content similarity first asked of rapidfuzz: a cut-off lets it compare only a band of
the two word sequences, and most texts compared in full are versions of each other."""


def content_similarity(old: str, new: str) -> float:
    """Return ``sequence_similarity(old, new)`` of two coded texts, trying the likely case first.

    Above the cut-off rapidfuzz returns the exact score (the same distance, the same
    division), below it 0.0, and only then are the whole sequences compared. On the GA
    corpus this halves the time of most comparisons and adds a third to the others.
    """
    return sequence_similarity(old, new, cutoff=LIKELY_CONTENT) or sequence_similarity(old, new)


def _combine(
    same: bool,
    title: float,
    content: float,
    shape: float,
    cited: bool,
    recalled: bool,
    kind_a: DocKind,
    kind_b: DocKind,
    w: Weights,
) -> float:
    if same:
        sim = w.same_title_floor + (1.0 - w.same_title_floor) * content
    else:
        sim = 0.5 * title + 0.5 * content * math.sqrt(title) + w.shape_weight * shape * content
    if recalled:
        sim = max(sim + w.recall_bonus, w.recall_floor * (1.0 + content))
    if cited:
        sim = max(sim, w.cite_floor + (1.0 - w.cite_floor) * content)
    if (kind_a is DocKind.DECISION) != (kind_b is DocKind.DECISION):
        sim -= w.kind_penalty
    return min(1.0, max(0.0, sim))


def _max_content(a: Features, b: Features) -> float:
    """Return the highest Indel similarity two texts of these lengths can have, with a margin.

    Lengths count raw words; normalising can split a few ("79/42" -> "# #"), hence the margin.
    """
    total = a.length + b.length
    return 1.0 if total == 0 else min(1.0, 1.1 * 2.0 * min(a.length, b.length) / total)


def _shape(a: Features, b: Features) -> float:
    total = a.preambular + b.preambular + a.operative + b.operative
    if total == 0:
        return 1.0
    return 1.0 - (abs(a.preambular - b.preambular) + abs(a.operative - b.operative)) / total


def _cites(citing: Features, cited: Features) -> bool:
    return any(s in citing.cites for s in cited.symbols)


def _recalls(later: Features, earlier: Features) -> bool:
    return any(s in later.recalls for s in earlier.short)
