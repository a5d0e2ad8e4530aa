"""What every human-readable renderer shows of a row: its addresses, anchor, tags and links.

Renderers turn these plain facts into markup; nothing here escapes or formats text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from redline.model import Footnote, Paragraph, Resolution, ResolutionDiff, Row, RowKind
from redline.summary import row_changes

ARROW = "→"
NONE = "—"
NO_RESOLUTIONS = "Neither file holds a resolution to compare."
_SHOWN = {"typographic": "typography only"}
_UNSAFE = re.compile(r"[^A-Za-z0-9().-]+")


@dataclass(frozen=True, slots=True)
class RowView:
    """One entry of a rendered redline: a row, or the stub left where a moved row stood."""

    row: Row
    anchor: str
    """Unique id within the rendered page: the first new address, else "old-" + old address."""
    label: str
    """Addresses as negotiators read them: "OP5 → OP6", "OP8 → OP10, OP11", "PP5 → —"."""
    tags: tuple[str, ...]
    """What happened, in summary order: "changed", "moved", "renumbered", "split", ..."""
    extra_anchors: tuple[str, ...] = ()
    """Anchors of the row's other new addresses (a split row answers to each)."""
    stub: bool = False
    """True for the marker at a moved row's old place; ``row`` is then the moved row."""
    partner: str | None = None
    """For a moved row, the anchor of its stub; for a stub, the anchor of the moved row."""
    footnotes_changed: bool = False
    old_marks: tuple[str, ...] = ()
    new_marks: tuple[str, ...] = ()

    @property
    def unchanged(self) -> bool:
        """Return True when the row changed nothing a reader must see (collapsible)."""
        return (
            not self.stub
            and self.row.kind is RowKind.EQUAL
            and not self.row.moved
            and not self.footnotes_changed
            and len(self.row.old) == len(self.row.new) == 1
        )

    @property
    def footnote_note(self) -> str | None:
        """Describe a footnote change: "footnotes 2 → 3", or "footnote 7 reworded"; None if none."""
        if not self.footnotes_changed:
            return None
        if self.old_marks == self.new_marks:
            plural = "s" if len(self.new_marks) > 1 else ""
            return f"footnote{plural} {', '.join(self.new_marks)} reworded"
        return f"footnotes {', '.join(self.old_marks) or NONE} {ARROW} {', '.join(self.new_marks) or NONE}"

    @property
    def shown_tags(self) -> tuple[str, ...]:
        """Return the tags worth printing: "unchanged" only when nothing else applies."""
        rest = tuple([_SHOWN.get(t, t) for t in self.tags if t != "unchanged" and t != "moved"])
        return rest or (("unchanged",) if not self.row.moved else ())


def anchor_id(address: str, *, prefix: str = "") -> str:
    """Return an id for ``address`` made only of ASCII letters, digits and ``().-``; others become "_".

    Being inert in HTML attributes, URLs and Markdown alike, it needs no escaping anywhere.
    """
    if address.isalnum() and address.isascii():  # "OP12", "PP3": nothing to replace
        return prefix + address
    return prefix + _UNSAFE.sub("_", address)


def address_label(row: Row) -> str:
    """Return "OP5 → OP6" for a row; "OP5" alone when nothing was renumbered or moved."""
    old = _addresses(row.old)
    new = _addresses(row.new)
    if old == new:
        return old
    return f"{old} {ARROW} {new}"


def _addresses(paras: Sequence[Paragraph]) -> str:
    """Return the paragraphs' addresses joined by ", " (a lone paragraph's own), or NONE."""
    if len(paras) == 1:
        return paras[0].address or NONE
    return ", ".join([p.address for p in paras]) or NONE


