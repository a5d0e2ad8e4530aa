"""Assemble a GitHub Actions step summary from per-file redlines, within GitHub's size cap.

GitHub refuses a step summary over 1 MiB. Rather than cut a redline mid-table, whole
sections are kept in order while they fit, and a note says which ones were left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

STEP_SUMMARY_LIMIT = 1024 * 1024
"""GitHub's cap on one step's summary, in bytes."""


@dataclass(frozen=True, slots=True)
class Section:
    """The summary of one changed file: a heading and the Markdown under it."""

    title: str
    body: str


def section_text(section: Section) -> str:
    """Return one section as Markdown: a level-2 heading, its body, one blank line after."""
    return f"## {section.title}\n\n{section.body.rstrip()}\n\n"


def build_summary(
    sections: Sequence[Section], *, limit: int = STEP_SUMMARY_LIMIT, heading: str = "redline"
) -> str:
    """Return the summary: a heading, then every section that fits in ``limit`` bytes (UTF-8).

    Sections are kept whole and in order; once one does not fit, it and every later one are
    left out and a closing note names them. The result never exceeds ``limit`` bytes unless
    even the heading and the note alone do not fit (then the note is cut, never a section).
    """
    head = f"# {heading}\n\n"
    if not sections:
        return _fit(head + "No resolution files changed.\n", limit)
    texts = [section_text(s) for s in sections]
    if _size(head + "".join(texts)) <= limit:
        return head + "".join(texts)
    sizes = [_size(t) for t in texts]
    for kept in range(len(sections) - 1, -1, -1):
        note = _note(sections[kept:])
        if _size(head) + sum(sizes[:kept]) + _size(note) <= limit:
            return head + "".join(texts[:kept]) + note
    return _fit(head + _note(sections), limit)


def _note(left_out: Sequence[Section]) -> str:
    names = ", ".join(f"`{s.title}`" for s in left_out)
    return (
        f"> **{len(left_out)} more redline(s) not shown** (GitHub limits a step summary to "
        f"1 MiB): {names}. Run `redline diff OLD NEW` locally to see them.\n"
    )


def _fit(text: str, limit: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    if limit < 8:
        return ""
    return data[: limit - 4].decode("utf-8", "ignore") + "…\n"  # "…\n" is 4 bytes


def _size(text: str) -> int:
    return len(text.encode("utf-8"))
