"""Cleaning: page furniture, footnote blocks, glued marks, page-break joins, hyphens, wording."""

from __future__ import annotations

import doctest
import re
import sys
from itertools import accumulate
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import redline.clean
import redline.clean.scan
from redline.clean import clean_document, clean_text
from redline.clean.blocks import (
    _HEADING_LINE,
    _NUMBER_ONLY,
    HEADING_REST,
    Block,
    _fresh,
    _may_be_number,
    _opener,
    _strip_marks,
    bare_number,
    build_blocks,
    continues,
    ends_clause,
    opens_paragraph,
)
from redline.clean.footnotes import RULE_RUN, is_rule
from redline.clean.furniture import PAGE_OPENING, embedded_furniture, page_reason
from redline.clean.marks import Cite, _after_year, _glued, _search, find_cites
from redline.clean.scan import line_start, lines_holding, matching_lines
from redline.clean.text import collapse, glue, join_lines, join_spans
from redline.symbols import is_symbol_line
from tests.strategies import extracted_lines, paged_resolution, pdf_document, un_fragments

FIXTURES = Path(__file__).parent / "fixtures" / "parse"


def _draft() -> str:
    return (FIXTURES / "ga_draft.txt").read_text(encoding="utf-8")


def test_furniture_is_removed_with_a_reason_for_every_line() -> None:
    cleaned = clean_document(_draft())
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["A/C.2/99/L.7"] == "symbol header"
    assert reasons["44-12345 (E)    061044"] == "job number"
    assert reasons["44-12345"] == "job number"
    assert reasons["*4412345*"] == "barcode"
    assert reasons["2/3"] == "page counter"
    assert reasons["Distr.: Limited"] == "distribution"
    assert reasons["Original: English"] == "distribution"
    assert reasons["Agenda item 18 (b)"] == "agenda item"
    assert reasons["ecosystems and their communities"] == "agenda item"
    assert reasons["Ninety-ninth session"] == "session"
    for block in cleaned.blocks:
        assert embedded_furniture(block.text, symbol="A/C.2/99/L.7") is None, block.text


def test_footnotes_are_pulled_out_and_their_marks_detached() -> None:
    cleaned = clean_document(_draft())
    notes = {n.mark: n.text for n in cleaned.footnotes}
    assert notes == {
        "1": "Resolution 97/45, annex.",
        "2": "United Nations, Treaty Series, vol. 9999, No. 12345.",
        "3": "See A/99/210.",
    }
    by_mark = {m: b.text for b in cleaned.blocks for m in b.marks}
    assert by_mark["1"].endswith("Framework for Mountain Resilience,")
    assert "Convention on Mountain Soils, adopted" in by_mark["2"]
    assert "International Year of Mountains and of the work" in by_mark["3"]


def test_a_year_keeps_digits_that_are_no_footnote() -> None:
    """195413 stays whole: the document has no footnote 13."""
    cleaned = clean_document(_draft())
    assert any("3 March 195413 and" in b.text for b in cleaned.blocks)


def test_a_year_with_a_glued_mark_is_split() -> None:
    text = (
        "The General Assembly,\n\nRecalling the Convention, done on 14 May 195414 and\n"
        "in force since 1956,\n__________\n\n14 United Nations, Treaty Series, vol. 249.\n"
    )
    cleaned = clean_document(text)
    assert cleaned.blocks[1].text == "Recalling the Convention, done on 14 May 1954 and in force since 1956,"
    assert cleaned.blocks[1].marks == ("14",)


def test_a_paragraph_cut_by_a_page_break_is_rejoined() -> None:
    cleaned = clean_document(_draft())
    texts = [b.text for b in cleaned.blocks]
    assert any(
        t.endswith("their water supply and their livelihoods, including through landslides and floods,")
        for t in texts
    )
    assert not any(t.startswith("livelihoods") for t in texts)


def test_report_style_footnote_block_ends_where_the_paragraph_resumes() -> None:
    text = (
        " Recalling its resolution 56/119, in which it stipulated that the congresses,1 should\n"
        "be held every five years and invited its bodies to further promote the \n"
        "\n__________________ \n\n 1 Resolution 46/152, annex. \n"
        " 2 Resolution 46/153, spanning a second line of note \n"
        "text without indentation. \n"
        " implementation of the outcomes,\n"
    )
    cleaned = clean_document(text)
    assert [n.text for n in cleaned.footnotes] == [
        "Resolution 46/152, annex.",
        "Resolution 46/153, spanning a second line of note text without indentation.",
    ]
    assert len(cleaned.blocks) == 1
    assert cleaned.blocks[0].text.endswith("to further promote the implementation of the outcomes,")
    assert cleaned.blocks[0].marks == ("1",)


