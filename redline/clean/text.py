"""Join wrapped lines into running text: line-end hyphens, dashes, white space.

The UN does not break words at line ends, so a hyphen at the end of a line belongs to a
compound ("counter-terrorism", "Money-Laundering", "programme-based") and is kept; the
two halves are joined without a space.
"""

from __future__ import annotations

from collections.abc import Iterable

_HYPHENS = "-\u2010\u2011\u2013\u2014"


def collapse(text: str) -> str:
    """Return ``text`` with runs of white space collapsed to one space, ends stripped."""
    # str.split() and the regular expression \s agree on what white space is.
    stripped = text.strip()
    if "  " not in stripped and stripped.isprintable():
        # The ASCII space is the only printable white space: nothing inside to collapse.
        return stripped
    return " ".join(stripped.split())


def glue(left: str, right: str) -> str:
    """Return two wrapped pieces joined: no space after a compound's line-end hyphen."""
    left = left.rstrip()
    right = right.strip()
    if not left:
        return right
    if not right:
        return left
    if left[-1] in _HYPHENS and len(left) >= 2 and not left[-2].isspace() and right[0].isalnum():
        return left + right
    return left + " " + right


def join_lines(parts: Iterable[str]) -> str:
    """Return wrapped lines joined into one line of collapsed white space."""
    out = ""
    for part in parts:
        out = glue(out, collapse(part))
    return out
