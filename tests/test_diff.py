"""Word diff: round trip, whole words, canonical chunks, determinism."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import redline.diff
import redline.editscript
from redline.diff import normalize, tokenize, word_diff
from redline.model import Chunk, Op
from tests.strategies import edited_text, redline_text, sentence


def _side(chunks: tuple[Chunk, ...], skip: Op) -> str:
    return "".join(c.text for c in chunks if c.op is not skip)


def _check_invariants(old: str, new: str) -> tuple[Chunk, ...]:
    chunks = word_diff(old, new)
    assert _side(chunks, Op.INSERT) == old
    assert _side(chunks, Op.DELETE) == new
    assert all(c.text for c in chunks)
    assert all(a.op is not b.op for a, b in itertools.pairwise(chunks))
    return chunks


@given(edited_text())
def test_chunks_rebuild_both_texts(pair: tuple[str, str]) -> None:
    """The "=" and "-" chunks give the old text, "=" and "+" the new, for revised texts."""
    _check_invariants(*pair)


@given(st.text(), st.text())
def test_chunks_rebuild_arbitrary_texts(old: str, new: str) -> None:
    """The round trip holds for any two strings, control characters and surrogates aside."""
    _check_invariants(old, new)


@given(redline_text, redline_text)
def test_chunks_rebuild_hostile_texts(old: str, new: str) -> None:
    """The round trip holds for texts full of markup."""
    _check_invariants(old, new)


@given(edited_text())
def test_never_splits_a_word(pair: tuple[str, str]) -> None:
    """Every chunk boundary is a token boundary of the side(s) the chunk belongs to."""
    old, new = pair
    chunks = word_diff(old, new)
    for side_text, skip in ((old, Op.INSERT), (new, Op.DELETE)):
        bounds = {0}
        pos = 0
        for token in tokenize(side_text):
            pos += len(token)
            bounds.add(pos)
        pos = 0
        for chunk in chunks:
            if chunk.op is skip:
                continue
            assert pos in bounds
            pos += len(chunk.text)
        assert pos in bounds


@given(sentence)
def test_identical_texts_are_one_equal_chunk(text: str) -> None:
    """A text compared with itself is a single "=" chunk."""
    assert word_diff(text, text) == (Chunk(Op.EQUAL, text),)


def test_empty_texts_give_no_chunks() -> None:
    assert word_diff("", "") == ()
    assert word_diff("", "Decides;") == (Chunk(Op.INSERT, "Decides;"),)
    assert word_diff("Decides;", "") == (Chunk(Op.DELETE, "Decides;"),)


def test_leading_verb_change_is_one_word_swap() -> None:
    chunks = word_diff(
        "Requests the Commission to prepare a global assessment;",
        "Encourages the Commission to prepare a global assessment;",
    )
    assert chunks == (
        Chunk(Op.DELETE, "Requests"),
        Chunk(Op.INSERT, "Encourages"),
        Chunk(Op.EQUAL, " the Commission to prepare a global assessment;"),
    )


def test_insertion_keeps_surrounding_words() -> None:
    chunks = word_diff(
        "to prepare, in consultation with Member States,",
        "to prepare, within existing resources and in consultation with Member States,",
    )
    assert [(str(c.op), c.text) for c in chunks] == [
        ("=", "to prepare, "),
        ("+", "within existing resources and "),
        ("=", "in consultation with Member States,"),
    ]


def test_hyphenated_words_and_numbers_stay_whole() -> None:
    chunks = word_diff("the Secretary-General in 2043;", "the Director-General in 2044;")
    texts = {c.text.strip() for c in chunks if c.op is not Op.EQUAL}
    assert texts == {"Secretary-General in 2043", "Director-General in 2044"} or texts <= {
        "Secretary-General",
        "Director-General",
        "2043",
        "2044",
    }


def test_tokens_rebuild_text() -> None:
    text = "Recalling its resolution 97/212 of 21 December 2042,\n  “Global” non‑proliferation"
    assert "".join(tokenize(text)) == text
    assert "non‑proliferation" in tokenize(text)
    assert all(re.fullmatch(r"\s+|\S+", t) for t in tokenize(text))


def test_many_distinct_tokens_are_encoded_distinctly() -> None:
    """Rows with more distinct tokens than the BMP private use area still round-trip."""
    old = " ".join(f"w{i}" for i in range(7000))
    new = old.replace("w10 ", "").replace("w6990", "x6990 y")
    chunks = _check_invariants(old, new)
    assert [c.text for c in chunks if c.op is not Op.EQUAL] == ["w10 ", "w6990", "x6990 y"]
    assert chunks == _plain_word_diff(old, new)


def test_normalize_merges_and_orders() -> None:
    pieces = [
        (Op.INSERT, "b"),
        (Op.DELETE, "a"),
        (Op.EQUAL, ""),
        (Op.INSERT, "c"),
        (Op.EQUAL, "d"),
        (Op.EQUAL, "e"),
    ]
    assert normalize(pieces) == (Chunk(Op.DELETE, "a"), Chunk(Op.INSERT, "bc"), Chunk(Op.EQUAL, "de"))


@given(edited_text())
def test_word_diff_is_deterministic(pair: tuple[str, str]) -> None:
    assert word_diff(*pair) == word_diff(*pair)


def test_docstring_examples_run() -> None:
    """The examples in redline.diff's docstrings are true."""
    import doctest

    import redline.diff

    assert doctest.testmod(redline.diff).failed == 0


