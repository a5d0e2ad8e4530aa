"""Recognise page furniture: the lines a PDF repeats on every page, and the first-page header.

Every recogniser returns the reason a line is furniture (the text recorded in
``Removed.reason``) or None. Nothing here edits text; :mod:`redline.clean` decides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from redline.symbols import is_symbol_line

# "44-12345 (E)    061044", "V.44-12345", "20 V.44-12345", "V.44-12345 73", "44-12345" (invented examples).
_JOB = re.compile(
    r"^(?:\d{1,3}\s+)?(?:[A-Z]\.)?\d{2}-\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,3}(?:\s+\d{1,3})?$"
)
_BARCODE = re.compile(r"^\*\d{6,}\*$")
_COUNTER = re.compile(r"^\d{1,3}/\d{1,3}$")
_DISTR = re.compile(r"^Distr\.?:\s*(?:General|Limited|Restricted)\b.*$")
_ORIGINAL = re.compile(r"^Original:\s*\w+.*$")
_DATE = re.compile(
    r"^\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{4}$"
)
_ORGANS = ("United Nations", "General Assembly", "Economic and Social Council", "Security Council")
_SESSION = re.compile(r"^(?:[A-Z][a-z]+(?:-[a-z]+)?\s+)(?:special\s+|emergency\s+special\s+)?session$")
_COMMITTEE = re.compile(
    r"^(?:First|Second|Third|Fourth|Fifth|Sixth) Committee$|^Special Political and .*Committee\)?$"
)
_AGENDA = re.compile(
    r"^(?:(?:Provisional\s+)?[Aa]genda items?\s+\d+.*|Items? \d+.* of the (?:provisional )?agenda\*?)$"
)
_RULE = re.compile(r"^\s*_{5,}\s*$")
PAGE_OPENING = r"(?:\d{1,3}(?:[^\S\n]+(?:[A-Z]\.)?\d\d-|/)|\d\d-|[A-Z]\.\d\d-|\*\d|[A-Z]+/|Distr|Original)"
"""How a line that :func:`page_reason` accepts may open, after white space: each recogniser's start.

A job number opens with its digits and hyphen, after a page number or a letter ("20
V.44-12345"), so a footnote ("12 See ...") or a lettered heading ("A. Draft ...") is not
weighed; a symbol-only line begins with a series body ("A", "E/CN.15") and its slash:
``[A-Z]+/``. For :func:`~redline.clean.scan.line_start`: it matches no line feed.
"""
_HEADER_REASONS = {"symbol header", "job number", "barcode", "page counter", "distribution", "date"}


def page_reason(line: str, own_symbols: frozenset[str]) -> str | None:
    """Return why ``line`` is furniture repeated on any page, or None."""
    text = line.strip()
    if not text:
        return None
    if _JOB.match(text):
        return "job number"
    if _BARCODE.match(text):
        return "barcode"
    if _COUNTER.match(text):
        return "page counter"
    if is_symbol_line(text) and all(part.rstrip("*") in own_symbols for part in text.split()):
        return "symbol header"
    if _DISTR.match(text):
        return "distribution"
    if _ORIGINAL.match(text):
        return "distribution"
    return None


def own_symbols(lines: Sequence[str], symbol_lines: Iterable[int]) -> frozenset[str]:
    """Return the document's own symbols: symbol-only lines in the first-page header or repeated.

    A symbol alone on a line is a page header when it stands among the first page's header
    lines (before any other text) or recurs (later pages); a cited symbol that merely
    wraps onto its own line occurs once, after the text has begun. ``symbol_lines`` holds
    the indices of the lines that may be symbol-only (any superset will do), ascending.
    """
    counts: Counter[str] = Counter()
    top: set[str] = set()
    body = 0  # index of the first line after the header
    while body < len(lines):
        line = lines[body]
        body += 1
        if is_symbol_line(line):
            for part in line.split():
                counts[part.rstrip("*")] += 1
                top.add(part.rstrip("*"))
        elif line.strip() and not _RULE.match(line) and header_reason(line, frozenset()) is None:
            break
    for index in symbol_lines:
        if index >= body and is_symbol_line(lines[index]):
            for part in lines[index].split():
                counts[part.rstrip("*")] += 1
    return frozenset(sym for sym, n in counts.items() if n >= 2 or sym in top)


def header_reason(line: str, own: frozenset[str]) -> str | None:
    """Return why ``line`` belongs to a first-page header block, or None."""
    text = line.strip()
    reason = page_reason(text, own)
    if reason is not None:
        return reason
    if text in _ORGANS:
        return "organ header"
    if _DATE.match(text):
        return "date"
    if _SESSION.match(text) or (text.startswith("Resumed ") and text.endswith("session")):
        return "session"
    if _COMMITTEE.match(text):
        return "committee"
    if _AGENDA.match(text):
        return "agenda item"
    return None


def header_extent(lines: Sequence[str], own: frozenset[str]) -> dict[int, str]:
    """Return {index: reason} for the first-page header at the top of ``lines``.

    The header is a run of furniture lines and blank lines from the top. An agenda item
    line takes the wrapped item title that follows it up to the next blank line. A
    "Distr." line takes the date under it.
    """
    out: dict[int, str] = {}
    index = 0
    seen_header = False
    while index < len(lines):
        text = lines[index].strip()
        if not text:
            index += 1
            continue
        reason = header_reason(text, own)
        if reason is None:
            break
        seen_header = True
        out[index] = reason
        index += 1
        if reason == "agenda item":
            while index < len(lines) and lines[index].strip():
                if header_reason(lines[index], own) not in (None, "agenda item"):
                    break
                out[index] = "agenda item"
                index += 1
    return out if seen_header else {}


def is_header_reason(reason: str) -> bool:
    """Return True for reasons that mark a page header or footer (a page break)."""
    return reason in _HEADER_REASONS or reason == "running title"


_EMBEDDED = (
    (re.compile(r"(?<![\w.-])(?:[A-Z]\.)?\d{2}-\d{5}\*?(?: \([A-Z]\))?(?![\w-])"), "job number"),
    (re.compile(r"\*\d{6,}\*"), "barcode"),
    (re.compile(r"\bDistr\.: (?:General|Limited|Restricted)\b"), "distribution"),
    (re.compile(r"\bOriginal: (?:English|French|Spanish|Arabic|Russian|Chinese)\b"), "distribution"),
)


def embedded_furniture(text: str, *, symbol: str | None = None) -> str | None:
    """Return the kind of page furniture found inside running ``text``, or None.

    A job number, a barcode or a distribution line never belongs in a paragraph; nor
    does the document's own symbol next to a page counter ("A/RES/80/41 2/3").
    """
    for pattern, reason in _EMBEDDED:
        if pattern.search(text):
            return reason
    if symbol:
        s = re.escape(symbol)
        if re.search(
            rf"(?:^|\s){s}\s+\d{{1,3}}/\d{{1,3}}(?:\s|$)|(?:^|\s)\d{{1,3}}/\d{{1,3}}\s+{s}(?:\s|$)", text
        ):
            return "symbol header"
    return None