def test_line_end_hyphens_of_compounds_are_kept() -> None:
    assert glue("in the area of counter-", "terrorism") == "in the area of counter-terrorism"
    assert (
        glue("the Global Programme against Money-", "Laundering")
        == "the Global Programme against Money-Laundering"
    )
    assert glue("non\u2011", "proliferation") == "non\u2011proliferation"
    assert glue("1 August 2012 –", "31 July") == "1 August 2012 – 31 July"


def test_wording_is_never_changed() -> None:
    para = "Welcoming the “Global Compact” and non\u2011proliferation efforts of the programme,"
    cleaned = clean_document(f"The General Assembly,\n\n{para}\n")
    assert cleaned.blocks[1].text == para


def test_digits_are_not_detached_without_a_footnote() -> None:
    text = "The General Assembly,\n\nRecalling the Strategy5 and the World,2\n"
    assert [b.text for b in clean_document(text).blocks][1] == "Recalling the Strategy5 and the World,2"


def test_clean_text_renders_one_paragraph_per_line_and_notes_last() -> None:
    out = clean_text(_draft())
    paragraphs = out.split("\n\n")
    assert paragraphs[0].startswith("Andorra, Bhutan")
    assert out.endswith(
        "__________\n1 Resolution 97/45, annex.\n \n"
        "2 United Nations, Treaty Series, vol. 9999, No. 12345.\n \n3 See A/99/210.\n"
    )


