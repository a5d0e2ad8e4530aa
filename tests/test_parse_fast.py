"""The parser's cheap first-character gates never turn away a text its pattern would match."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redline import provenance
from redline.parse import patterns

sections = importlib.import_module("redline.parse.sections")
segment = importlib.import_module("redline.parse.segment")
paragraphs = importlib.import_module("redline.parse.paragraphs")

_GATES: list[tuple[re.Pattern[str], Callable[[str], bool]]] = [
    (patterns.OP_NUMBER, lambda t: t[:1].isdecimal()),
    (paragraphs._LOOSE, lambda t: t[:1].isdecimal()),
    (patterns.CLOSING, lambda t: t[:1].isdecimal()),
    (patterns.PAREN, lambda t: t[:1] == "("),
    (patterns.DOT_LETTER, lambda t: "a" <= t[:1] <= "z"),
    (paragraphs._ORGAN_LINE, lambda t: t.startswith("The ")),
    (patterns.ORGAN, lambda t: t.startswith("The ")),
    (patterns.CHAPTER, lambda t: t[:1] == "C"),
    (patterns.SECTION, lambda t: "A" <= t[:1] <= "H"),
    (patterns.LABEL, lambda t: t[:1] in segment._LABEL_FIRST),
    (sections._SECTION, lambda t: t[:1] in sections._SECTION_FIRST),
    (sections._ARTICLE, lambda t: t.startswith("Article ")),
    (patterns.ANNEX, lambda t: t.startswith("Annex")),
    (provenance._SECTION, lambda t: t[1:2] == "."),
]
_OPENINGS = (
    "1. ",
    "12 bis. ",
    "26 Condemns ",
    "\u0663. ",
    "²",
    "(a) ",
    "(iv)",
    "b. ",
    "The General Assembly,",
    "The Commission on Narcotic Drugs:",
    "Chapter IV",
    "B. Draft",
    "Draft resolution II",
    "Resolution 20/1",
    "Decision 20/1",
    "II. ",
    "H ",
    "Article 5 bis. ",
    "Annexes",
    "Annex II*",
    "10th plenary meeting",
    "",
    " ",
    "x",
)


@given(st.sampled_from(_OPENINGS), st.text(max_size=12))
def test_no_gate_turns_a_match_away(opening: str, tail: str) -> None:
    """Whatever a pattern matches passes its gate (so gating changes no verdict)."""
    for text in (opening + tail, opening, tail):
        for pattern, gate in _GATES:
            if pattern.match(text):
                assert gate(text), (pattern.pattern, text)


@pytest.mark.parametrize("pattern", [g[0] for g in _GATES], ids=lambda p: p.pattern[:24])
def test_the_openings_reach_each_pattern(pattern: re.Pattern[str]) -> None:
    """Each gated pattern matches at least one of the openings, so the property test bites."""
    assert any(pattern.match(o + "Xx,") or pattern.match(o) for o in _OPENINGS)
