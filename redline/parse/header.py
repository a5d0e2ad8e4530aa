"""Read a text's header: label, title, sponsors, cited drafts, and what kind of text it is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redline.clean import Block
from redline.model import DocKind, Provenance
from redline.parse.paragraphs import ends_a_clause
from redline.parse.patterns import ADOPTED, ADOPTED_BY, BRACKET, NOTE, SPONSORS, SUBMITTED
from redline.symbols import find_symbols

_PAIRS = (
    "Bosnia and Herzegovina",
    "Trinidad and Tobago",
    "Antigua and Barbuda",
    "Saint Vincent and the Grenadines",
    "Saint Kitts and Nevis",
    "Sao Tome and Principe",
    "United Kingdom of Great Britain and Northern Ireland",
    "Turks and Caicos Islands",
    "Heard Island and McDonald Islands",
)
_AND = re.compile(r"\s+and\s+")


@dataclass(frozen=True, slots=True)
class Header:
    """What a text's header says about it."""

    label: str | None
    title: str | None
    kind: DocKind
    provenance: Provenance | None
    outside: tuple[Block, ...]
    """Header blocks that are neither label nor title (sponsor list, "Resolution adopted by")."""


def split_sponsors(who: str) -> tuple[str, ...]:
    """Return the sponsors named in ``who`` ("A, B and C"), keeping "Trinidad and Tobago" whole."""
    text = who.replace("*", "").strip()
    for i, pair in enumerate(_PAIRS):
        text = text.replace(pair, f"\x00{i}\x00")
    parts: list[str] = []
    for chunk in text.split(", "):
        parts.extend(p for p in _AND.split(chunk) if p.strip())
    out = []
    for part in parts:
        for i, pair in enumerate(_PAIRS):
            part = part.replace(f"\x00{i}\x00", pair)
        out.append(part.strip())
    return tuple(out)


def _kind_of(what: str) -> DocKind:
    low = what.lower()
    if "amendment" in low:
        return DocKind.AMENDMENT
    if "decision" in low:
        return DocKind.DECISION
    return DocKind.RESOLUTION


def is_heading(block: Block) -> bool:
    """Return True when ``block`` reads as a heading or title (no closing punctuation)."""
    return not ends_a_clause(block.text) and len(block.text.split()) <= 80


def read_header(blocks: Sequence[Block], label_block: Block | None) -> Header:
    """Return the label, title, kind and provenance that ``blocks`` (before the organ) give."""
    label = label_block.text if label_block is not None else None
    kind = _kind_of(label) if label else DocKind.RESOLUTION
    sponsors: tuple[str, ...] = ()
    symbols: list[str] = []
    title_parts: list[str] = []
    title_blocks: list[Block] = []
    outside: list[Block] = []
    for block in blocks:
        text = block.text
        adopted = ADOPTED.match(text)
        sp = SPONSORS.match(text)
        sub = SUBMITTED.match(text)
        if adopted and label is None:
            outside.extend(title_blocks)
            label, title_parts, title_blocks = adopted.group(1), [adopted.group(2)], []
        elif BRACKET.match(text):
            symbols.extend(find_symbols(text))
            outside.append(block)
        elif sp and len(text) < 4000:
            sponsors = split_sponsors(sp.group("who"))
            kind = _kind_of(sp.group("what"))
            symbols.extend(find_symbols(sp.group("what")))
            outside.extend(title_blocks)
            outside.append(block)
            title_parts, title_blocks = [], []
        elif sub:
            sponsors = (sub.group("who").replace("*", "").strip(),)
            kind = _kind_of(text.split(" submitted", 1)[0])
            outside.extend(title_blocks)
            outside.append(block)
            title_parts, title_blocks = [], []
        elif NOTE.match(text):
            kind = DocKind.NOTE
            outside.append(block)
        elif ADOPTED_BY.match(text):
            outside.append(block)
        elif is_heading(block):
            title_parts.append(text)
            title_blocks.append(block)
        else:
            outside.append(block)
    title = " ".join(title_parts) or None
    provenance = (
        Provenance(symbols=tuple(dict.fromkeys(symbols)), sponsors=sponsors)
        if (sponsors or symbols)
        else None
    )
    return Header(label, title, kind, provenance, tuple(outside))
