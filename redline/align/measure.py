"""Paragraph similarity: the one seam onto rapidfuzz.

A paragraph becomes a sequence of word tokens that ignore what revisions change without
changing meaning: the paragraph number, case, digits (dates, resolution and session numbers)
and session ordinals ("eightieth"), plus a light stemming so "Recalling" meets "Recalls".
Each distinct token is coded as one character, so rapidfuzz compares words, not letters.

The similarity of two token sequences with ``m`` common words (longest common subsequence)
is ``m / (m + w * u)``, with ``w`` the unmatched weight and ``u`` the unmatched words, those
only the longer paragraph has counted at the lower growth weight: a paragraph that only grew
keeps a high score, and two unrelated ones share few words in order.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u00ad": ""})
_LEADING_NUMBER = re.compile(
    r"^\s*(?:\d+(?:\s+(?:bis|ter|quater))?\s*[.)]|\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,3})\))\s+", re.I
)
_TOKEN = re.compile(r"\w+(?:[-/.']\w+)*")
_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d")
_NUMBER_ONLY = re.compile(r"[#/.,'-]+")
_COVER_FROM = 0.6
"""Share of the shorter paragraph found in the longer from which growth starts to cost less."""
_ORDINAL_SUFFIX = re.compile(r"#(?:st|nd|rd|th)\b")
_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_ORDINAL = re.compile(
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:{_UNITS})|{_UNITS}"
    r"|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundredth)"
)


def tokens(text: str) -> tuple[str, ...]:
    """Return the comparison tokens of a paragraph text.

    Numbers ("77/16", "2023", "43rd") are left out, session ordinals become ``<ord>``, and
    a word that mixes letters and digits keeps its letters ("A/79/138" is ``a/#/#``). A text
    without any such token falls back to its non-space characters so it still has a body.

    >>> tokens("5. Recalling its resolutions 77/16 of the eightieth session, A/79/138,")
    ('recall', 'its', 'resolution', 'of', 'the', '<ord>', 'session', 'a/#/#')
    """
    text = _LEADING_NUMBER.sub("", text.casefold().translate(_HYPHENS), count=1)
    out = [tok for tok in map(_token, _TOKEN.findall(text)) if tok]
    if not out:
        return tuple(text.split())
    return tuple(out)


@functools.lru_cache(maxsize=1 << 16)
def _token(word: str) -> str:
    if _ORDINAL.fullmatch(word):
        return "<ord>"
    if _HAS_DIGIT.search(word):
        masked = _ORDINAL_SUFFIX.sub("#", _DIGITS.sub("#", word))
        return "" if _NUMBER_ONLY.fullmatch(masked) else masked
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("es"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def numbers(text: str) -> frozenset[str]:
    """Return the distinct digit runs of a text: what `tokens` masks, kept for exact checks.

    >>> sorted(numbers("resolutions 77/16 and 78/120 of 2023"))
    ['120', '16', '2023', '77', '78']
    """
    return frozenset(_DIGITS.findall(text))


class Encoder:
    """Code each distinct token as one character, in order of first sight (deterministic)."""

    __slots__ = ("_codes",)

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, text: str) -> str:
        """Return the coded token string of ``text``."""
        out = []
        for tok in tokens(text):
            code = self._codes.get(tok)
            if code is None:
                k = len(self._codes)
                # Skip the surrogate block: every code must be a valid character.
                code = chr(0x100 + k) if k < 0xD800 - 0x100 else chr(0x10000 + k)
                self._codes[tok] = code
            out.append(code)
        return "".join(out)


def common(a: str, b: str) -> int:
    """Return the number of tokens two coded strings share in order (their LCS length)."""
    return int(LCSseq.similarity(a, b))


def unmatched(m: float, a: int, b: int, *, growth_weight: float) -> float:
    """Return the weighted count of unmatched tokens of two coded strings of lengths a and b.

    A token only the shorter string has counts 1. One only the longer has counts less, down
    to ``growth_weight``, as far as the shorter one is found whole in the longer: a paragraph
    that grew keeps a good score, while a short one that merely shares "of the" with a long
    one gains nothing.
    """
    short, long = (a, b) if a <= b else (b, a)
    cover = m / short if short else 0.0
    ramp = min(1.0, max(0.0, (cover - _COVER_FROM) / (1.0 - _COVER_FROM)))
    return (short - m) + (1.0 - (1.0 - growth_weight) * ramp) * (long - m)


def score(m: float, a: int, b: int, *, unmatched_weight: float, growth_weight: float) -> float:
    """Return the similarity of two coded strings of lengths a and b sharing ``m`` tokens in order."""
    if a == b == 0:
        return 1.0
    cost = unmatched_weight * unmatched(m, a, b, growth_weight=growth_weight)
    return m / (m + cost) if m + cost > 0 else 0.0


def gain_weight(threshold: float, unmatched_weight: float) -> float:
    """Return the cost per unmatched token that makes a pair's gain positive iff similarity > threshold."""
    threshold = min(threshold, 1.0 - 1e-9)  # a threshold of 1 asks for equal token sequences
    return threshold * unmatched_weight / (1.0 - threshold)


def dice_cutoff(threshold: float, unmatched_weight: float, growth_weight: float = 1.0) -> float:
    """Return an Indel similarity (2m / size) below which no pair can reach ``threshold``.

    Exact when ``growth_weight`` is 1; otherwise a safe floor for the rapidfuzz prefilter.
    """
    w = unmatched_weight * min(1.0, growth_weight)
    threshold = min(max(threshold, 0.0), 1.0)
    return min(1.0, 2 * w * threshold / (1.0 - threshold + 2 * w * threshold))


def similarity(a: str, b: str, *, unmatched_weight: float = 0.25, growth_weight: float = 0.35) -> float:
    """Return how alike two paragraph texts are, from 0.0 to 1.0, ignoring numbers and ordinals.

    Symmetric; 1.0 when the token sequences are equal (also when both are empty).

    >>> similarity("Recalling its resolution 77/16,", "Recalling its resolution 78/120,")
    1.0
    >>> round(similarity("Recalling its resolution 77/16,",
    ...                  "Recalling its resolutions 77/16 and 78/120 of 19 December 2023,"), 2)
    0.92
    """
    enc = Encoder()
    ca, cb = enc.encode(a), enc.encode(b)
    return score(
        common(ca, cb), len(ca), len(cb), unmatched_weight=unmatched_weight, growth_weight=growth_weight
    )


LOOP_BELOW = 20_000
"""Matrices with fewer cells are scored in a Python loop: for a few hundred paragraphs that is
cheaper than importing numpy, which ``process.cdist`` needs. Both give the same numbers."""


def common_matrix(old: Sequence[str], new: Sequence[str]) -> list[list[int]]:
    """Return the LCS length of every old x new pair of coded strings."""
    if not old or not new:
        return [[] for _ in old]
    if len(old) * len(new) < LOOP_BELOW:
        lcs = LCSseq.similarity
        return [[int(lcs(a, b)) for b in new] for a in old]
    matrix = process.cdist(old, new, scorer=LCSseq.similarity, dtype="int32", workers=1)
    rows: list[list[int]] = matrix.tolist()
    return rows


def close_pairs(old: Sequence[str], new: Sequence[str], *, cutoff: float) -> list[tuple[float, int, int]]:
    """Return (Indel similarity, i, j) for every pair of coded strings at or above ``cutoff``.

    The prefilter of the alignment: rapidfuzz skips pairs whose lengths alone rule them out.
    Pairs come sorted by i, then j.
    """
    if not old or not new:
        return []
    out: list[tuple[float, int, int]] = []
    if len(old) * len(new) < LOOP_BELOW:
        sim = Indel.normalized_similarity
        for i, a in enumerate(old):
            # float32, as cdist's matrix holds the scores.
            row = array("f", [sim(a, b, score_cutoff=cutoff) for b in new])
            out.extend((score, i, j) for j, score in enumerate(row) if score)
        return out
    matrix = process.cdist(
        old, new, scorer=Indel.normalized_similarity, score_cutoff=cutoff, dtype="float32", workers=1
    )
    for i, j in zip(*matrix.nonzero(), strict=True):
        out.append((float(matrix[i, j]), int(i), int(j)))
    # Two empty strings score 1.0 in rapidfuzz but 0 marks "below cutoff": both are handled above.
    return out
