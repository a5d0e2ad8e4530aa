"""Fast paths of the alignment equal the plain ones they replace, on random inputs.

The references below are the code as first written (cell by cell, token by token); the
package runs faster code that must give exactly the same results, floats included.
"""

from __future__ import annotations

import re
import sys
import threading
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from redline.align import anchors, coding, core, dp, encoder, measure
from redline.align.coding import tokens
from redline.align.dp import Group, solve
from redline.align.encoder import Encoder
from redline.align.generate import address_all
from redline.align.measure import common, common_matrix, gains, unmatched
from redline.align.options import AlignOptions
from redline.model import Kind, Link, Paragraph
from tests.strategies import texts_with

_NEG = float("-inf")
_TIE = 1e-9
_PAIR, _DEL, _INS, _SPLIT, _MERGE = range(5)


def reference_codes(texts: Sequence[str]) -> list[str]:
    """Code `tokens` one by one, each new token the next character from U+0000."""
    codes: dict[str, str] = {}
    return ["".join(codes.setdefault(tok, chr(len(codes))) for tok in tokens(t)) for t in texts]


def canonical(coded: Sequence[str]) -> list[str]:
    """Recode coded strings by first sight: equal for two codings that agree on which tokens are equal."""
    codes: dict[str, str] = {}
    return ["".join(codes.setdefault(c, chr(len(codes))) for c in s) for s in coded]


def reference_solve(
    old: Sequence[str],
    new: Sequence[str],
    *,
    weight: float,
    growth: float,
    group_penalty: float,
    band: int | None = None,
    path: Sequence[tuple[int, int]] = (),
    numbers: tuple[Sequence[frozenset[str]], Sequence[frozenset[str]]] | None = None,
    number_bonus: float = 0.0,
) -> list[Group]:
    """The DP as first written, cell by cell: what `solve` must equal."""
    n, m = len(old), len(new)
    nums_old, nums_new = numbers if numbers is not None else ([frozenset()] * n, [frozenset()] * m)
    if n == 0 or m == 0:
        return []
    lcs = _lcs_lookup(old, new, full=band is None)
    lo, hi = dp._bounds(n, m, band, path)

    def gain(a: str, b: str, common_words: float) -> float:
        return common_words - weight * unmatched(common_words, len(a), len(b), growth_weight=growth)

    def tie(i: int, j: int) -> float:
        # Among equal gains prefer pairs near the start, then near the diagonal: a rule that
        # reads the same with old and new swapped, so swapping sides swaps the result.
        return _TIE * (i + j + abs(i - j) / (n + m + 1))

    score: list[list[float]] = []
    back: list[list[int]] = []
    for i in range(n + 1):
        width = hi[i] - lo[i] + 1
        srow = [_NEG] * width
        brow = [_DEL] * width
        for j in range(lo[i], hi[i] + 1):
            best, step = (0.0, _DEL) if i == 0 and j == 0 else (_NEG, _DEL)
            if i > 0:
                prev = _get(score, lo, hi, i - 1, j - 1)
                if prev > _NEG:
                    g = _NEG
                    if j > 0:
                        g = gain(old[i - 1], new[j - 1], lcs(i - 1, j - 1))
                        if g > 0:
                            g += number_bonus * len(nums_old[i - 1] & nums_new[j - 1])
                    if g > 0 and prev + g - tie(i, j) > best:
                        best, step = prev + g - tie(i, j), _PAIR
                prev = _get(score, lo, hi, i - 1, j)
                if prev > best:
                    best, step = prev, _DEL
            if j > 0:
                prev = srow[j - 1 - lo[i]] if j - 1 >= lo[i] else _NEG
                if prev > best:
                    best, step = prev, _INS
            if i > 0 and j > 1:
                prev = _get(score, lo, hi, i - 1, j - 2)
                if (
                    prev > _NEG
                    and _kept(nums_new[j - 2], nums_old[i - 1])
                    and _kept(nums_new[j - 1], nums_old[i - 1])
                ):
                    g = _group_gain(
                        old[i - 1], (new[j - 2], new[j - 1]), lcs(i - 1, j - 2), lcs(i - 1, j - 1), gain
                    )
                    shared = nums_old[i - 1] & (nums_new[j - 2] | nums_new[j - 1])
                    g += number_bonus * len(shared) - group_penalty - tie(i, j)
                    if g > 0 and prev + g > best:
                        best, step = prev + g, _SPLIT
            if i > 1 and j > 0:
                prev = _get(score, lo, hi, i - 2, j - 1)
                if (
                    prev > _NEG
                    and _kept(nums_old[i - 2], nums_new[j - 1])
                    and _kept(nums_old[i - 1], nums_new[j - 1])
                ):
                    g = _group_gain(
                        new[j - 1], (old[i - 2], old[i - 1]), lcs(i - 2, j - 1), lcs(i - 1, j - 1), gain
                    )
                    shared = nums_new[j - 1] & (nums_old[i - 2] | nums_old[i - 1])
                    g += number_bonus * len(shared) - group_penalty - tie(i, j)
                    if g > 0 and prev + g > best:
                        best, step = prev + g, _MERGE
            srow[j - lo[i]] = best
            brow[j - lo[i]] = step
        score.append(srow)
        back.append(brow)
    return dp._trace(back, lo, n, m)


