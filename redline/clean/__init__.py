"""Clean: PDF-extracted text -> blocks of running text, footnotes and removed furniture.

The stage removes page furniture (recording each removed line and why), pulls footnote
blocks out, detaches glued footnote marks where the footnote exists, rejoins paragraphs
cut by page breaks and footnote blocks, and joins wrapped lines. It never changes the
wording: quotes, non-breaking hyphens and the source's spelling pass through.

:func:`clean_text` gives the result as text (one paragraph per line, blank lines between,
the footnotes after a rule at the end) and is idempotent; :func:`clean_document` gives
the structure the parser reads.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count

from redline.clean.blocks import HEADING_REST, Block, build_blocks
from redline.clean.footnotes import RULE_RUN, Note, is_rule, is_star_note, read_block
from redline.clean.furniture import PAGE_OPENING, header_extent, own_symbols, page_reason
from redline.clean.marks import find_cites
from redline.clean.running import running_titles
from redline.clean.scan import line_start, lines_holding, matching_lines
from redline.model import Footnote, Removed

__all__ = ["Block", "Cleaned", "clean_document", "clean_text"]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning gives the parser: blocks in reading order, footnotes, removed lines."""

    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]
    removed: tuple[Removed, ...]
    note_lines: tuple[int, ...] = ()
    """1-based numbers of the lines that held footnote text."""


_OPENINGS = line_start(rf"[^\S\n]*(?=[\dA-Z*])(?:{PAGE_OPENING}|{HEADING_REST})")
"""Where a page furniture line or a heading may begin: one scan finds the candidates of both.

Each opening starts with a digit, a capital or an asterisk: testing that first turns away
the lines in lower case and the blank ones before the alternatives are tried.
"""
_STAR_CITE = re.compile(r"(?<=\S)\*{1,3}(?=[\s,:;.)]|$)")
"""An asterisk footnote mark as cited: glued to the word before it ("Denmark:*")."""


def _furniture(lines: list[str], candidates: list[int]) -> dict[int, str]:
    """Return {index: reason} for the furniture lines; ``candidates`` holds those it may be, ascending."""
    own = own_symbols(lines, candidates)
    removed = header_extent(lines, own)
    for index in candidates:
        if index not in removed:
            reason = page_reason(lines[index], own)
            if reason is not None:
                removed[index] = reason
    return removed


def _notes(lines: list[str], removed: dict[int, str], candidates: Iterable[int]) -> list[Note]:
    """Return the notes of every footnote block, read from the top.

    ``candidates`` holds, ascending, the indices of the lines that hold an asterisk or a
    rule: only those cite an asterisk note or open a block.
    """
    notes: list[Note] = []
    index = 0  # the first line not yet read into a block
    starred = False
    for at in candidates:
        if at < index or at in removed:
            continue
        line = lines[at]
        if "*" in line and _STAR_CITE.search(line) and not is_star_note(line):
            starred = True
        if is_rule(line) or (starred and is_star_note(line)):
            found, end = read_block(lines, at, removed)
            if found or is_rule(line):
                notes.extend(found)
                index = max(end, at + 1)
    return notes


def _page_feed(line: str) -> str:
    """Return ``line`` with form feeds read as page ends: an empty line, or a space inside text."""
    if "\x0c" not in line:
        return line
    return "" if not line.replace("\x0c", "").strip() else line.replace("\x0c", " ")


def clean_document(text: str) -> Cleaned:
    """Return ``text`` cleaned into blocks, footnotes and the record of removed lines."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0c" in text:
        text = "\n".join(_page_feed(line) for line in text.split("\n"))
    lines = text.split("\n")
    scanned = matching_lines(_OPENINGS, text)  # the lines that may be furniture or headings
    removed = _furniture(lines, scanned)
    rule_lines = [i for i in lines_holding(text, RULE_RUN) if is_rule(lines[i])]
    # A rule holds no asterisk, so the two lists share no line.
    notes = _notes(lines, removed, sorted(rule_lines + lines_holding(text, "*")))
    in_notes: dict[int, Note] = {}
    rules: set[int] = set()
    for note in notes:
        if is_rule(lines[note.block]):
            rules.add(note.block)
        for no in note.lines:
            in_notes[no] = note
    rules.update(i for i in rule_lines if i not in removed)
    removed.update(running_titles(lines, removed, set(in_notes) | rules))
    skip = removed.keys() | in_notes.keys() | rules
    stripped = list(map(str.strip, lines))
    # The body: the lines neither blank nor skipped, selected in C.
    kept = stripped.copy()
    for i in skip:
        kept[i] = ""
    indices = list(compress(count(), kept))
    pieces = list(compress(lines, kept))
    cites = _cites(indices, pieces, notes)
    printed = list(filter(None, kept))  # the body lines stripped
    blocks = build_blocks(lines, indices, pieces, cites, skip, candidates=scanned, printed=printed)
    footnotes = tuple(Footnote(n.mark, n.text) for n in notes)
    rec = tuple(Removed(i + 1, stripped[i], removed[i]) for i in sorted(removed))
    rec += tuple(Removed(i + 1, stripped[i], "footnote rule") for i in sorted(rules) if stripped[i])
    return Cleaned(
        tuple(blocks),
        footnotes,
        tuple(sorted(rec, key=lambda r: r.line)),
        tuple(sorted(n + 1 for n in in_notes)),
    )


def _cites(
    indices: Sequence[int], pieces: Sequence[str], notes: list[Note]
) -> dict[int, list[tuple[int, int, str]]]:
    """Return {line index: [(start, end, mark)]} for every citation found, page by page.

    ``indices`` holds the body lines' indices, ascending, and ``pieces`` their text.
    """
    out: dict[int, list[tuple[int, int, str]]] = {}
    by_block: dict[int, list[str]] = {}
    for note in notes:
        by_block.setdefault(note.block, []).append(note.mark)
    previous = -1
    for block in sorted(by_block):
        first, end = bisect_right(indices, previous), bisect_left(indices, block)
        if first == end or by_block[block][0].startswith("*"):
            # An asterisk note may sit pages away from the sponsor line it annotates.
            first = 0
        for cite in find_cites(indices[first:end], pieces[first:end], by_block[block]):
            out.setdefault(cite.line, []).append((cite.start, cite.end, cite.mark))
        previous = block
    return out


def clean_text(text: str) -> str:
    """Return ``text`` cleaned: one paragraph per line, blank lines between, notes last.

    Footnote marks stay where they were printed, so cleaning the result again gives
    the same text (the function is idempotent).
    """
    cleaned = clean_document(text)
    out = "\n\n".join(block.raw for block in cleaned.blocks)
    if cleaned.footnotes:
        notes = "\n \n".join(f"{note.mark} {note.text}" for note in cleaned.footnotes)
        out = f"{out}\n\n__________\n{notes}" if out else f"__________\n{notes}"
    return out + "\n" if out else ""
