"""Change summary: PP/OP counts, leading-verb changes, share unchanged."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from redline.compare import build_rows
from redline.diff import word_diff
from redline.model import Kind, Paragraph, Row, RowKind
from redline.summary import (
    leading_verb,
    row_changes,
    summarize,
    typographic_only,
    unchanged_share,
    verb_changes,
)
from tests.strategies import paragraph_texts


def _op(n: str, text: str) -> Paragraph:
    return Paragraph(Kind.OPERATIVE, n, f"OP{n}", text)


def _pp(n: int, text: str) -> Paragraph:
    return Paragraph(Kind.PREAMBULAR, None, f"PP{n}", text)


def _row(kind: RowKind, old: tuple[Paragraph, ...], new: tuple[Paragraph, ...], **kw: bool) -> Row:
    o = "\n".join(p.text for p in old)
    n = "\n".join(p.text for p in new)
    return Row(kind, old, new, kw.get("moved", False), kw.get("renumbered", False), 0.9, word_diff(o, n))


def test_counts_each_kind_of_change_per_part() -> None:
    rows = (
        _row(RowKind.EQUAL, (_pp(1, "Recalling its resolution,"),), (_pp(1, "Recalling its resolution,"),)),
        _row(RowKind.DELETED, (_pp(2, "Concerned about gaps,"),), ()),
        _row(
            RowKind.CHANGED,
            (_op("1", "Requests a report;"),),
            (_op("2", "Encourages a report;"),),
            renumbered=True,
        ),
        _row(RowKind.INSERTED, (), (_op("1", "Also calls upon States;"),)),
        _row(
            RowKind.EQUAL, (_op("3", "Recognizes science;"),), (_op("5", "Recognizes science;"),), moved=True
        ),
        _row(
            RowKind.CHANGED,
            (_op("2", "Invites States; and requests a report;"),),
            (_op("3", "Invites States;"), _op("4", "Requests a report;")),
        ),
    )
    summary = summarize(rows)
    counts = dict((part, dict(c)) for part, c in summary.counts)
    assert list(counts) == ["PP", "OP"]
    assert counts["PP"] == {**dict.fromkeys(counts["PP"], 0), "unchanged": 1, "deleted": 1}
    assert counts["OP"]["added"] == 1
    assert counts["OP"]["changed"] == 1
    assert counts["OP"]["renumbered"] == 1
    assert counts["OP"]["moved"] == 1
    assert counts["OP"]["split"] == 1
    assert counts["OP"]["unchanged"] == 1
    assert summary.verb_changes == (("OP2", "Requests", "Encourages"),)


def test_merge_counts_as_merged() -> None:
    row = _row(
        RowKind.CHANGED,
        (_op("1", "Invites States;"), _op("2", "Requests a report;")),
        (_op("1", "Invites States and requests a report;"),),
    )
    assert row_changes(row) == ("merged",)


def test_leading_verbs_with_adverbs_and_particles() -> None:
    assert leading_verb("Requests the Secretary-General to report;") == "Requests"
    assert leading_verb("Also requests the Secretary-General to report;") == "Also requests"
    assert leading_verb("Strongly urges all States;") == "Strongly urges"
    assert leading_verb("Calls upon Member States;") == "Calls upon"
    assert leading_verb("Takes note of the report;") == "Takes note"
    assert leading_verb("") is None


def test_verb_change_ignores_case_and_preambular_rows() -> None:
    rows = (
        _row(RowKind.CHANGED, (_op("1", "Requests a report;"),), (_op("1", "requests a full report;"),)),
        _row(RowKind.CHANGED, (_pp(1, "Recalling x,"),), (_pp(1, "Reaffirming x,"),)),
        _row(RowKind.CHANGED, (_op("2", "Urges States;"),), (_op("2", "Strongly urges States;"),)),
    )
    assert verb_changes(rows) == (("OP2", "Urges", "Strongly urges"),)


def test_unchanged_share_counts_kept_characters() -> None:
    rows = (
        _row(RowKind.CHANGED, (_op("1", "Requests a report;"),), (_op("1", "Encourages a report;"),)),
        _row(RowKind.DELETED, (_op("2", "Decides;"),), ()),
    )
    assert unchanged_share(rows) == len(" a report;") / len("Requests a report;Decides;")
    assert unchanged_share(()) == 1.0
    assert unchanged_share((_row(RowKind.INSERTED, (), (_op("1", "Decides;"),)),)) == 0.0


@given(paragraph_texts)
def test_identical_resolutions_summarize_as_unchanged(texts: list[str]) -> None:
    """Comparing a resolution with itself counts only unchanged paragraphs and keeps all text."""
    paras = tuple(_op(str(i + 1), t) for i, t in enumerate(texts))
    summary = summarize(build_rows(paras, paras))
    for _, counts in summary.counts:
        assert {k for k, v in counts if v} <= {"unchanged"}
    assert summary.verb_changes == ()
    assert summary.unchanged_share == 1.0


def test_docstring_examples_run() -> None:
    """The examples in redline.summary's docstrings are true."""
    import doctest

    import redline.summary

    result = doctest.testmod(redline.summary)
    assert result.attempted > 0 and result.failed == 0


