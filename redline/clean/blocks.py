"""Group body lines into blocks (paragraphs), rejoining those cut by page breaks.

A block ends at a blank line, or where a line opens a numbered or lettered paragraph
right after a line that ends a clause. Across a page break (furniture or a footnote
block between two lines) the text continues when the earlier part ends mid-clause or
the later part begins in lower case, unless the later part opens a new paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from redline.clean.text import collapse, glue

_STARTS = re.compile(
    r"^\s*(?:\d{1,3}(?:\s+(?:bis|ter|quater))?\.|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[a-z]\.)(?:\s|$)"
)
_NUMBER_ONLY = re.compile(
    r"^\s*(?:\d{1,3}(?:\s+(?:bis|ter|quater))?\.?|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[a-z]\.)\s*$"
)
_LONGEST_NUMBER = len("123 quater.")
"""The longest text ``_NUMBER_ONLY`` matches once white space is collapsed."""
_HEADING_LINE = re.compile(
    r"^\s*(?:(?:Draft (?:resolution|decision)|Resolution|Decision)(?: (?:[IVXLC]+|\d+/\d+))?"
    r"|Chapter [IVXLC]+|Annex(?:es)?(?: [IVXLC]+| \d+)?|\d+(?:st|nd|rd|th) plenary meeting)\s*$"
)
"""A line that is a heading on its own even with no blank line around it."""
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
) -> list[Block]:
    """Return the body lines grouped into blocks (see the module docstring).

    ``skipped`` holds the lines taken out of the body that break a page: furniture,
    footnote rules and footnote text.
    """
    groups: list[list[int]] = []
    breaks: list[bool] = []
    texts: list[str] = []  # each group's running text: its block's text, built once
    running = ""  # the current group's text, collapsed
    previous = -1
    after_heading = False
    for index, line in body:
        gap = range(previous + 1, index)  # lines between: blank, furniture or notes
        brk = bool(gap) and bool(groups) and not skipped.isdisjoint(gap)
        clean = _strip_marks(line, cites[index]) if index in cites else line
        # A heading opens with a capital or a digit; most lines, wrapped mid-sentence, do not.
        heading = not clean[:1].islower() and _HEADING_LINE.match(clean) is not None
        if not groups:
            new = True
        elif bare_number(running):
            new = False
        elif heading or after_heading:
            new = True
        elif brk:
            new = not continues(running, clean)
        elif gap and any(not lines[j].strip() for j in gap):  # a blank line between
            new = True
        else:
            new = ends_clause(running) and (
                opens_paragraph(clean)
                or (clean[:1].isspace() and _fresh(clean, running))
                or (running.endswith((",", ";")) and _opener(clean, strict=True))
            )
        if new:
            groups.append([index])
            breaks.append(brk)
            running = collapse(clean)
            texts.append(running)
        else:
            groups[-1].append(index)
            running = glue(running, collapse(clean))
            texts[-1] = running
        previous = index
        after_heading = heading and "plenary" not in clean
    return [
        _block(group, lines, text, cites, brk) for group, brk, text in zip(groups, breaks, texts, strict=True)
    ]


def _block(
    group: list[int],
    lines: Sequence[str],
    text: str,
    cites: Mapping[int, Sequence[tuple[int, int, str]]],
    brk: bool,
) -> Block:
    numbers = tuple([i + 1 for i in group])
    if cites.keys().isdisjoint(group):
        # No mark to detach: the printed text is the running text, glued the same way.
        return Block(text, text, numbers, (), brk)
    raw = ""
    marks: list[str] = []
    for i in group:
        raw = glue(raw, collapse(lines[i]))
        for _, _, mark in sorted(cites.get(i, ())):
            if mark not in marks:
                marks.append(mark)
    return Block(text, raw, numbers, tuple(marks), brk)
