"""Read a Word .docx into redline's canonical plain-text shape (python-docx lives here).

python-docx opens and validates the package; the body is then read from its XML, since
python-docx's text skips tracked insertions, footnotes and computed list numbers. Output:
one paragraph per block separated by blank lines, printed numbers typed at the start
("5. ", "(a) "), footnote marks glued to the word they follow, and each paragraph's notes
in a block after it (a line of underscores, then "N note text").
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from redline.errors import InputError
from redline.load import Tracked
from redline.load.docxnum import Numbering
from redline.load.zipcheck import open_zip

__all__ = ["SUMMARY_TAG", "docx_to_text"]

_FOOTNOTE_RULE = "_" * 15
SUMMARY_TAG = "redline-summary"
"""Tag of the content controls holding a redline .docx's own front matter (title, summary
table): the reader skips them, so reading a redline back gives only the resolution."""


def docx_to_text(data: bytes, name: str, *, tracked: Tracked) -> str:
    """Return the canonical text of the .docx ``data``, its own tracked changes read as ``tracked``.

    ``Tracked.ACCEPT`` keeps insertions and moved-to text and drops deletions and moved-from
    text; ``Tracked.REJECT`` does the reverse. Raises InputError for a damaged package.
    """
    document = _open(data, name)
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    parts = {rel.reltype: rel.target_part for rel in document.part.rels.values() if not rel.is_external}
    reader = _Reader(
        keep_ins=tracked is Tracked.ACCEPT,
        numbering=Numbering.from_xml(_root(parts.get(RT.NUMBERING))),
        styles=_style_numbering(_root(parts.get(RT.STYLES))),
        notes=_footnotes(_root(parts.get(RT.FOOTNOTES))),
    )
    blocks = list(reader.blocks(document.element.body))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _open(data: bytes, name: str) -> Any:
    open_zip(data, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        missing = f" ({exc.args[0]})" if isinstance(exc, KeyError) and exc.args else ""
        raise InputError(
            f"a .docx with missing or broken parts{missing}; re-save it from Word", path=name
        ) from None
    except Exception as exc:
        # lxml syntax errors and the like: the package holds XML Word would not write.
        raise InputError(f"a damaged .docx ({type(exc).__name__}); re-save it from Word", path=name) from None


def _root(part: Any | None) -> Any | None:
    if part is None:
        return None
    from docx.oxml import parse_xml

    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _style_numbering(root: Any | None) -> dict[str, tuple[str, int]]:
    """Map paragraph style ids to the (numId, ilvl) they number with, following basedOn."""
    if root is None:
        return {}
    direct: dict[str, tuple[str, int] | None] = {}
    based: dict[str, str] = {}
    for style in root.iterchildren(_w("style")):
        sid = style.get(_w("styleId"))
        num = style.find(f"{_w('pPr')}/{_w('numPr')}")
        direct[sid] = _num_pr(num) if num is not None else None
        parent = style.find(_w("basedOn"))
        if parent is not None:
            based[sid] = parent.get(_w("val"))
    out: dict[str, tuple[str, int]] = {}
    for sid in direct:
        seen: set[str] = set()
        current: str | None = sid
        while current is not None and current not in seen:
            seen.add(current)
            found = direct.get(current)
            if found is not None:
                out[sid] = found
                break
            current = based.get(current)
    return out


def _num_pr(num: Any) -> tuple[str, int]:
    num_id = num.find(_w("numId"))
    ilvl = num.find(_w("ilvl"))
    return (
        num_id.get(_w("val"), "0") if num_id is not None else "",
        int(ilvl.get(_w("val"), "0")) if ilvl is not None else 0,
    )


def _footnotes(root: Any | None) -> dict[str, Any]:
    """Map footnote ids to their w:footnote elements, leaving out the separators."""
    if root is None:
        return {}
    return {
        fn.get(_w("id")): fn
        for fn in root.iterchildren(_w("footnote"))
        if fn.get(_w("type")) in (None, "normal")
    }


@dataclass(slots=True)
class _Reader:
    keep_ins: bool
    numbering: Numbering
    styles: dict[str, tuple[str, int]]
    notes: dict[str, Any]
    cited: int = 0

    def blocks(self, body: Any) -> Iterator[str]:
        """Yield each non-empty paragraph of ``body`` (tables cell by cell) with its notes."""
        carry = ""
        for p in body.iter(_w("p")):
            if _inside(p):
                continue
            notes: list[str] = []
            text = carry + self._text(p, notes)
            label = self._label(p)
            if self._mark_removed(p):
                carry = text  # the paragraph mark is gone: the next paragraph continues this one
                continue
            carry = ""
            text = " ".join(text.split())
            if label and text:
                text = f"{label} {text}"
            if text:
                # The notes go on the lines right after the rule: a blank line would end the block.
                yield "\n".join([text, _FOOTNOTE_RULE, *notes] if notes else [text])
        if carry.strip():
            yield " ".join(carry.split())  # the last paragraph's mark was removed: keep its text

    def _mark_removed(self, p: Any) -> bool:
        rpr = p.find(f"{_w('pPr')}/{_w('rPr')}")
        if rpr is None:
            return False
        if self.keep_ins:
            return rpr.find(_w("del")) is not None or rpr.find(_w("moveFrom")) is not None
        return rpr.find(_w("ins")) is not None or rpr.find(_w("moveTo")) is not None

    def _label(self, p: Any) -> str:
        ppr = p.find(_w("pPr"))
        if ppr is None:
            return ""
        num = ppr.find(_w("numPr"))
        if num is not None:
            num_id, ilvl = _num_pr(num)
        else:
            style = ppr.find(_w("pStyle"))
            found = self.styles.get(style.get(_w("val"))) if style is not None else None
            if found is None:
                return ""
            num_id, ilvl = found
        if num_id in ("", "0"):
            return ""
        return self.numbering.label(num_id, ilvl)

    def _text(self, p: Any, notes: list[str]) -> str:
        out: list[str] = []
        for el in _walk(p, self.keep_ins):
            tag = el.tag.rsplit("}", 1)[-1]
            if tag in ("t", "delText"):
                out.append(el.text or "")
            elif tag in ("tab", "br", "cr"):
                out.append(" ")
            elif tag == "noBreakHyphen":
                out.append("\u2011")
            elif tag == "footnoteReference":
                out.append(self._cite(el, notes))
        return "".join(out)

    def _cite(self, ref: Any, notes: list[str]) -> str:
        note = self.notes.get(ref.get(_w("id")))
        if note is None:
            return ""
        body = " ".join(" ".join(self._text(q, []) for q in note.iter(_w("p"))).split())
        if ref.get(_w("customMarkFollows")) in ("1", "true", "on"):
            notes.append(body)  # the mark is typed in the text, here and in the note
            return ""
        self.cited += 1
        notes.append(f"{self.cited} {body}")
        return str(self.cited)


def _inside(p: Any) -> bool:
    """Tell whether ``p`` sits in a text box, a footnote or a redline summary control."""
    parent = p.getparent()
    while parent is not None:
        tag = parent.tag.rsplit("}", 1)[-1]
        if tag in ("txbxContent", "footnote"):
            return True
        if tag == "sdt":
            marker = parent.find(f"{_w('sdtPr')}/{_w('tag')}")
            if marker is not None and marker.get(_w("val")) == SUMMARY_TAG:
                return True
        parent = parent.getparent()
    return False


_SKIP = frozenset({"pPr", "rPr", "instrText", "delInstrText", "txbxContent", "Fallback", "footnoteRef"})


def _walk(el: Any, keep_ins: bool) -> Iterator[Any]:
    """Yield the text-bearing descendants of ``el`` in order, on the chosen side of revisions."""
    dropped = ("del", "moveFrom") if keep_ins else ("ins", "moveTo")
    for child in el.iterchildren():
        if not isinstance(child.tag, str):
            continue  # comments and processing instructions
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in _SKIP or tag in dropped:
            continue
        yield child
        yield from _walk(child, keep_ins)
