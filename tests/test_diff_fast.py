"""Word diff of rows with shared ends: the middles-only path gives the plain path's chunks."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

import redline.diff
import redline.editscript
from redline.diff import tokenize, word_diff
from tests.strategies import edited_text, redline_text, revised_rows
from tests.test_diff import _PLAIN_TOKEN, _plain_word_diff, shared_ends

_PAIRS = revised_rows() | shared_ends() | edited_text() | st.tuples(redline_text, redline_text)
"""Rows sharing long ends cut anywhere, revised UN text, and hostile or arbitrary pairs."""


@settings(max_examples=300)
@given(_PAIRS | st.tuples(st.text(), st.text()))
def test_shared_ends_cut_where_both_rows_split_into_tokens(pair: tuple[str, str]) -> None:
    """Each row's tokens are its head's, middle's and tail's; each cut middle keeps a shared token there."""
    old, new = pair
    start, stop = redline.diff._shared_ends(old, new)
    shift = len(new) - len(old)
    assert 0 <= start <= stop <= len(old)
    assert old[:start] == new[:start]
    assert old[stop:] == new[stop + shift :]
    old_mid, new_mid = tokenize(old[start:stop]), tokenize(new[start : stop + shift])
    head, tail = tokenize(old[:start]), tokenize(old[stop:])
    assert tokenize(old) == head + old_mid + tail
    assert tokenize(new) == head + new_mid + tail
    if start:
        assert old_mid and new_mid and old_mid[0] == new_mid[0]
    if stop < len(old):
        assert old_mid and new_mid and old_mid[-1] == new_mid[-1]


_CODES = st.text(alphabet="\ue000\ue001\ue002", max_size=12)
"""Short strings of three private use codes: repeats make every cleanup pass act."""


@settings(max_examples=500)
@given(_CODES, _CODES, _CODES, _CODES)
def test_rapidfuzz_strips_the_common_ends_before_its_search(head: str, old: str, new: str, tail: str) -> None:
    """Unless one middle is a prefix of the other, the rows' steps are the middles' with the ends added."""
    if old.startswith(new) or new.startswith(old):
        return
    ends = len(head) + len(tail)
    middles = cast("list[tuple[str, int, int, int, int]]", Indel.opcodes(old, new).as_list())
    steps = [(tag, a + len(head), b + len(head), c + len(head), d + len(head)) for tag, a, b, c, d in middles]
    if head and steps[0][0] == "equal":
        steps[0] = ("equal", 0, steps[0][2], 0, steps[0][4])
    elif head:
        steps.insert(0, ("equal", 0, len(head), 0, len(head)))
    if tail and steps[-1][0] == "equal":
        steps[-1] = ("equal", steps[-1][1], len(old) + ends, steps[-1][3], len(new) + ends)
    elif tail:
        steps.append(("equal", len(old) + len(head), len(old) + ends, len(new) + len(head), len(new) + ends))
    assert Indel.opcodes(head + old + tail, head + new + tail).as_list() == steps


@st.composite
def coded_middles(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """Head, two middles and tail in private codes, as ``_shared_ends`` cuts rows.

    Under a head the middles start with the same code; over a tail they end with the same code.

    The new middle is arbitrary or the old one with a few small edits, which the sliding pass moves.
    """
    head, tail = draw(_CODES), draw(_CODES)
    first, last = draw(st.sampled_from("\ue000\ue001\ue002")), draw(st.sampled_from("\ue000\ue001\ue002"))
    old = draw(_CODES | st.text(alphabet="\ue000\ue001\ue002", min_size=10, max_size=30))
    if draw(st.booleans()):
        new = draw(_CODES)
    else:
        new = old
        for _ in range(draw(st.integers(1, 2))):
            at = draw(st.integers(0, len(new)))
            cut = draw(st.integers(0, 2))
            fresh = draw(st.text(alphabet="\ue000\ue001\ue002", max_size=2) | st.just(new[at : at + 3]))
            new = new[:at] + fresh + new[at + cut :]  # a copy of what follows can slide through it
    if head:
        old, new = first + old, first + new
    if tail:
        old, new = old + last, new + last
    return head, old, new, tail


@settings(max_examples=800)
@given(coded_middles())
def test_middle_script_is_the_whole_rows_script(parts: tuple[str, str, str, str]) -> None:
    """Where the middles' script is vouched for, adding the ends to its end pieces gives the rows' script."""
    head, old, new, tail = parts
    if old == new:
        return
    middle = redline.editscript._middle_script(old, new)
    if middle is not None:
        whole = redline.editscript._script(head + old + tail, head + new + tail, cleanup=True, private=True)
        assert _with_ends(middle, head, tail) == whole


def _with_ends(script: list[tuple[int, str]], head: str, tail: str) -> list[tuple[int, str]]:
    """Add the head to the first piece and the tail to the last, both equal where there is one."""
    out = list(script)
    if head:
        assert out[0][0] == 0
        out[0] = (0, head + out[0][1])
    if tail:
        assert out[-1][0] == 0
        out[-1] = (0, out[-1][1] + tail)
    return out


@settings(max_examples=300)
@given(_PAIRS)
def test_word_diff_of_rows_with_shared_ends_equals_the_plain_path(pair: tuple[str, str]) -> None:
    """Diffing only the middles (or the whole rows, where that is not vouched for) changes no chunk."""
    assert word_diff(*pair) == _plain_word_diff(*pair)


@settings(max_examples=100)
@given(_PAIRS, st.sampled_from((0, 40, 400)), st.sampled_from((0, 30, 900)))
def test_size_limits_hold_for_the_whole_rows(pair: tuple[str, str], coarse: int, cells: int) -> None:
    """The whole rows' sizes, not the middles', choose the clause-first and linear-memory searches."""
    old, new = pair
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(redline.diff, "COARSE_ABOVE", coarse)
        mp.setattr(redline.editscript, "LCS_CELLS", cells)
        if old != new and old and new:
            assert word_diff(old, new) == redline.diff._whole_diff(tokenize(old), tokenize(new))


def test_typical_revisions_take_the_middle_path() -> None:
    """A row revised in its middle is diffed from its middle alone, with the same chunks."""
    old = (
        "Requests the Secretary-General to submit to the General Assembly at its eighty-first session "
        "a report on the implementation of the present resolution, including on the Member States’ views;"
    )
    new = old.replace("a report on", "a comprehensive report on").replace("the present", "this")
    start, stop = redline.diff._shared_ends(old, new)
    assert 0 < start < stop < len(old)

    def whole_rows(*_: object) -> None:
        raise AssertionError("the whole rows were diffed")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(redline.diff, "_whole_diff", whole_rows)
        chunks = word_diff(old, new)
    assert chunks == _plain_word_diff(old, new)
    assert [c.text for c in chunks if c.op != "="] == ["comprehensive ", "the present", "this"]


def test_code_table_codes_each_new_token_once_and_fills() -> None:
    """Looking a token up codes it with the next free code; a full area raises KeyError."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(redline.diff, "_PRIVATE", redline.diff._PRIVATE[:3])
        table = redline.diff._Codes()
        assert "".join(map(table.__getitem__, ["a", "b", "a", "c"])) == "\ue000\ue001\ue000\ue002"
        assert table == {"a": "\ue000", "b": "\ue001", "c": "\ue002"}
        with pytest.raises(KeyError):
            table["d"]
        assert table["b"] == "\ue001"


