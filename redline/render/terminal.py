"""The terminal redline: ANSI colour when asked, wdiff-style ``[-…-]{+…+}`` without it.

Control characters in the documents are shown as ``\\x1b``-style escapes by ``_esc``, the
only escaping here, so a hostile text cannot drive the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from redline.model import Chunk, Op, Redline, ResolutionDiff
from redline.render import RenderOptions, register
from redline.render.layout import ARROW, NO_RESOLUTIONS, RowView, layout, verb_change_labels

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_RESET = "\x1b[0m"
_Paint = Callable[[str, str], str]
_STYLE: dict[str, str] = {
    Op.DELETE: "\x1b[9;31m",  # red, struck through
    Op.INSERT: "\x1b[4;34m",  # blue, underlined
    "moved": "\x1b[32m",
    "label": "\x1b[1m",
    "dim": "\x1b[2m",
}
_PLAIN: dict[str, tuple[str, str]] = {Op.DELETE: ("[-", "-]"), Op.INSERT: ("{+", "+}")}


def _esc(text: str) -> str:
    """Show control characters (other than newline and tab) as visible escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


@register("terminal")
def render_terminal(redline: Redline, options: RenderOptions) -> str:
    """Render the redline for a terminal; ``options.color`` chooses ANSI colour."""
    paint = _painter(options.color)
    old_name = options.old_name or redline.old.path or "old"
    new_name = options.new_name or redline.new.path or "new"
    lines = [paint("label", f"redline: {_esc(old_name)} {ARROW} {_esc(new_name)}")]
    for index, diff in enumerate(redline.resolutions, start=1):
        lines.append("")
        lines.extend(_resolution(diff, index, paint))
    if not redline.resolutions:
        lines.append(NO_RESOLUTIONS)
    return "\n".join(lines) + "\n"


def _painter(color: bool) -> _Paint:
    def paint(style: str, text: str) -> str:
        if color and text:
            return f"{_STYLE[style]}{text}{_RESET}"
        if style in _PLAIN:
            start, end = _PLAIN[style]
            return f"{start}{text}{end}"
        return text

    return paint


def _resolution(diff: ResolutionDiff, index: int, paint: _Paint) -> Iterator[str]:
    side = diff.new or diff.old
    title = (side.title if side is not None else None) or f"Resolution {index}"
    names = [_describe(r) for r in (diff.old, diff.new)]
    yield paint("label", f"== {_esc(title)} ==")
    yield f"   {_esc(names[0])} {ARROW} {_esc(names[1])}"
    s = diff.summary
    for part, counts in s.counts:
        told = ", ".join(f"{n} {c}" for c, n in counts if n and c != "unchanged")
        kept = dict(counts).get("unchanged", 0)
        yield f"   {part}: {told or 'no changes'}" + (f" ({kept} unchanged)" if kept else "")
    for label, _, old_verb, new_verb in verb_change_labels(diff):
        yield f"   verb {_esc(label)}: {_esc(old_verb)} {ARROW} {_esc(new_verb)}"
    yield f"   text unchanged: {s.unchanged_share:.1%}"
    yield from _rows(layout(diff), paint)


def _describe(res: object) -> str:
    if res is None:
        return "(none)"
    label, symbol = getattr(res, "label", None), getattr(res, "symbol", None)
    return " ".join(str(x) for x in (label, symbol) if x) or "(untitled)"


def _rows(views: Sequence[RowView], paint: _Paint) -> Iterator[str]:
    for view in views:
        row = view.row
        yield ""
        if view.stub:
            to = ", ".join(p.address for p in row.new)
            yield paint("moved", f"{_esc(', '.join(p.address for p in row.old))}  moved to {_esc(to)}")
            continue
        tags = list(view.shown_tags)
        if view.partner is not None:
            tags.append("moved from " + ", ".join(p.address for p in row.old))
        if view.footnote_note is not None:
            tags.append(view.footnote_note)
        head = paint("moved" if row.moved else "label", _esc(view.label))
        yield f"{head}  {paint('dim', _esc(', '.join(tags)))}"
        text = _chunks(row.chunks, paint)
        if text:
            yield "  " + text.replace("\n", "\n  ")


def _chunks(chunks: Sequence[Chunk], paint: _Paint) -> str:
    return "".join(_esc(c.text) if c.op is Op.EQUAL else paint(c.op, _esc(c.text)) for c in chunks)
