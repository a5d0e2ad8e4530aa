"""Group body lines into blocks (paragraphs), rejoining those cut by page breaks.

A block ends at a blank line, or where a line opens a numbered or lettered paragraph
right after a line that ends a clause. Across a page break (furniture or a footnote
block between two lines) the text continues when the earlier part ends mid-clause or
the later part begins in lower case, unless the later part opens a new paragraph.

Most lines are wrapped mid-clause and simply go on with their block, so
:func:`group_spans` weighs only the lines where a block may begin (selected in C from
each line's last character and the gaps between body lines), and each block's text is
built once from its lines by :func:`~redline.clean.text.join_lines`. The tests hold the
grouping to the line-by-line loop it replaced.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter, sub

from redline.clean.scan import frame, line_start, matching_lines
from redline.clean.text import HYPHENS, collapse, join_lines

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
_HEADING_START = line_start(rf"[^\S\n]*{_HEADING}[^\S\n]*(?:\n|\Z)")
"""The same at a line's start in a framed text: the whole line is the heading."""
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
    body: Sequence[tuple[int, str]],
    cites: Mapping[int, Sequence[tuple[int, int, str]]],
    skipped: AbstractSet[int],
    *,
    framed: str | None = None,
) -> list[Block]:
    """Return the body lines grouped into blocks (see the module docstring).

    ``skipped`` holds the lines taken out of the body that break a page: furniture,
    footnote rules and footnote text; a line neither in ``body`` nor in ``skipped`` is
    blank. Every line ``cites`` names is a body line. ``framed`` is ``frame(lines)``,
    when the caller holds it already.
    """
    indices = list(map(itemgetter(0), body))
    # Each body line as it reads once its cited marks are detached.
    pieces = list(map(itemgetter(1), body))
    cited = sorted(bisect_left(indices, i) for i in cites)  # every cited line is a body line
    for at in cited:
        pieces[at] = _strip_marks(pieces[at], cites[indices[at]])
    stripped = list(map(str.strip, pieces))
    lasts = list(map(_LAST, stripped))  # each line's last printed character, or ""
    headings = _headings(pieces, indices, cited, frame(lines) if framed is None else framed)
    spans = group_spans(indices, pieces, skipped, headings, lasts=lasts)
    # The lines that end with a hyphen, the only ones a compound may glue to the next.
    hyphens = list(compress(count(), map(_HYPHEN_ENDS.__contains__, lasts)))
    numbers = [i + 1 for i in indices]
    blocks: list[Block] = []
    for first, end, brk in spans:
        at = bisect_left(hyphens, first)
        glued = at < len(hyphens) and hyphens[at] < end - 1
        text = join_lines(stripped[first:end], stripped=True, hyphen_ends=glued)
        at = bisect_left(cited, first)
        if at == len(cited) or cited[at] >= end:
            # No mark to detach: the printed text is the running text.
            blocks.append(Block(text, text, tuple(numbers[first:end]), (), brk))
            continue
        marks: list[str] = []
        for i in indices[first:end]:
            for _, _, mark in sorted(cites.get(i, ())):
                if mark not in marks:
                    marks.append(mark)
        raw = join_lines(lines[i] for i in indices[first:end])
        blocks.append(Block(text, raw, tuple(numbers[first:end]), tuple(marks), brk))
    return blocks


def _headings(pieces: Sequence[str], indices: Sequence[int], cited: Sequence[int], framed: str) -> set[int]:
    """Return the positions of the body lines that are headings on their own (``_HEADING_LINE``).

    One scan of the text finds the printed lines that are headings; a cited line is
    judged by its text with the marks detached.
    """
    out: set[int] = set()
    for index in matching_lines(_HEADING_START, framed):
        at = bisect_left(indices, index)
        if at < len(indices) and indices[at] == index:
            out.add(at)
    for at in cited:
        if _HEADING_LINE.match(pieces[at]):
            out.add(at)
        else:
            out.discard(at)
    return out