def test_typography_only_changes_count_apart() -> None:
    """A hyphen or quote swapped by typesetting counts as typographic, not as a rewording."""
    rows = (
        _row(
            RowKind.CHANGED,
            (_pp(1, "Recalling the non\u2011proliferation treaty,"),),
            (_pp(1, "Recalling the non-proliferation treaty,"),),
        ),
        _row(
            RowKind.CHANGED,
            (_op("1", "Decides on the “Global Compact”;"),),
            (_op("1", 'Decides on the "Global Compact";'),),
        ),
        _row(
            RowKind.CHANGED,
            (_op("2", "Decides on the non\u2011proliferation;"),),
            (_op("2", "Decides on the proliferation;"),),
        ),
    )
    counts = dict((part, dict(c)) for part, c in summarize(rows).counts)
    assert counts["PP"]["typographic"] == 1 and counts["PP"]["changed"] == 0
    assert counts["OP"]["typographic"] == 1 and counts["OP"]["changed"] == 1


def _typographic_by_key(old: str, new: str) -> bool:
    """The plain definition: NFKC, fold the typography table, collapse white space, compare."""
    import unicodedata

    from redline.summary import _TYPOGRAPHY

    def key(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).split())

    return old != new and key(old) == key(new)


_TYPESET = st.text(alphabet="ab Ａ ﬁfi-‐‑–−'‘’\"“”\u00ad\u200b\u00a0\n\u0301e", max_size=12)
"""Short texts of letters, dashes, quotes, invisible marks, spaces and a combining accent."""


@given(
    st.tuples(_TYPESET, _TYPESET)
    | st.tuples(st.text(), st.text())
    | paragraph_texts.map(lambda t: (" ".join(t), " ".join(t).replace(" ", "  ").replace("-", "\u2011")))
)
def test_typographic_only_equals_the_plain_definition(pair: tuple[str, str]) -> None:
    """The fast check (ASCII texts only split, the table applied only when needed) agrees with the key."""
    old, new = pair
    expected = _typographic_by_key(old, new)
    # The row's own chunks, none, and chunks of other texts: only the texts decide.
    for chunks in (word_diff(old, new), (), word_diff(new, old), word_diff(old + "x", "y" + new)):
        row = Row(RowKind.CHANGED, (_pp(1, old),), (_pp(1, new),), False, False, 0.9, chunks)
        assert typographic_only(row) == expected


def _changes_by_sorting(row: Row) -> tuple[str, ...]:
    """The plain definition: collect the row's counters, then sort them into CHANGES order."""
    from redline.summary import CHANGES

    out = [row_changes(Row(row.kind, row.old, row.new, False, False, 0.9, row.chunks))[0]]
    out += ["moved"] * row.moved + ["renumbered"] * row.renumbered
    return tuple(sorted(out, key=CHANGES.index))