def _kept(part: frozenset[str], one: frozenset[str]) -> bool:
    """Whether a part of a split or merge keeps at least a third of its numbers (if it has 3+)."""
    return len(part) < 3 or 3 * len(part & one) >= len(part)


def _group_gain(
    one: str,
    two: tuple[str, str],
    first: int,
    second: int,
    gain: Callable[[str, str, float], float],
) -> float:
    """Gain of one paragraph against two joined, computed only when its bound can win."""
    # Each part must mostly be found in the one paragraph, or a pair plus a neighbour's
    # stray common words would pass for a split.
    if 2 * first < len(two[0]) or 2 * second < len(two[1]):
        return _NEG
    joined = two[0] + two[1]
    bound = min(len(one), first + second)
    alone = max(gain(one, two[0], first), gain(one, two[1], second), 0.0)
    if first == 0 or second == 0 or gain(one, joined, bound) <= alone:
        return _NEG
    return gain(one, joined, common(one, joined))


def _lcs_lookup(old: Sequence[str], new: Sequence[str], *, full: bool) -> Callable[[int, int], int]:
    if full:
        matrix = common_matrix(old, new)
        return lambda i, j: matrix[i][j]
    cache: dict[tuple[int, int], int] = {}

    def lookup(i: int, j: int) -> int:
        key = (i, j)
        value = cache.get(key)
        if value is None:
            value = cache[key] = common(old[i], new[j])
        return value

    return lookup


def _get(score: list[list[float]], lo: list[int], hi: list[int], i: int, j: int) -> float:
    if j < lo[i] or j > hi[i]:
        return _NEG
    return score[i][j - lo[i]]


# --- Tokens ---------------------------------------------------------------------------------

_ODD = (
    "a",
    "Z",
    "1",
    "9",
    " ",
    "  ",
    "-",
    "/",
    ".",
    "'",
    "_",
    "(",
    ")",
    "5.",
    "(b)",
    "(iv)",
    "bis",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
    "\u00ad",
    "\u00a0",
    "\t",
    "\n",
    "\u2028",
    "ß",
    "İ",
    "é",
    "e\u0301",
    "ﬁ",
    "“",
    "”",
    "’",
    "٣",
    "²",
    "Ⅻ",
    "eightieth",
    "twenty-first",
    "43rd",
    "A/79/138",
    "resolutions",
    "Recalling",
    "States'",
    "x.y",
    "--",
    "a-/b",
    "\x00",
    "\x1f",
)
_texts = texts_with(_ODD, max_size=12)


@given(_texts)
def test_encoder_codes_tokens_one_by_one(texts: list[str]) -> None:
    """Chunked, cached encoding codes equal tokens alike and different tokens apart."""
    encoder = Encoder()
    assert canonical([encoder.encode(t) for t in texts]) == reference_codes(texts)


@given(_texts, _texts)
def test_encoder_batches_repeats_and_shared_chunks(first: list[str], second: list[str]) -> None:
    """A batch, texts seen before and chunks shared across texts code as one text at a time."""
    texts = [*first, *second, *first]
    encoder = Encoder()
    coded = [*encoder.encode_all(first), *encoder.encode_all([*second, *first])]
    assert canonical(coded) == reference_codes(texts)
    assert encoder.encode_all(texts) == coded


def test_encoder_gives_low_codes_first() -> None:
    """Tokens are coded from U+0001 in order of first sight, so rapidfuzz takes its fast path."""
    assert Encoder().encode_all(["Decides to act", "to act"]) == ["\x01\x02\x03", "\x02\x03"]


# --- The DP ---------------------------------------------------------------------------------

_coded = st.text(alphabet="abcdefgh", max_size=12)
_numbers = st.frozensets(st.sampled_from(("1", "2", "3", "4", "5")), max_size=4)


