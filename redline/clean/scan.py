"""Find the few lines a cleaning pass must test, with one scan of the whole text.

A pass asks its question (is this line a page header? a footnote rule?) of a handful of
lines among thousands. Rather than strip and test every line in Python, it scans the
whole text once for the lines that could qualify (whose start matches a pattern, or
that hold a string), and tests only those in full. A scan must find every line the full
test accepts (it may find more); the tests hold each scan to that.

>>> text = "\\n".join(["A/80/1", "Recalling", "", "A/RES/80/6 and A/80/2"])
>>> matching_lines(line_start(r"[^\\S\\n]*[A-Z]+/"), text)
[0, 3]
>>> lines_holding(text, "/80/")
[0, 3]
"""

from __future__ import annotations

import re


def line_start(pattern: str) -> re.Pattern[str]:
    """Compile ``pattern``, a regular expression for a line's beginning, for :func:`matching_lines`.

    ``pattern`` must not match a line feed (write ``[^\\S\\n]`` for white space) but as
    its last step, ``(?:\\n|\\Z)``: it reads no further than its line's end.
    """
    # The literal line feed first lets the engine skip from line to line.
    return re.compile(rf"\n(?={pattern})")


def matching_lines(pattern: re.Pattern[str], text: str) -> list[int]:
    """Return the indices, ascending, of the lines of ``text`` at whose start ``pattern`` matches.

    The lines are those of ``text.split("\\n")``. A line feed opens every line but the
    first, which is tested on its own (the pattern reads no further than its end).
    """
    first = text.find("\n")
    found = [0] if pattern.match("\n" + (text if first < 0 else text[:first])) else []
    line = 0
    counted = 0  # line feeds before this position are counted in ``line``
    for match in pattern.finditer(text):
        at = match.start() + 1
        line += text.count("\n", counted, at)
        counted = at
        found.append(line)
    return found


def lines_holding(text: str, needle: str) -> list[int]:
    """Return the indices, ascending, of the lines of ``text`` that hold ``needle`` (no line feed)."""
    found: list[int] = []
    line = 0
    counted = 0  # line feeds before this position are counted in ``line``
    at = text.find(needle)
    while at >= 0:
        line += text.count("\n", counted, at)
        found.append(line)
        counted = text.find("\n", at)  # the next line's start: one find per line, however many hits
        if counted < 0:
            break
        at = text.find(needle, counted)
    return found
