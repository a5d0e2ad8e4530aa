"""The Markdown redline, for GitHub and any CommonMark reader.

Changes are inline ``<del>``/``<ins>`` tags (or CriticMarkup ``{--…--}{++…++}``), and every
ASCII punctuation mark of the documents' text is backslash-escaped by ``_esc``, the only
escaping here: CommonMark's flanking rules break ``~~``/``**`` redlines, and an unescaped
leading "1." would turn a paragraph into a renumbered list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from redline.model import Chunk, Op, Redline, Resolution, ResolutionDiff
from redline.render import RenderOptions, register
from redline.render.layout import ARROW, NO_RESOLUTIONS, RowView, layout, run_label, verb_change_labels
from redline.summary import CHANGES

PART_NAMES = {"PP": "Preambular (PP)", "OP": "Operative (OP)", "sub": "Sub-paragraphs", "other": "Other"}
_ACTIVE = re.compile(r"[\\`*_\[\]<>!&|~$#@]")
_START = re.compile(r"^(\d{0,9})([.)=+-])")
_LINE_END = re.compile(r"\r\n|\r|\n")
_SAFE = re.compile(r"[^\w() ,.→…-]")


def _esc(text: str) -> str:
    """Escape document text for Markdown: inline markup marks, block markers, braces, line ends.

    Braces become entities so that no CriticMarkup delimiter can form; a leading list or
    heading marker is escaped even though the text never starts a Markdown line.
    """
    out = _ACTIVE.sub(r"\\\g<0>", text).replace("{", "&#123;").replace("}", "&#125;")
    out = _START.sub(r"\g<1>\\\g<2>", out)
    return _LINE_END.sub("<br>", out)


@register("markdown")
def render_markdown(redline: Redline, options: RenderOptions) -> str:
    """Render the redline as Markdown (``options.markdown_style``: "html" or "criticmarkup")."""
    critic = options.markdown_style == "criticmarkup"
    old_name = options.old_name or redline.old.path or "old"
    new_name = options.new_name or redline.new.path or "new"
    lines = [f"# Redline: {_esc(old_name)} {ARROW} {_esc(new_name)}", ""]
    lines += ["|  | Old | New |", "|---|---|---|", _cells("File", old_name, new_name)]
    if len(redline.resolutions) == 1:
        lines += _identity(redline.resolutions[0])
    lines.append("")
    lines.append(_legend(critic))
    many = len(redline.resolutions) > 1
    for index, diff in enumerate(redline.resolutions, start=1):
        lines.append("")
        lines.extend(_resolution(diff, index, prefix=f"R{index}-" if many else "", critic=critic))
    if not redline.resolutions:
        lines += ["", NO_RESOLUTIONS]
    return "\n".join(lines).rstrip("\n") + "\n"


def _legend(critic: bool) -> str:
    if critic:
        return "Legend: {--deleted--} {++inserted++}; addresses read old → new (OP5 → OP6)."
    return "Legend: <del>deleted</del> <ins>inserted</ins>; addresses read old → new (OP5 → OP6)."


def _cells(name: str, *values: str | None) -> str:
    return "| " + " | ".join([_esc(name), *(_esc(v) if v is not None else "—" for v in values)]) + " |"


def _resolution(diff: ResolutionDiff, index: int, *, prefix: str, critic: bool) -> Iterator[str]:
    title = _get(diff.new, "title") or _get(diff.old, "title") or f"Resolution {index}"
    yield f"## {_esc(title)}"
    yield ""
    if prefix:
        yield "|  | Old | New |"
        yield "|---|---|---|"
        yield from _identity(diff)
        yield ""
    yield from _summary(diff, prefix, critic)
    yield from _rows(layout(diff, prefix=prefix), critic)


def _identity(diff: ResolutionDiff) -> list[str]:
    """Return the label, title and symbol table rows of a compared pair, leaving out empty ones."""
    out = []
    for name in ("label", "title", "symbol"):
        old, new = _get(diff.old, name), _get(diff.new, name)
        if old is not None or new is not None:
            out.append(_cells(name.capitalize(), old, new))
    return out


def _get(res: Resolution | None, name: str) -> str | None:
    if res is None:
        return "(none)"
    value = getattr(res, name)
    return value if isinstance(value, str) else None


def _summary(diff: ResolutionDiff, prefix: str, critic: bool) -> Iterator[str]:
    s = diff.summary
    yield "| Paragraphs | " + " | ".join(CHANGES) + " |"
    yield "|---|" + "---:|" * len(CHANGES)
    for part, counts in s.counts:
        yield f"| {_esc(PART_NAMES.get(part, part))} | " + " | ".join(str(n) for _, n in counts) + " |"
    yield ""
    yield f"Text unchanged: {s.unchanged_share:.1%} of the old text\\."
    yield ""
    changes = verb_change_labels(diff, prefix=prefix)
    if changes:
        yield "Leading verbs changed:"
        yield ""
        for label, anchor, old, new in changes:
            change = _mark(Op.DELETE, old, critic) + f" {ARROW} " + _mark(Op.INSERT, new, critic)
            yield f"- [{_esc(label)}](#{_esc(anchor)}): {change}"
        yield ""


def _rows(views: Sequence[RowView], critic: bool) -> Iterator[str]:
    run: list[RowView] = []
    for view in [*views, None]:
        if view is not None and view.unchanged:
            run.append(view)
            continue
        if run:
            count = f"{len(run)} unchanged paragraph{'s' if len(run) > 1 else ''}"
            # Raw HTML: Markdown escapes would show, so keep only characters safe in both.
            yield f"<details><summary>{count}: {_SAFE.sub('', run_label(run))}</summary>"
            yield ""
            for v in run:
                yield from _row(v, critic)
            yield "</details>"
            yield ""
            run = []
        if view is not None:
            yield from _row(view, critic)


def _row(view: RowView, critic: bool) -> Iterator[str]:
    row = view.row
    anchor = f'<a id="{view.anchor}"></a>'  # anchor ids are inert (layout.anchor_id)
    if view.stub:
        to = ", ".join(p.address for p in row.new)
        came = ", ".join(p.address for p in row.old)
        yield f"{anchor}**{_esc(came)}** · *moved to [{_esc(to)}](#{_esc(view.partner or '')})*"
        yield ""
        return
    head = [f"{anchor}**{_esc(view.label)}**", *(_esc(t) for t in view.shown_tags)]
    if view.partner is not None:
        came = ", ".join(p.address for p in row.old)
        head.append(f"*moved from [{_esc(came)}](#{_esc(view.partner)})*")
    if view.footnote_note is not None:
        head.append(_esc(view.footnote_note))
    text = _chunks(row.chunks, critic)
    # The text continues the heading's paragraph after a hard break, so no indent or
    # marker at its start can make it a code block or a list.
    yield " · ".join(head) + ("\\" if text else "")
    if text:
        yield text
    yield ""


def _chunks(chunks: Sequence[Chunk], critic: bool) -> str:
    return "".join(_mark(c.op, c.text, critic) for c in chunks)


def _mark(op: Op, text: str, critic: bool) -> str:
    if op is Op.EQUAL:
        return _esc(text)
    if critic:
        return f"{{--{_esc(text)}--}}" if op is Op.DELETE else f"{{++{_esc(text)}++}}"
    return f"<del>{_esc(text)}</del>" if op is Op.DELETE else f"<ins>{_esc(text)}</ins>"
