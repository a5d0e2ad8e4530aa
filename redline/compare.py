"""Compare: two Documents -> a Redline (pair, then align, then word-diff each row)."""

from __future__ import annotations

from collections.abc import Sequence

from redline.align import align
from redline.diff import word_diff
from redline.model import Document, Paragraph, Redline, Resolution, ResolutionDiff, Row, RowKind
from redline.pair import pair
from redline.summary import summarize


def compare(old: Document, new: Document) -> Redline:
    """Return the redline of ``old`` against ``new``.

    Documents with one resolution each are compared directly; otherwise their
    resolutions are paired first, and unpaired ones appear with the other side None.
    """
    diffs: list[ResolutionDiff] = []
    for old_res, new_res, similarity in _pairs(old.resolutions, new.resolutions):
        diffs.append(compare_resolutions(old_res, new_res, similarity=similarity))
    return Redline(old=old, new=new, resolutions=tuple(diffs))


def compare_resolutions(
    old: Resolution | None, new: Resolution | None, *, similarity: float = 1.0
) -> ResolutionDiff:
    """Align and word-diff one pair of resolutions (either side may be None)."""
    old_paras = old.all_paragraphs() if old is not None else ()
    new_paras = new.all_paragraphs() if new is not None else ()
    rows = build_rows(old_paras, new_paras)
    return ResolutionDiff(old, new, rows, summarize(rows), similarity)


def build_rows(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> tuple[Row, ...]:
    """Align two paragraph lists and attach the word diff of each row."""
    rows = []
    old_at, new_at = old.__getitem__, new.__getitem__
    for link in align(old, new):
        o = tuple(map(old_at, link.old))
        n = tuple(map(new_at, link.new))
        chunks = word_diff(_joined(o), _joined(n))
        kind = link.kind
        if kind is RowKind.CHANGED and o and n and all(c.op == "=" for c in chunks):
            kind = RowKind.EQUAL
        rows.append(Row(kind, o, n, link.moved, link.renumbered, link.similarity, chunks))
    return tuple(rows)


def _joined(paras: tuple[Paragraph, ...]) -> str:
    """Return the paragraphs' texts joined by one newline (``Row.old_text``), without a join for one."""
    return paras[0].text if len(paras) == 1 else "\n".join([p.text for p in paras])


def _pairs(
    old: Sequence[Resolution], new: Sequence[Resolution]
) -> list[tuple[Resolution | None, Resolution | None, float]]:
    """Pair the texts of two documents (see `redline.pair`); unpaired ones get a None side.

    One text on each side is compared directly. Otherwise every old text appears once, in
    order, and each unpaired new text is placed just before the first pair whose new text
    follows it, so both sides read in their own order.
    """
    if len(old) == 1 and len(new) == 1:
        return [(old[0], new[0], 1.0)]
    pairing = pair(old, new)
    pending = list(pairing.unpaired_new)
    out: list[tuple[Resolution | None, Resolution | None, float]] = []
    for p in pairing.pairs:
        if p.new_index is not None:
            while pending and pending[0] < p.new_index:
                out.append((None, new[pending.pop(0)], 0.0))
        out.append((p.old, p.new, p.similarity if p.new is not None else 0.0))
    out.extend((None, new[j], 0.0) for j in pending)
    return out


def accept_row(row: Row) -> str:
    """Return the row's text with every change accepted: its new paragraphs joined by newlines."""
    return "".join(c.text for c in row.chunks if c.op != "-")


def reject_row(row: Row) -> str:
    """Return the row's text with every change rejected: its old paragraphs joined by newlines."""
    return "".join(c.text for c in row.chunks if c.op != "+")


def accept(redline: Redline) -> tuple[str, ...]:
    """Return each resolution's text with every change accepted, one string per resolution.

    Rows are put in the new resolution's reading order (by their first new paragraph), so
    the result is the new paragraphs' texts joined by newlines; "" for a deleted resolution.
    """
    return tuple(_apply(d.new, d.rows, new_side=True) for d in redline.resolutions)


def reject(redline: Redline) -> tuple[str, ...]:
    """Return each resolution's text with every change rejected (the old text), as in accept()."""
    return tuple(_apply(d.old, d.rows, new_side=False) for d in redline.resolutions)


def _apply(res: Resolution | None, rows: Sequence[Row], *, new_side: bool) -> str:
    if res is None:
        return ""
    order = {p.address: i for i, p in enumerate(res.all_paragraphs())}
    placed = []
    for row in rows:
        side = row.new if new_side else row.old
        if side:
            placed.append(
                (order.get(side[0].address, len(order)), accept_row(row) if new_side else reject_row(row))
            )
    return "\n".join(text for _, text in sorted(placed, key=lambda item: item[0]))
