"""Find where each footnote is cited in the body and detach its mark from the text.

A mark is printed glued to the cited word or punctuation ("World,2", "Strategy5",
"Protocols thereto,1"), glued to a year ("195414" is 1954 and note 14), or, in some
extractions, set apart by a space ("Nuclear Material 3 by"). Only a mark whose footnote
exists is detached; marks are sought in reading order, each after the previous one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Words after which a bare number is part of the text, not a footnote mark.
_NUMBER_WORDS = frozenset(
    [
        "paragraph",
        "paragraphs",
        "para",
        "paras",
        "resolution",
        "resolutions",
        "article",
        "articles",
        "section",
        "sections",
        "chapter",
        "chapters",
        "vol",
        "no",
        "item",
        "items",
        "rule",
        "rules",
        "annex",
        "decision",
        "decisions",
        "principle",
        "principles",
        "goal",
        "target",
        "targets",
        "part",
        "parts",
        "page",
        "pages",
        "table",
        "tables",
        "appendix",
        "and",
        "or",
        "to",
        "of",
        "from",
        "between",
        "number",
        "numbers",
        "the",
        "session",
        "sessions",
        "protocol",
        "volume",
        "volumes",
        "step",
        "phase",
        "level",
        "grade",
        "category",
    ]
)


_PREPOSITIONS = frozenset(
    [
        "on",
        "in",
        "at",
        "by",
        "for",
        "with",
        "until",
        "since",
        "under",
        "over",
        "per",
        "than",
        "about",
        "around",
        "within",
        "after",
        "before",
        "during",
        "some",
        "all",
        "least",
        "nearly",
        "approximately",
        "almost",
        "only",
    ]
)
_MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)


@dataclass(frozen=True, slots=True)
class Cite:
    """A mark found in a body line: the line, the span to delete, the mark."""

    line: int
    start: int
    end: int
    mark: str


_GLUED_BEFORE = re.compile(r"(?:[^\W\d_]|[,;:)\]”’\"]|\D\.)\Z")
"""What a glued mark follows, ending where the mark starts: a letter, a closing sign, or a
full stop after a non-digit ("World,2", "Strategy5", "para.3")."""
_GLUED_AFTER = re.compile(r"[\s,.;:)\]”’]")
"""What may follow a glued mark, unless the text ends there."""
_STAR_BEFORE = re.compile(r"[^\s*]\Z")
"""What an asterisk mark follows, ending where it starts: neither white space nor an asterisk."""
_STAR_AFTER = re.compile(r"[*\w]")
"""What may not follow an asterisk mark."""


def _glued(text: str, mark: str, begin: int) -> Iterator[tuple[int, int]]:
    """Yield the spans, from ``begin`` on, where ``mark`` is printed glued to the word before it.

    The spans are those a regular expression with lookbehind and lookahead around the mark
    would find, but no expression is compiled per mark: compiling one for each of a
    report's footnotes cost more than all the searching (a test holds the two to agree).
    """
    star = mark.startswith("*")
    before = _STAR_BEFORE if star else _GLUED_BEFORE
    at = text.find(mark, begin)
    while at >= 0:
        end = at + len(mark)
        if star:
            after_ok = _STAR_AFTER.match(text, end) is None
        else:
            after_ok = end == len(text) or _GLUED_AFTER.match(text, end) is not None
        if after_ok and before.search(text, max(at - 2, 0), at):
            yield at, end
            at = text.find(mark, end)
        else:
            at = text.find(mark, at + 1)


_YEAR = re.compile(r"(?<![\w/.])(?:1[89]|20)\d\d\Z")
"""A year ending where a mark glued to it starts ("195414" is 1954 and note 14)."""
_YEAR_AFTER = re.compile(r"[\s,.;:)]")


def _after_year(text: str, mark: str, begin: int) -> int | None:
    """Return where ``mark`` first starts glued to a year that starts at or after ``begin``, or None.

    Like :func:`_glued`, this stands for a per-mark regular expression (a test holds the
    two to agree).
    """
    at = text.find(mark, begin + 4)
    while at >= 0:
        end = at + len(mark)
        if (end == len(text) or _YEAR_AFTER.match(text, end)) and _YEAR.search(text, at - 4, at):
            return at
        at = text.find(mark, at + 1)
    return None


@lru_cache(maxsize=512)
def _spaced(mark: str) -> re.Pattern[str]:
    return re.compile(rf"(?:(?<=[^\W\d_]|[,;:.”’)])|(?<=\b(?:1[89]|20)\d\d)) +{re.escape(mark)}(?= |$)")


def _in_symbol(text: str, start: int) -> bool:
    """Return True when position ``start`` falls inside a slash-bearing token (a symbol)."""
    if start > 0 and text[start - 1] in ',;:)]”’"':
        return False
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", start)
    token = text[left : right if right >= 0 else len(text)]
    return "/" in token or "www." in token or "@" in token


def _spaced_ok(text: str, start: int, end: int, next_line: str = "") -> bool:
    """Return True when a number set apart by spaces reads as a mark, not as part of the text.

    "on 12 June", "paragraph 5 of" and "resolution 60/1" keep their numbers; after a
    clause's punctuation ("Protocol; 130") any number is a mark.
    """
    after = (text[end:] + " " + next_line).split()
    if after and after[0].rstrip(",.;") in _MONTHS:
        return False
    head = text[:start].rstrip()
    if head.endswith((",", ";", ":", "”", "’")):
        return not _in_symbol(text, start)
    before = head.rsplit(" ", 1)[-1].lower().rstrip(".")
    if before in _NUMBER_WORDS or before in _PREPOSITIONS:
        return False
    return not _in_symbol(text, start)


def _search(
    lines: Sequence[tuple[int, str]], mark: str, cursor: tuple[int, int], kind: str, until: int | None = None
) -> Cite | None:
    """Return the first citation of ``mark`` of ``kind`` at or after ``cursor`` (position, offset).

    The search stops after position ``until`` (inclusive) when it is given.
    """
    pattern = _spaced(mark) if kind == "spaced" else None
    end = len(lines) if until is None else min(until + 1, len(lines))
    for pos in range(cursor[0], end):
        no, text = lines[pos]
        if mark not in text:
            continue
        begin = cursor[1] if pos == cursor[0] else 0
        if kind == "glued":
            for start, stop in _glued(text, mark, begin):
                if not _in_symbol(text, start):
                    return Cite(no, start, stop, mark)
        elif kind == "year":
            at = _after_year(text, mark, begin)
            if at is not None:
                return Cite(no, at, at + len(mark), mark)
        elif pattern is not None:
            for m in pattern.finditer(text, begin):
                next_line = lines[pos + 1][1] if pos + 1 < len(lines) else ""
                if _spaced_ok(text, m.start(), m.end(), next_line):
                    return Cite(no, m.start(), m.end(), mark)
    return None


def find_cites(lines: Sequence[tuple[int, str]], marks: Sequence[str]) -> list[Cite]:
    """Return where each of ``marks`` is cited in ``lines`` (number, text), in order.

    Each mark is sought after the previous one's citation, glued forms first, then a
    year with the mark glued on, then a mark set apart by a space. A mark found nowhere
    is left out. A mark cited again before the next mark's citation ("Conflict,14 ...
    adopted on 14 May 195414") is detached there too, in its glued forms only.
    """
    firsts: list[Cite] = []
    cursor = (0, 0)
    index_of = {no: pos for pos, (no, _) in enumerate(lines)}
    for mark in marks:
        cite = None
        for kind in ("glued", "year", "spaced"):
            cite = _search(lines, mark, cursor, kind)
            if cite is not None:
                break
        if cite is None:
            continue
        firsts.append(cite)
        cursor = (index_of[cite.line], cite.end)
    out: list[Cite] = []
    for pos, cite in enumerate(firsts):
        out.append(cite)
        stop = (index_of[firsts[pos + 1].line], firsts[pos + 1].start) if pos + 1 < len(firsts) else None
        if stop is None and cite.mark.isdigit():
            continue  # a numbered mark is detached again only before the next mark's citation
        at = (index_of[cite.line], cite.end)
        while True:
            # A citation past the next mark's line is not wanted, so the search ends on that line.
            until = None if stop is None else stop[0]
            found = [
                c
                for c in (_search(lines, cite.mark, at, k, until) for k in ("glued", "year"))
                if c is not None
            ]
            again = min(found, key=lambda c: (index_of[c.line], c.start)) if found else None
            if again is None or (stop is not None and (index_of[again.line], again.start) >= stop):
                break
            out.append(again)
            at = (index_of[again.line], again.end)
    return out
