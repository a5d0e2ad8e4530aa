"""Small builders shared by the renderer tests: invented resolutions and their printed form."""

from __future__ import annotations

from collections.abc import Sequence

from redline.model import Kind, Paragraph, Resolution
from redline.render.docx import label


def resolution(texts: Sequence[str], *, title: str | None = "Cooperation on ocean observation") -> Resolution:
    """Build a resolution: texts ending with a comma go first as PPs, the rest as numbered OPs."""
    paras: list[Paragraph] = []
    pp = op = 0
    for text in texts:
        if text.endswith(",") and op == 0:
            pp += 1
            paras.append(Paragraph(Kind.PREAMBULAR, None, f"PP{pp}", text))
        else:
            op += 1
            paras.append(Paragraph(Kind.OPERATIVE, str(op), f"OP{op}", text))
    return Resolution(
        label=None, title=title, organ="The General Assembly", symbol=None, paragraphs=tuple(paras)
    )


def printed(res: Resolution | None) -> list[str]:
    """The paragraphs as Word shows them: number, space, text, then footnote numbers in order."""
    if res is None:
        return []
    known = {f.mark for f in res.footnotes}
    shown: list[str] = []
    cited = 0
    for p in res.all_paragraphs():
        marks = ""
        for mark in p.footnotes:
            if mark in known:
                cited += 1
                marks += str(cited)
        text = " ".join(f"{label(p)} {p.text}".split())
        if text:
            shown.append(text + marks)
    return shown
