"""Render a redline as a Word document with tracked changes (python-docx lives here).

Word and LibreOffice show the changes as revisions by "redline" that a reader can accept
or reject one by one: accepting all gives the new text, rejecting all the old. Each
resolution opens with its change summary table; every paragraph of the text carries its
address as a bookmark (``OP5``, ``old_PP3`` for a deleted one); a moved paragraph is
deleted where it was and inserted where it is, with a comment at both places, and a
renumbered one has a comment naming both addresses.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from docx.oxml.ns import qn

from redline.diff import word_diff
from redline.load.docx import SUMMARY_TAG
from redline.model import Chunk, Kind, Op, Paragraph, Redline, ResolutionDiff, Row
from redline.render import RenderOptions, register
from redline.render.docxlayout import Part, place_rows
from redline.render.docxnotes import Footnotes, pair_marks
from redline.render.docxpack import core_properties, repack
from redline.render.docxrev import Revisions, xml_safe
from redline.summary import CHANGES

__all__ = ["FIXED_DATE", "label", "render_docx"]

FIXED_DATE = "2000-01-01T00:00:00Z"
"""Revision and document dates unless RenderOptions.revision_date says otherwise (determinism)."""
AUTHOR = "redline"


@register("docx")
def render_docx(redline: Redline, options: RenderOptions) -> bytes:
    """Return the .docx bytes of ``redline``: byte-identical for the same redline and options."""
    import docx

    date = options.revision_date or FIXED_DATE
    document = docx.Document()
    core_properties(document, date, author=AUTHOR)
    writer = _Writer(document, Revisions(AUTHOR, date), date)
    title = " → ".join(n for n in (options.old_name, options.new_name) if n) or "Redline"
    document.add_heading(xml_safe(title), level=0)
    for number, diff in enumerate(redline.resolutions, start=1):
        prefix = f"R{number}_" if len(redline.resolutions) > 1 else ""
        writer.resolution(diff, prefix)
    buffer = io.BytesIO()
    document.save(buffer)
    return repack(buffer.getvalue())


def label(p: Paragraph) -> str:
    """Return the number as printed before ``p``'s text: "5." for OP5, "(a)" as is, "" if none.

    >>> label(Paragraph(Kind.OPERATIVE, "5", "OP5", "Decides"))
    '5.'
    """
    if p.number is None:
        return ""
    number = p.number.strip()
    if p.kind is Kind.OPERATIVE and not number.endswith((".", ")")):
        return f"{number}."
    return number


class _Writer:
    """Appends one resolution after another to a python-docx Document."""

    def __init__(self, document: Any, revisions: Revisions, date: str) -> None:
        self.document = document
        self.rev = revisions
        self.date = datetime.strptime(date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        self.names: set[str] = set()
        self.first_run: Any | None = None
        """The first run of the paragraph last started (a comment's anchor)."""
        self.fence_from: int | None = 0
        """Body index where the next front matter starts (0 first: the document's title too)."""
        self.notes = Footnotes(document, revisions)
        self.old_notes: dict[str, str] = {}
        self.new_notes: dict[str, str] = {}

    def resolution(self, diff: ResolutionDiff, prefix: str) -> None:
        """Write one resolution: heading, summary table, then its redlined paragraphs."""
        res = diff.new or diff.old
        self.old_notes = {f.mark: f.text for f in diff.old.footnotes} if diff.old is not None else {}
        self.new_notes = {f.mark: f.text for f in diff.new.footnotes} if diff.new is not None else {}
        start = self.fence_from if self.fence_from is not None else len(self._blocks())
        self.fence_from = None
        heading = " ".join(x for x in (res.label, res.title) if x) if res is not None else ""
        self.document.add_heading(xml_safe(heading or "Resolution"), level=1)
        self._summary(diff)
        self.rev.fence(self._blocks()[start:], SUMMARY_TAG)
        old_title = diff.old.title if diff.old is not None else None
        new_title = diff.new.title if diff.new is not None else None
        if old_title or new_title:
            w = self.document.add_paragraph()
            for chunk in word_diff(old_title or "", new_title or ""):
                self.rev.run(w._p, chunk.text, chunk.op, bold=True)
        if res is not None and res.organ:
            self.document.add_paragraph(xml_safe(f"{res.organ},"))
        for placed in place_rows(diff.rows, diff.old, diff.new):
            self._row(placed.row, placed.part, prefix)

    def _blocks(self) -> list[Any]:
        """Return the body's block elements (paragraphs, tables, controls), less its section."""
        body = self.document.element.body
        return [el for el in body.iterchildren() if el.tag != qn("w:sectPr")]

    def _summary(self, diff: ResolutionDiff) -> None:
        """Write the change counts as a table: one row per kind of change, one column per part."""
        counts = diff.summary.counts
        table = self.document.add_table(rows=1 + len(CHANGES), cols=1 + len(counts))
        table.style = "Table Grid"
        rows = [["Paragraphs", *(part for part, _ in counts)]]
        rows += [[change, *(str(dict(tally).get(change, 0)) for _, tally in counts)] for change in CHANGES]
        for values, row in zip(rows, table.rows, strict=True):
            # row.cells once per row: table.cell(i, j) rebuilds the whole grid on every call.
            for value, cell in zip(values, row.cells, strict=True):
                cell.text = value
        verbs = "; ".join(f"{a}: {o} → {n}" for a, o, n in diff.summary.verb_changes)
        share = f"Unchanged: {diff.summary.unchanged_share:.0%} of the old text."
        self.document.add_paragraph(xml_safe(f"{share} Leading verbs changed: {verbs or 'none'}."))

    def _row(self, row: Row, part: Part, prefix: str) -> None:
        if part is Part.OLD or not row.new:
            self._whole(row, row.old, Op.DELETE, prefix, _note(row, part))
        elif part is Part.NEW or not row.old:
            self._whole(row, row.new, Op.INSERT, prefix, _note(row, part))
        else:
            self._changed(row, prefix)

    def _whole(self, row: Row, paras: Sequence[Paragraph], op: Op, prefix: str, note: str | None) -> None:
        """Write a whole side of a row as deleted or inserted.

        A move whose wording is unchanged is written as Word's own move (w:moveFrom where
        it was, w:moveTo where it is, in ranges named alike); its numbers, which differ,
        stay a deletion and an insertion.
        """
        move = row.moved and bool(row.old) and bool(row.new) and all(c.op is Op.EQUAL for c in row.chunks)
        written = []
        for p in paras:
            w = self.document.add_paragraph()
            first = None
            if label(p):
                first = self.rev.run(w._p, label(p) + " ", op)
            text = self.rev.run(w._p, p.text, op, move=move)
            self._mark_before(w._p, op)
            side = "old_" if op is Op.DELETE else ""
            self._bookmark(w._p, prefix + side + p.address)
            if note is not None:
                self._comment(w, first if first is not None else text, note)
                note = None
            self._cite(w._p, p.footnotes if op is Op.DELETE else (), p.footnotes if op is Op.INSERT else ())
            written.append(w._p)
        if move and written:
            name = "_".join(["move", *(q.address for q in row.old), *(q.address for q in row.new)])
            self.rev.move_range(written[0], written[-1], op, _bookmark_base(prefix + name))

    def _changed(self, row: Row, prefix: str) -> None:
        """Write a row present on both sides, its word diff inline, its breaks as tracked marks.

        Footnote references go at the end of the Word paragraph where the paragraph citing
        them ends: a deleted break ends only an old paragraph, an inserted one a new one.
        """
        old_i = new_i = 0
        w = self._start(row, old_i, new_i, prefix)
        if row.renumbered:
            self._comment(w, self.first_run, _note(row, Part.BOTH) or "")
        for chunk in row.chunks:
            pieces = chunk.text.split("\n")
            for k, piece in enumerate(pieces):
                if k:
                    ends_old, ends_new = chunk.op is not Op.INSERT, chunk.op is not Op.DELETE
                    self._cite(
                        w._p,
                        _marks(row.old, old_i if ends_old else None),
                        _marks(row.new, new_i if ends_new else None),
                    )
                    self.rev.mark(w._p, chunk.op)
                    old_i += ends_old
                    new_i += ends_new
                    w = self._start(row, old_i if ends_old else None, new_i if ends_new else None, prefix)
                if piece:
                    r = self.rev.run(w._p, piece, chunk.op)
                    self.first_run = self.first_run if self.first_run is not None else r
        self._cite(w._p, _marks(row.old, old_i), _marks(row.new, new_i))

    def _mark_before(self, p: Any, op: Op) -> None:
        """Track the mark ending a whole inserted or deleted paragraph ``p``.

        An inserted paragraph tracks the mark before it, as Word records a paragraph typed
        after another: tracking its own mark means the same to Word, but LibreOffice then
        joins the paragraphs around it on rejecting when the one before ends in an
        insertion. A deleted paragraph, the first paragraph of the text, and one after an
        already tracked mark track their own mark.
        """
        before = p.getprevious()
        if op is Op.INSERT and before is not None and before.tag == qn("w:p") and not _mark_tracked(before):
            self.rev.mark(before, op)
        else:
            self.rev.mark(p, op)

    def _cite(self, p: Any, old_marks: Sequence[str], new_marks: Sequence[str]) -> None:
        """Append the footnote references of ``p``'s old and new marks (see docxnotes)."""
        for o, n in pair_marks(old_marks, new_marks, self.old_notes, self.new_notes):
            old_text = self.old_notes[o] if o is not None else None
            new_text = self.new_notes[n] if n is not None else None
            self.notes.cite(p, old_text, new_text)

    def _start(self, row: Row, old_i: int | None, new_i: int | None, prefix: str) -> Any:
        """Open a paragraph, numbered as the old and/or new paragraph it begins (None: neither)."""
        w = self.document.add_paragraph()
        old = row.old[old_i] if old_i is not None and old_i < len(row.old) else None
        new = row.new[new_i] if new_i is not None and new_i < len(row.new) else None
        self.first_run = None
        for chunk in _label_chunks(old, new):
            r = self.rev.run(w._p, chunk.text, chunk.op)
            self.first_run = self.first_run if self.first_run is not None else r
        named = new or old
        if named is not None:
            self._bookmark(w._p, prefix + ("" if new is not None else "old_") + named.address)
        return w

    def _bookmark(self, p: Any, address: str) -> None:
        base = _bookmark_base(address)
        name, n = base, 1
        while name in self.names:
            n += 1
            name = f"{base}_{n}"
        self.names.add(name)
        self.rev.bookmark(p, name)

    def _comment(self, paragraph: Any, r: Any | None, text: str) -> None:
        if r is None or not text:
            return
        from docx.text.run import Run

        anchor = Run(r, paragraph)
        comment = self.document.add_comment(anchor, text=xml_safe(text), author=AUTHOR, initials="RL")
        comment._comment_elm.date = self.date
        wrapper = r.getparent()
        if wrapper.tag != qn("w:p"):
            # python-docx puts the comment's range and reference run inside the w:ins / w:del
            # holding the anchor run; with footnote references in the same paragraph,
            # LibreOffice then loses a paragraph break on rejecting. A point comment just
            # before the tracked change, itself untracked, reads the same and avoids that.
            start, end, ref = r.getprevious(), r.getnext(), r.getnext().getnext()
            wrapper.addprevious(start)
            wrapper.addprevious(end)
            wrapper.addprevious(ref)


def _mark_tracked(p: Any) -> bool:
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    kinds = ("ins", "del", "moveFrom", "moveTo")
    return rpr is not None and any(rpr.find(qn(f"w:{kind}")) is not None for kind in kinds)


def _marks(paras: Sequence[Paragraph], index: int | None) -> tuple[str, ...]:
    """Return the footnote marks of ``paras[index]`` (none for None or past the end)."""
    return paras[index].footnotes if index is not None and index < len(paras) else ()


def _bookmark_base(address: str) -> str:
    """Return ``address`` as a Word name: letters, digits and "_", a letter first, at most 36 long."""
    base = re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9]", "_", address)).strip("_")[:36] or "p"
    return base if base[0].isalpha() else "p" + base


def _label_chunks(old: Paragraph | None, new: Paragraph | None) -> list[Chunk]:
    """Return the number in front of a paragraph as chunks: kept, or the old deleted and the new inserted."""
    old_label = label(old) + " " if old is not None and label(old) else ""
    new_label = label(new) + " " if new is not None and label(new) else ""
    if old_label == new_label:
        return [Chunk(Op.EQUAL, old_label)] if old_label else []
    out = [Chunk(Op.DELETE, old_label)] if old_label else []
    return out + ([Chunk(Op.INSERT, new_label)] if new_label else [])


def _note(row: Row, part: Part) -> str | None:
    """Return the comment a placed row carries: where a move came from or went, or a renumbering."""
    old = ", ".join(p.address for p in row.old)
    new = ", ".join(p.address for p in row.new)
    if part is Part.OLD and row.new:
        return f"Moved to {new} (deleted here, inserted there)"
    if part is Part.NEW and row.old:
        return f"Moved from {old} (inserted here, deleted there)"
    if part is Part.BOTH and row.renumbered:
        return f"Renumbered: {old} → {new}"
    return None
