"""Provenance: where each text of a session report came from, read from the report's narrative.

A commission's report prints its texts in chapter I, in sections (A: draft resolutions for
the General Assembly, B: for the Economic and Social Council, C: draft decisions, D: the
commission's own), and narrates the action on each in later chapters::

    24. At its 10th meeting, on 15 April, the Commission approved ... a draft resolution
    (E/CN.15/2011/L.9), as revised, sponsored by Colombia (on behalf of ...), Sweden and the
    United States. (For the text, see chap. I, sect. B, draft resolution II.)

Each "(For the text, see chap. I, sect. X, <label>.)" ties the words before it to one
text: the source symbols, how it was changed, its sponsors and the meeting.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from redline.model import Document, Paragraph, Provenance, Resolution
from redline.symbols import find_symbols

_SEE = re.compile(
    r"\(\s*For\s+the\s+text,?\s+see\s+chap(?:ter|\.)\s*I\s*,\s*sect(?:ion|\.)\s*([A-Z])\s*,\s*"
    r"((?:draft\s+)?(?:resolution|decision))\s+([IVXLC]+|\d+/\d+)\s*\.?\s*\)",
    re.I,
)
"""The narrative's pointer to a text of chapter I: section letter, kind, number."""
_SECTION = re.compile(r"^([A-Z])\.\s+\S")
"""A chapter I section heading: "B. Draft resolutions for adoption by the ...". """
_CHANGES = re.compile(
    r"[AaIi\u0130\u0131Ss\u017fRr](?<!\w[AaIi\u0130\u0131Ss\u017fRr])(?:"
    r"(?<=[Aa])(?i:s\s+(?:further\s+|orally\s+)*(?:revised|amended)\b)"
    r"|(?<=[Ii\u0130\u0131Ss\u017f])(?i:(?<=[Ii\u0130\u0131])ntroduced|(?<=[Ss\u017f])ubmitted)(?i:\s+orally\b)"
    r"|(?<=[Rr])(?i:evised(?=\s+draft\s+(?:resolution|decision))))"
)
"""How a text reached adoption: "as revised", "as orally amended", "introduced orally", or
"revised" for a revised draft (a /Rev. document) adopted as it stood.

As first written (``\\bas\\s+...|\\b(?:introduced|submitted)\\s+orally\\b|\\brevised(?=...)`` under
re.I) the engine tried every position. Spelt this way it skips to the letters a change can
open with, in every case re.I reads (a test lists them), the look-behind after that letter
is the word boundary, and the rest follows under re.I from the letter it began with."""
_SPONSORS = re.compile(
    r"[Ii\u0130\u0131Ss\u017f](?<!\w[Ii\u0130\u0131Ss\u017f])"
    r"(?i:(?<=[Ss\u017f])ponsored|(?<=[Ii\u0130\u0131])ntroduced(?:\s+orally)?|(?<=[Ss\u017f])ubmitted)"
    r"(?i:\s+by\s+(.+))",
    re.S,
)
"""``\\b(?:sponsored|introduced(?:\\s+orally)?|submitted)\\s+by\\s+(.+)`` under re.I and re.S,
spelt as `_CHANGES` is so that the engine skips to the letters it can open with."""
_MEETING = re.compile(
    r"[Aa](?<!\w[Aa])(?i:t\s+(?:its|the)\s+(\w+(?:-\w+)?)\s+meeting"
    r"(?:,\s+(?:held\s+)?on\s+(\d{1,2}\s+\w+(?:\s+\d{4})?))?)"
)
"""A meeting the narrative names ("At its 10th meeting, on 15 April 2011"), in any case.

As first written it opened with a word boundary and "At" under re.I, which the engine tried
at every position. Spelt this way it skips to each "a" or "A" (re.I matches nothing else to
them), and the look-behind is that word boundary: no word character before the "A"."""
_DELEGATION = re.compile(r"^(?:the\s+)?(?:delegation|representative|observer)s?\s+of\s+", re.I)
_SPONSORS_END = re.compile(r"\s+(?:in\s+the\s+context|on\s+the\s+\w+|pursuant\s+to)\b|\s*\((?=[A-Z]{1,2}/)")
"""Where a list of sponsors ends: the narrative goes on, or a document symbol in brackets."""
_SENTENCE_END = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z])")
_LEADING_AND = re.compile(r"^and\s+")
_LEADING_THE = re.compile(r"^the\s+")
_LIST_MARK = re.compile(r"[(),]| and ")
"""What :func:`_split_list` reads: parentheses (for depth) and the separators."""


