"""Fast paths of pairing equal the plain ones they replace, on random inputs."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from array import array
from collections.abc import Callable, Sequence

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from redline.align import pairscore
from tests.strategies import sentence, texts_with

# The package re-exports the function `features`, which hides the module of that name.
features = importlib.import_module("redline.pair.features")
score_module = importlib.import_module("redline.pair.score")

_ODD = (
    "a",
    "Z",
    "1",
    " ",
    "_",
    "-",
    "/",
    "79/42",
    "2024",
    "(b)",
    "ß",
    "İ",
    "é",
    "e\u0301",
    "ﬁ",
    "“",
    "”",
    "’",
    "\u2013",
    "\u00a0",
    "\t",
    "\n",
    "٣",
    "²",
    "Ⅻ",
    "½",
    "Σ",
    "\x00",
    "A/RES/79/42",
)
_texts = texts_with(_ODD, max_size=8)


@given(_texts)
def test_body_words_equal_the_regular_expression(texts: list[str]) -> None:
    """Translating and splitting finds exactly the ``[^\\W_]+`` runs of the lower-cased text."""
    for text in texts:
        assert features.body_words(text) == re.findall(r"[^\W_]+", text.lower())


class _PlainCodec:
    """The word codec as first written: new words of each text sorted, coded from U+0101."""

    def __init__(self) -> None:
        self.vocab = {"#": chr(0x100)}

    def encode(self, text: str) -> str:
        words = features.body_words(text)
        for word in sorted(set(words).difference(self.vocab)):
            if any(c.isdigit() for c in word):
                self.vocab[word] = self.vocab["#"]
            else:
                n = len(self.vocab) + 0x100
                self.vocab[word] = chr(n if n < 0xD800 else n + 0x800)
        return "".join(self.vocab[w] for w in words)


def _plain_loop(
    queries: Sequence[str], choices: Sequence[str], fn: Callable[..., float], cutoff: float
) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    for i, q in enumerate(queries):
        row = array("f", [fn(q, c, score_cutoff=cutoff) for c in choices])
        out.extend((i, j, score) for j, score in enumerate(row) if score > 0)
    return out


_titles = st.lists(sentence | st.text(alphabet="ab #<>ord", max_size=12), max_size=6)


@given(
    _titles,
    _titles,
    st.sampled_from(("token_set", "token_sort", "ratio")),
    st.sampled_from((1e-4, 50.0, 55.0, 100.0)),
)
def test_score_rows_equal_one_call_per_cell(
    queries: list[str], choices: list[str], scorer: str, cutoff: float
) -> None:
    """One ``process.extract`` per row scores every cell as one call per cell does, float32 included."""
    fn = pairscore._SCORERS[scorer]
    assert pairscore._loop(queries, choices, fn, cutoff) == _plain_loop(queries, choices, fn, cutoff)


@given(
    st.lists(
        st.sampled_from(
            ("1", "12", "123", "1234", "/", " ", "a", "A/RES/", "79/42", "x/", "\u0663", "_", "\u00e9", "\n")
        ),
        max_size=14,
    ).map("".join)
)
def test_short_references_equal_a_full_scan(text: str) -> None:
    """Starting the scan three characters before the first slash loses no short reference."""
    assert features._short_refs(text) == features._SHORT_REF.findall(text)


def test_indel_is_the_plain_rapidfuzz_score() -> None:
    """Two empty texts are equal; otherwise the score is rapidfuzz's normalised Indel similarity."""
    assert pairscore.sequence_similarity("", "") == 1.0
    assert pairscore.sequence_similarity("ab", "ac") == Indel.normalized_similarity("ab", "ac")


@given(_texts)
def test_word_count_equals_split(texts: list[str]) -> None:
    """Counting where non-space runs begin gives ``len(text.split())``, Unicode white space included."""
    for text in [*texts, " \u2003a\x1cb\x85 c\u3000", "\ud800 x"]:
        assert features.count_words(text) == len(text.split())


@given(_texts)
def test_word_bytes_split_into_the_body_words(texts: list[str]) -> None:
    """The words of `word_bytes` are the UTF-8 of `body_words`, whichever path a text takes."""
    for text in [*texts, "Côte d’Ivoire “and” İstanbul – ΟΔΟΣ", "\ud800Ab\u00a0C"]:
        assert features.word_bytes(text).split() == [
            w.encode("utf-8", "surrogatepass") for w in features.body_words(text)
        ]


