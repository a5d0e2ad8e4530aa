"""Find footnote blocks (a rule of underscores, then numbered notes) and read their notes.

Two layouts occur. In the GA extractions a note starts flush left ("1 United Nations,
...") and the block runs to the page's end: the next page header, an empty line, or the
end of the file. In report extractions a note starts indented (" 1 Resolution ...");
its wrapped lines are flush left, and the first indented line that is not the next note
resumes the interrupted paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from redline.clean.text import join_lines

_RULE = re.compile(r"^\s*_{5,}\s*$")
RULE_RUN = "_" * 5
"""What every rule holds: the shortest run of underscores ``_RULE`` accepts."""
_NOTE = re.compile(r"^(\s*)(\d{1,3}|\*{1,3}|[a-z])\s+(\S.*)$")
_STAR_NOTE = re.compile(r"^(\s*)(\*{1,3})\s+(\S.*)$")


@dataclass(frozen=True, slots=True)
class Note:
    """One footnote as read from a block: its mark, its text lines and where they were."""

    mark: str
    text: str
    lines: tuple[int, ...]
    block: int
    """Index of the first line of the block the note was printed in."""


def _next_ok(mark: str, previous: str | None, after_blank: bool) -> bool:
    """Return True when ``mark`` can follow ``previous`` in one block.

    Numbers go up by one; after a blank line (which separates notes but never the
    lines of one note) any higher number will do.
    """
    if mark.startswith("*"):
        return previous is None or previous.startswith("*")
    if mark.isdigit():
        if previous is None or not previous.isdigit():
            return True
        return int(mark) == int(previous) + 1 or (after_blank and int(mark) > int(previous))
    return (
        previous is not None and len(previous) == 1 and previous.isalpha() and ord(mark) == ord(previous) + 1
    )


def _next_note_follows(lines: Sequence[str], index: int, previous: str | None) -> bool:
    """Return True when the next non-blank line after ``index`` is note ``previous + 1``.

    An empty line ends a flush-left block (it is a page break in the GA extractions),
    except where notes are merely spaced apart, as Markdown and Word exports write them.
    """
    if previous is None or not previous.isdigit():
        return False
    for raw in lines[index + 1 :]:
        if raw.strip():
            m = _NOTE.match(raw)
            return m is not None and not m.group(1) and m.group(2) == str(int(previous) + 1)
    return False


def read_block(
    lines: Sequence[str], start: int, removed: Mapping[int, str], *, first_mark: str | None = None
) -> tuple[list[Note], int]:
    """Read the notes of the block whose rule (or first note) is at ``start``.

    Return the notes and the index just past the block. Lines already marked as
    furniture end the block.
    """
    notes: list[tuple[str, list[str], list[int]]] = []
    index = start + 1 if _RULE.match(lines[start]) else start
    indented: bool | None = None
    previous: str | None = first_mark
    after_blank = False
    while index < len(lines):
        if index in removed:
            break
        raw = lines[index]
        if not raw.strip():
            if raw == "" and indented is False and notes and not _next_note_follows(lines, index, previous):
                break
            after_blank = True
            index += 1
            continue
        m = _NOTE.match(raw)
        mark = m.group(2) if m else ""
        if m and (notes or mark.isdigit() or mark.startswith("*")) and _next_ok(mark, previous, after_blank):
            if indented is None:
                indented = bool(m.group(1))
            notes.append((mark, [m.group(3)], [index]))
            previous = mark
        elif notes and not (indented and raw[:1].isspace()):
            notes[-1][1].append(raw.strip())
            notes[-1][2].append(index)
        else:
            break
        after_blank = False
        index += 1
    out = [Note(mark, join_lines(parts), tuple(nos), start) for mark, parts, nos in notes]
    return out, index


def is_rule(line: str) -> bool:
    """Return True for the line of underscores that opens a footnote block."""
    return _RULE.match(line) is not None


def is_star_note(line: str) -> bool:
    """Return True for a line that opens an asterisk note ("* On behalf of ...")."""
    return _STAR_NOTE.match(line) is not None
