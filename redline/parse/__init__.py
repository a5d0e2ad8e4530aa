"""Parse: PDF-extracted (or canonical) text -> Document of addressed paragraphs.

The text is cleaned first (:mod:`redline.clean`), then split into its texts
(:mod:`redline.parse.segment`); each text's header gives label, title, kind and
provenance (:mod:`redline.parse.header`) and its body gives the paragraphs
(:mod:`redline.parse.paragraphs`). Nothing is dropped: blocks that belong to no text go
to ``Document.outside``, removed furniture to ``Document.removed``.
"""

from __future__ import annotations

from collections.abc import Sequence

from redline.clean import Block, Cleaned, clean_document
from redline.errors import StructureError
from redline.model import Annex, DocKind, Document, Kind, Paragraph, Resolution
from redline.parse.header import is_heading, read_header
from redline.parse.patterns import (
    ADOPTED,
    ADOPTED_BY,
    AMENDING,
    ANNEX,
    BRACKET,
    MEETING_ORGAN,
    NOTE,
    ORGAN,
    SPONSORS,
    SUBMITTED,
)
from redline.parse.sections import classify_sections
from redline.parse.segment import Span, segment

# Members read once: Python 3.11 looks an enum member up through its metaclass's attribute
# hook, about ten times the cost of a global, and these are read for every paragraph.
_OPERATIVE, _OTHER = Kind.OPERATIVE, Kind.OTHER


__all__ = ["parse"]


def parse(text: str, *, name: str | None = None) -> Document:
    """Return the Document that ``text`` holds; ``name`` is used in messages and kept.

    Raises StructureError (one line naming the file) for empty or blank input. Text
    without resolution structure becomes one text of ``other`` paragraphs.
    """
    if not text.strip():
        raise StructureError("empty input: no text to parse", path=name)
    cleaned = clean_document(text)
    segments = segment(cleaned.blocks)
    resolutions = [_resolution(span, cleaned) for span in segments.spans]
    symbol = next((r.text for r in cleaned.removed if r.reason == "symbol header"), None)
    if symbol is not None:
        symbol = symbol.split()[0].rstrip("*")
    outside = list(segments.outside)
    texts: list[Resolution] = []
    for res, extra in resolutions:
        outside.extend(extra)
        texts.append(res)
    if len(texts) == 1 and symbol is not None:
        texts[0] = _with_symbol(texts[0], symbol)
    kind = texts[0].kind if texts else DocKind.OTHER
    doc = Document(
        resolutions=tuple(texts),
        footnotes=cleaned.footnotes,
        kind=kind,
        symbol=symbol,
        path=name,
        outside=_outside(outside),
        removed=cleaned.removed,
    )
    from redline.provenance import attach_report_provenance

    return attach_report_provenance(doc)


def _with_symbol(res: Resolution, symbol: str) -> Resolution:
    return Resolution(
        res.label,
        res.title,
        res.organ,
        symbol,
        res.paragraphs,
        res.footnotes,
        res.annexes,
        res.kind,
        res.provenance,
    )


def _outside(blocks: Sequence[Block]) -> tuple[Paragraph, ...]:
    """Return the blocks that belong to no text as paragraphs Z1, Z2... in source order."""
    ordered = sorted(blocks, key=lambda b: b.lines[0] if b.lines else 0)
    return tuple(
        Paragraph(_OTHER, None, f"Z{i + 1}", b.text, b.marks, b.lines) for i, b in enumerate(ordered)
    )


def _head_note(text: str) -> bool:
    return ADOPTED_BY.match(text) is not None or BRACKET.match(text) is not None


def _organless_header(span: Span) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    """Split an organ-less text's blocks into header and body (amendments, notes, prose)."""
    blocks = span.body
    index = 0
    marker = False
    titled = False
    while index < len(blocks):
        text = blocks[index].text
        if SPONSORS.match(text) or SUBMITTED.match(text) or NOTE.match(text) or _head_note(text):
            marker = True
            index += 1
            continue
        if ADOPTED.match(text):
            index += 1
            marker = True
            break
        if is_heading(blocks[index]) and not ANNEX.match(text) and not (marker and titled):
            titled = True
            index += 1
            if marker:
                break
            continue
        break
    if not marker and span.label is None:
        return (), blocks
    return blocks[:index], blocks[index:]


def _organ(block: Block | None) -> tuple[str | None, bool, list[Block]]:
    """Return the organ, whether a colon follows it, and the sentence it opens (if any)."""
    if block is None:
        return None, False, []
    m = ORGAN.match(block.text)
    if m is None:
        return None, False, []
    rest = m.group(3)
    if not rest:
        return m.group(1), m.group(2) == ":", []
    lead = Block(rest, rest, block.lines, block.marks, block.after_break)
    return m.group(1), rest.rstrip().endswith(":"), [lead]