def _running_end(pieces: Sequence[str], first: int, stop: int) -> str:
    """Return a text that ends as the running text of ``pieces[first:stop]`` (see :func:`ends_clause`)."""
    tail = pieces[stop - 1].rstrip()
    # Closing quotes and brackets alone on the last line: the clause's end lies before them.
    return tail if tail.rstrip(_CLOSERS).rstrip() else join_lines(pieces[first:stop])


_TURN_ENDS = frozenset([",", ";", ":", ".", "", *_CLOSERS])
"""The last printed character of a line after which its block may end (see :func:`_turns`)."""
_HYPHEN_ENDS = frozenset(HYPHENS)
_LAST = itemgetter(slice(-1, None))
"""``_LAST(text)`` is ``text[-1:]``."""


def _turns(indices: Sequence[int], lasts: Sequence[str], headings: AbstractSet[int]) -> list[int]:
    """Return, ascending, the positions where a block may begin; the other lines go on with theirs.

    Those are the lines after a gap, the headings and the lines after them, and the lines
    after one whose last printed character (in ``lasts``, "" for none) ends a clause or
    closes a quotation or a bracket: a block goes on wherever its running text ends
    mid-clause. The selections run in C (``compress``), not a Python test a line.
    """
    gaps = map((1).__ne__, map(sub, indices[1:], indices))  # at 1, 2...: not right after the one before
    turns = set(compress(count(1), gaps))
    turns.update(compress(count(1), map(_TURN_ENDS.__contains__, lasts)))
    turns.update(headings)
    turns.update([at + 1 for at in headings])
    turns.discard(0)
    turns.discard(len(indices))
    return sorted(turns)


def group_spans(
    indices: Sequence[int],
    pieces: Sequence[str],
    skipped: AbstractSet[int],
    headings: AbstractSet[int],
    *,
    lasts: Sequence[str] | None = None,
) -> list[tuple[int, int, bool]]:
    """Return the blocks as (first, end, after a page break), positions among the body lines.

    ``indices`` holds the body lines' indices in ``lines``, ``pieces`` their text with
    cited marks detached, ``headings`` the positions of those that are headings; a line
    between two body lines is blank unless ``skipped`` holds it. Only the lines
    :func:`_turns` gives are weighed, and a block's running text is built only when a
    decision needs more than its end. ``lasts`` holds each piece's last printed
    character ("" for none), when the caller has them.
    """
    if lasts is None:
        lasts = [piece.strip()[-1:] for piece in pieces]
    spans: list[tuple[int, int, bool]] = []
    first = 0  # the current block's first position
    first_brk = False
    short = True  # the current block's running text may still be a bare number
    for at in _turns(indices, lasts, headings):
        previous, index = indices[at - 1], indices[at]
        gap = index != previous + 1
        # Most gaps are one line: look it up before building the range.
        brk = gap and (previous + 1 in skipped or not skipped.isdisjoint(range(previous + 2, index)))
        bare = False
        if short and not _may_be_number(pieces[first].lstrip()[:1]):
            short = False  # the running text opens as no bare number does
        if short:  # the running text, if no longer than a bare number
            text = join_lines(pieces[first:at]) if len(collapse(pieces[first])) <= _LONGEST_NUMBER else None
            bare = text is not None and bare_number(text)
            # Running texts only grow: once too long, never a bare number again.
            short = text is not None and len(text) <= _LONGEST_NUMBER
        if bare:
            new = False
        elif at in headings or (at - 1 in headings and "plenary" not in pieces[at - 1]):
            new = True  # a heading, or the line after one
        elif brk:
            new = not continues(join_lines(pieces[first:at]), pieces[at])
        elif gap:
            new = True  # the lines between are blank
        else:
            clean = pieces[at]
            end = _running_end(pieces, first, at)
            new = ends_clause(end) and (
                opens_paragraph(clean)
                or (clean[:1].isspace() and _fresh(clean, end))
                or (end.endswith((",", ";")) and _opener(clean, strict=True))
            )
        if new:
            spans.append((first, at, first_brk))
            first, first_brk, short = at, brk, True
    if indices:
        spans.append((first, len(indices), first_brk))
    return spans