@given(edited_text(), edited_text())
def test_long_rows_diffed_by_clause_keep_the_guarantees(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    """Above the size limit rows are diffed clause by clause first; every guarantee still holds."""
    old = f"{first[0]}; {second[0]}.\nDecides to act; and"
    new = f"{first[1]}; {second[1]}.\nDecides to act; or"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(redline.diff, "COARSE_ABOVE", 0)
        _check_invariants(old, new)


def test_long_rewritten_rows_stay_fast_and_exact() -> None:
    """Two long rows rewritten clause by clause: equal clauses anchor, changed ones diff by word."""
    clauses = [
        f"Requests the Secretary-General to report on item {i} at its next session;" for i in range(120)
    ]
    old = " ".join(clauses)
    new = " ".join(c.replace("Requests", "Invites") if i % 3 == 0 else c for i, c in enumerate(clauses))
    chunks = _check_invariants(old, new)
    assert [c.text for c in chunks if c.op is Op.DELETE] == ["Requests"] * 40
    assert [c.text for c in chunks if c.op is Op.INSERT] == ["Invites"] * 40


_PLAIN_TOKEN = re.compile(r"\w+(?:[-‐‑'’]\w+)*|\s+|[^\w\s]")
"""The token pattern in its plain form: backtracking runs, words tried first."""


def _plain_word_diff(old: str, new: str) -> tuple[Chunk, ...]:
    """The word diff without shortcuts: tokenise both texts whole, encode, diff, decode by table."""
    if old == new:
        return (Chunk(Op.EQUAL, old),) if old else ()
    old_tokens, new_tokens = _PLAIN_TOKEN.findall(old), _PLAIN_TOKEN.findall(new)
    codes: dict[str, str] = {}
    encoded = redline.diff._encode(old_tokens, codes), redline.diff._encode(new_tokens, codes)
    decode = {char: token for token, char in codes.items()}.__getitem__
    diffs = _plain_edit_script(*encoded)  # merged and cleaned every time
    redline.editscript._DMP.diff_cleanupSemantic(diffs)
    ops = {-1: Op.DELETE, 0: Op.EQUAL, 1: Op.INSERT}
    return normalize((ops[op], "".join(map(decode, text))) for op, text in diffs)


_FEW = st.text(alphabet="ab1 \n-’.\u00a0", max_size=12)
"""Short texts of a few letters, marks and spaces: tokens meet and merge at every cut."""


@st.composite
def shared_ends(draw: st.DrawFn) -> tuple[str, str]:
    """Two revised texts that share a start and an end, cut anywhere (inside words too)."""
    head = draw(_FEW | redline_text | st.sampled_from(("Recalling its", "Decides  that\n")))
    tail = draw(_FEW | redline_text | st.sampled_from((";", " to act;", "\n(a)")))
    old, new = draw(edited_text() | st.tuples(redline_text, redline_text) | st.tuples(_FEW, _FEW))
    return head + old + tail, head + new + tail


@settings(max_examples=300)
@given(edited_text() | shared_ends() | st.tuples(st.text(), st.text()))
def test_word_diff_equals_the_plain_path(pair: tuple[str, str]) -> None:
    """Coding tokens with C-level dict calls and decoding pieces by position change no chunk."""
    assert word_diff(*pair) == _plain_word_diff(*pair)


@given(edited_text() | shared_ends() | st.tuples(st.text(), st.text()))
def test_tokenize_equals_the_plain_pattern(pair: tuple[str, str]) -> None:
    """The possessive token pattern cuts every text as the plain one does."""
    for text in pair:
        assert tokenize(text) == _PLAIN_TOKEN.findall(text)


def test_word_diff_equals_the_plain_path_on_real_paragraphs(corpus: Path) -> None:
    """On real paragraphs of two sessions' texts, paired in order, both paths give the same chunks."""
    from redline.load import read
    from redline.parse import parse

    names = ("A_RES_78_43.txt", "A_RES_79_42.txt")
    docs = [parse(read(str(corpus / "ga" / name)).text, name=name) for name in names]
    old, new = (d.resolutions[0].all_paragraphs() for d in docs)
    for a, b in itertools.product(old[:25], new[:25]):
        assert word_diff(a.text, b.text) == _plain_word_diff(a.text, b.text)


def _script_checks(old: str, new: str) -> list[tuple[int, str]]:
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    script = redline.editscript._edit_script(old, new, dmp)
    assert "".join(t for op, t in script if op <= 0) == old
    assert "".join(t for op, t in script if op >= 0) == new
    assert all(t for _, t in script)
    assert all(a[0] != b[0] for a, b in itertools.pairwise(script))
    # Shortest: as many characters kept as diff-match-patch's own (Myers) search keeps.
    kept = sum(len(t) for op, t in script if op == 0)
    assert kept == sum(len(t) for op, t in dmp.diff_main(old, new, False) if op == 0)
    return script


@settings(max_examples=300)
@given(st.text(alphabet="abcd", max_size=40), st.text(alphabet="abcd", max_size=40))
def test_edit_script_is_shortest_and_merged(old: str, new: str) -> None:
    """rapidfuzz's script rebuilds both strings, is merged, and keeps a longest common subsequence."""
    _script_checks(old, new)


@given(edited_text())
def test_edit_script_on_coded_rows(pair: tuple[str, str]) -> None:
    """The same on coded token rows, the strings the word diff really hands over."""
    old_tokens, new_tokens = tokenize(pair[0]), tokenize(pair[1])
    codes: dict[str, str] = {}
    _script_checks(redline.diff._encode(old_tokens, codes), redline.diff._encode(new_tokens, codes))


@given(edited_text())
def test_rows_past_the_cell_limit_use_the_linear_memory_search(pair: tuple[str, str]) -> None:
    """Past LCS_CELLS diff-match-patch searches instead; every guarantee of the chunks holds."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(redline.editscript, "LCS_CELLS", 0)
        _check_invariants(*pair)
        _script_checks("abcab", "cbabac")


@settings(max_examples=200)
@given(
    edited_text() | shared_ends() | st.tuples(redline_text, redline_text),
    st.lists(_FEW | redline_text, max_size=30),
    st.integers(min_value=1, max_value=40),
)
def test_shared_codes_change_no_chunk(pair: tuple[str, str], earlier: list[str], room: int) -> None:
    """Codes kept from earlier rows, in any state, and fresh tables when the area fills, give the same chunks.

    ``room`` shrinks the code area so that tables fill and are replaced, and rows too big for
    it take codes of their own past it.
    """
    expected = _plain_word_diff(*pair)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(redline.diff, "_SEEN", redline.diff._Codes())
        mp.setattr(redline.diff, "_PRIVATE", redline.diff._PRIVATE[:room])
        for text in earlier:  # earlier rows leave their tokens' codes behind
            word_diff(text, text + " and")
        assert word_diff(*pair) == expected
        assert word_diff(*pair) == expected  # and again, with every token now known
        assert len(redline.diff._SEEN) <= room
        assert len(set(redline.diff._SEEN.values())) == len(redline.diff._SEEN)


def _plain_edit_script(old: str, new: str) -> list[tuple[int, str]]:
    """rapidfuzz's steps as pieces, merged by diff-match-patch every time."""
    from rapidfuzz.distance import Indel

    diffs: list[tuple[int, str]] = []
    for step in Indel.opcodes(old, new):
        if step.tag == "equal":
            diffs.append((0, old[step.src_start : step.src_end]))
        elif step.tag == "delete":
            diffs.append((-1, old[step.src_start : step.src_end]))
        else:
            diffs.append((1, new[step.dest_start : step.dest_end]))
    redline.editscript._DMP.diff_cleanupMerge(diffs)
    return diffs


_SHORT = st.text(alphabet="abcd", max_size=30) | st.text(alphabet="ab", max_size=12)
"""Short strings of few letters: repeats make edits that the merge must slide."""


@settings(max_examples=500)
@given(_SHORT, _SHORT)
def test_edit_script_equals_the_plain_merge(old: str, new: str) -> None:
    """Grouping rapidfuzz's steps and merging only unsettled scripts gives what merging every script gives."""
    assert redline.editscript._edit_script(old, new, redline.editscript._DMP) == _plain_edit_script(old, new)


@given(edited_text() | shared_ends())
def test_edit_script_equals_the_plain_merge_on_coded_rows(pair: tuple[str, str]) -> None:
    """The same on coded token rows."""
    codes: dict[str, str] = {}
    old, new = (redline.diff._encode(tokenize(text), codes) for text in pair)
    assert redline.editscript._edit_script(old, new, redline.editscript._DMP) == _plain_edit_script(old, new)


def _plain_script(old: str, new: str) -> list[tuple[int, str]]:
    diffs = _plain_edit_script(old, new)
    redline.editscript._DMP.diff_cleanupSemantic(diffs)
    return diffs


_CODED = st.text(alphabet="\ue000\ue001\ue002\ue003", max_size=30) | st.text(
    alphabet="\ue000\ue001", max_size=12
)
"""Short strings of few private use characters, as coded rows are: repeats make every pass act."""


@settings(max_examples=1000)
@given(_CODED, _CODED)
def test_script_skips_the_cleanup_only_where_it_does_nothing(old: str, new: str) -> None:
    """Skipping diff_cleanupSemantic, or running only its sliding pass, gives what running it gives."""
    assert redline.editscript._script(old, new, cleanup=True, private=True) == _plain_script(old, new)


@settings(max_examples=300)
@given(_SHORT, _SHORT)
def test_script_of_letters_equals_the_plain_cleanup(old: str, new: str) -> None:
    """Letters (which score otherwise) never skip the cleanup; running only its sliding pass is exact."""
    assert redline.editscript._script(old, new, cleanup=True) == _plain_script(old, new)


@given(edited_text() | shared_ends())
def test_script_of_coded_rows_equals_the_plain_cleanup(pair: tuple[str, str]) -> None:
    """The same on coded token rows."""
    codes: dict[str, str] = {}
    old, new = (redline.diff._encode(tokenize(text), codes) for text in pair)
    assert redline.editscript._script(old, new, cleanup=True, private=True) == _plain_script(old, new)


@st.composite
def lightly_edited(draw: st.DrawFn) -> tuple[str, str]:
    """A string of few private use characters and a copy with a few small insertions and deletions.

    Lone changes in repetitive text are what the cleanup's sliding pass moves.
    """
    alphabet = draw(st.sampled_from(("\ue000\ue001", "\ue000\ue001\ue002", "\ue000\ue001\ue002\ue003")))
    old = draw(st.lists(st.sampled_from(alphabet), min_size=1, max_size=30))
    new = list(old)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(new)))
        if draw(st.booleans()):
            new[at:at] = draw(st.lists(st.sampled_from(alphabet), min_size=1, max_size=3))
        else:
            del new[at : at + draw(st.integers(1, 2))]
    return "".join(old), "".join(new)


@settings(max_examples=1000)
@given(lightly_edited())
def test_script_of_lightly_edited_codes_equals_the_plain_cleanup(pair: tuple[str, str]) -> None:
    """The same on a few small edits of repetitive codes, where changes often slide."""
    assert redline.editscript._script(*pair, cleanup=True, private=True) == _plain_script(*pair)
