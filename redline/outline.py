"""A parsed Document as plain text: one addressed paragraph per line.

This is what ``redline parse --format text`` prints, and what git's ``textconv`` shows, so
that even a plain line diff of two versions reads paragraph by paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from redline.model import DocKind, Document, Footnote, Paragraph, Resolution


def outline(doc: Document) -> str:
    """Return ``doc`` as text: per resolution a header, its paragraphs, annexes and footnotes.

    Paragraph text is printed on one line (inner whitespace collapsed), after its address.
    """
    blocks: list[str] = []
    total = len(doc.resolutions)
    for i, res in enumerate(doc.resolutions, start=1):
        blocks.append(_resolution(res, f"[{i}/{total}]"))
    if doc.outside and not doc.resolutions:
        blocks.append(_paragraphs(doc.outside))
    if not blocks:
        blocks.append("(no resolution found)")
    return "\n\n".join(blocks) + "\n"


def _resolution(res: Resolution, counter: str) -> str:
    head = [f"{counter} {res.label or res.title or 'untitled text'}"]
    title = res.title if res.label else None  # without a label, the title is the heading
    fields = (("title", title), ("organ", res.organ), ("symbol", res.symbol))
    head += [f"  {name:<7}{value}" for name, value in fields if value]
    if res.kind is not DocKind.RESOLUTION:
        head.append(f"  {'kind':<7}{res.kind}")
    parts = ["\n".join(head)]
    if res.paragraphs:
        parts.append(_paragraphs(res.paragraphs))
    for annex in res.annexes:
        title = f"{annex.label}: {annex.title}" if annex.title else annex.label
        parts.append(title + ("\n" + _paragraphs(annex.paragraphs) if annex.paragraphs else ""))
    if res.footnotes:
        parts.append("Footnotes\n" + _footnotes(res.footnotes))
    return "\n\n".join(parts)


def _paragraphs(paragraphs: Sequence[Paragraph]) -> str:
    width = max(len(p.address) for p in paragraphs) + 2
    return "\n".join(f"{p.address:<{width}}{' '.join(p.text.split())}".rstrip() for p in paragraphs)


def _footnotes(notes: Sequence[Footnote]) -> str:
    width = max(len(n.mark) for n in notes) + 2
    return "\n".join(f"{n.mark:<{width}}{' '.join(n.text.split())}".rstrip() for n in notes)