@given(
    st.sampled_from(RowKind),
    st.integers(0, 2),
    st.integers(0, 2),
    st.booleans(),
    st.booleans(),
    st.sampled_from(("Decides to act;", "Decides to act now;", "Decides  to act;")),
)
def test_row_changes_come_in_summary_order(
    kind: RowKind, olds: int, news: int, moved: bool, renumbered: bool, new_text: str
) -> None:
    """Whatever the row's kind, sides, move and renumbering, its counters are in CHANGES order."""
    old = tuple(_op(str(i), "Decides to act;") for i in range(olds))
    new = tuple(_op(str(i), new_text) for i in range(news))
    row = Row(kind, old, new, moved, renumbered, 0.9, ())
    assert row_changes(row) == _changes_by_sorting(row)


_PARAS = st.lists(st.text(max_size=12), max_size=3)


@given(st.lists(st.tuples(_PARAS, _PARAS)))
def test_unchanged_share_and_typography_equal_their_plain_forms(
    sides: list[tuple[list[str], list[str]]],
) -> None:
    """Summing paragraph lengths and reading a lone paragraph's own text change no figure."""
    rows = []
    for old_texts, new_texts in sides:
        old = tuple(_op(str(i), t) for i, t in enumerate(old_texts))
        new = tuple(_op(str(i), t) for i, t in enumerate(new_texts))
        rows.append(Row(RowKind.CHANGED, old, new, False, False, 0.5, word_diff(*_texts(old, new))))
    kept = sum(len(c.text) for row in rows for c in row.chunks if c.op == "=")
    total = sum(len(row.old_text) for row in rows)
    plain = (1.0 if all(not row.new_text for row in rows) else 0.0) if total == 0 else kept / total
    assert unchanged_share(rows) == plain
    for row in rows:
        alike = row.old_text.split() == row.new_text.split()  # the ASCII and plain-space case
        if row.old_text.isascii() and row.new_text.isascii() and row.old and row.new:
            assert typographic_only(row) is (row.old_text != row.new_text and alike)


def _texts(old: tuple[Paragraph, ...], new: tuple[Paragraph, ...]) -> tuple[str, str]:
    return "\n".join(p.text for p in old), "\n".join(p.text for p in new)


def _leading_verb_of_all_words(text: str) -> str | None:
    """The plain definition: every word of the first 120 characters, then the adverbs and verb."""
    from redline.summary import _ADVERBS, _PARTICLES

    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text[:120])
    if not words:
        return None
    taken = 0
    while taken < len(words):
        two = " ".join(words[taken : taken + 2]).lower()
        if two in _ADVERBS and taken + 2 < len(words):
            taken += 2
        elif words[taken].lower() in _ADVERBS and taken + 1 < len(words):
            taken += 1
        else:
            break
    verb = words[taken : taken + 1]
    following = words[taken + 1 : taken + 2]
    if verb and following and following[0].lower() in _PARTICLES.get(verb[0].lower(), ()):
        verb = [verb[0], following[0]]
    return " ".join(words[:taken] + verb) or None


_VERB_WORDS = st.sampled_from(
    [
        "Also",
        "also",
        "Once",
        "again",
        "Again",
        "Strongly",
        "STRONGLY",
        "further",
        "Reiterates",
        "and",
        "Welcomes",
        "urges",
        "Calls",
        "upon",
        "on",
        "Takes",
        "note",
        "Notes",
        "with",
        "non-State",
        "-",
        "Décide",
        "ſtrongly",
        "2",
        "_",
        ",",
        "(a)",
        "x" * 40,
    ]
)


@given(
    st.lists(_VERB_WORDS, max_size=14).map(" ".join)
    | st.lists(_VERB_WORDS | st.text(max_size=4), max_size=10).map("".join)
    | st.text(max_size=30)
)
def test_leading_verb_reads_only_the_words_it_needs(text: str) -> None:
    """Reading three words past the adverbs taken (ASCII texts with a plain class) finds the
    verb that reading every word of the first 120 characters finds."""
    assert leading_verb(text) == _leading_verb_of_all_words(text)
