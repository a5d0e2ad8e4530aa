"""The redline/1 JSON contract: the one place model objects become JSON."""

from __future__ import annotations

import json
from typing import Any

from redline.model import Document, Paragraph, Redline, Resolution, ResolutionDiff, Row
from redline.render import RenderOptions, register
from redline.render.layout import footnote_marks, footnotes_changed
from redline.summary import typographic_only

SCHEMA = "redline/1"


def dumps(obj: Any) -> str:
    """Serialise deterministically: sorted-free insertion order, UTF-8, trailing newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def paragraph_json(p: Paragraph) -> dict[str, Any]:
    """Return the contract's view of one paragraph."""
    return {
        "address": p.address,
        "kind": str(p.kind),
        "number": p.number,
        "text": p.text,
        "footnotes": list(p.footnotes),
        "lines": list(p.lines),
    }


def resolution_json(r: Resolution) -> dict[str, Any]:
    """Return the contract's view of one parsed resolution."""
    prov = None
    if r.provenance is not None:
        prov = {
            "symbols": list(r.provenance.symbols),
            "changes": list(r.provenance.changes),
            "sponsors": list(r.provenance.sponsors),
            "meeting": r.provenance.meeting,
        }
    return {
        "label": r.label,
        "title": r.title,
        "organ": r.organ,
        "symbol": r.symbol,
        "kind": str(r.kind),
        "provenance": prov,
        "paragraphs": [paragraph_json(p) for p in r.paragraphs],
        "footnotes": {f.mark: f.text for f in r.footnotes},
        "annexes": [
            {"label": a.label, "title": a.title, "paragraphs": [paragraph_json(p) for p in a.paragraphs]}
            for a in r.annexes
        ],
    }


def document_json(doc: Document) -> dict[str, Any]:
    """Return ``redline parse --format json`` for ``doc``."""
    return {
        "schema": SCHEMA,
        "kind": str(doc.kind),
        "symbol": doc.symbol,
        "path": doc.path,
        "resolutions": [resolution_json(r) for r in doc.resolutions],
    }


def _side(r: Resolution | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"label": r.label, "title": r.title, "symbol": r.symbol}


def row_json(row: Row, *, old: Resolution | None = None, new: Resolution | None = None) -> dict[str, Any]:
    """Return the contract's view of one redline row.

    ``typographic`` is true when the row's texts differ only in dashes, quotes or spacing;
    ``footnotes_changed`` is true when the footnote marks the row cites differ, or the
    notes they cite (looked up in ``old`` and ``new``) read differently: footnote changes
    are attributes of the row, never text edits.
    """
    return {
        "kind": str(row.kind),
        "old": [p.address for p in row.old],
        "new": [p.address for p in row.new],
        "moved": row.moved,
        "renumbered": row.renumbered,
        "similarity": round(row.similarity, 4),
        "chunks": [[str(c.op), c.text] for c in row.chunks],
        "typographic": typographic_only(row),
        "footnotes_changed": footnotes_changed(row, old, new),
        "footnotes": {"old": list(footnote_marks(row.old)), "new": list(footnote_marks(row.new))},
    }


def resolution_diff_json(d: ResolutionDiff) -> dict[str, Any]:
    """Return the contract's view of one compared pair of resolutions."""
    s = d.summary
    old_of = {r.new[0].address: r.old[0].address for r in d.rows if r.new and r.old}
    return {
        "old": _side(d.old),
        "new": _side(d.new),
        "similarity": round(d.similarity, 4),
        "rows": [row_json(r, old=d.old, new=d.new) for r in d.rows],
        "summary": {
            "counts": {part: dict(c) for part, c in s.counts},
            "verb_changes": [
                {"address": a, "old_address": old_of.get(a, a), "old": o, "new": n}
                for a, o, n in s.verb_changes
            ],
            "unchanged_share": round(s.unchanged_share, 4),
        },
    }


@register("json")
def render_json(redline: Redline, options: RenderOptions) -> str:
    """Render ``redline diff --format json``."""
    return dumps({"schema": SCHEMA, "resolutions": [resolution_diff_json(d) for d in redline.resolutions]})