@dataclass(frozen=True, slots=True)
class _Reference:
    """One narrative pointer and the words before it that describe the action."""

    section: str
    label: str
    action: str
    meeting: str | None


def attach_report_provenance(doc: Document) -> Document:
    """Return ``doc`` with each chapter I text's provenance read from the report narrative.

    Only texts a narrative paragraph points to ("For the text, see chap. I, sect. B, draft
    resolution II.") change; what the parser already found (e.g. a GA header's draft symbol)
    is kept first. A document without such pointers is returned unchanged.
    """
    refs = _references(doc.outside)
    if not refs:
        return doc
    sections = _sections(doc)
    by_key: dict[tuple[str, str], int] = {}
    for i, res in enumerate(doc.resolutions):
        if res.label is not None and sections[i] is not None:
            by_key.setdefault((sections[i] or "", _label_key(res.label)), i)
    found: dict[int, list[_Reference]] = {}
    for ref in refs:
        at = by_key.get((ref.section, ref.label))
        if at is not None:
            found.setdefault(at, []).append(ref)
    if not found:
        return doc
    texts = list(doc.resolutions)
    for i, its_refs in sorted(found.items()):
        prov = _merge(texts[i].provenance, its_refs)
        if not prov.sponsors:
            prov = replace(prov, sponsors=_sponsors_elsewhere(doc.outside, prov.symbols))
        texts[i] = replace(texts[i], provenance=prov)
    return replace(doc, resolutions=tuple(texts))


def _label_key(label: str) -> str:
    """Return a label as the narrative spells it: "draft resolution ii", "resolution 20/1"."""
    return " ".join(label.lower().split())


def _references(outside: Sequence[Paragraph]) -> list[_Reference]:
    """Return every chapter I pointer of the narrative, in reading order, with its action."""
    refs: list[_Reference] = []
    meeting: str | None = None
    for para in outside:
        start = 0
        for m in _SEE.finditer(para.text):
            action = para.text[start : m.start()]
            meeting = _meeting(action, meeting)
            label = _label_key(f"{m.group(2)} {m.group(3)}")
            refs.append(_Reference(m.group(1).upper(), label, action, meeting))
            start = m.end()
        if start == 0:
            # A paragraph with no pointer may still move the narrative to another meeting.
            meeting = _meeting(para.text, meeting)
    return refs


def _meeting(text: str, current: str | None) -> str | None:
    """Return the meeting ``text`` names ("10th meeting, on 15 April"), or ``current``."""
    m = _MEETING.search(text) if may_name_meeting(text) else None
    if m is not None and m.group(1).lower() != "same":
        return f"{m.group(1)} meeting" + (f", on {m.group(2)}" if m.group(2) else "")
    return current


def may_name_meeting(text: str) -> bool:
    """Return False only when ``text`` cannot name a meeting: "meeting" is in it in no case.

    Most narrative paragraphs fail this substring test, which costs a fraction of the
    case-insensitive scan it spares.
    """
    return "meeting" in text.lower() or _case_odd(text)


_CASE_ODD = "\u0130\u0131\u017f"
"""What re.I reads as an ASCII letter but str.lower() does not lower to it: "İ" and "ı" ("i"),
"ſ" ("s"). A test checks every code point."""


def _case_odd(text: str) -> bool:
    """Return True when ``text`` holds one of `_CASE_ODD`."""
    return not text.isascii() and any(char in text for char in _CASE_ODD)


