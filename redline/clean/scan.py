"""Find the few lines a cleaning pass must test, with one scan of the whole text.

A pass asks its question (is this line a page header? a footnote rule?) of a handful of
lines among thousands. Rather than strip and test every line in Python, it scans the
whole text once for the lines that could qualify (whose start matches a pattern, or
that hold a string), and tests only those in full. A scan must find every line the full
test accepts (it may find more); the tests hold each scan to that.

>>> framed = frame(["Recalling", "  A/80/1", "", "A/RES/80/6 and A/80/2"])
>>> matching_lines(line_start(r"[^\\S\\n]*[A-Z]+/"), framed)
[1, 3]
>>> lines_holding(framed, "/80/")
[1, 3]
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def frame(lines: Sequence[str]) -> str:
    """Return ``lines`` as one text for :func:`matching_lines`: each line after a line feed."""
    return "\n" + "\n".join(lines)


def line_start(pattern: str) -> re.Pattern[str]:
    """Compile ``pattern``, a regular expression for a line's beginning, for :func:`matching_lines`.

    ``pattern`` must not match a line feed (write ``[^\\S\\n]`` for white space).
    """
    # The literal line feed first lets the engine skip from line to line.
    return re.compile(rf"\n(?={pattern})")


def matching_lines(pattern: re.Pattern[str], framed: str) -> list[int]:
    """Return the indices, ascending, of the lines of ``framed`` at whose start ``pattern`` matches."""
    found: list[int] = []
    line = -1
    counted = 0  # line feeds before this position are counted in ``line``
    for match in pattern.finditer(framed):
        at = match.start() + 1
        line += framed.count("\n", counted, at)
        counted = at
        found.append(line)
    return found


def lines_holding(framed: str, needle: str) -> list[int]:
    """Return the indices, ascending, of the lines of ``framed`` that hold ``needle`` (no line feed)."""
    found: list[int] = []
    line = -1
    counted = 0  # line feeds before this position are counted in ``line``
    at = framed.find(needle)
    while at >= 0:
        line += framed.count("\n", counted, at)
        found.append(line)
        counted = framed.find("\n", at)  # the next line's start: one find per line, however many hits
        if counted < 0:
            break
        at = framed.find(needle, counted)
    return found
