"""Join wrapped lines into running text: line-end hyphens, dashes, white space.

The UN does not break words at line ends, so a hyphen at the end of a line belongs to a
compound ("counter-terrorism", "Money-Laundering", "programme-based") and is kept; the
two halves are joined without a space.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import compress, count, repeat
from operator import contains, itemgetter, not_

HYPHENS = "-\u2010\u2011\u2013\u2014"
"""The hyphens and dashes a compound may end a line with."""
_HYPHEN_BREAK = re.compile(rf"([{HYPHENS}])(?<=\S.)[^\S\n]*\n\s*(?=[^\W_])")
r"""A compound's hyphen (after a printed character) at a line end, then the next word's start.

``[^\W_]`` is a character ``str.isalnum`` accepts; the white space after the line feed
may span lines that are white space only.
"""


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
    if left[-1] in HYPHENS and len(left) >= 2 and not left[-2].isspace() and right[0].isalnum():
        return left + right
    return left + " " + right


def join_lines(parts: Iterable[str], *, stripped: bool = False, hyphen_ends: bool = True) -> str:
    """Return wrapped lines joined into one line of collapsed white space.

    Equal to gluing the collapsed lines one after the other (a test holds it to that),
    with a few calls over the whole text instead of two calls a line. ``parts`` hold no
    line feed; ``stripped`` says they have no white space at their ends, and
    ``hyphen_ends=False`` that none of them ends with a hyphen (then none is glued).
    """
    text = "\n".join(parts if stripped else map(str.strip, parts))
    if hyphen_ends and _HYPHEN_BREAK.search(text):
        text = _HYPHEN_BREAK.sub(r"\1", text)
    text = text.replace("\n", " ")
    if not text.isprintable():  # white space other than the space ("\t", "\xa0")
        return " ".join(text.split())
    # The ASCII space is the only printable white space: collapse its runs, strip the ends
    # (an empty line leaves a space where it was joined).
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


_HYPHEN_ENDS = frozenset(HYPHENS)
LAST = itemgetter(slice(-1, None))
"""``LAST(text)`` is ``text[-1:]``: a stripped line's last printed character, or ""."""


def join_spans(
    parts: Sequence[str], firsts: Sequence[int], ends: Sequence[int], *, lasts: Sequence[str] | None = None
) -> list[str]:
    """Return ``join_lines(parts[first:end])`` for each span, in order, with a few calls over all of them.

    ``parts`` hold no line feed and no white space at their ends; the spans
    (``firsts[k]:ends[k]``) are ascending and do not overlap. ``lasts`` holds each part's
    last character ("" for none), when the caller has them. Each span's parts are joined
    with a space; only the spans that hold a line ending in a hyphen, a double space or
    white space other than the space are worked on further (a test holds the result to
    :func:`join_lines`).
    """
    if not firsts:
        return []
    texts = list(map(" ".join, map(parts.__getitem__, map(slice, firsts, ends))))
    for at in compress(count(), map(_HYPHEN_ENDS.__contains__, map(LAST, parts) if lasts is None else lasts)):
        span = bisect_right(firsts, at) - 1
        if span >= 0 and at < ends[span] - 1:  # a line the next one may glue to
            text = _HYPHEN_BREAK.sub(r"\1", "\n".join(parts[firsts[span] : ends[span]]))
            texts[span] = text.replace("\n", " ")
    # The few spans with a double space are picked out in C.
    for span in compress(count(), map(contains, texts, repeat("  "))):
        text = texts[span]
        while "  " in text:
            text = text.replace("  ", " ")
        texts[span] = text
    texts = list(map(str.strip, texts))
    # White space other than the space ("\t", "\xa0") is collapsed span by span.
    for span in compress(count(), map(not_, map(str.isprintable, texts))):
        texts[span] = " ".join(texts[span].split())
    return texts
