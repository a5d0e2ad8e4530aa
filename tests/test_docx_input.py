"""Reading .docx: typed and automatic numbering, footnotes, tracked changes, corpus round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redline.load import Tracked, read, read_bytes
from redline.load.docxnum import format_number
from redline.model import Document, Kind
from redline.parse import parse
from redline.render.docxrev import xml_safe
from tests.fixtures.docx.build import DocxBuilder, typed_docx
from tests.strategies import redline_text


def text_of(data: bytes, tracked: Tracked = Tracked.ACCEPT) -> str:
    return read_bytes(data, "in.docx", tracked=tracked).text


def paragraphs(text: str) -> list[str]:
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def body(doc: Document) -> list[tuple[str, str, tuple[str, ...]]]:
    """(address, text, footnote marks) of every preambular, operative and sub-paragraph."""
    keep = (Kind.PREAMBULAR, Kind.OPERATIVE, Kind.SUBPARAGRAPH)
    return [
        (p.address, p.text, p.footnotes)
        for r in doc.resolutions
        for p in r.all_paragraphs()
        if p.kind in keep
    ]


def test_typed_paragraphs_become_blank_line_separated_blocks() -> None:
    data = typed_docx(["The General Assembly,", "Recalling its resolution 79/42,", "1. Decides to act;"])
    assert text_of(data) == "The General Assembly,\n\nRecalling its resolution 79/42,\n\n1. Decides to act;\n"


def test_automatic_numbering_is_computed_per_level() -> None:
    """Levels count on their own, deeper levels restart under a new parent, and a start override applies."""
    b = DocxBuilder()
    b.numbered("Decides:", 0)
    b.numbered("first;", 1)
    b.numbered("second;", 1)
    b.numbered("detail;", 2)
    b.numbered("Requests:", 0)
    b.numbered("third;", 1)
    b.restart_list("91", 7)
    b.numbered("Invites;", 0, num_id="91")
    assert paragraphs(text_of(b.save())) == [
        "1. Decides:",
        "(a) first;",
        "(b) second;",
        "(i) detail;",
        "2. Requests:",
        "(a) third;",
        "7. Invites;",
    ]


def test_numbering_through_a_paragraph_style() -> None:
    """Word's "List Number" style numbers through the style's own w:numPr."""
    b = DocxBuilder()
    b.document.add_paragraph("Welcomes the report;", style="List Number")
    b.document.add_paragraph("Decides to continue;", style="List Number")
    assert paragraphs(text_of(b.save())) == ["1. Welcomes the report;", "2. Decides to continue;"]


@pytest.mark.parametrize(
    ("n", "fmt", "want"),
    [(1, "decimal", "1"), (4, "lowerRoman", "iv"), (14, "upperRoman", "XIV"), (27, "lowerLetter", "aa")],
)
def test_number_formats(n: int, fmt: str, want: str) -> None:
    assert format_number(n, fmt) == want


@given(st.integers(1, 3999))
def test_roman_numbers_read_back(n: int) -> None:
    """Every lowerRoman label is a valid numeral for its value."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    digits = [values[c] for c in format_number(n, "lowerRoman")]
    total = sum(-d if i + 1 < len(digits) and d < digits[i + 1] else d for i, d in enumerate(digits))
    assert total == n


def test_footnotes_are_glued_and_listed_after_their_paragraph() -> None:
    b = DocxBuilder()
    b.paragraph("The General Assembly,")
    p = b.paragraph("Recalling the Convention,")
    b.footnote(p, "United Nations, Treaty Series, vol. 2445.")
    b.run(p, " and the Protocol,")
    b.footnote(p, "Ibid., vol. 2446.")
    b.paragraph("Committed to act,")
    b.paragraph("1. Decides to act.")
    text = text_of(b.save())
    assert "Recalling the Convention,1 and the Protocol,2\n_______________\n1 United Nations" in text
    res = parse(text).resolutions[0]
    assert [(p.address, p.text, p.footnotes) for p in res.paragraphs] == [
        ("PP1", "Recalling the Convention, and the Protocol,", ("1", "2")),
        ("PP2", "Committed to act,", ()),
        ("OP1", "Decides to act.", ()),
    ]
    assert [(f.mark, f.text) for f in res.footnotes] == [
        ("1", "United Nations, Treaty Series, vol. 2445."),
        ("2", "Ibid., vol. 2446."),
    ]


def tracked_document() -> bytes:
    b = DocxBuilder()
    p = b.paragraph()
    b.run(p, "Urges ")
    b.run(p, "all ", "del")
    b.run(p, "Member ", "ins")
    b.run(p, "States ")
    b.run(p, "promptly ", "moveFrom")
    b.run(p, "to act")
    b.run(p, " promptly", "moveTo")
    b.run(p, ";")
    first = b.paragraph()
    b.run(first, "Decides to act")
    b.mark(first, "del")  # accepting joins this paragraph with the next
    b.paragraph(" and to report.")
    added = b.paragraph()
    b.run(added, "Invites views;", "ins")
    b.mark(added, "ins")
    return b.save()