def _resolution(span: Span, cleaned: Cleaned) -> tuple[Resolution, tuple[Block, ...]]:
    header_blocks, body = (span.header, span.body) if span.organ is not None else _organless_header(span)
    header = read_header(header_blocks, span.label)
    organ, chapeau, lead = _organ(span.organ)
    if organ is None and body:
        recorded = MEETING_ORGAN.match(body[0].text)
        if recorded is not None:
            organ = f"The {recorded.group(1)}"
    main, annexes = _annexes(list(body))
    paragraphs = classify_sections([*lead, *main], chapeau=chapeau)
    if lead and not any(p.kind is _OPERATIVE for p in paragraphs):
        # A one-sentence decision: the sentence after the organ is its operative paragraph.
        first = paragraphs[0]
        paragraphs[0] = Paragraph(_OPERATIVE, None, "OP1", first.text, first.footnotes, first.lines)
    kind = header.kind
    if kind is DocKind.AMENDMENT:
        paragraphs = _amendment(paragraphs)
    operative = any(p.kind is _OPERATIVE for p in paragraphs)
    untitled = span.label is None and header.title is None
    if kind is DocKind.RESOLUTION and organ is None and (untitled or not operative):
        kind = DocKind.OTHER
    if kind is DocKind.OTHER:
        # No resolution structure: keep every block, in order, as plain text.
        paragraphs = [
            Paragraph(_OTHER, p.number, f"X{i + 1}", p.text, p.footnotes, p.lines)
            for i, p in enumerate(paragraphs)
        ]
    marks = _cited(paragraphs, annexes)
    notes = tuple(f for f in cleaned.footnotes if f.mark in marks)
    res = Resolution(
        label=header.label,
        title=header.title,
        organ=organ,
        symbol=None,
        paragraphs=tuple(_unique(paragraphs)),
        footnotes=notes,
        annexes=tuple(annexes),
        kind=kind,
        provenance=header.provenance,
    )
    return res, header.outside


def _amendment(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Make an amendment's instructions ("Delete ...", "In operative paragraph 5, ...") operative.

    The text an instruction quotes or inserts stays kind other, so it is not mistaken
    for a paragraph of the amended draft.
    """
    out: list[Paragraph] = []
    count = 0
    others = 0
    for p in paragraphs:
        if AMENDING.match(p.text) and p.kind is not Kind.SUBPARAGRAPH:
            count += 1
            address = f"OP{p.number}" if p.number and p.number.isdigit() else f"OP{count}"
            out.append(Paragraph(_OPERATIVE, p.number, address, p.text, p.footnotes, p.lines))
        else:
            others += 1
            out.append(Paragraph(_OTHER, p.number, f"X{others}", p.text, p.footnotes, p.lines))
    return out


def _cited(paragraphs: Sequence[Paragraph], annexes: Sequence[Annex]) -> set[str]:
    marks = {m for p in paragraphs for m in p.footnotes}
    marks.update(m for a in annexes for p in a.paragraphs for m in p.footnotes)
    return marks


def _annexes(blocks: list[Block]) -> tuple[list[Block], list[Annex]]:
    starts = [i for i, b in enumerate(blocks) if b.text.startswith("Annex") and ANNEX.match(b.text)]
    if not starts:
        return blocks, []
    main = blocks[: starts[0]]
    annexes: list[Annex] = []
    seen: set[str] = set()
    for pos, start in enumerate(starts):
        stop = starts[pos + 1] if pos + 1 < len(starts) else len(blocks)
        label = blocks[start].text.rstrip("*")
        while label in seen:
            label += "'"
        seen.add(label)
        inner = blocks[start + 1 : stop]
        title = None
        if inner and is_heading(inner[0]):
            title, inner = inner[0].text, inner[1:]
        paras = classify_sections(inner)
        annexes.append(Annex(label, title, tuple(_prefixed(paras, label))))
    return main, annexes


def _prefixed(paragraphs: Sequence[Paragraph], label: str) -> list[Paragraph]:
    out = []
    for p in _unique(paragraphs):
        address = p.address[2:] if p.address.startswith("OP") and p.number is not None else p.address
        out.append(Paragraph(p.kind, p.number, f"{label}/{address}", p.text, p.footnotes, p.lines))
    return out


def _unique(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    seen: dict[str, int] = {}
    out = []
    for p in paragraphs:
        if p.address in seen:
            seen[p.address] += 1
            address = f"{p.address}~{seen[p.address]}"
            out.append(Paragraph(p.kind, p.number, address, p.text, p.footnotes, p.lines))
        else:
            seen[p.address] = 1
            out.append(p)
    return out
