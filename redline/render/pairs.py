"""Render a pairing of two sides' texts: JSON (the redline/1 contract), Markdown, terminal, HTML.

The HTML form is a folder: an index page with one row per old text (its partner, the
similarity, a change count) linking to each pair's own redline page written beside it.
"""

from __future__ import annotations

import html
import re
from typing import Any

from redline.compare import compare_resolutions
from redline.model import Document, Redline, ResolutionDiff, RowKind
from redline.pair.files import Item, PairedSet
from redline.render import RenderOptions, render
from redline.render.json import SCHEMA, dumps

INDEX = "index.html"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")


def item_json(item: Item | None) -> dict[str, Any] | None:
    """Return the contract's view of one side of a pair (None stays None)."""
    if item is None:
        return None
    res = item.resolution
    return {
        "path": item.path,
        "label": res.label,
        "title": res.title,
        "symbol": res.symbol,
        "kind": str(res.kind),
    }


def pairs_json(ps: PairedSet) -> str:
    """Render ``redline pair --format json``: every old text once, then the unpaired new ones.

    An unpaired old text's similarity is its closest candidate's, which fell below the threshold.
    """
    pairs = [
        {
            "old": item_json(ps.old[p.old_index]),
            "new": item_json(ps.new[p.new_index]) if p.new_index is not None else None,
            "similarity": round(p.similarity, 4),
        }
        for p in ps.pairing.pairs
    ]
    unpaired = [item_json(ps.new[j]) for j in ps.pairing.unpaired_new]
    return dumps({"schema": SCHEMA, "pairs": pairs, "unpaired_new": unpaired})


def _name(item: Item) -> str:
    res = item.resolution
    head = res.label or res.symbol or item.path
    return f"{head}: {res.title}" if res.title else head


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def pairs_markdown(ps: PairedSet) -> str:
    """Render the pairing as a Markdown table, then the unpaired new texts as a list."""
    lines = ["# Pairing", "", "| # | Old | New | Similarity |", "|---:|---|---|---:|"]
    for n, p in enumerate(ps.pairing.pairs, start=1):
        old = _md(_name(ps.old[p.old_index]))
        new = _md(_name(ps.new[p.new_index])) if p.new_index is not None else "*unpaired*"
        sim = f"{p.similarity:.2f}" if p.new_index is not None else ""
        lines.append(f"| {n} | {old} | {new} | {sim} |")
    lines += ["", f"## Unpaired new texts ({len(ps.pairing.unpaired_new)})", ""]
    lines += [f"- {_md(_name(ps.new[j]))}" for j in ps.pairing.unpaired_new] or ["None."]
    return "\n".join(lines) + "\n"


def pairs_terminal(ps: PairedSet) -> str:
    """Render the pairing as plain lines: similarity, old, arrow, new."""
    lines = []
    for p in ps.pairing.pairs:
        old = _name(ps.old[p.old_index])
        if p.new_index is None:
            lines.append(f"   --  {old}  (unpaired)")
        else:
            lines.append(f"{p.similarity:5.2f}  {old}  ->  {_name(ps.new[p.new_index])}")
    if ps.pairing.unpaired_new:
        lines.append("")
        lines.append(f"Unpaired new texts ({len(ps.pairing.unpaired_new)}):")
        lines += [f"   --  {_name(ps.new[j])}" for j in ps.pairing.unpaired_new]
    return "\n".join(lines) + "\n"


def change_count(diff: ResolutionDiff) -> int:
    """Return how many rows of a pair's redline are not unchanged (moves count)."""
    return sum(1 for row in diff.rows if row.kind is not RowKind.EQUAL or row.moved)


def page_name(index: int) -> str:
    """Return the file name of the redline page of the ``index``-th pair (0-based)."""
    return f"pair-{index + 1:03d}.html"


def pairs_html(ps: PairedSet, options: RenderOptions | None = None) -> dict[str, str]:
    """Return {file name: HTML}: the index page and one redline page per paired text.

    Each pair's page is `redline.render.render` of `compare_resolutions` for that pair.
    """
    opts = options or RenderOptions()
    files: dict[str, str] = {}
    rows = []
    for n, p in enumerate(ps.pairing.pairs):
        old = ps.old[p.old_index]
        if p.new_index is None:
            rows.append(_index_row(n, old, None, None, None))
            continue
        new = ps.new[p.new_index]
        diff = compare_resolutions(old.resolution, new.resolution, similarity=p.similarity)
        redline = Redline(
            Document(resolutions=(old.resolution,), path=old.path),
            Document(resolutions=(new.resolution,), path=new.path),
            (diff,),
        )
        page = render(redline, "html", RenderOptions(old_name=old.path, new_name=new.path, color=opts.color))
        files[page_name(n)] = page if isinstance(page, str) else page.decode("utf-8")
        rows.append(_index_row(n, old, new, p.similarity, change_count(diff)))
    files[INDEX] = _index_page(ps, rows)
    return dict(sorted(files.items()))


def _index_row(n: int, old: Item, new: Item | None, sim: float | None, changes: int | None) -> str:
    esc = html.escape
    old_cell = esc(_name(old))
    if new is None:
        cells = f"<td>{n + 1}</td><td>{old_cell}</td><td><em>unpaired</em></td><td></td><td></td>"
        return f'<tr class="unpaired">{cells}</tr>'
    link = f'<a href="{esc(page_name(n))}">{esc(_name(new))}</a>'
    return f"<tr><td>{n + 1}</td><td>{old_cell}</td><td>{link}</td><td>{sim:.2f}</td><td>{changes}</td></tr>"


def _index_page(ps: PairedSet, rows: list[str]) -> str:
    esc = html.escape
    unpaired = [f"<li>{esc(_name(ps.new[j]))}</li>" for j in ps.pairing.unpaired_new]
    paired = sum(1 for p in ps.pairing.pairs if p.new_index is not None)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="generator" content="redline">',
        "<title>Redline pairing</title>",
        "<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}"
        "td,th{border-bottom:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}"
        "tr.unpaired td{color:#777}</style>",
        "</head>",
        "<body>",
        "<h1>Redline pairing</h1>",
        f"<p>{paired} of {len(ps.pairing.pairs)} old texts paired; "
        f"{len(ps.pairing.unpaired_new)} new texts unpaired.</p>",
        "<table>",
        '<thead><tr><th scope="col">#</th><th scope="col">Old</th><th scope="col">New</th>'
        '<th scope="col">Similarity</th><th scope="col">Changes</th></tr></thead>',
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
        f"<h2>Unpaired new texts ({len(unpaired)})</h2>",
        f"<ul>{''.join(unpaired)}</ul>" if unpaired else "<p>None.</p>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


RENDERERS = {"json": pairs_json, "markdown": pairs_markdown, "terminal": pairs_terminal}
"""The single-text pairing formats; "html" writes a folder (see `pairs_html`)."""