def test_tracked_changes_accepted() -> None:
    assert paragraphs(text_of(tracked_document(), Tracked.ACCEPT)) == [
        "Urges Member States to act promptly;",
        "Decides to act and to report.",
        "Invites views;",
    ]


def test_tracked_changes_rejected() -> None:
    assert paragraphs(text_of(tracked_document(), Tracked.REJECT)) == [
        "Urges all States promptly to act;",
        "Decides to act",
        "and to report.",
    ]


def test_empty_document_reads_as_empty_text() -> None:
    assert text_of(typed_docx([])) == ""


def test_text_boxes_and_field_codes_stay_out() -> None:
    """Field instructions are not text; a field's displayed result is."""
    b = DocxBuilder()
    p = b.paragraph("See page ")
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    p.append(parse_xml(f"<w:r {nsdecls('w')}><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>"))
    b.run(p, "3.")
    assert paragraphs(text_of(b.save())) == ["See page 3."]


# --- corpus: a .docx made from a real text parses to the same paragraphs ------------------------

CORPUS_TEXTS = ("A_RES_80_41.txt", "A_C.1_80_L.22.txt", "A_RES_80_6.txt")


def docx_from(doc: Document, *, automatic: bool) -> tuple[bytes, int]:
    """Write ``doc``'s resolution as Word paragraphs: typed numbers, or Word's own numbering.

    Returns the bytes and how many paragraphs Word numbers itself (a number that automatic
    numbering cannot produce, such as "5 bis", stays typed).
    """
    res = doc.resolutions[0]
    b = DocxBuilder()
    if res.title:
        b.paragraph(res.title)
    if res.organ:
        b.paragraph(f"{res.organ},")
    notes = {f.mark: f.text for f in res.footnotes}
    expected = {0: 0, 1: 0}
    numbered = 0
    for para in res.paragraphs:
        level = {Kind.OPERATIVE: 0, Kind.SUBPARAGRAPH: 1}.get(para.kind)
        if automatic and level is not None and _auto_matches(para.number or "", expected, level):
            _advance(expected, level)
            numbered += 1
            p = b.numbered("", level)
        else:
            label = para.number or ""
            if para.kind is Kind.OPERATIVE and label and not label.endswith("."):
                label += "."
            p = b.paragraph(f"{label} ".lstrip())
        _cited_text(b, p, para.text, [notes[m] for m in para.footnotes if m in notes])
    return b.save(), numbered


def _cited_text(b: DocxBuilder, p: object, text: str, notes: list[str]) -> None:
    """Write ``text`` into ``p`` with one footnote reference after each of a few spread-out words."""
    words = text.split(" ")
    after = {max(1, round((k + 1) * len(words) / (len(notes) + 1))) - 1: note for k, note in enumerate(notes)}
    for i, word in enumerate(words):
        b.run(p, word if i == 0 else " " + word)
        if i in after:
            b.footnote(p, after.pop(i))
    for note in after.values():
        b.footnote(p, note)


def _auto_matches(number: str, expected: dict[int, int], level: int) -> bool:
    want = expected[level] + 1
    label = f"{want}" if level == 0 else f"({format_number(want, 'lowerLetter')})"
    return number.rstrip(".") == label


def _advance(expected: dict[int, int], level: int) -> None:
    expected[level] += 1
    if level == 0:
        expected[1] = 0


@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_TEXTS)
@pytest.mark.parametrize("automatic", [False, True], ids=["typed", "automatic"])
def test_docx_of_corpus_text_parses_like_the_text(corpus: Path, name: str, automatic: bool) -> None:
    """A Word version of a real resolution gives the same addressed paragraphs and footnote marks."""
    doc = parse(read(corpus / "ga" / name).text)
    data, numbered = docx_from(doc, automatic=automatic)
    assert (numbered > 5) is automatic
    again = parse(text_of(data))
    assert body(again) == body(doc)
    assert [f.text for f in again.resolutions[0].footnotes] == [f.text for f in doc.resolutions[0].footnotes]


@given(st.lists(redline_text, max_size=8))
def test_typed_paragraphs_lose_no_word(texts: list[str]) -> None:
    """Any paragraph text Word can hold comes back word for word, one block per non-empty paragraph."""
    safe = [xml_safe(t) for t in texts]
    want = [" ".join(t.split()) for t in safe if t.strip()]
    assert paragraphs(text_of(typed_docx(safe))) == want
