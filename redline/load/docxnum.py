"""Compute the numbers Word prints for automatically numbered paragraphs (w:numPr).

Word stores no printed number: a paragraph names a list (numId) and a level (ilvl), and
numbering.xml says each level's format ("decimal", "lowerLetter", ...), start value and
label pattern ("%1.", "(%2)"). This module replays the counters in document order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

__all__ = ["Numbering", "format_number"]


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str
    restart: int | None
    """Restart after a paragraph of this level (1-based, as w:lvlRestart); None: any higher."""


def _roman(n: int) -> str:
    out = []
    for value, digits in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word's lowerLetter goes a..z, then aa..zz, then aaa..: the letter repeats.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


_FORMATS: Mapping[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
    "bullet": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """Return ``n`` written in Word's number format ``fmt``; unknown formats print decimal.

    >>> format_number(4, "lowerRoman"), format_number(28, "lowerLetter")
    ('iv', 'bb')
    """
    return _FORMATS.get(fmt, str)(n)


@dataclass(slots=True)
class Numbering:
    """Numbering definitions plus the running counters, advanced paragraph by paragraph."""

    abstract_of: dict[str, str] = field(default_factory=dict)
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root: Any | None) -> Numbering:
        """Read a numbering part's root element (None when the document has none)."""
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = _level(lvl)
            numbering.levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            ref = num.find(qn("w:abstractNumId"))
            numbering.abstract_of[num_id] = ref.get(qn("w:val")) if ref is not None else ""
            starts = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    starts[int(override.get(qn("w:ilvl"), "0"))] = int(start.get(qn("w:val"), "1"))
            numbering.overrides[num_id] = starts
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance list ``num_id`` at level ``ilvl`` and return the printed label ("5.", "(a)")."""
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract or "", {})
        if abstract is None or ilvl not in levels:
            return ""
        # Lists sharing an abstract definition continue one another, as in Word, unless
        # a list overrides its start: then its first paragraph restarts the count.
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper, spec in levels.items():
            if deeper > ilvl and (spec.restart is None or spec.restart > ilvl):
                counters.pop(deeper, None)
        text = level.text
        for k in sorted(levels, reverse=True):
            if f"%{k + 1}" in text:
                value = counters.get(k, levels[k].start)
                text = text.replace(f"%{k + 1}", format_number(value, levels[k].fmt))
        return text.strip()


def _level(lvl: Any) -> _Level:
    def val(tag: str) -> str | None:
        el = lvl.find(qn(tag))
        return None if el is None else el.get(qn("w:val"))

    restart = val("w:lvlRestart")
    fmt = val("w:numFmt") or "decimal"
    text = val("w:lvlText")
    return _Level(
        start=int(val("w:start") or "1"),
        fmt=fmt,
        text="" if fmt == "bullet" or text is None else text,
        restart=None if restart is None else int(restart),
    )
