"""Footnotes of the tracked-changes .docx: real Word footnotes whose references are tracked.

A note cited on both sides is kept (its wording diffed inside the note when it changed); a
note only the old side cites has its reference deleted, one only the new side cites has its
reference inserted. Word numbers footnotes itself, so accepting or rejecting all changes
numbers the remaining notes in reading order, as each side printed them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from redline.diff import word_diff
from redline.model import Op
from redline.render.docxrev import Revisions

__all__ = ["Footnotes", "pair_marks"]

_SEPARATORS = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)

_SETTINGS = f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'


def pair_marks(
    old: Sequence[str], new: Sequence[str], old_notes: Mapping[str, str], new_notes: Mapping[str, str]
) -> list[tuple[str | None, str | None]]:
    """Pair a row's old and new footnote marks: same wording first, then same mark.

    Returns (old mark, new mark) pairs: deletions (new None) first, in old order, then the
    new marks in order, each with its old partner or None.
    """
    left = [m for m in old if m in old_notes]
    pairs: list[tuple[str | None, str | None]] = []
    for mark in (m for m in new if m in new_notes):
        partner = next((o for o in left if old_notes[o] == new_notes[mark]), None)
        if partner is None and mark in left:
            partner = mark
        if partner is not None:
            left.remove(partner)
        pairs.append((partner, mark))
    return [(o, None) for o in left] + pairs


@dataclass(slots=True)
class Footnotes:
    """The document's footnotes part, created on the first citation."""

    document: Any
    rev: Revisions
    root: Any | None = None
    next_id: int = 1
    made: list[int] = field(default_factory=list)

    def cite(self, p: Any, old_text: str | None, new_text: str | None) -> None:
        """Append to paragraph ``p`` a reference to a new footnote reading ``old_text`` → ``new_text``.

        The reference is deleted when only the old side has the note, inserted when only the
        new side has it; a note on both sides shows its own word diff.
        """
        op = Op.DELETE if new_text is None else Op.INSERT if old_text is None else Op.EQUAL
        note_id = str(self.next_id)
        self.next_id += 1
        ref = OxmlElement("w:r")
        ref.append(_superscript())
        mark = OxmlElement("w:footnoteReference")
        mark.set(qn("w:id"), note_id)
        ref.append(mark)
        self.rev.append(p, ref, op)
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), note_id)
        body = OxmlElement("w:p")
        own = OxmlElement("w:r")
        own.append(_superscript())
        own.append(OxmlElement("w:footnoteRef"))
        body.append(own)
        self.rev.run(body, " ", Op.EQUAL)
        if old_text is not None and new_text is not None:
            for chunk in word_diff(old_text, new_text):
                self.rev.run(body, chunk.text, chunk.op)
        else:
            self.rev.run(body, new_text or old_text or "", Op.EQUAL)
        note.append(body)
        self._root().append(note)

    def _root(self) -> Any:
        if self.root is None:
            main = self.document.part
            element = parse_xml(_SEPARATORS)
            part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, main.package)
            main.relate_to(part, RT.FOOTNOTES)
            self.root = element
            # Word lists the separator notes in the settings too (w:footnotePr precedes w:compat).
            settings = self.document.settings.element
            compat = settings.find(qn("w:compat"))
            if compat is not None and settings.find(qn("w:footnotePr")) is None:
                compat.addprevious(parse_xml(_SETTINGS))
        return self.root


def _superscript() -> Any:
    rpr = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    rpr.append(align)
    return rpr