@st.composite
def _problems(draw: st.DrawFn) -> tuple[list[str], list[str], dict[str, object]]:
    old = draw(st.lists(_coded, max_size=9))
    new = draw(st.lists(_coded, max_size=9))
    mode = draw(st.sampled_from(("random", "edits", "splits")))
    if mode == "edits":
        # Revisions: many new strings are edits of old ones, as in real stretches.
        new = [a[: draw(st.integers(0, len(a)))] + b for a, b in zip(old, new, strict=False)] + new[
            len(old) :
        ]
    elif mode == "splits":
        # Old strings cut in two, and pairs of old strings joined: splits and merges.
        new = []
        k = 0
        while k < len(old):
            cut = draw(st.integers(0, 3))
            if cut == 0 and k + 1 < len(old):
                new.append(old[k] + old[k + 1])
                k += 2
                continue
            at = draw(st.integers(0, len(old[k])))
            new.extend((old[k][:at], old[k][at:]) if cut == 1 else (old[k] + draw(_coded),))
            k += 1
    kw: dict[str, object] = {
        "weight": draw(st.sampled_from((1 / 3, 0.25, 1.0))),
        "growth": draw(st.sampled_from((0.35, 1.0, 0.0))),
        "group_penalty": draw(st.sampled_from((1.0, 0.0, 2.5))),
        "number_bonus": draw(st.sampled_from((0.5, 0.0, 1.0))),
    }
    if draw(st.booleans()):
        kw["numbers"] = (
            draw(st.lists(_numbers, min_size=len(old), max_size=len(old))),
            draw(st.lists(_numbers, min_size=len(new), max_size=len(new))),
        )
    if draw(st.booleans()):
        kw["band"] = draw(st.integers(0, 4))
        points = sorted(
            draw(
                st.sets(
                    st.tuples(st.integers(0, max(0, len(old) - 1)), st.integers(0, max(0, len(new) - 1))),
                    max_size=3,
                )
            )
        )
        kw["path"] = [p for k, p in enumerate(points) if all(p[0] > q[0] and p[1] > q[1] for q in points[:k])]
    return old, new, kw


@given(_problems())
def test_solve_equals_the_cell_by_cell_programme(
    problem: tuple[list[str], list[str], dict[str, object]],
) -> None:
    """Row-wise precomputed gains pick the same groups as the plain DP, bands and numbers included."""
    old, new, kw = problem
    assert solve(old, new, **kw) == reference_solve(old, new, **kw)  # type: ignore[arg-type]


@given(
    st.lists(st.integers(0, 40), max_size=8),
    st.integers(0, 40),
    st.sampled_from((1 / 3, 1.0)),
    st.sampled_from((0.35, 0.0, 1.0)),
)
def test_gains_equal_the_unmatched_formula(commons: list[int], a: int, weight: float, growth: float) -> None:
    """A row of gains is, float for float, ``m - weight * unmatched(m, a, b)``."""
    lengths = [max(m, a) + k for k, m in enumerate(commons)]
    commons = [min(m, a) for m in commons]
    expected = [
        m - weight * unmatched(m, a, b, growth_weight=growth) for m, b in zip(commons, lengths, strict=True)
    ]
    assert gains(commons, a, lengths, weight=weight, growth_weight=growth) == expected


# --- Prefilters and white space -------------------------------------------------------------


@given(_texts)
def test_squeeze_equals_split_and_join(texts: list[str]) -> None:
    """`squeeze` gives ``" ".join(text.split())`` whether or not it can skip the split."""
    for text in texts:
        assert coding.squeeze(text) == " ".join(text.split())


def _plain_close_pairs(old: Sequence[str], new: Sequence[str], cutoff: float) -> list[tuple[float, int, int]]:
    out: list[tuple[float, int, int]] = []
    for i, a in enumerate(old):
        row = array("f", [Indel.normalized_similarity(a, b, score_cutoff=cutoff) for b in new])
        out.extend((score, i, j) for j, score in enumerate(row) if score)
    return out


@given(
    st.lists(_coded, max_size=8), st.lists(_coded, max_size=8), st.sampled_from((0.0, 0.5, 2 / 3, 0.8, 1.0))
)
def test_close_pairs_equal_one_call_per_cell(old: list[str], new: list[str], cutoff: float) -> None:
    """One rapidfuzz call per row finds the same pairs and float32 scores as one call per cell."""
    assert measure.close_pairs(old, new, cutoff=cutoff) == _plain_close_pairs(old, new, cutoff)


@given(_texts)
def test_numbers_equal_the_digit_runs(texts: list[str]) -> None:
    """`numbers` finds the ``\\d+`` runs of a text, by translation when it is ASCII."""
    for text in texts:
        assert coding.numbers(text) == frozenset(re.findall(r"\d+", text))


