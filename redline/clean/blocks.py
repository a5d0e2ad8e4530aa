"""Group body lines into blocks (paragraphs), rejoining those cut by page breaks.

A block ends at a blank line, or where a line opens a numbered or lettered paragraph
right after a line that ends a clause. Across a page break (furniture or a footnote
block between two lines) the text continues when the earlier part ends mid-clause or
the later part begins in lower case, unless the later part opens a new paragraph.

Most lines are wrapped mid-clause and simply go on with their block, so
:func:`group_spans` weighs only the lines where a block may begin (selected in C from
each line's last character and the gaps between body lines), and the blocks' texts are
built together from their lines by :func:`~redline.clean.text.join_spans`. The tests
hold the grouping to the line-by-line loop it replaced.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import add, ne, sub

from redline.clean.text import LAST, collapse, join_lines, join_spans

_STARTS = re.compile(
    r"^\s*(?:\d{1,3}(?:\s+(?:bis|ter|quater))?\.|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[a-z]\.)(?:\s|$)"
)
_NUMBER_ONLY = re.compile(
    r"^\s*(?:\d{1,3}(?:\s+(?:bis|ter|quater))?\.?|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[a-z]\.)\s*$"
)
_LONGEST_NUMBER = len("123 quater.")
"""The longest text ``_NUMBER_ONLY`` matches once white space is collapsed."""
_HEADING = (
    r"(?:(?:Draft (?:resolution|decision)|Resolution|Decision)(?: (?:[IVXLC]+|\d+/\d+))?"
    r"|Chapter [IVXLC]+|Annex(?:es)?(?: [IVXLC]+| \d+)?|\d+(?:st|nd|rd|th) plenary meeting)"
)
_HEADING_LINE = re.compile(rf"^\s*{_HEADING}\s*$")
"""A line that is a heading on its own even with no blank line around it."""
HEADING_REST = rf"{_HEADING}[^\S\n]*(?:\n|\Z)"
"""The same after a line's opening white space, for :func:`~redline.clean.scan.line_start`."""
_CLOSERS = '”’")]'
_CONNECTORS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "from",
        "at",
        "as",
        "that",
        "which",
        "its",
        "their",
        "his",
        "her",
        "this",
        "these",
        "those",
        "including",
        "between",
        "among",
        "into",
        "upon",
        "under",
        "over",
        "within",
        "without",
        "against",
        "towards",
    ]
)
_PARTICIPLES = frozenset(
    [
        "Recalling",
        "Reaffirming",
        "Recognizing",
        "Noting",
        "Welcoming",
        "Emphasizing",
        "Stressing",
        "Expressing",
        "Reiterating",
        "Considering",
        "Acknowledging",
        "Affirming",
        "Underlining",
        "Underscoring",
        "Bearing",
        "Having",
        "Taking",
        "Deploring",
        "Condemning",
        "Encouraging",
        "Commending",
        "Appreciating",
        "Highlighting",
        "Observing",
        "Believing",
        "Desiring",
        "Seeking",
        "Wishing",
        "Inviting",
        "Urging",
        "Reconfirming",
        "Endorsing",
        "Guided",
        "Determined",
        "Alarmed",
        "Cognizant",
        "Committed",
    ]
)
_OPENER_WORDS = frozenset(
    [
        "Aware",
        "Mindful",
        "Conscious",
        "Cognizant",
        "Convinced",
        "Concerned",
        "Deeply",
        "Gravely",
        "Alarmed",
        "Determined",
        "Seriously",
        "Strongly",
        "Also",
        "Further",
        "Bearing",
        "Having",
        "Guided",
        "Taking",
        "Noting",
        "Recalling",
        "Recognizing",
        "Reaffirming",
        "Welcoming",
        "Stressing",
        "Emphasizing",
        "Expressing",
        "Reiterating",
        "Considering",
        "Acknowledging",
        "Affirming",
        "Underlining",
        "Believing",
        "Desiring",
        "Appreciating",
        "Encouraged",
        "Committed",
        "Resolved",
        "Fully",
        "Profoundly",
        "Emphasizing",
        "Reaffirming",
        "Mindful",
        "Keen",
        "Conscious",
        "Particularly",
        "Equally",
        "Firmly",
    ]
)


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph's worth of text in reading order, with the marks it cites."""

    text: str
    """Running text: lines joined, white space collapsed, footnote marks detached."""
    raw: str
    """The same with the footnote marks left where they were printed."""
    lines: tuple[int, ...]
    """1-based source line numbers."""
    marks: tuple[str, ...] = ()
    after_break: bool = False
    """True when a page break or footnote block came right before this block."""


