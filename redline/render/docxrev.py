"""WordprocessingML revision markup for the tracked-changes renderer (python-docx's oxml).

One :class:`Revisions` object stamps every w:ins / w:del with the same author and date
and hands out annotation ids in document order, so the same redline always gives the
same XML. Text is added run by run; a paragraph's own mark can be inserted or deleted
too, which is how a split or a merge of paragraphs is tracked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from redline.model import Op

__all__ = ["Revisions", "xml_safe"]

# Characters XML 1.0 cannot carry (C0 controls other than tab/newline/CR, and U+FFFE/FFFF).
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 forbids (they cannot be in a .docx)."""
    return _XML_BAD.sub("", text)


_TAGS = {
    (Op.INSERT, False): "w:ins",
    (Op.DELETE, False): "w:del",
    (Op.INSERT, True): "w:moveTo",
    (Op.DELETE, True): "w:moveFrom",
}


@dataclass(slots=True)
class Revisions:
    """Revision stamps (author, date) and a counter for annotation ids."""

    author: str
    date: str
    next_id: int = 10_000
    """Start above the comment ids python-docx hands out (0, 1, ...), so none collide."""

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def _stamp(self, tag: str) -> Any:
        el = OxmlElement(tag)
        el.set(qn("w:id"), self._id())
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        return el

    def run(self, p: Any, text: str, op: Op, *, bold: bool = False, move: bool = False) -> Any:
        """Append ``text`` to paragraph element ``p`` as a run, inserted or deleted per ``op``.

        With ``move``, a deletion is moved-from and an insertion moved-to text. Returns the
        w:r element (inside its w:ins / w:del / w:moveFrom / w:moveTo when tracked).
        """
        r = OxmlElement("w:r")
        if bold:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:b"))
            r.append(rpr)
        t = OxmlElement("w:delText" if op is Op.DELETE and not move else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = xml_safe(text)
        r.append(t)
        if op is Op.EQUAL:
            p.append(r)
        else:
            wrapper = self._stamp(_TAGS[op, move])
            wrapper.append(r)
            p.append(wrapper)
        return r

    def append(self, p: Any, child: Any, op: Op) -> None:
        """Append element ``child`` (a run) to ``p``, inside a w:ins / w:del unless Op.EQUAL."""
        if op is Op.EQUAL:
            p.append(child)
            return
        wrapper = self._stamp(_TAGS[op, False])
        wrapper.append(child)
        p.append(wrapper)

    def mark(self, p: Any, op: Op, *, move: bool = False) -> None:
        """Track paragraph ``p``'s own mark as inserted or deleted (or moved; nothing for Op.EQUAL)."""
        if op is Op.EQUAL:
            return
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)
        rpr.append(self._stamp(_TAGS[op, move]))

    def move_range(self, first: Any, last: Any, op: Op, name: str) -> None:
        """Bracket paragraphs ``first``..``last`` as the source (Op.DELETE) or target of move ``name``.

        Word pairs a move's two ranges by their common name.
        """
        side = "moveFrom" if op is Op.DELETE else "moveTo"
        start = self._stamp(f"w:{side}RangeStart")
        start.set(qn("w:name"), name)
        end = OxmlElement(f"w:{side}RangeEnd")
        end.set(qn("w:id"), start.get(qn("w:id")))
        ppr = first.find(qn("w:pPr"))
        if ppr is None:
            first.insert(0, start)
        else:
            ppr.addnext(start)
        last.append(end)

    def fence(self, elements: list[Any], tag: str) -> None:
        """Move consecutive body ``elements`` into one block content control tagged ``tag``."""
        if not elements:
            return
        sdt = OxmlElement("w:sdt")
        props = OxmlElement("w:sdtPr")
        marker = OxmlElement("w:tag")
        marker.set(qn("w:val"), tag)
        props.append(marker)
        sdt_id = OxmlElement("w:id")
        sdt_id.set(qn("w:val"), self._id())
        props.append(sdt_id)
        content = OxmlElement("w:sdtContent")
        sdt.append(props)
        sdt.append(content)
        elements[0].addprevious(sdt)
        for el in elements:
            content.append(el)

    def bookmark(self, p: Any, name: str) -> None:
        """Wrap paragraph ``p``'s content in a bookmark called ``name``."""
        bid = self._id()
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), bid)
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), bid)
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            p.insert(0, start)
        else:
            ppr.addnext(start)
        p.append(end)