def _sections(doc: Document) -> list[str | None]:
    """Return each text's chapter I section letter, from the headings or else from label order."""
    heads = [
        (p.lines[0], m.group(1))
        for p in doc.outside
        if p.lines and p.text[1:2] == "." and (m := _SECTION.match(p.text)) is not None
    ]
    starts = [_first_line(r) for r in doc.resolutions]
    if heads and all(s is not None for s in starts):
        out: list[str | None] = []
        for start in starts:
            before = [letter for line, letter in heads if start is not None and line < start]
            out.append(before[-1] if before else None)
        if _plausible(out):
            return out
    return _sections_by_order(doc.resolutions)


def _plausible(letters: Sequence[str | None]) -> bool:
    """Sections must start at A and never go back (headings of later chapters would)."""
    seen = [x for x in letters if x is not None]
    return bool(seen) and seen[0] == "A" and all(a <= b for a, b in itertools.pairwise(seen))


def _first_line(res: Resolution) -> int | None:
    lines = [line for p in res.all_paragraphs() for line in p.lines]
    return min(lines) if lines else None


def _sections_by_order(texts: Sequence[Resolution]) -> list[str | None]:
    """Letter the runs of texts A, B, C...: a new run starts where the label kind changes or
    its numbering restarts ("Draft resolution I" after "Draft resolution IV")."""
    out: list[str | None] = []
    letter = -1
    previous: tuple[str, str] | None = None
    for res in texts:
        label = _label_key(res.label or "")
        kind, _, number = label.rpartition(" ")
        if previous is None or kind != previous[0] or number in ("i", "1"):
            letter += 1
        previous = (kind, number)
        out.append(chr(ord("A") + letter) if res.label else None)
    return out


def _merge(existing: Provenance | None, refs: Sequence[_Reference]) -> Provenance:
    symbols = list(existing.symbols) if existing else []
    changes = list(existing.changes) if existing else []
    sponsors = list(existing.sponsors) if existing else []
    meeting = existing.meeting if existing else None
    for ref in refs:
        _extend(symbols, find_symbols(ref.action))
        _extend(changes, tuple(" ".join(c.lower().split()) for c in _CHANGES.findall(ref.action)))
        _extend(sponsors, _sponsors(ref.action))
        meeting = meeting or ref.meeting
    return Provenance(tuple(symbols), tuple(changes), tuple(sponsors), meeting)


def _extend(into: list[str], items: Sequence[str]) -> None:
    for item in items:
        if item not in into:
            into.append(item)


def _sponsors(action: str) -> tuple[str, ...]:
    """Return the names after "sponsored by" / "introduced by", as the narrative lists them."""
    m = _SPONSORS.search(action)
    if m is None:
        return ()
    text = " ".join(m.group(1).split())
    text = _SPONSORS_END.split(text, maxsplit=1)[0]
    return tuple(name for name in (_clean_name(n) for n in _split_list(text.rstrip(" .,;"))) if name)


def _sponsors_elsewhere(outside: Sequence[Paragraph], symbols: Sequence[str]) -> tuple[str, ...]:
    """Return the sponsors another narrative sentence gives for one of ``symbols``.

    Agenda chapters introduce a draft before its action: "the Commission had before it a draft
    decision submitted by the Chairman ... (E/CN.15/2011/L.17)".
    """
    for para in outside:
        for symbol in symbols:
            at = para.text.find(symbol)
            if at < 0:
                continue
            sentence = _SENTENCE_END.split(para.text[:at])[-1]
            names = _sponsors(sentence)
            if names:
                return names
    return ()


def _split_list(text: str) -> list[str]:
    """Split "A, B (on behalf of C and D) and E" at top-level commas and the last "and"."""
    parts: list[str] = []
    depth = 0
    start = 0
    # Left to right, a comma or " and " splits only at depth 0 (outside parentheses); after
    # an unmatched ")" the depth stays below 0 and nothing splits until a "(" balances it.
    for m in _LIST_MARK.finditer(text):
        mark = m.group()
        if mark == "(":
            depth += 1
        elif mark == ")":
            depth -= 1
        elif depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return parts


def _clean_name(name: str) -> str:
    name = _DELEGATION.sub("", name.strip())
    name = _LEADING_AND.sub("", name)
    return _LEADING_THE.sub("", name).strip()
