"""The parser over the real corpus: every file parses, no furniture survives, no word is lost."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from redline.clean import clean_text
from redline.clean.furniture import embedded_furniture
from redline.model import DocKind, Document, Kind
from redline.parse import parse
from redline.parse.accounting import account

pytestmark = pytest.mark.corpus

# Hand-checked against the report: preambular, operative and sub-paragraph counts of its texts.
REPORT_TEXTS = (
    ("Draft resolution I", "The General Assembly", 5, 6, 0),
    ("Draft resolution II", "The General Assembly", 10, 12, 0),
    ("Draft resolution III", "The General Assembly", 9, 11, 6),
    ("Draft resolution IV", "The General Assembly", 18, 18, 0),
    ("Draft resolution I", "The Economic and Social Council", 23, 22, 0),
    ("Draft resolution II", "The Economic and Social Council", 3, 15, 0),
    ("Draft resolution III", "The Economic and Social Council", 10, 10, 0),
    ("Draft resolution IV", "The Economic and Social Council", 10, 12, 0),
    ("Draft decision I", "The Economic and Social Council", 0, 6, 5),
    ("Draft decision II", "The Economic and Social Council", 1, 6, 0),
    ("Resolution 20/1", "The Commission on Crime Prevention and Criminal Justice", 7, 21, 6),
    ("Resolution 20/2", "The Commission on Crime Prevention and Criminal Justice", 3, 4, 0),
    ("Resolution 20/3", "The Commission on Crime Prevention and Criminal Justice", 15, 12, 0),
    ("Resolution 20/4", "The Commission on Crime Prevention and Criminal Justice", 13, 10, 0),
    ("Resolution 20/5", "The Commission on Crime Prevention and Criminal Justice", 11, 12, 0),
    ("Resolution 20/6", "The Commission on Crime Prevention and Criminal Justice", 8, 9, 0),
    ("Resolution 20/7", "The Commission on Crime Prevention and Criminal Justice", 9, 7, 0),
    # The decision has no organ line; its organ is read from "At its 10th meeting, ..., the Commission".
    ("Decision 20/1", "The Commission on Crime Prevention and Criminal Justice", 1, 3, 0),
)


@lru_cache(maxsize=1)
def _parsed(root: str) -> tuple[tuple[str, str, Document], ...]:
    files = [*sorted(Path(root, "ga").glob("*.txt")), Path(root, "E-2011-30.txt")]
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        out.append((path.name, text, parse(text, name=str(path))))
    return tuple(out)


@pytest.fixture(scope="module")
def parsed(corpus: Path) -> tuple[tuple[str, str, Document], ...]:
    return _parsed(str(corpus))


@pytest.fixture(scope="module")
def report(corpus: Path) -> Document:
    return parse((corpus / "E-2011-30.txt").read_text(encoding="utf-8"), name="E-2011-30.txt")


def _texts(parsed: tuple[tuple[str, str, Document], ...]) -> Iterator[tuple[str, Document]]:
    for name, _, doc in parsed:
        yield name, doc


def test_every_corpus_file_parses(parsed: tuple[tuple[str, str, Document], ...]) -> None:
    assert len(parsed) == 1139
    assert all(doc.resolutions for _, _, doc in parsed)


def test_no_paragraph_holds_page_furniture(parsed: tuple[tuple[str, str, Document], ...]) -> None:
    bad = []
    for name, doc in _texts(parsed):
        paragraphs = [p for r in doc.resolutions for p in r.all_paragraphs()] + list(doc.outside)
        texts = [p.text for p in paragraphs] + [n.text for n in doc.footnotes]
        texts += [r.title or "" for r in doc.resolutions]
        bad += [(name, t[:80]) for t in texts if embedded_furniture(t, symbol=doc.symbol)]
    assert bad == []


def test_the_furniture_detector_sees_furniture(parsed: tuple[tuple[str, str, Document], ...]) -> None:
    """The detector used above is not blind: it flags the removed header and footer lines."""
    seen = {r.reason for _, _, doc in parsed for r in doc.removed if embedded_furniture(r.text)}
    assert {"job number", "barcode", "distribution"} <= seen


def test_no_word_is_lost(parsed: tuple[tuple[str, str, Document], ...]) -> None:
    incomplete = []
    for name, text, doc in parsed:
        result = account(text, doc)
        if not result.complete:
            incomplete.append((name, result.lost[:5], result.added[:5]))
    assert incomplete == []


def test_cleaning_is_idempotent_on_real_texts(parsed: tuple[tuple[str, str, Document], ...]) -> None:
    """Every seventh file (and the report), to keep the run short."""
    for name, text, _ in parsed[::7] + parsed[-1:]:
        once = clean_text(text)
        assert clean_text(once) == once, name


def test_resolutions_have_operative_paragraphs(parsed: tuple[tuple[str, str, Document], ...]) -> None:
    texts = [(name, r) for name, doc in _texts(parsed) for r in doc.resolutions]
    without = [
        (name, r.label, r.kind)
        for name, r in texts
        if not any(p.kind is Kind.OPERATIVE for p in r.paragraphs)
    ]
    assert [w for w in without if w[2] in (DocKind.RESOLUTION, DocKind.DECISION)] == []
    assert len(without) < 0.03 * len(texts)


def test_addresses_are_unique_and_marks_resolve(parsed: tuple[tuple[str, str, Document], ...]) -> None:
    for name, doc in _texts(parsed):
        for res in doc.resolutions:
            addresses = [p.address for p in res.all_paragraphs()]
            assert len(addresses) == len(set(addresses)), name
            notes = {f.mark for f in res.footnotes}
            assert {m for p in res.all_paragraphs() for m in p.footnotes} <= notes, name


def test_amendments_and_notes_are_recognised(parsed: tuple[tuple[str, str, Document], ...]) -> None:
    for name, text, doc in parsed:
        head = "\n".join(text.splitlines()[:40])
        if re.search(r":\*{0,3}\s*amendments? to (?:the )?(?:revised )?draft", head):
            assert doc.kind is DocKind.AMENDMENT, name
        if re.search(r"^\s*Note by the Secretariat\s*$", head, re.M):
            assert doc.kind is DocKind.NOTE, name


def test_adopted_resolutions_cite_their_drafts(parsed: tuple[tuple[str, str, Document], ...]) -> None:
    adopted = [doc for name, doc in _texts(parsed) if name.startswith("A_RES_")]
    cited = [d for d in adopted if d.resolutions[0].provenance and d.resolutions[0].provenance.symbols]
    assert len(cited) > 0.95 * len(adopted)
    labelled = [d for d in adopted if re.fullmatch(r"\d{2}/\d+(?: [A-Z])?", d.resolutions[0].label or "")]
    assert len(labelled) > 0.99 * len(adopted)


def test_report_has_its_eighteen_texts(report: Document) -> None:
    got = []
    for res in report.resolutions:
        kinds = [p.kind for p in res.paragraphs]
        got.append(
            (
                res.label,
                res.organ,
                kinds.count(Kind.PREAMBULAR),
                kinds.count(Kind.OPERATIVE),
                kinds.count(Kind.SUBPARAGRAPH),
            )
        )
    assert tuple(got) == REPORT_TEXTS


def test_report_titles_are_whole(report: Document) -> None:
    titles = [res.title or "" for res in report.resolutions]
    assert titles[0] == (
        "Follow-up to the Twelfth United Nations Congress on Crime Prevention and Criminal Justice and "
        "preparations for the Thirteenth United Nations Congress on Crime Prevention and Criminal Justice"
    )
    assert titles[1].endswith("protocols related to counter-terrorism")
    assert all(t and t == t.strip() and "  " not in t and not t.endswith((",", ".")) for t in titles)
    assert [r.kind for r in report.resolutions].count(DocKind.DECISION) == 3


def test_report_footnotes_have_text_and_every_one_is_cited(report: Document) -> None:
    marks = [f.mark for f in report.footnotes]
    assert marks == [str(n) for n in range(1, len(marks) + 1)]
    assert all(f.text for f in report.footnotes)
    cited = [m for r in report.resolutions for p in r.all_paragraphs() for m in p.footnotes]
    assert sorted(set(cited), key=int) == marks
    (p,) = [p for p in report.resolutions[2].paragraphs if "14 May 1954 and" in p.text]
    assert p.footnotes == ("12", "13", "14", "15")


def test_report_paragraphs_are_clean(report: Document) -> None:
    notes = [f.text for f in report.footnotes if len(f.text) > 25]
    for res in report.resolutions:
        for p in res.all_paragraphs():
            assert not re.search(r"[^\W\d_][,;.]?\d", p.text.replace("E/CN", "")), p.text
            assert not any(note in p.text for note in notes), p.address
            if p.kind is not Kind.OTHER:
                assert re.search(r"[,;:.]\s*[”’)]*$", p.text), (res.label, p.address, p.text[-60:])
    narrative = " ".join(p.text for p in report.outside)
    assert "Chapter XI" in narrative
