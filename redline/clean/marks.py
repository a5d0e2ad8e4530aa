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
    texts: Sequence[str], mark: str, cursor: tuple[int, int], kind: str, until: int | None = None
) -> tuple[int, int, int] | None:
    """Return (position, start, end) of the first citation of ``mark`` of ``kind`` at or after ``cursor``.

    ``cursor`` is a (position, offset) among ``texts``, the window's lines. The search
    stops after position ``until`` (inclusive) when it is given.
    """
    pattern = _spaced(mark) if kind == "spaced" else None
    end = len(texts) if until is None else min(until + 1, len(texts))
    for pos in range(cursor[0], end):
        text = texts[pos]
        if mark not in text:
            continue
        begin = cursor[1] if pos == cursor[0] else 0
        if kind == "glued":
            for start, stop in _glued(text, mark, begin):
                if not _in_symbol(text, start):
                    return pos, start, stop
        elif kind == "year":
            at = _after_year(text, mark, begin)
            if at is not None:
                return pos, at, at + len(mark)
        elif pattern is not None:
            for m in pattern.finditer(text, begin):
                next_line = texts[pos + 1] if pos + 1 < len(texts) else ""
                if _spaced_ok(text, m.start(), m.end(), next_line):
                    return pos, m.start(), m.end()
    return None


def find_cites(numbers: Sequence[int], texts: Sequence[str], marks: Sequence[str]) -> list[Cite]:
    """Return where each of ``marks`` is cited in the lines ``texts`` (numbered ``numbers``), in order.

    Each mark is sought after the previous one's citation, glued forms first, then a
    year with the mark glued on, then a mark set apart by a space. A mark found nowhere
    is left out. A mark cited again before the next mark's citation ("Conflict,14 ...
    adopted on 14 May 195414") is detached there too, in its glued forms only.
    """
    firsts: list[tuple[int, int, int, str]] = []  # (position, start, end, mark)
    cursor = (0, 0)
    for mark in marks:
        found = None
        for kind in ("glued", "year", "spaced"):
            found = _search(texts, mark, cursor, kind)
            if found is not None:
                break
        if found is None:
            continue
        firsts.append((*found, mark))
        cursor = (found[0], found[2])
    out: list[Cite] = []
    for n, (pos, start, end, mark) in enumerate(firsts):
        out.append(Cite(numbers[pos], start, end, mark))
        stop = firsts[n + 1][:2] if n + 1 < len(firsts) else None
        if stop is None and mark.isdigit():
            continue  # a numbered mark is detached again only before the next mark's citation
        at = (pos, end)
        while True:
            # A citation past the next mark's line is not wanted, so the search ends on that line.
            until = None if stop is None else stop[0]
            found_again = [
                c for c in (_search(texts, mark, at, k, until) for k in ("glued", "year")) if c is not None
            ]
            again = min(found_again) if found_again else None
            if again is None or (stop is not None and again[:2] >= stop):
                break
            out.append(Cite(numbers[again[0]], again[1], again[2], mark))
            at = (again[0], again[2])
    return out
