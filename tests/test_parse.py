"""Parsing: segmentation into texts, header reading, PP/OP/sub-paragraph addresses, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redline.errors import StructureError
from redline.model import DocKind, Document, Kind
from redline.parse import parse
from redline.parse.accounting import account
from redline.parse.paragraphs import TERMINAL, ends_a_clause
from tests.strategies import clause_endings, paged_resolution, paragraph_texts, pdf_document, un_fragments

FIXTURES = Path(__file__).parent / "fixtures" / "parse"


def _fixture(name: str) -> Document:
    path = FIXTURES / name
    return parse(path.read_text(encoding="utf-8"), name=str(path))


def test_l_document_header_sponsors_title_and_symbol() -> None:
    doc = _fixture("ga_draft.txt")
    (res,) = doc.resolutions
    assert doc.symbol == res.symbol == "A/C.2/99/L.7"
    assert res.title == "Sustainable mountain development and counter-erosion measures"
    assert res.organ == "The General Assembly"
    assert res.provenance is not None
    assert res.provenance.sponsors == (
        "Andorra",
        "Bhutan",
        "Kyrgyzstan",
        "Nepal",
        "Saint Vincent and the Grenadines",
        "Trinidad and Tobago",
    )


def test_addresses_kinds_and_numbers_of_a_draft() -> None:
    (res,) = _fixture("ga_draft.txt").resolutions
    got = [(p.address, p.kind, p.number) for p in res.paragraphs]
    assert got == [
        ("PP1", Kind.PREAMBULAR, None),
        ("PP2", Kind.PREAMBULAR, None),
        ("PP3", Kind.PREAMBULAR, None),
        ("PP4", Kind.PREAMBULAR, None),
        ("OP1", Kind.OPERATIVE, "1"),
        ("OP2", Kind.OPERATIVE, "2"),
        ("OP2(a)", Kind.SUBPARAGRAPH, "(a)"),
        ("OP2(b)", Kind.SUBPARAGRAPH, "(b)"),
        ("OP2(b)(i)", Kind.SUBPARAGRAPH, "(i)"),
        ("OP2(b)(ii)", Kind.SUBPARAGRAPH, "(ii)"),
        ("OP2bis", Kind.OPERATIVE, "2 bis"),
        ("OP3", Kind.OPERATIVE, "3"),
    ]
    op2 = res.paragraphs[5]
    assert op2.text == "Encourages States to adopt long-term, capacity-building strategies, including:"


def test_footnotes_attach_to_the_citing_paragraph() -> None:
    (res,) = _fixture("ga_draft.txt").resolutions
    assert [p.footnotes for p in res.paragraphs[:4]] == [("1",), ("2",), ("3",), ()]
    assert {f.mark: f.text for f in res.footnotes}["3"] == "See A/99/210."


def test_adopted_resolution_label_provenance_closing_and_annex() -> None:
    doc = _fixture("ga_adopted.txt")
    (res,) = doc.resolutions
    assert (res.label, res.title) == ("99/41", "Preventing the spread of small arms and light weapons")
    assert res.provenance is not None and res.provenance.symbols == ("A/99/534",)
    op2 = res.paragraphs[3]
    assert op2.address == "OP2"
    assert op2.text.endswith("including the plan contained in the annex to the present resolution.")
    closing = res.paragraphs[-1]
    assert closing.kind is Kind.OTHER and closing.text == "52nd plenary meeting 5 December 2044"
    (annex,) = res.annexes
    assert (annex.label, annex.title) == ("Annex", "Plan of action")
    assert [p.address for p in annex.paragraphs] == ["Annex/1", "Annex/2"]
    assert not any("Preventing the spread" in p.text for p in res.all_paragraphs())
    assert [r.reason for r in doc.removed if r.text.startswith("Preventing")] == ["running title"]


def test_report_is_split_into_its_texts() -> None:
    doc = _fixture("report.txt")
    labels = [r.label for r in doc.resolutions]
    assert labels == ["Draft resolution I", "Draft resolution II", "Draft decision I"]
    first, second, decision = doc.resolutions
    assert first.title == "Strengthening cooperation against the trafficking of cultural property"
    assert first.organ == "The Economic and Social Council"
    assert [p.address for p in first.paragraphs] == ["PP1", "PP2", "OP1", "OP2"]
    assert first.footnotes[0].text == "A/CONF.999/18, chap. I, resolution 1."
    assert [(p.address, p.number) for p in second.paragraphs] == [("PP1", None), ("OP1", None)]
    assert decision.kind is DocKind.DECISION
    assert [(p.address, p.kind) for p in decision.paragraphs] == [
        ("OP(a)", Kind.OPERATIVE),
        ("OP(b)", Kind.OPERATIVE),
        ("X1", Kind.OTHER),
        ("X2", Kind.OTHER),
        ("X3", Kind.OTHER),
    ]
    outside = [p.text for p in doc.outside]
    assert "Chapter II" in outside
    assert outside[-1].startswith("2. At its 1st meeting")


def test_single_unnumbered_operative_paragraph() -> None:
    (res,) = _fixture("credentials.txt").resolutions
    op = [p for p in res.paragraphs if p.kind is Kind.OPERATIVE]
    assert [(p.address, p.number, p.text) for p in op] == [
        ("OP1", None, "Approves the report of the Credentials Committee.")
    ]


def test_one_sentence_decision_is_its_operative_paragraph() -> None:
    (res,) = _fixture("decision.txt").resolutions
    assert res.kind is DocKind.DECISION
    assert res.organ == "The General Assembly"
    assert res.title == "Programme of work of the Fourth Committee"
    assert [(p.address, p.kind) for p in res.paragraphs] == [("OP1", Kind.OPERATIVE)]
    assert res.paragraphs[0].text.startswith("taking note of the note by the Secretariat, decides")


def test_decision_recorded_by_its_meeting_names_its_organ() -> None:
    """A decision recorded by its meeting names its organ, and no word is counted twice."""
    text = (
        "Resolution 44/1\n\nOcean literacy\n\nThe Commission on Ocean Science,\n\n"
        "1. Decides to promote ocean literacy;\n\n2. Requests a report.\n\n"
        "Decision 44/2\n\nFuture sessions of the Commission\n\n"
        "At its 5th meeting, on 3 May 2044, the Commission on Ocean Science, noting its workload:\n\n"
        "(a) Decided to meet twice a year;\n\n(b) Requested a report on its methods of work.\n"
    )
    doc = parse(text)
    res = doc.resolutions[-1]
    assert res.label == "Decision 44/2"
    assert res.organ == "The Commission on Ocean Science"
    assert [p.address for p in res.paragraphs if p.kind is Kind.OPERATIVE] == ["OP(a)", "OP(b)"]
    assert res.paragraphs[0].text.startswith("At its 5th meeting, on 3 May 2044, the Commission")
    assert account(text, doc).complete


def test_amendment_is_recognised() -> None:
    doc = _fixture("amendment.txt")
    (res,) = doc.resolutions
    assert doc.kind is res.kind is DocKind.AMENDMENT
    assert res.title == "Rights of the child"
    assert res.provenance is not None and res.provenance.symbols == ("A/C.3/99/L.20/Rev.1",)
    assert [p.text for p in res.paragraphs] == ["Delete operative paragraph 9."]
    assert doc.footnotes[0].mark == "*"


def test_plain_prose_becomes_other_paragraphs() -> None:
    prose = "Minutes of the informal consultations held on Tuesday.\n\nThey ended at noon.\n"
    doc = parse(prose, name="m.txt")
    (res,) = doc.resolutions
    assert res.kind is DocKind.OTHER
    assert {p.kind for p in res.paragraphs} == {Kind.OTHER}
    assert account(prose, doc).complete


@pytest.mark.parametrize("text", ["", "   \n\n \t\n"])
def test_empty_input_is_a_one_line_structure_error(text: str) -> None:
    with pytest.raises(StructureError) as info:
        parse(text, name="empty.txt")
    assert str(info.value).startswith("empty.txt: ") and "\n" not in str(info.value)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_fixtures_lose_no_word(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    result = account(text, parse(text))
    assert result.lost == () and result.added == ()


def _canonical(paras: list[str]) -> str:
    body = []
    number = 0
    for text in paras:
        if text.endswith(";"):
            number += 1
            text = f"{number}. {text}"
        body.append(text)
    return "\n\n".join(["The General Assembly,", *body]) + "\n"


@given(pdf_document())
def test_parsing_loses_no_word(text: str) -> None:
    result = account(text, parse(text))
    assert result.lost == ()
    assert result.added == ()


@given(st.text(min_size=1, max_size=300).filter(str.strip))
def test_parsing_any_text_loses_no_word(text: str) -> None:
    result = account(text, parse(text))
    assert result.lost == ()


@given(pdf_document())
def test_addresses_are_unique_within_a_resolution(text: str) -> None:
    for res in parse(text).resolutions:
        addresses = [p.address for p in res.all_paragraphs()]
        assert len(addresses) == len(set(addresses))


@given(paragraph_texts)
def test_canonical_paragraphs_come_back_in_order(drawn: list[str]) -> None:
    paras = sorted(drawn, key=lambda p: p.endswith(";"))  # preambular paragraphs first
    (res,) = parse(_canonical(paras)).resolutions
    assert [p.text for p in res.paragraphs if p.kind is not Kind.OTHER] == [p for p in paras if p.strip()]


@given(un_fragments)
def test_shuffled_fragments_parse_without_loss(text: str) -> None:
    """Headings, numbers, furniture and notes in any order: no error, no word lost, unique addresses."""
    if not text.strip():
        return
    doc = parse(text)
    assert account(text, doc).complete
    for res in doc.resolutions:
        addresses = [p.address for p in res.all_paragraphs()]
        assert len(addresses) == len(set(addresses))


@given(paged_resolution())
def test_paragraphs_survive_page_breaks_and_footnotes(drawn: tuple[str, list[str], list[str]]) -> None:
    """Cleaning and parsing give back exactly the paragraphs a paginated draft was made of."""
    text, preambular, operative = drawn
    (res,) = parse(text).resolutions
    assert [p.text for p in res.paragraphs if p.kind is Kind.PREAMBULAR] == preambular
    assert [p.text for p in res.paragraphs if p.kind is Kind.OPERATIVE] == operative
    assert res.title == "Mountain development"


@given(clause_endings)
def test_clause_ending_test_agrees_with_the_terminal_pattern(text: str) -> None:
    """The strip-and-look test of a paragraph's closing punctuation gives the regular expression's verdict."""
    assert ends_a_clause(text) == (TERMINAL.search(text) is not None)