def _strings(alphabet: str, most: int) -> list[str]:
    return ["".join(chars) for size in range(most + 1) for chars in itertools.product(alphabet, repeat=size)]


@pytest.mark.parametrize(("alphabet", "most"), [("\ue000\ue001", 6), ("\ue000\ue001\ue002", 4)])
def test_middle_script_is_the_whole_rows_script_on_every_small_case(alphabet: str, most: int) -> None:
    """Every pair of short middles of two or three codes, under heads and tails that slides can reach."""
    middles = _strings(alphabet, most)
    ends = ("", "\ue000", "\ue001\ue000", "\ue000\ue001\ue000", "\ue002\ue000")
    vouched = 0
    for old, new in itertools.product(middles, middles):
        if old == new:
            continue
        middle = redline.editscript._middle_script(old, new)
        if middle is None:
            continue
        for head, tail in itertools.product(ends, ends):
            if (head and old[:1] != new[:1]) or (tail and old[-1:] != new[-1:]):
                continue
            whole = redline.editscript._script(
                head + old + tail, head + new + tail, cleanup=True, private=True
            )
            assert _with_ends(middle, head, tail) == whole, (head, old, new, tail)
            vouched += 1
    assert vouched > 10_000


_PRINTABLE_PART = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"))
    | st.sampled_from("_-‐‑'’½٣\u0301.,;()“”/"),
    min_size=1,
    max_size=8,
)
"""A part of a single-spaced text: printable, no white space; word characters, marks, joiners, ``_``."""


@settings(max_examples=200)
@given(
    st.lists(_PRINTABLE_PART | st.sampled_from(("Secretary-General", "States’", "(a)", "2043;")), max_size=20)
)
def test_tokenize_of_single_spaced_text_equals_the_pattern(parts: list[str]) -> None:
    """Splitting at single spaces and testing parts for word characters cuts as the pattern does."""
    text = " ".join(parts)
    assert tokenize(text) == _PLAIN_TOKEN.findall(text)


@given(revised_rows())
def test_tokenize_of_revised_rows_equals_the_pattern(pair: tuple[str, str]) -> None:
    """The same on rows with odd white space, which the pattern alone cuts."""
    for text in pair:
        assert tokenize(text) == _PLAIN_TOKEN.findall(text)


def test_rows_of_real_successive_resolutions_get_the_plain_paths_chunks(corpus: Path) -> None:
    """Every changed row of 60 real session-79 -> session-80 pairs: the same chunks as the plain path."""
    from redline.compare import compare
    from redline.parse import parse

    table = Path(__file__).parent / "fixtures" / "pairs" / "ga79-ga80.tsv"
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    pairs = [(old, new) for old, new, *_ in rows if new != "-"][:60]
    checked = middles = 0
    for old, new in pairs:
        texts = [(corpus / "ga" / f"{stem}.txt").read_text(encoding="utf-8") for stem in (old, new)]
        for diff in compare(parse(texts[0], name=old), parse(texts[1], name=new)).resolutions:
            for row in diff.rows:
                if row.old and row.new and row.old_text != row.new_text:
                    assert row.chunks == _plain_word_diff(row.old_text, row.new_text), (old, new)
                    checked += 1
                    start, stop = redline.diff._shared_ends(row.old_text, row.new_text)
                    middles += bool(start or stop < len(row.old_text))
    assert checked > 600 and middles > checked // 2  # the middles path is what most rows take
