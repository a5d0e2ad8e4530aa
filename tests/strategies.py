"""Hypothesis strategies shared by the property tests: UN-flavoured text mixed with raw text.

Add new strategies at the end of this file; keep each one small and documented.
"""

from __future__ import annotations

from hypothesis import strategies as st

PREAMBULAR_OPENERS = (
    "Recalling",
    "Reaffirming",
    "Recognizing",
    "Noting with concern",
    "Welcoming",
    "Deeply concerned",
    "Bearing in mind",
    "Convinced",
    "Emphasizing",
    "Mindful",
)
OPERATIVE_VERBS = (
    "Decides",
    "Requests",
    "Urges",
    "Calls upon",
    "Encourages",
    "Invites",
    "Welcomes",
    "Takes note of",
    "Reaffirms",
    "Strongly urges",
)
VOCABULARY = (
    "the",
    "Secretary-General",
    "Member States",
    "resolution",
    "78/120",
    "of",
    "2 December 2024",
    "to",
    "report",
    "General Assembly",
    "at its eighty-first session",
    "and",
    "in accordance with",
    "international",
    "cooperation",
    "(a)",
    "“Global Compact”",
    "non‑proliferation",
    "inter alia",
    "United Nations",
)

words = st.sampled_from(VOCABULARY) | st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=8
)
"""One word: mostly UN vocabulary, sometimes arbitrary non-space characters."""

sentence = st.lists(words, min_size=1, max_size=25).map(" ".join)
"""Words joined by single spaces: no leading, trailing or doubled white space."""


@st.composite
def preambular_text(draw: st.DrawFn) -> str:
    """A preambular paragraph's text: an opener, a clause, a closing comma."""
    return f"{draw(st.sampled_from(PREAMBULAR_OPENERS))} {draw(sentence)},"


@st.composite
def operative_text(draw: st.DrawFn) -> str:
    """An operative paragraph's text: a verb, a clause, a closing semicolon."""
    return f"{draw(st.sampled_from(OPERATIVE_VERBS))} {draw(sentence)};"


paragraph_texts = st.lists(preambular_text() | operative_text(), min_size=0, max_size=12, unique=True)
"""Distinct paragraph texts, in order."""