def opens_paragraph(line: str) -> bool:
    """Return True when ``line`` starts with a paragraph number or letter ("5.", "(a)", "b.")."""
    return _STARTS.match(line) is not None


def _opener(text: str, *, strict: bool = False) -> bool:
    """Return True when ``text`` opens with a preambular opener ("Recalling", "Deeply concerned").

    ``strict`` accepts only the listed openers, not any capitalised participle.
    """
    word = text.strip().split(" ", 1)[0].strip('“"(,;:')
    if word in _OPENER_WORDS or word in _PARTICIPLES:
        return True
    return not strict and word[:1].isupper() and (word.endswith("ing") or word.endswith("ed"))


def _fresh(line: str, before: str) -> bool:
    """Return True when an indented ``line`` after a finished clause starts a paragraph.

    Report extractions indent a paragraph's first line (and a page's first line); after
    a comma only a paragraph opener ("Underscoring ...") starts a new one.
    """
    text = line.strip()
    if not text or not (text[0].isupper() or text[0] in '“"('):
        return False
    return not before.rstrip().endswith(",") or _opener(text)


def ends_clause(text: str) -> bool:
    r"""Return True when ``text`` ends a clause: ``,;:.`` then only closing quotes or brackets.

    Equal to searching ``[,;:.]\s*[”’")\]]*\s*$`` (a test holds it to that), but reads the
    end of ``text`` alone where a search would try every punctuation mark of a paragraph.
    """
    last = text[-1:]
    if last and last not in _CLOSERS and not last.isspace():  # the common case: nothing to strip
        return last in ",;:."
    return text.rstrip().rstrip(_CLOSERS).rstrip()[-1:] in (",", ";", ":", ".")


def continues(before: str, after: str) -> bool:
    """Return True when ``after`` (next page) continues the paragraph ending in ``before``."""
    before = before.strip()
    after = after.strip()
    if not before or not after:
        return False
    if opens_paragraph(after) or _NUMBER_ONLY.match(before):
        return bool(_NUMBER_ONLY.match(before))
    if after[0].islower():
        return True
    last = before.rsplit(" ", 1)[-1].lower()
    if ends_clause(before):
        return before.endswith(",") and not _opener(after) and after[0].isalnum()
    if last in _CONNECTORS:
        return True
    # A short unfinished line is a heading, unless it opens a numbered or preambular paragraph.
    return len(before.split()) > 8 or opens_paragraph(before) or _opener(before, strict=True)


