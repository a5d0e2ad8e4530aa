"""Provenance read from a session report's narrative: symbols, changes, sponsors, meeting."""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redline import provenance
from redline.load import read
from redline.model import Document, Kind, Paragraph, Provenance, Resolution
from redline.parse import parse
from redline.provenance import attach_report_provenance
from tests.strategies import narrative_text

REPORT = Path(__file__).parent / "fixtures" / "pairs" / "report" / "mini-report.txt"


def _report() -> Document:
    return parse(REPORT.read_text(encoding="utf-8"), name=str(REPORT))


def test_each_pointer_gives_its_text_symbol_change_sponsors_and_meeting() -> None:
    texts = _report().resolutions
    assert [t.label for t in texts] == ["Draft resolution I", "Draft resolution I", "Decision 5/1"]
    first, second, decision = (t.provenance for t in texts)
    assert first == Provenance(
        symbols=("E/CN.99/2012/L.4/Rev.1",),
        changes=("revised", "as orally amended"),
        sponsors=("Fiji", "Indonesia (on behalf of the Group of 77 and China)", "Philippines"),
        meeting="7th meeting, on 12 May 2012",
    )
    assert second is not None and second.symbols == ("E/CN.99/2012/L.6",)
    assert second.changes == ("as revised",)
    assert second.sponsors == ("Chile", "Norway")
    assert second.meeting == "7th meeting, on 12 May 2012", "'At the same meeting' carries the meeting on"
    assert decision == Provenance((), ("introduced orally",), ("Kenya",), "8th meeting")


def test_same_label_in_two_sections_is_told_apart_by_section() -> None:
    """Both texts are 'Draft resolution I'; sect. A and sect. B pick the right one."""
    first, second = _report().resolutions[:2]
    assert first.title is not None and "coral reefs" in first.title
    assert first.provenance is not None and second.provenance is not None
    assert first.provenance.symbols != second.provenance.symbols


def test_sections_fall_back_to_label_order_without_line_numbers() -> None:
    """Without line numbers the letters come from label runs: I, II | I | decision."""
    doc = _report()
    stripped = tuple(
        Resolution(
            r.label,
            r.title,
            r.organ,
            r.symbol,
            tuple(Paragraph(p.kind, p.number, p.address, p.text) for p in r.paragraphs),
            kind=r.kind,
        )
        for r in doc.resolutions
    )
    outside = tuple(Paragraph(Kind.OTHER, None, p.address, p.text) for p in doc.outside)
    again = attach_report_provenance(Document(resolutions=stripped, outside=outside))
    assert [r.provenance for r in again.resolutions] == [r.provenance for r in doc.resolutions]


def test_document_without_pointers_is_unchanged() -> None:
    doc = Document(resolutions=(Resolution("80/6", "A title", None, None, ()),))
    assert attach_report_provenance(doc) is doc


def test_existing_provenance_is_kept_first() -> None:
    doc = _report()
    texts = list(doc.resolutions)
    texts[0] = Resolution(
        texts[0].label,
        texts[0].title,
        texts[0].organ,
        None,
        texts[0].paragraphs,
        provenance=Provenance(symbols=("A/99/L.1",)),
    )
    again = attach_report_provenance(Document(resolutions=tuple(texts), outside=doc.outside))
    prov = again.resolutions[0].provenance
    assert prov is not None and prov.symbols == ("A/99/L.1", "E/CN.99/2012/L.4/Rev.1")


@pytest.mark.corpus
def test_seed_report_all_eighteen_texts_carry_provenance(corpus: Path) -> None:
    """E/2011/30: every text has its source, the narrative's revision note and sponsors."""
    path = corpus / "E-2011-30.txt"
    doc = parse(read(str(path)).text, name=str(path))
    assert len(doc.resolutions) == 18
    provs = [r.provenance for r in doc.resolutions]
    assert all(p is not None for p in provs)
    by_label = {}
    section = "A"
    for r in doc.resolutions:
        if r.label in by_label.get(section, {}):
            section = chr(ord(section) + 1)
        by_label.setdefault(section, {})[r.label] = r.provenance
    assert by_label["B"]["Draft resolution I"].symbols == ("E/CN.15/2011/L.8/Rev.1",)
    assert all(p.meeting for p in provs if p is not None)
    # Every text but the oral decision names its L-document (or, for 20/2, its source report).
    assert sum(1 for p in provs if p is not None and p.symbols) == 17
    # The narrative gives sponsors for all but 20/2 (a budget text adopted on the secretariat's report).
    assert sum(1 for p in provs if p is not None and p.sponsors) == 17
    oral = doc.resolutions[-1].provenance
    assert doc.resolutions[-1].label == "Decision 20/1"
    assert oral is not None and oral.changes == ("introduced orally",) and oral.sponsors == ("Canada",)
    changes = {r.label: r.provenance.changes for r in doc.resolutions[10:] if r.provenance is not None}
    assert changes["Resolution 20/3"] == ("revised", "as further revised")
    assert changes["Resolution 20/7"] == ("as revised",)


