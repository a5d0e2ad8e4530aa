"""Parse: canonical text -> Document (placeholder until the parser lands)."""

from __future__ import annotations

import re

from redline.model import Document, Kind, Paragraph, Resolution

_NUMBERED = re.compile(r"^\s*(\d+)\.\s+(.*)$", re.S)


def parse(text: str, *, name: str | None = None) -> Document:
    """Split ``text`` into one resolution of blank-line-separated paragraphs."""
    paras: list[Paragraph] = []
    pp = 0
    for block in re.split(r"\n\s*\n", text):
        body = " ".join(block.split())
        if not body:
            continue
        m = _NUMBERED.match(body)
        if m:
            paras.append(Paragraph(Kind.OPERATIVE, m.group(1), f"OP{m.group(1)}", m.group(2)))
        else:
            pp += 1
            paras.append(Paragraph(Kind.PREAMBULAR, None, f"PP{pp}", body))
    res = Resolution(label=None, title=None, organ=None, symbol=None, paragraphs=tuple(paras))
    return Document(resolutions=(res,), path=name)