def _plain_unique_pairs(old: Sequence[object], new: Sequence[object]) -> list[tuple[int, int]]:
    count_old = {key: sum(1 for k in old if k == key) for key in old}
    count_new = {key: sum(1 for k in new if k == key) for key in new}
    return sorted(
        (i, new.index(key)) for i, key in enumerate(old) if count_old[key] == 1 and count_new.get(key) == 1
    )


@given(st.lists(st.integers(0, 6), max_size=12), st.lists(st.integers(0, 6), max_size=12))
def test_unique_pairs_equal_counting_each_key(old: list[int], new: list[int]) -> None:
    """Positions from one dict pass (and a count only when a key repeats) give the plain pairs."""
    assert anchors.unique_pairs(old, new) == _plain_unique_pairs(old, new)


@given(st.lists(_coded, max_size=8), st.lists(_coded, max_size=8))
def test_common_matrix_equals_one_call_per_cell(old: list[str], new: list[str]) -> None:
    """One rapidfuzz call per row gives each pair's LCS length, as one call per cell does."""
    assert common_matrix(old, new) == [[common(a, b) for b in new] for a in old]


@given(st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\x00\x7fab.")))
def test_squeeze_equals_split_and_join_on_white_space(text: str) -> None:
    """`squeeze` reads ASCII texts by bytes and others by isprintable, to the same effect."""
    assert coding.squeeze(text) == " ".join(text.split())


def _plain_token(word: str) -> str:
    """A word's comparison token as first written: both patterns tried on every word."""
    if coding._ORDINAL.fullmatch(word):
        return "<ord>"
    if coding._HAS_DIGIT.search(word):
        masked = coding._ORDINAL_SUFFIX.sub("#", coding._DIGITS.sub("#", word))
        return "" if coding._NUMBER_ONLY.fullmatch(masked) else masked
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("es"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_ORDINAL_WORDS = st.sampled_from(
    [
        "first",
        "twenty-first",
        "eightieth",
        "seventy-ninth",
        "hundredth",
        "twelfth",
        "thirteenth",
        "43rd",
        "2nd",
    ]
)


@given(st.lists(_ORDINAL_WORDS | st.text(alphabet="abthrsnd0123٣²ⅫΣ-'", max_size=14) | st.text(max_size=10)))
def test_token_gates_equal_the_plain_patterns(words: list[str]) -> None:
    """The ending gate before the ordinal pattern and the letters-only digit skip lose nothing."""
    for word in words:
        assert coding._token(word.casefold()) == _plain_token(word.casefold())


def test_every_digit_is_no_letter() -> None:
    """The digit skip relies on it: no code point is both alphabetic and a decimal digit."""
    import re
    import sys

    digit = re.compile(r"\d")
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha() and digit.match(c)]


# --- Alignment with one side empty ----------------------------------------------------------


def _plain_align(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> tuple[Link, ...]:
    """`align` without its shortcut for an empty side: the backbone, moves and rows on all."""
    opts = AlignOptions()
    codes = Encoder().encode_all([p.text for p in (*old, *new)])
    old_codes, new_codes = codes[: len(old)], codes[len(old) :]
    groups = core._backbone(old, new, old_codes, new_codes, opts)
    ranks: dict[tuple[int, int], float] = {}
    backbone, moved = core._moves(groups, old_codes, new_codes, opts, ranks)
    return core._rows(old, new, old_codes, new_codes, backbone, moved, opts, ranks)


@given(_texts, st.booleans())
def test_one_empty_side_gives_the_rows_of_the_plain_path(texts: list[str], deleted: bool) -> None:
    """A side with no paragraphs skips coding and pairing, and gives the same rows."""
    paras = address_all([(t, Kind.OPERATIVE) for t in texts])
    old, new = (paras, ()) if deleted else ((), paras)
    assert core.align(old, new) == _plain_align(old, new)


# --- Batched tokens -------------------------------------------------------------------------


def _plain_chunk_tokens(chunk: str) -> list[str]:
    """A chunk's tokens as `tokens` finds them, one word at a time."""
    return [tok for tok in map(coding._token, coding._TOKEN.findall(chunk)) if tok]


def _chunks_of(texts: Sequence[str]) -> list[str]:
    """The chunks `Encoder` cuts texts into: runs of word characters and ``-/.'``."""
    words = " ".join(encoder._words(encoder._fold(t)) for t in texts)
    return words.encode("utf-8", "surrogatepass").translate(encoder._CHUNK_BYTES).decode().split()


_ORDINALS = [
    *(f"{tens}-{unit}" for tens in coding.ORDINAL_TENS for unit in coding.ORDINAL_UNITS),
    *coding.ORDINAL_UNITS,
    *coding.ORDINAL_OTHERS,
    *(f"{stem}teenth" for stem in coding.ORDINAL_TEENS),
    *(f"{stem}tieth" for stem in coding.ORDINAL_TIES),
]
_MARKED = st.lists(
    st.sampled_from([*_ORDINALS[::7], "firsts", "43rd", "a/79/138", "1.5", "states'", "classes", "sing"])
    | st.sampled_from("-/.'")
    | st.text(alphabet="abthrsnd0123٣²_é-", max_size=6),
    min_size=1,
    max_size=5,
).map("".join)


@given(_texts, st.lists(_MARKED, max_size=8))
def test_tokenise_equals_tokens_word_by_word(texts: list[str], marked: list[str]) -> None:
    """Regular expressions over all chunks at once give each chunk's tokens, as `_token` does."""
    chunks = [*_chunks_of(texts), *(c for c in marked if re.fullmatch(r"[\w\-/.']+", c))]
    assert [line.split() for line in encoder.tokenise(chunks)] == [_plain_chunk_tokens(c) for c in chunks]


def test_every_ordinal_is_found_in_a_batch() -> None:
    """The whole-word ordinal pattern finds every word `coding._ORDINAL` matches, and no more."""
    assert all(coding._ORDINAL.fullmatch(word) for word in _ORDINALS)
    assert len(set(_ORDINALS)) == len(_ORDINALS) == 100
    near = [w[:-1] for w in _ORDINALS] + [w + "s" for w in _ORDINALS] + ["x" + w for w in _ORDINALS]
    assert encoder.tokenise([*_ORDINALS, *near]) == ["<ord>"] * 100 + [
        " ".join(_plain_chunk_tokens(w)) for w in near
    ]


@given(st.integers(0, 0xD900), st.integers(0, 3000))
def test_code_points_skip_the_surrogates(start: int, count: int) -> None:
    """Codes numbered from ``start`` are the characters one by one, past the surrogate block."""
    expected = [k if k < 0xD800 else k + 0x800 for k in range(start, start + count)]
    assert list(encoder._code_points(start, start + count)) == expected


@given(_texts)
def test_fold_skips_the_number_search_only_where_it_cannot_match(texts: list[str]) -> None:
    """Texts not starting with white space, a digit or "(" lose no paragraph number unsearched."""
    for text in [*texts, *(f"{lead}{t}" for t in texts for lead in (" 5. ", "(b) ", "٣. ", "\u2003(iv) "))]:
        plain = coding._LEADING_NUMBER.sub("", text.casefold().translate(coding._HYPHENS), count=1)
        assert encoder._fold(text) == plain


def test_encoder_codes_real_paragraphs_as_the_plain_tokens(corpus: Path) -> None:
    """On real texts (every 8th GA file, about 140; all 18 of the report), the batch coding of an
    alignment's paragraphs is `tokens` coded one by one, up to the choice of characters."""
    from redline.parse import parse

    files = [*sorted((corpus / "ga").glob("*.txt"))[::8], corpus / "E-2011-30.txt"]
    for path in files:
        doc = parse(path.read_text(encoding="utf-8"), name=path.name)
        for res in doc.resolutions:
            texts = [p.text for p in res.all_paragraphs()]
            plain: dict[str, str] = {}
            expected = ["".join(plain.setdefault(t, chr(len(plain) + 1)) for t in tokens(x)) for x in texts]
            got = Encoder().encode_all(texts)
            assert [len(g) for g in got] == [len(e) for e in expected], path.name
            # One character for one token, both ways: the codings differ only by a renaming.
            pairs = set(zip("".join(got), "".join(expected), strict=True))
            assert len({a for a, _ in pairs}) == len({b for _, b in pairs}) == len(pairs), path.name


def test_encoders_in_threads_share_the_chunk_table_safely(monkeypatch: pytest.MonkeyPatch) -> None:
    """Threads filling and renewing the process-wide chunk table never lose a chunk they asked for."""
    monkeypatch.setattr(encoder, "_HELD_MAX", 40)
    texts = [
        [f"Requests the w{t}x{k} body-{k % 7} to report on item {k};" for k in range(60)] for t in range(8)
    ]
    expected = [Encoder().encode_all(batch) for batch in texts]
    results: list[list[str]] = [[] for _ in texts]
    failures: list[BaseException] = []

    def work(t: int) -> None:
        try:
            for _ in range(20):
                results[t] = Encoder().encode_all(texts[t])
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(len(texts))]
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads change hands often, inside the table's updates too
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    assert failures == []
    assert results == expected