def layout(diff: ResolutionDiff, *, prefix: str = "") -> tuple[RowView, ...]:
    """Return the rows of one resolution in reading order, with stubs where moved rows were.

    A stub follows the row of the nearest earlier old paragraph that did not move (or opens
    the list when there is none); stubs sharing a place keep the old order, so the old text
    can be followed too.
    """
    views = [_view(row, diff, prefix) for row in diff.rows]
    old_pos = _positions(diff.old)
    row_of_old: dict[int, int] = {}
    for index, row in enumerate(diff.rows):
        for p in row.old:
            row_of_old[old_pos.get(p.address, -1)] = index
    placed: dict[int, list[tuple[int, RowView]]] = {}
    for index, view in enumerate(views):
        row = view.row
        if not (row.moved and row.old and row.new):
            continue
        first = old_pos.get(row.old[0].address, -1)
        before = first - 1
        while before >= 0 and diff.rows[row_of_old.get(before, index)].moved:
            before -= 1
        stub_anchor = anchor_id("old-" + row.old[0].address, prefix=prefix)
        stub = RowView(row, stub_anchor, view.label, ("moved",), stub=True, partner=view.anchor)
        placed.setdefault(row_of_old.get(before, -1) if before >= 0 else -1, []).append((first, stub))
        views[index] = replace(view, partner=stub_anchor)
    stubs = {k: [stub for _, stub in sorted(v, key=lambda item: item[0])] for k, v in placed.items()}
    out: list[RowView] = list(stubs.get(-1, ()))
    for index, view in enumerate(views):
        out.append(view)
        out.extend(stubs.get(index, ()))
    return tuple(out)


def run_label(views: Sequence[RowView]) -> str:
    """Name a run of collapsed rows: every label when few, else the first and the last."""
    if len(views) <= 3:
        return ", ".join(v.label for v in views)
    return f"{views[0].label} … {views[-1].label}"


def verb_change_labels(diff: ResolutionDiff, *, prefix: str = "") -> tuple[tuple[str, str, str, str], ...]:
    """Return (label "OP4 → OP5", anchor, old verb, new verb) for each leading-verb change."""
    old_of = {r.new[0].address: r.old[0].address for r in diff.rows if r.new and r.old}
    out = []
    for address, old_verb, new_verb in diff.summary.verb_changes:
        was = old_of.get(address, address)
        label = address if was == address else f"{was} {ARROW} {address}"
        out.append((label, anchor_id(address, prefix=prefix), old_verb, new_verb))
    return tuple(out)


def footnote_marks(paras: Sequence[Paragraph]) -> tuple[str, ...]:
    """Return the footnote marks cited by ``paras``, in order."""
    if len(paras) == 1:
        return tuple(paras[0].footnotes)
    return tuple([m for p in paras for m in p.footnotes])


def footnotes_changed(row: Row, old: Resolution | None, new: Resolution | None) -> bool:
    """Return True when the row's footnote marks, or the texts of the notes they cite, differ."""
    if not row.old or not row.new:
        return False
    old_marks, new_marks = footnote_marks(row.old), footnote_marks(row.new)
    if old_marks != new_marks:
        return True
    if not old_marks:
        return False
    old_notes, new_notes = _notes(old), _notes(new)
    return any(old_notes.get(m) != new_notes.get(m) for m in old_marks)


def _view(row: Row, diff: ResolutionDiff, prefix: str) -> RowView:
    if row.new:
        anchor = anchor_id(row.new[0].address, prefix=prefix)
    else:
        anchor = anchor_id("old-" + (row.old[0].address if row.old else "row"), prefix=prefix)
    extra = tuple([anchor_id(p.address, prefix=prefix) for p in row.new[1:]]) if len(row.new) > 1 else ()
    old_marks, new_marks = footnote_marks(row.old), footnote_marks(row.new)
    return RowView(
        row,
        anchor,
        address_label(row),
        row_changes(row),
        extra_anchors=extra,
        # Only a row citing footnotes can have changed them: skip the notes' lookup otherwise.
        footnotes_changed=bool(old_marks or new_marks) and footnotes_changed(row, diff.old, diff.new),
        old_marks=old_marks,
        new_marks=new_marks,
    )


def _positions(res: Resolution | None) -> dict[str, int]:
    if res is None:
        return {}
    return {p.address: i for i, p in enumerate(res.all_paragraphs())}


def _notes(res: Resolution | None) -> dict[str, str]:
    notes: tuple[Footnote, ...] = res.footnotes if res is not None else ()
    return {f.mark: f.text for f in notes}