@given(pdf_document())
def test_cleaning_is_idempotent_on_documents(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.text(max_size=400))
def test_cleaning_is_idempotent_on_any_text(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@given(un_fragments)
def test_cleaning_is_idempotent_on_shuffled_fragments(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


def test_a_spaced_mark_is_detached_but_a_date_is_not() -> None:
    text = (
        "The General Assembly,\n\nWelcoming the meeting held in New York on 12 June 2043 and the\n"
        "Convention on Nuclear Material 3 by the Agency, and noting that Protocol; 12 \n"
        "__________\n \n3 Ibid., vol. 1456.\n \n12 See A/99/1.\n"
    )
    block = clean_document(text).blocks[1]
    assert block.marks == ("3", "12")
    assert block.text == (
        "Welcoming the meeting held in New York on 12 June 2043 and the Convention on Nuclear Material"
        " by the Agency, and noting that Protocol;"
    )


def test_notes_spaced_apart_by_empty_lines_stay_one_block() -> None:
    """Markdown and Word exports separate notes by empty lines; every note is still read."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 97/212,1\n\nNoting the report,2\n\n"
        "1. Decides to remain seized of the matter.\n__________________\n1 See A/97/21.\n\n2 See A/97/22.\n"
    )
    cleaned = clean_document(text)
    assert {n.mark: n.text for n in cleaned.footnotes} == {"1": "See A/97/21.", "2": "See A/97/22."}
    by_mark = {m: b.text for b in cleaned.blocks for m in b.marks}
    assert by_mark == {"1": "Recalling its resolution 97/212,", "2": "Noting the report,"}


# The fast paths of cleaning, each held to the plain test it stands in for.

_ENDS_CLAUSE = re.compile(r"[,;:.]\s*[”’\")\]]*\s*$")
"""The plain test :func:`ends_clause` replaces: a search that tries every punctuation mark."""


def _assert_scans_cover(lines: list[str]) -> None:
    """Assert that each scan finds every line its full test accepts."""
    text = "\n".join(lines)
    page = set(matching_lines(redline.clean._OPENINGS, text))
    rules = set(lines_holding(text, RULE_RUN))
    stars = set(lines_holding(text, "*"))
    for index, line in enumerate(lines):
        own = frozenset(part.rstrip("*") for part in line.split())
        if page_reason(line, own) is not None or is_symbol_line(line) or _HEADING_LINE.match(line):
            assert index in page, line
        if is_rule(line):
            assert index in rules, line
        if "*" in line:
            assert index in stars, line


@given(st.lists(st.text(alphabet=st.sampled_from("ab \t\n*_A/1"), max_size=8), max_size=10))
def test_matching_lines_equals_matching_each_line(lines: list[str]) -> None:
    """Scanning the text finds exactly the lines at whose start the pattern matches."""
    lines = [line.replace("\n", "") for line in lines]
    pattern = line_start(r"[^\S\n]*[*_A]")
    expected = [i for i, line in enumerate(lines) if pattern.match("\n" + line)]
    assert matching_lines(pattern, "\n".join(lines)) == expected


@given(st.lists(st.text(alphabet=st.sampled_from("ab \t\n*_"), max_size=8), max_size=10))
def test_lines_holding_equals_testing_each_line(lines: list[str]) -> None:
    lines = [line.replace("\n", "") for line in lines]
    for needle in ("*", "__", "a b"):
        expected = [i for i, line in enumerate(lines) if needle in line]
        assert lines_holding("\n".join(lines), needle) == expected


def test_scan_doctests() -> None:
    assert doctest.testmod(redline.clean.scan).failed == 0


@given(st.lists(extracted_lines(), max_size=12))
def test_scans_find_every_line_the_full_tests_accept(lines: list[str]) -> None:
    _assert_scans_cover(lines)


def test_scans_find_every_furniture_line_of_the_fixtures() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        _assert_scans_cover(path.read_text(encoding="utf-8").split("\n"))


@pytest.mark.corpus
def test_scans_find_every_furniture_line_of_the_corpus(corpus: Path) -> None:
    """Over every line of every real text, no scan misses a line its full test accepts."""
    for path in sorted(corpus.rglob("*.txt")):
        _assert_scans_cover(path.read_text(encoding="utf-8").split("\n"))


@given(st.text(alphabet=st.sampled_from(',;:.”’")]x \t\xa0\u2003'), max_size=12) | st.text())
def test_ends_clause_equals_the_regular_expression(text: str) -> None:
    assert ends_clause(text) == (_ENDS_CLAUSE.search(text) is not None)


@given(st.text(alphabet=st.sampled_from("ab \t\xa0\u2003\x0b\x1c\u2028\xad"), max_size=12) | st.text())
def test_collapse_equals_splitting_and_joining(text: str) -> None:
    assert collapse(text) == " ".join(text.split())


def test_only_the_ascii_space_is_printable_white_space() -> None:
    """collapse() relies on it: a printable text holds no white space but the ASCII space."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]


_NUMBER_TEXT = st.from_regex(_NUMBER_ONLY, fullmatch=True) | st.text(
    alphabet="0123456789 .()abivx", max_size=14
)


@given(_NUMBER_TEXT | st.from_regex(_NUMBER_ONLY))
def test_a_bare_number_opens_as_group_spans_expects(text: str) -> None:
    if _NUMBER_ONLY.match(text):
        assert _may_be_number(text.lstrip()[:1])
        assert len(text.split()) <= 2  # group_spans drops a block of three words from the test


@given(_NUMBER_TEXT)
def test_bare_number_equals_the_regular_expression_on_collapsed_text(text: str) -> None:
    """The length guard never rejects a collapsed text that ``_NUMBER_ONLY`` matches."""
    collapsed = collapse(text)
    assert bare_number(collapsed) == (_NUMBER_ONLY.match(collapsed) is not None)


def test_a_mark_cited_again_before_the_next_mark_is_detached_twice() -> None:
    """The second citation is sought only up to the next mark's line, and still found there."""
    lines = ["adopted the Convention,1 and", "the Convention,1 again with 2", "the Protocol,2"]
    cites = find_cites([0, 1, 2], lines, ["1", "2"])
    assert [(c.line, c.mark) for c in cites] == [(0, "1"), (1, "1"), (2, "2")]


def _find_cites_plain(lines: list[str], marks: list[str]) -> list[Cite]:
    """find_cites as first written: every search for a second citation runs to the window's end."""
    firsts: list[tuple[int, int, int, str]] = []
    cursor = (0, 0)
    for mark in marks:
        found = None
        for kind in ("glued", "year", "spaced"):
            found = _search(lines, mark, cursor, kind)
            if found is not None:
                break
        if found is not None:
            firsts.append((*found, mark))
            cursor = (found[0], found[2])
    out: list[Cite] = []
    for pos, (line, start, end, mark) in enumerate(firsts):
        out.append(Cite(line, start, end, mark))
        stop = firsts[pos + 1][:2] if pos + 1 < len(firsts) else None
        at = (line, end)
        while True:
            found_again = [
                c for c in (_search(lines, mark, at, k) for k in ("glued", "year")) if c is not None
            ]
            again = min(found_again, key=lambda c: c[:2]) if found_again else None
            if again is None or (stop is not None and again[:2] >= stop):
                break
            if stop is None and mark.isdigit():
                break
            out.append(Cite(again[0], again[1], again[2], mark))
            at = (again[0], again[2])
    return out


_CITING_WORDS = st.sampled_from(
    ["Convention,1", "World2", "19542", "note 1", "Protocol;", "3", "*", "Denmark*", "and"]
)


@given(
    st.lists(st.lists(_CITING_WORDS, max_size=6).map(" ".join), max_size=6),
    st.lists(st.sampled_from(["1", "2", "3", "*", "**"]), max_size=4, unique=True),
)
def test_find_cites_equals_the_unbounded_search(texts: list[str], marks: list[str]) -> None:
    assert find_cites(range(len(texts)), texts, marks) == _find_cites_plain(texts, marks)


def _glued_plain(mark: str) -> re.Pattern[str]:
    """The glued-mark pattern as first written, compiled for each mark."""
    m = re.escape(mark)
    if mark.startswith("*"):
        return re.compile(rf"(?<=[^\s*]){m}(?![*\w])")
    return re.compile(rf"(?:(?<=[^\W\d_])|(?<=[,;:)\]”’\"])|(?<=\D\.)){m}(?=[\s,.;:)\]”’]|$)")


@given(
    st.text(alphabet=st.sampled_from('1234*a.,;:)”’" \t\n/x-'), max_size=30) | st.text(max_size=30),
    st.sampled_from(["1", "2", "12", "123", "*", "**", "***", "a"]),
    st.integers(0, 31),
)
def test_glued_marks_are_found_where_the_plain_pattern_finds_them(text: str, mark: str, begin: int) -> None:
    spans = list(_glued(text, mark, begin))
    assert spans == [m.span() for m in _glued_plain(mark).finditer(text, begin)]


@given(
    st.text(alphabet=st.sampled_from("12089*a.,;:)/ \t\nx"), max_size=30) | st.text(max_size=30),
    st.sampled_from(["1", "2", "12", "123", "*", "a"]),
    st.integers(0, 31),
)
def test_a_mark_after_a_year_is_found_as_the_plain_pattern_finds_it(text: str, mark: str, begin: int) -> None:
    plain = re.compile(rf"(?<![\w/.])((?:1[89]|20)\d\d){re.escape(mark)}(?=[\s,.;:)]|$)")
    first = next(plain.finditer(text, begin), None)
    assert _after_year(text, mark, begin) == (None if first is None else first.end(1))


@given(st.from_regex(_HEADING_LINE) | st.text(max_size=30))
def test_no_heading_opens_in_lower_case(text: str) -> None:
    """build_blocks skips the heading pattern for a line that opens with a lower-case letter."""
    if text[:1].islower():
        assert _HEADING_LINE.match(text) is None


# The grouping of body lines into blocks, held to the line-by-line loop it replaced.


def _join_plain(parts: list[str]) -> str:
    """join_lines as first written: collapse each line and glue it to the text so far."""
    out = ""
    for part in parts:
        out = glue(out, collapse(part))
    return out


_PIECES = st.lists(
    st.text(alphabet=st.sampled_from("ab1 -\u2010\u2013\u2014\t\xa0\u2003\x0b\u2028\xad,"), max_size=8)
    | extracted_lines(),
    max_size=6,
)


@given(_PIECES)
def test_join_lines_equals_gluing_line_by_line(parts: list[str]) -> None:
    assert join_lines(parts) == _join_plain(parts)


@given(st.lists(_PIECES.map(lambda parts: [part.strip() for part in parts]), max_size=6))
def test_join_spans_equals_joining_each_span(spans: list[list[str]]) -> None:
    """Joining all spans at once gives what joining each gives, whatever white space they hold."""
    parts = [part for span in spans for part in span]
    ends = list(accumulate(map(len, spans)))
    firsts = [end - len(span) for end, span in zip(ends, spans, strict=True)]
    expected = [join_lines(span) for span in spans]
    assert join_spans(parts, firsts, ends) == expected
    assert join_spans(parts, firsts, ends, lasts=[part[-1:] for part in parts]) == expected


def _build_blocks_plain(
    lines: list[str],
    indices: list[int],
    pieces: list[str],
    cites: dict[int, list[tuple[int, int, str]]],
    skipped: set[int],
) -> list[Block]:
    """build_blocks as first written: weigh every body line, carrying the running text along."""
    body = list(zip(indices, pieces, strict=True))
    groups: list[list[int]] = []
    breaks: list[bool] = []
    texts: list[str] = []
    running = ""
    previous = -1
    after_heading = False
    for index, line in body:
        gap = range(previous + 1, index)
        brk = bool(gap) and bool(groups) and any(j in skipped for j in gap)
        clean = _strip_marks(line, cites[index]) if index in cites else line
        heading = _HEADING_LINE.match(clean) is not None
        if not groups:
            new = True
        elif _NUMBER_ONLY.match(running):
            new = False
        elif heading or after_heading:
            new = True
        elif brk:
            new = not continues(running, clean)
        elif gap and any(not lines[j].strip() for j in gap):
            new = True
        else:
            new = _ENDS_CLAUSE.search(running) is not None and (
                opens_paragraph(clean)
                or (clean[:1].isspace() and _fresh(clean, running))
                or (running.endswith((",", ";")) and _opener(clean, strict=True))
            )
        if new:
            groups.append([index])
            breaks.append(brk)
            running = collapse(clean)
            texts.append(running)
        else:
            groups[-1].append(index)
            running = glue(running, collapse(clean))
            texts[-1] = running
        previous = index
        after_heading = heading and "plenary" not in clean
    blocks = []
    for group, brk, text in zip(groups, breaks, texts, strict=True):
        raw = ""
        marks: list[str] = []
        for i in group:
            raw = glue(raw, collapse(lines[i]))
            for _, _, mark in sorted(cites.get(i, ())):
                if mark not in marks:
                    marks.append(mark)
        blocks.append(Block(text, raw, tuple(i + 1 for i in group), tuple(marks), brk))
    return blocks


def _assert_grouping_is_the_plain_one(text: str) -> None:
    """Assert that cleaning ``text`` groups its body lines as the line-by-line loop does."""
    with mock.patch.object(redline.clean, "build_blocks", wraps=build_blocks) as spy:
        cleaned = clean_document(text)
    args, _ = spy.call_args
    assert list(cleaned.blocks) == _build_blocks_plain(*args)


@given(pdf_document() | paged_resolution().map(lambda drawn: drawn[0]) | un_fragments)
def test_blocks_are_grouped_as_line_by_line(text: str) -> None:
    _assert_grouping_is_the_plain_one(text)


@given(
    st.lists(
        extracted_lines() | st.sampled_from(["", " ", "Annex", "5.", "12", "bis.", ")", "”,"]), max_size=14
    )
)
def test_blocks_of_raw_lines_are_grouped_as_line_by_line(lines: list[str]) -> None:
    _assert_grouping_is_the_plain_one("\n".join(lines))


def test_blocks_of_the_fixtures_are_grouped_as_line_by_line() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        _assert_grouping_is_the_plain_one(path.read_text(encoding="utf-8"))


@pytest.mark.corpus
def test_blocks_of_the_corpus_are_grouped_as_line_by_line(corpus: Path) -> None:
    for path in sorted(corpus.rglob("*.txt")):
        _assert_grouping_is_the_plain_one(path.read_text(encoding="utf-8"))


@given(st.lists(st.from_regex(_HEADING_LINE, fullmatch=True) | extracted_lines(), max_size=8))
def test_the_heading_scan_finds_the_heading_lines(lines: list[str]) -> None:
    lines = [line.replace("\n", " ") for line in lines]
    expected = [i for i, line in enumerate(lines) if _HEADING_LINE.match(line)]
    assert matching_lines(line_start(rf"[^\S\n]*{HEADING_REST}"), "\n".join(lines)) == expected
    page = line_start(rf"[^\S\n]*{PAGE_OPENING}")
    assert set(matching_lines(redline.clean._OPENINGS, "\n".join(lines))) == set(expected) | set(
        matching_lines(page, "\n".join(lines))
    )
