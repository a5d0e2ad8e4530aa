"""UN document symbols: find them in text, recognise a line that is only a symbol, normalise.

A symbol is a series body (``A``, ``E``, ``S``, ``A/HRC``, ``E/CN.15``...) followed by
slash-separated components, at least one of which holds a digit: ``A/RES/80/6``,
``A/C.3/80/L.4/Rev.1``, ``E/CN.15/2011/L.8/Rev.1``, ``E/2011/30``, ``S/RES/2347 (2017)``.
Joint symbols such as ``A/64/92-E/2009/98`` are read as one.

>>> find_symbols("see A/80/534, para. 7, and E/CN.15/2011/L.8/Rev.1.")
('A/80/534', 'E/CN.15/2011/L.8/Rev.1')
>>> is_symbol_line(" A/C.1/80/L.22 ")
True
"""

from __future__ import annotations

import re

_BODY = r"(?:A|E|S|ST|UNEP|TD|DP|CCPR|CRC|CEDAW|CERD|CAT|CRPD|CMW|ICEF|UNW|SPLOS|UNITAR|HRC|ECE|ESCAP)"
_PART = r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*"
SYMBOL_RE = re.compile(rf"(?<![\w/.\-]){_BODY}(?:/{_PART})+(?![\w/])")
"""A UN document symbol inside running text."""

_TRAIL = ".,;:"


def _has_digit(symbol: str) -> bool:
    return any(ch.isdigit() for ch in symbol)


def find_symbols(text: str) -> tuple[str, ...]:
    """Return the symbols in ``text`` in order of appearance, trailing punctuation removed."""
    out: list[str] = []
    for m in SYMBOL_RE.finditer(text):
        sym = normalise(m.group(0))
        if _has_digit(sym):
            out.append(sym)
    return tuple(out)


def normalise(symbol: str) -> str:
    """Return ``symbol`` without surrounding space or trailing sentence punctuation."""
    return symbol.strip().rstrip(_TRAIL)


def is_symbol_line(line: str) -> bool:
    """Return True when ``line`` holds one or more symbols and nothing else."""
    text = line.strip()
    if not text or "/" not in text:
        return False
    parts = [p.rstrip("*") for p in text.split()]
    return all(SYMBOL_RE.fullmatch(p) is not None and _has_digit(p) for p in parts)
