"""The tracked-changes .docx: accept all gives the new text, reject all the old; deterministic."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given

from redline.compare import compare, compare_resolutions
from redline.load import Tracked, read, read_bytes
from redline.model import Document, Footnote, Paragraph, Redline, Resolution
from redline.parse import parse
from redline.render import RenderOptions, render
from redline.render.docx import FIXED_DATE
from redline.render.docxrev import xml_safe
from tests.builders import printed, resolution
from tests.strategies import revised_paragraphs


def redline_of(old: Sequence[str], new: Sequence[str]) -> Redline:
    o, n = resolution(old), resolution(new)
    return Redline(Document((o,)), Document((n,)), (compare_resolutions(o, n),))


def read_back(data: bytes, tracked: Tracked) -> list[str]:
    text = read_bytes(data, "redline.docx", tracked=tracked).text
    blocks = [block.split("\n_____", 1)[0] for block in text.split("\n\n")]  # notes after the rule
    return [" ".join(block.split()) for block in blocks if block.strip()]


def assert_round_trip(redline: Redline, data: bytes) -> None:
    diff = redline.resolutions[0]
    for tracked, side in ((Tracked.ACCEPT, diff.new), (Tracked.REJECT, diff.old)):
        want = printed(side)
        got = read_back(data, tracked)
        assert got[len(got) - len(want) :] == want, tracked


def demo() -> Redline:
    data = resources.files("redline") / "data"
    old = parse(read(str(data / "demo-old.txt")).text)
    new = parse(read(str(data / "demo-new.txt")).text)
    return compare(old, new)


def members(data: bytes) -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return {name: z.read(name) for name in z.namelist()}


def test_demo_pair_round_trips_both_ways() -> None:
    redline = demo()
    assert_round_trip(redline, render(redline, "docx"))  # type: ignore[arg-type]


@given(revised_paragraphs())
def test_accept_gives_new_and_reject_gives_old(pair: tuple[list[str], list[str]]) -> None:
    """Edits, insertions, deletions and moves all come back exactly on both sides."""
    redline = redline_of(*pair)
    assert_round_trip(redline, render(redline, "docx"))  # type: ignore[arg-type]


def test_split_and_merge_are_tracked_paragraph_marks() -> None:
    """A split shows an inserted paragraph mark; rejecting it joins the halves again."""
    old = ["Decides to act promptly and to report on the matter at its next session;"]
    new = ["Decides to act promptly;", "Decides also to report on the matter at its next session;"]
    for a, b in ((old, new), (new, old)):
        redline = redline_of(a, b)
        data = render(redline, "docx")
        assert isinstance(data, bytes)
        assert_round_trip(redline, data)


def test_same_redline_same_bytes() -> None:
    assert render(demo(), "docx") == render(demo(), "docx")


def test_package_is_deterministic_by_construction() -> None:
    """Fixed member order (content types first), 1980 timestamps, fixed core properties."""
    data = render(demo(), "docx")
    assert isinstance(data, bytes)
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    core = members(data)["docProps/core.xml"].decode()
    assert "2000-01-01T00:00:00Z" in core
    assert "redline" in core


def test_every_revision_is_signed_and_dated() -> None:
    xml = members(render(demo(), "docx"))["word/document.xml"].decode()  # type: ignore[arg-type]
    revisions = re.findall(r"<w:(?:ins|del) [^>]*>", xml)
    assert revisions
    assert all('w:author="redline"' in r and f'w:date="{FIXED_DATE}"' in r for r in revisions)


def test_revision_date_can_be_asked_for() -> None:
    data = render(demo(), "docx", RenderOptions(revision_date="2025-12-01T09:30:00Z"))
    xml = members(data)["word/document.xml"].decode()  # type: ignore[arg-type]
    assert 'w:date="2025-12-01T09:30:00Z"' in xml
    assert FIXED_DATE not in xml


def test_each_paragraph_carries_its_address_as_a_bookmark() -> None:
    redline = demo()
    xml = members(render(redline, "docx"))["word/document.xml"].decode()  # type: ignore[arg-type]
    names = set(re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', xml))
    diff = redline.resolutions[0]
    assert diff.new is not None
    for p in diff.new.all_paragraphs():
        assert re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9]", "_", p.address)).strip("_") in names


def test_moves_and_renumbering_are_commented() -> None:
    redline = redline_of(
        ["Recalling its resolution,", "Decides to act;", "Requests a report;", "Invites views;"],
        ["Recalling its resolution,", "Invites views;", "Decides to act;", "Requests a report;"],
    )
    assert any(row.moved for row in redline.resolutions[0].rows)
    parts = members(render(redline, "docx"))  # type: ignore[arg-type]
    comments = parts["word/comments.xml"].decode()
    assert "Moved from" in comments and "Moved to" in comments
    assert 'w:author="redline"' in comments
    assert "2000-01-01T00:00:00Z" in comments


def test_summary_table_comes_first() -> None:
    xml = members(render(demo(), "docx"))["word/document.xml"].decode()  # type: ignore[arg-type]
    assert xml.index("<w:tbl>") < xml.index("<w:ins ")
    assert xml.index("<w:tbl>") < xml.index("<w:del ")


def test_text_xml_cannot_carry_is_dropped_not_fatal() -> None:
    assert xml_safe("a\x00b\x0bc\ud7ff\ufffe") == "abc\ud7ff"


@pytest.mark.corpus
def test_corpus_pair_round_trips_word_for_word(corpus: Path) -> None:
    """A real draft and its adopted resolution: both texts come back, and the bytes are stable."""
    old = parse(read(corpus / "ga" / "A_C.1_80_L.22.txt").text)
    new = parse(read(corpus / "ga" / "A_RES_80_41.txt").text)
    redline = compare(old, new)
    data = render(redline, "docx")
    assert isinstance(data, bytes)
    assert_round_trip(redline, data)
    assert render(compare(old, new), "docx") == data


def addressed(doc: Document) -> list[tuple[str, str]]:
    return [(p.address, p.text) for r in doc.resolutions for p in r.all_paragraphs()]


def test_a_redline_read_back_parses_as_the_resolution() -> None:
    """The front matter (title, summary table) sits in a tagged control the reader skips."""
    redline = demo()
    data = render(redline, "docx")
    assert isinstance(data, bytes)
    for tracked, side in ((Tracked.ACCEPT, redline.new), (Tracked.REJECT, redline.old)):
        again = parse(read_bytes(data, "redline.docx", tracked=tracked).text)
        assert addressed(again) == addressed(side)
        assert again.resolutions[0].title == side.resolutions[0].title
        notes = [(p.address, p.footnotes) for r in again.resolutions for p in r.all_paragraphs()]
        assert notes == [(p.address, p.footnotes) for r in side.resolutions for p in r.all_paragraphs()]
        assert [f.text for f in again.resolutions[0].footnotes] == [
            f.text for f in side.resolutions[0].footnotes
        ]


def test_several_resolutions_each_get_their_summary_and_bookmark_prefix() -> None:
    one = redline_of(["Recalling its resolution,", "Decides to act;"], ["Recalling it,", "Decides;"])
    two = redline_of(["Welcomes the report;"], ["Welcomes the report;", "Requests more;"])
    both = Redline(
        Document(one.old.resolutions + two.old.resolutions),
        Document(one.new.resolutions + two.new.resolutions),
        one.resolutions + two.resolutions,
    )
    xml = members(render(both, "docx"))["word/document.xml"].decode()  # type: ignore[arg-type]
    assert xml.count("<w:tbl>") == 2
    assert xml.count('w:val="redline-summary"') == 2
    assert 'w:name="R1_OP1"' in xml and 'w:name="R2_OP2"' in xml
    got = read_back(render(both, "docx"), Tracked.ACCEPT)  # type: ignore[arg-type]
    assert got == [
        "Cooperation on ocean observation",
        "The General Assembly,",
        "Recalling it,",
        "1. Decides;",
        "Cooperation on ocean observation",
        "The General Assembly,",
        "1. Welcomes the report;",
        "2. Requests more;",
    ]


def test_unchanged_move_uses_words_move_markup() -> None:
    """A pure move is w:moveFrom/w:moveTo in ranges of one name; its numbers stay del/ins."""
    redline = redline_of(
        ["Recalling its resolution,", "Decides to act;", "Requests a report;", "Invites views;"],
        ["Recalling its resolution,", "Invites views;", "Decides to act;", "Requests a report;"],
    )
    xml = members(render(redline, "docx"))["word/document.xml"].decode()  # type: ignore[arg-type]
    starts = re.findall(r'<w:move(From|To)RangeStart [^>]*w:name="([^"]+)"', xml)
    assert sorted(kind for kind, _ in starts) == ["From", "To"]
    assert len({name for _, name in starts}) == 1
    assert xml.count("<w:moveFromRangeEnd ") == xml.count("<w:moveToRangeEnd ") == 1
    assert re.search(r"<w:moveFrom [^>]*><w:r><w:t[^>]*>Invites views;</w:t>", xml)
    assert re.search(r"<w:moveTo [^>]*><w:r><w:t[^>]*>Invites views;</w:t>", xml)
    assert_round_trip(redline, render(redline, "docx"))  # type: ignore[arg-type]


def test_reworded_move_is_deleted_and_inserted() -> None:
    """A move with edits is a deletion plus an insertion (no move markup), and still reads back."""
    views = "Invites the views of all Member States on the question;"
    fewer = "Invites the views of Member States on the question;"
    redline = redline_of(
        ["Recalling its resolution,", "Decides to act;", "Requests a report;", views],
        ["Recalling its resolution,", fewer, "Decides to act;", "Requests a report;"],
    )
    moved = [row for row in redline.resolutions[0].rows if row.moved]
    assert moved and any(c.op != "=" for c in moved[0].chunks)
    xml = members(render(redline, "docx"))["word/document.xml"].decode()  # type: ignore[arg-type]
    assert "<w:moveFrom " not in xml and "<w:moveTo " not in xml
    assert_round_trip(redline, render(redline, "docx"))  # type: ignore[arg-type]


def noted(texts: Sequence[str], notes: dict[int, tuple[str, str]]) -> Resolution:
    """A resolution whose paragraph i cites footnote notes[i] = (mark, text)."""
    res = resolution(texts)
    paras = tuple(
        Paragraph(p.kind, p.number, p.address, p.text, (notes[i][0],)) if i in notes else p
        for i, p in enumerate(res.paragraphs)
    )
    footnotes = tuple(Footnote(mark, text) for mark, text in sorted(notes.values()))
    return Resolution(res.label, res.title, res.organ, res.symbol, paras, footnotes)


def test_footnotes_are_real_notes_with_tracked_references() -> None:
    """A kept note shows its own word diff; a dropped one a deleted reference; a new one an inserted one."""
    texts = ["Recalling the Convention,", "Recalling the Protocol,", "Decides to act;"]
    old = noted(texts, {0: ("1", "Treaty Series, vol. 1."), 1: ("2", "Ibid., vol. 2.")})
    new = noted(texts, {0: ("1", "Treaty Series, vol. 9."), 2: ("2", "See A/80/1.")})
    redline = Redline(Document((old,)), Document((new,)), (compare_resolutions(old, new),))
    data = render(redline, "docx")
    assert isinstance(data, bytes)
    notes = members(data)["word/footnotes.xml"].decode()
    assert re.search(r"<w:del [^>]*><w:r><w:delText[^>]*>1</w:delText>", notes)
    assert re.search(r"<w:ins [^>]*><w:r><w:t[^>]*>9</w:t>", notes)
    for tracked, side in ((Tracked.ACCEPT, new), (Tracked.REJECT, old)):
        again = parse(read_bytes(data, "r.docx", tracked=tracked).text).resolutions[0]
        assert [(p.text, p.footnotes) for p in again.paragraphs] == [
            (p.text, p.footnotes) for p in side.paragraphs
        ]
        assert [(f.mark, f.text) for f in again.footnotes] == [(f.mark, f.text) for f in side.footnotes]