def test_no_separator_lower_cases_to_a_word_character() -> None:
    """Blanking a text's non-word characters before lower-casing it is safe: none of them,
    lower-cased, gives a letter or digit (every code point beyond ASCII checked)."""
    word = re.compile(r"[^\W_]")
    bad = [
        hex(code)
        for code in range(0x80, sys.maxunicode + 1)
        if not word.match(chr(code))
        and chr(code).lower() != chr(code)
        and any(word.match(c) for c in chr(code).lower())
    ]
    assert bad == []


@given(_texts, _texts)
def test_body_codec_compares_as_the_plain_codec(old: list[str], new: list[str]) -> None:
    """Coding words as bytes on first sight compares texts exactly as the plain codec does."""
    fast, plain = features.BodyCodec(), _PlainCodec()
    for a in old:
        for b in new:
            expected = pairscore.sequence_similarity(plain.encode(a), plain.encode(b))
            assert pairscore.sequence_similarity(fast.encode(a), fast.encode(b)) == expected


@given(_titles, _titles)
def test_title_word_sets_give_the_plain_overlap(a: list[str], b: list[str]) -> None:
    """Overlap over the word sets kept in the features equals `title_overlap` on the titles, bit for bit."""
    idf = score_module.title_idf([*a, *b])
    for x in a:
        for y in b:
            wx = frozenset(x.split()) - features.STOP_WORDS
            wy = frozenset(y.split()) - features.STOP_WORDS
            assert score_module._overlap(wx, wy, idf) == _plain_overlap(x, y, idf)


def _plain_overlap(a: str, b: str, idf: dict[str, float]) -> float:
    wa, wb = set(a.split()) - features.STOP_WORDS, set(b.split()) - features.STOP_WORDS
    if not wa or not wb:
        return 0.0
    return sum(idf.get(w, 1.0) for w in sorted(wa & wb)) / sum(idf.get(w, 1.0) for w in sorted(wa | wb))


def test_title_overlap_does_not_depend_on_the_hash_seed() -> None:
    """Set order follows the per-process string hash; the summed weights must not (last bit included)."""
    code = (
        "from redline.pair.score import title_idf, title_overlap\n"
        "idf = title_idf(['question of new caledonia', 'question of french polynesia and new caledonia',\n"
        "    'oceans and the law of the sea sustainable fisheries', 'sustainable fisheries and oceans',\n"
        "    'cooperation between the united nations and regional organizations',\n"
        "    'new partnership for africa development', 'the situation in central africa',\n"
        "    'regional cooperation for development in africa and the pacific'])\n"
        "title = 'cooperation sea caledonia law central polynesia partnership'\n"
        "print(title_overlap(title, 'caledonia', idf).hex())\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(6)
    }
    assert len(runs) == 1


@st.composite
def _coded_versions(draw: st.DrawFn) -> tuple[str, str]:
    """A coded text and a revision of it with a few edits, so similarities fall on both sides of 0.9."""
    alphabet = st.sampled_from(["\0", "a", "b", "c", "\u0101", "\u4e00", "\U00010000"])
    old = draw(st.lists(alphabet, max_size=80))
    new = list(old)
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(new)))
        if new and draw(st.booleans()):
            del new[min(at, len(new) - 1)]
        else:
            new.insert(at, draw(alphabet))
    return "".join(old), "".join(new)


@given(_coded_versions() | st.tuples(st.text(max_size=40), st.text(max_size=40)))
def test_content_similarity_equals_the_full_comparison(pair: tuple[str, str]) -> None:
    """Asking rapidfuzz for a high score first gives the full comparison's score, bit for bit."""
    old, new = pair
    assert score_module.content_similarity(old, new) == pairscore.sequence_similarity(old, new)


@given(_texts)
def test_words_and_count_read_once_equal_each_alone(texts: list[str]) -> None:
    """One encoding and one reading of the odd characters gives `word_bytes` and `count_words`."""
    for text in [*texts, "Côte d’Ivoire\u00a0and İstanbul", "a\u2003b “c”", "\ud800 x"]:
        assert features.words_and_count(text) == (features.word_bytes(text), features.count_words(text))