def _split_list_by_characters(text: str) -> list[str]:
    """The plain reference: walk the characters, split at "," and " and " outside parentheses."""
    parts: list[str] = []
    depth = 0
    current = ""
    i = 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch == ",":
            parts.append(current)
            current = ""
        elif depth == 0 and text.startswith(" and ", i):
            parts.append(current)
            current = ""
            i += len(" and ") - 1
        else:
            current += ch
        i += 1
    parts.append(current)
    return parts


@given(narrative_text)
def test_sponsor_list_splits_as_the_character_walk_does(text: str) -> None:
    """The regex-driven split of a sponsor list equals the character-by-character reference."""
    assert provenance._split_list(text) == _split_list_by_characters(text)


@given(narrative_text)
def test_meeting_prefilter_never_hides_a_match(text: str) -> None:
    """Skipping texts without "meeting" reads the same meeting as scanning every text."""
    scanned = provenance._MEETING.search(text)
    assert scanned is None or provenance.may_name_meeting(text)


_PLAIN_MEETING = re.compile(
    r"\bAt\s+(?:its|the)\s+(\w+(?:-\w+)?)\s+meeting(?:,\s+(?:held\s+)?on\s+(\d{1,2}\s+\w+(?:\s+\d{4})?))?",
    re.I,
)
"""The meeting pattern as first written, with re.I over the whole of it."""


def _found(m: re.Match[str] | None) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
    return None if m is None else (m.span(), m.groups())


@given(narrative_text)
def test_meeting_pattern_finds_what_the_plain_pattern_finds(text: str) -> None:
    """Skipping to each "a" and spelling the word boundary as a look-behind finds the same match."""
    for start in range(len(text) + 1):
        assert _found(provenance._MEETING.search(text, start)) == _found(_PLAIN_MEETING.search(text, start))


_PLAIN_CHANGES = re.compile(
    r"\bas\s+(?:further\s+|orally\s+)*(?:revised|amended)\b|\b(?:introduced|submitted)\s+orally\b"
    r"|\brevised(?=\s+draft\s+(?:resolution|decision))",
    re.I,
)
_PLAIN_SPONSORS = re.compile(r"\b(?:sponsored|introduced(?:\s+orally)?|submitted)\s+by\s+(.+)", re.I | re.S)
"""The change and sponsor patterns as first written, with re.I over the whole of them."""

_ACTION_WORDS = st.sampled_from(
    [
        "as revised",
        "As Orally Amended",
        "as further  revised",
        "introduced orally",
        "İNTRODUCED orally",
        "submitted ORALLY",
        "ſubmitted orally",
        "ıntroduced by",
        "revised draft resolution",
        "REVİSED draft decision",
        "sponsored by",
        "SPONSORED\nBY",
        "ſponsored by",
        "Colombia (on behalf of Mexico)",
        "xas revised",
        "_as revised",
        "éas amended",
        "as",
        " ",
    ]
)
_ACTIONS = st.lists(_ACTION_WORDS | narrative_text, max_size=8).map(" ".join)


@given(_ACTIONS)
def test_change_and_sponsor_patterns_find_what_the_plain_ones_find(text: str) -> None:
    """Opening with the letters a match can start with finds the matches re.I over the whole finds."""
    assert provenance._CHANGES.findall(text) == _PLAIN_CHANGES.findall(text)
    for start in range(len(text) + 1):
        found = _found(provenance._SPONSORS.search(text, start))
        assert found == _found(_PLAIN_SPONSORS.search(text, start))


def test_odd_case_characters_are_all_that_str_lower_misses() -> None:
    """Every character re.I reads as an ASCII letter lowers to it, or is one of the few listed
    (every code point checked), so a substring test of the lowered text plus those is safe."""
    letter = re.compile("[a-z]", re.I)
    read_as_letters = [c for c in map(chr, range(sys.maxunicode + 1)) if letter.fullmatch(c)]
    lowered = frozenset(string.ascii_lowercase)
    assert {c for c in read_as_letters if c.lower() not in lowered} == set(provenance._CASE_ODD)
    # _MEETING, _CHANGES and _SPONSORS open with these classes in place of a letter under re.I.
    for first, spelt in (("a", "aA"), ("i", "iI\u0130\u0131"), ("s", "sS\u017f"), ("r", "rR")):
        assert {c for c in read_as_letters if re.fullmatch(first, c, re.I)} == set(spelt)
