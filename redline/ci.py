"""Redlines for continuous integration: one Markdown section per resolution file a change touched."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from redline.compare import compare
from redline.errors import RedlineError
from redline.gitdriver import Change, changed_files, show, toplevel
from redline.load import read_bytes
from redline.model import Document
from redline.parse import parse
from redline.render import RenderOptions, render
from redline.stepsummary import Section

_EMPTY = Document(resolutions=())
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")


def changes(base: str, *, pathspecs: Sequence[str] = ()) -> list[Change]:
    """Return the resolution files changed between ``base`` and the working tree, sorted by path."""
    return changed_files(base, pathspecs=pathspecs)


def section(change: Change, *, base: str) -> Section:
    """Return the Markdown redline of one change; a file that cannot be read gets its error line.

    The old side is read from git at ``base``, the new side from the working tree.
    """
    title = change.name
    if change.old_path is None:
        title += " (added)"
    elif change.new_path is None:
        title += " (deleted)"
    elif change.old_path != change.new_path:
        title = f"{change.old_path} → {change.new_path}"
    try:
        old = _document(show(base, change.old_path), change.old_path) if change.old_path else _EMPTY
        new = _document(_worktree(change.new_path), change.new_path) if change.new_path else _EMPTY
    except RedlineError as exc:
        return Section(title, f"redline could not compare this file: {exc}")
    options = RenderOptions(
        old_name=f"{base}:{change.old_path}" if change.old_path else "(new file)",
        new_name=change.new_path or "(deleted)",
    )
    out = render(compare(old, new), "markdown", options)
    return Section(title, demote_headings(out if isinstance(out, str) else out.decode("utf-8"), by=2))


def demote_headings(markdown: str, *, by: int) -> str:
    """Return ``markdown`` with every ATX heading ``by`` levels deeper (at most level 6).

    Each file's redline then nests under the summary's own ``## path`` heading.
    """
    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and _HEADING.match(line):
            level = len(line) - len(line.lstrip("#"))
            line = "#" * min(level + by, 6) + line[level:]
        out.append(line)
    return "\n".join(out)


def _document(data: bytes, name: str) -> Document:
    source = read_bytes(data, name)
    return parse(source.text, name=name)


def _worktree(path: str) -> bytes:
    return (Path(toplevel()) / path).read_bytes()
