"""The HTML redline: one self-contained page, no script, no external asset, no network.

All text from the documents goes through ``_esc`` and nowhere else; every other string
written here is a constant or built from escaped parts.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence

from redline.model import Chunk, Document, Op, Redline, Resolution, ResolutionDiff
from redline.render import RenderOptions, register
from redline.render.html_style import CSS, CSS_SHA256
from redline.render.layout import ARROW, NO_RESOLUTIONS, RowView, layout, run_label, verb_change_labels
from redline.summary import CHANGES

_PAIR_HEAD = (
    '<thead><tr><th scope="col"></th><th scope="col">Old</th><th scope="col">New</th></tr></thead><tbody>'
)
PART_NAMES = {"PP": "Preambular (PP)", "OP": "Operative (OP)", "sub": "Sub-paragraphs", "other": "Other"}
# Read once: Python 3.11 looks an enum member up through the metaclass, about ten times the
# cost of a global, and the chunk loop tests one or two per chunk.
_EQUAL, _DELETE, _INSERT = Op.EQUAL, Op.DELETE, Op.INSERT


def _esc(text: str) -> str:
    """Escape document text for HTML content and attribute values (the only escaping)."""
    return html.escape(text, quote=True) if _special(text) else text


def _special(text: str) -> bool:
    """Return True when ``text`` holds a character html.escape replaces.

    Most pieces of text hold none; five substring tests (memchr-like scans in C) find that
    out in a fraction of a regular expression's scan.
    """
    return "&" in text or "<" in text or ">" in text or '"' in text or "'" in text


@register("html")
def render_html(redline: Redline, options: RenderOptions) -> str:
    """Render the redline as a standalone HTML page (inline view, side-by-side on demand)."""
    old_name = options.old_name or redline.old.path or "old"
    new_name = options.new_name or redline.new.path or "new"
    csp = (
        "default-src 'none'; img-src 'none'; script-src 'none'; "
        f"style-src 'sha256-{CSS_SHA256}'; base-uri 'none'; form-action 'none'"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="redline">',
        f"<title>Redline: {_esc(old_name)} {ARROW} {_esc(new_name)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        *_header(redline, old_name, new_name),
        '<input class="view" type="radio" name="view" id="view-inline" checked>',
        '<input class="view" type="radio" name="view" id="view-side">',
        '<div class="views" role="group" aria-label="View">',
        '<label for="view-inline">Inline</label> <label for="view-side">Side by side</label>',
        "</div>",
        "<main>",
    ]
    many = len(redline.resolutions) > 1
    for index, diff in enumerate(redline.resolutions, start=1):
        parts.extend(_resolution(diff, index, prefix=f"R{index}-" if many else ""))
    if not redline.resolutions:
        parts.append(f"<p>{NO_RESOLUTIONS}</p>")
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _header(redline: Redline, old_name: str, new_name: str) -> Iterator[str]:
    yield "<header>"
    yield f"<h1>Redline: {_esc(old_name)} {ARROW} {_esc(new_name)}</h1>"
    yield '<table class="docs">'
    yield _PAIR_HEAD
    yield _pair_row("File", old_name, new_name)
    if len(redline.resolutions) == 1:
        yield from _identity(redline.resolutions[0], redline)
    else:
        yield _pair_row("Symbol", _doc_symbol(redline.old), _doc_symbol(redline.new))
    yield "</tbody></table>"
    yield (
        '<p class="legend">Legend: <del>deleted text</del> · <ins>inserted text</ins> · '
        '<span class="mv">moved paragraph</span> · addresses read old → new (OP5 → OP6).</p>'
    )
    yield "</header>"


def _doc_symbol(doc: Document) -> str | None:
    if doc.symbol is not None:
        return doc.symbol
    symbols = [r.symbol for r in doc.resolutions if r.symbol is not None]
    return symbols[0] if len(symbols) == 1 else None


def _identity(diff: ResolutionDiff, redline: Redline | None = None) -> Iterator[str]:
    """Yield the label, title and symbol rows of a compared pair, leaving out empty ones."""
    for name, attr in (("Label", "label"), ("Title", "title"), ("Symbol", "symbol")):
        old, new = _attr(diff.old, attr), _attr(diff.new, attr)
        if attr == "symbol" and redline is not None:
            old, new = old or _doc_symbol(redline.old), new or _doc_symbol(redline.new)
        if old is not None or new is not None:
            yield _pair_row(name, old, new)


def _pair_row(name: str, old: str | None, new: str | None) -> str:
    cells = "".join(f"<td>{_esc(v)}</td>" if v is not None else "<td>—</td>" for v in (old, new))
    return f'<tr><th scope="row">{_esc(name)}</th>{cells}</tr>'


def _resolution(diff: ResolutionDiff, index: int, *, prefix: str) -> Iterator[str]:
    title = _title(diff.new) or _title(diff.old) or f"Resolution {index}"
    yield f'<section class="resolution" id="{_esc(prefix or "R1-")}top">'
    yield f"<h2>{_esc(title)}</h2>"
    if prefix:
        yield '<table class="pair">'
        yield _PAIR_HEAD
        yield from _identity(diff)
        yield "</tbody></table>"
    yield from _summary(diff, prefix)
    yield '<div class="side-head"><div></div><div class="side"><div>Old</div><div>New</div></div></div>'
    yield '<div class="redline">'
    yield from _rows(layout(diff, prefix=prefix))
    yield "</div>"
    yield "</section>"


def _title(res: Resolution | None) -> str | None:
    return res.title if res is not None else None


def _attr(res: Resolution | None, attr: str) -> str | None:
    if res is None:
        return "(none)"
    value = getattr(res, attr)
    return value if isinstance(value, str) else None


def _summary(diff: ResolutionDiff, prefix: str) -> Iterator[str]:
    s = diff.summary
    yield '<table class="summary"><caption class="vh">Change summary</caption>'
    heads = "".join(f'<th scope="col">{c}</th>' for c in CHANGES)
    yield f'<thead><tr><th scope="col">Paragraphs</th>{heads}</tr></thead><tbody>'
    for part, counts in s.counts:
        cells = "".join(f'<td class="n{" zero" if n == 0 else ""}">{n}</td>' for _, n in counts)
        yield f'<tr><th scope="row">{_esc(PART_NAMES.get(part, part))}</th>{cells}</tr>'
    yield "</tbody></table>"
    yield f'<p class="facts">Text unchanged: {s.unchanged_share:.1%} of the old text.</p>'
    changes = verb_change_labels(diff, prefix=prefix)
    if changes:
        items = [
            f'<li><a href="#{_esc(anchor)}">{_esc(label)}</a>: '
            f"<del>{_esc(old)}</del> {ARROW} <ins>{_esc(new)}</ins></li>"
            for label, anchor, old, new in changes
        ]
        yield f'<div class="facts">Leading verbs changed:<ul>{"".join(items)}</ul></div>'


def _rows(views: Sequence[RowView]) -> Iterator[str]:
    run: list[RowView] = []
    for view in [*views, None]:
        if view is not None and view.unchanged:
            run.append(view)
            continue
        if run:
            count = f"{len(run)} unchanged paragraph{'s' if len(run) > 1 else ''}"
            yield f'<details class="same"><summary>{count}: {_esc(run_label(run))}</summary>'
            yield from (_row(v) for v in run)
            yield "</details>"
            run = []
        if view is not None:
            yield _row(view)


def _row(view: RowView) -> str:
    row = view.row
    if view.stub:
        return (
            f'<div class="row stub moved" id="{_esc(view.anchor)}"><div class="addr">'
            f"{_esc(', '.join(p.address for p in row.old))}</div>"
            f'<div class="t">Moved to <a class="move" href="#{_esc(view.partner or "")}">'
            f"{_esc(', '.join(p.address for p in row.new))}</a> ↓</div></div>"
        )
    classes = f"row {row.kind} moved" if row.moved else f"row {row.kind}"
    anchor = _esc(view.anchor)
    addr = [f'<a class="self" href="#{anchor}">{_esc(view.label)}</a>']
    addr += [f'<span class="tag">{_esc(t)}</span>' for t in view.shown_tags]
    if view.partner is not None:
        came = ", ".join(p.address for p in row.old)
        addr.append(f'<a class="tag move" href="#{_esc(view.partner)}">moved from {_esc(came)}</a>')
    note = view.footnote_note
    if note is not None:
        addr.append(f'<span class="tag notes">{_esc(note)}</span>')
    extra = "".join([f'<span id="{_esc(a)}"></span>' for a in view.extra_anchors])
    inline, old, new = _chunks(row.chunks)
    return (
        f'<div class="{classes}" id="{anchor}"><div class="addr">{extra}{" ".join(addr)}</div>'
        f'<div class="body"><div class="inline t">{inline}</div>'
        f'<div class="side"><div class="old t">{old}</div>'
        f'<div class="new t">{new}</div></div></div></div>'
    )


def _chunks(chunks: Sequence[Chunk]) -> tuple[str, str, str]:
    """Return a row's inline, old and new HTML, escaping each chunk once for all three.

    One test of the row's whole text tells whether any chunk needs escaping at all.
    """
    escape = _special("".join([c.text for c in chunks]))
    inline: list[str] = []
    old: list[str] = []
    new: list[str] = []
    for c in chunks:
        op = c.op
        text = _esc(c.text) if escape else c.text
        if op is _EQUAL:
            inline.append(text)
            old.append(text)
            new.append(text)
        elif op is _DELETE:
            marked = f"<del>{text}</del>"
            inline.append(marked)
            old.append(marked)
        elif op is _INSERT:
            marked = f"<ins>{text}</ins>"
            inline.append(marked)
            new.append(marked)
    return "".join(inline), "".join(old), "".join(new)