def _strip_marks(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    out = text
    for start, end, _ in sorted(spans, reverse=True):
        out = out[:start] + out[end:]
    return out


def _may_be_number(head: str) -> bool:
    """Return False when a text opening with ``head`` (a character, or "") is no bare number.

    ``_NUMBER_ONLY`` opens, after white space, with a digit (``\\d``: Unicode's decimal
    digits), "(" or a lower-case ASCII letter.
    """
    return not head or head == "(" or head.isdecimal() or "a" <= head <= "z"


def bare_number(text: str) -> bool:
    """Return True when collapsed ``text`` is only a paragraph number or letter ("5.", "(iv)").

    Collapsed text has no white space but single inner spaces, so no number is longer
    than ``_LONGEST_NUMBER`` characters and a longer running text is not matched at all.
    """
    return len(text) <= _LONGEST_NUMBER and _NUMBER_ONLY.match(text) is not None


def build_blocks(
    lines: Sequence[str],
    indices: Sequence[int],
    pieces: Sequence[str],
    cites: Mapping[int, Sequence[tuple[int, int, str]]],
    skipped: AbstractSet[int],
    *,
    candidates: Iterable[int] | None = None,
    printed: Sequence[str] | None = None,
) -> list[Block]:
    """Return the body lines grouped into blocks (see the module docstring).

    ``indices`` holds the body lines' indices in ``lines``, ascending, and ``pieces``
    their text. ``skipped`` holds the lines taken out of the body that break a page:
    furniture, footnote rules and footnote text; a line neither in the body nor in
    ``skipped`` is blank. Every line ``cites`` names is a body line. ``candidates``
    holds the indices of the lines that may be headings (any superset; None weighs every
    body line) and ``printed`` each of ``pieces`` stripped, when the caller has them.
    """
    # Each body line as it reads once its cited marks are detached, and the same stripped.
    detached = list(pieces)
    printed = list(map(str.strip, pieces) if printed is None else printed)
    printed_lasts = list(map(LAST, printed))  # each line's last printed character, or ""
    strips, lasts = printed.copy(), printed_lasts.copy()
    cited = sorted(bisect_left(indices, i) for i in cites)  # every cited line is a body line
    for at in cited:
        detached[at] = _strip_marks(pieces[at], cites[indices[at]])
        strips[at] = detached[at].strip()
        lasts[at] = strips[at][-1:]
    headings = _headings(detached, indices, cited, candidates)
    firsts, breaks = group_spans(indices, detached, skipped, headings, lasts=lasts)
    ends = [*firsts[1:], len(indices)] if firsts else []
    texts = join_spans(strips, firsts, ends, lasts=lasts)
    numbers = tuple(map(add, indices, repeat(1)))
    in_spans = list(map(numbers.__getitem__, map(slice, firsts, ends)))  # a tuple's slice is a tuple
    # With no mark to detach, the printed text is the running text.
    raws = texts.copy()
    marked: list[tuple[str, ...]] = [()] * len(firsts)
    with_marks = sorted({bisect_right(firsts, at) - 1 for at in cited})
    with_firsts = [firsts[span] for span in with_marks]
    with_ends = [ends[span] for span in with_marks]
    joined = join_spans(printed, with_firsts, with_ends, lasts=printed_lasts)
    for span, text in zip(with_marks, joined, strict=True):
        marks: list[str] = []
        for i in indices[firsts[span] : ends[span]]:
            for _, _, mark in sorted(cites.get(i, ())):
                if mark not in marks:
                    marks.append(mark)
        raws[span] = text
        marked[span] = tuple(marks)
    return list(map(Block, texts, raws, in_spans, marked, breaks))


def _headings(
    pieces: Sequence[str], indices: Sequence[int], cited: Iterable[int], candidates: Iterable[int] | None
) -> set[int]:
    """Return the positions of the body lines that are headings on their own (``_HEADING_LINE``).

    ``candidates`` holds the indices of the lines that may be headings as printed (any
    superset will do; None for every line). A cited line is judged by its text with the
    marks detached, so it is weighed whether a candidate or not.
    """
    if candidates is None:
        positions: Iterable[int] = range(len(indices))
    else:
        positions = {at for at in map(bisect_left, repeat(indices), candidates) if at < len(indices)}
        positions.update(cited)
    return {at for at in positions if _HEADING_LINE.match(pieces[at])}


def _running_end(pieces: Sequence[str], first: int, stop: int) -> str:
    """Return a text that ends as the running text of ``pieces[first:stop]`` (see :func:`ends_clause`)."""
    tail = pieces[stop - 1].rstrip()
    # Closing quotes and brackets alone on the last line: the clause's end lies before them.
    return tail if tail.rstrip(_CLOSERS).rstrip() else join_lines(pieces[first:stop])


_TURN_ENDS = frozenset([",", ";", ":", ".", "", *_CLOSERS])
"""The last printed character of a line after which its block may end (see :func:`_turns`)."""


def _turns(
    indices: Sequence[int], lasts: Sequence[str], headings: AbstractSet[int]
) -> tuple[list[int], set[int]]:
    """Return, ascending, the positions where a block may begin, and those after a gap.

    The other lines go on with their block. Those are the lines after a gap, the headings
    and the lines after them, and the lines after one whose last printed character (in
    ``lasts``, "" for none) ends a clause or closes a quotation or a bracket: a block goes
    on wherever its running text ends mid-clause. The selections run in C (``compress``),
    not a Python test a line.
    """
    # Positions 1, 2...: not right after the line before.
    gaps = set(compress(count(1), map(ne, map(sub, indices[1:], indices), repeat(1))))
    turns = gaps | set(compress(count(1), map(_TURN_ENDS.__contains__, lasts)))
    turns.update(headings)
    turns.update([at + 1 for at in headings])
    turns.discard(0)
    turns.discard(len(indices))
    return sorted(turns), gaps


def _page_breaks(indices: Sequence[int], skipped: AbstractSet[int]) -> set[int]:
    """Return the positions of the body lines with a skipped line between them and the one before."""
    out: set[int] = set()
    for index in skipped:
        at = bisect_left(indices, index)  # the first body line after the skipped one
        if 0 < at < len(indices) and indices[at] != index:
            out.add(at)
    return out


def group_spans(
    indices: Sequence[int],
    pieces: Sequence[str],
    skipped: AbstractSet[int],
    headings: AbstractSet[int],
    *,
    lasts: Sequence[str] | None = None,
) -> tuple[list[int], list[bool]]:
    """Return the blocks' first positions among the body lines, and whether a page break came before each.

    A block ends where the next begins, the last at the end of the body.

    ``indices`` holds the body lines' indices in ``lines``, ``pieces`` their text with
    cited marks detached, ``headings`` the positions of those that are headings; a line
    between two body lines is blank unless ``skipped`` holds it (no body line). Only the
    lines :func:`_turns` gives are weighed, and a block's running text is built only when
    a decision needs more than its end. ``lasts`` holds each piece's last printed
    character ("" for none), when the caller has them.
    """
    if lasts is None:
        lasts = [piece.strip()[-1:] for piece in pieces]
    turns, gaps = _turns(indices, lasts, headings)
    breaks = _page_breaks(indices, skipped)
    # A heading opens a block, and so does the line after one, but for a meeting's, and so
    # does a line after blank lines alone: these open one unless the block is a bare number.
    opening = headings | {at + 1 for at in headings if "plenary" not in pieces[at]}
    opening |= gaps - breaks
    firsts, after_break = ([0], [False]) if indices else ([], [])
    first = 0  # the current block's first position
    short = True  # the current block's running text may still be a bare number
    for at in turns:
        if short:
            words = pieces[first].split(None, 2)
            if len(words) > 2 or not _may_be_number(words[0][:1] if words else ""):
                # The running text holds three words or more, or opens as no bare number does.
                short = False
            else:  # the running text, if no longer than a bare number
                fits = len(collapse(pieces[first])) <= _LONGEST_NUMBER
                text = join_lines(pieces[first:at]) if fits else None
                # Running texts only grow: once too long, never a bare number again.
                short = text is not None and len(text) <= _LONGEST_NUMBER
                if text is not None and bare_number(text):
                    continue  # a paragraph's number goes on with its text
        if at in opening:
            new = True
        elif at in breaks:
            new = not continues(join_lines(pieces[first:at]), pieces[at])
        else:
            clean = pieces[at]
            if clean[:1].islower() and clean[1:2] != ".":
                continue  # wrapped text goes on: it opens no paragraph ("b.") and no opener is in lower case
            end = _running_end(pieces, first, at)
            new = ends_clause(end) and (
                opens_paragraph(clean)
                or (clean[:1].isspace() and _fresh(clean, end))
                or (end.endswith((",", ";")) and _opener(clean, strict=True))
            )
        if new:
            firsts.append(at)
            after_break.append(at in breaks)
            first, short = at, True
    return firsts, after_break
