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


@st.composite
def edited_text(draw: st.DrawFn) -> tuple[str, str]:
    """A text and a revision of it: words deleted, inserted and replaced, as drafters do."""
    old_words = draw(st.lists(words, min_size=0, max_size=30))
    new_words = list(old_words)
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(("insert", "delete", "replace")))
        at = draw(st.integers(0, len(new_words)))
        if action == "insert" or not new_words:
            new_words.insert(at, draw(words))
        elif action == "delete":
            del new_words[min(at, len(new_words) - 1)]
        else:
            new_words[min(at, len(new_words) - 1)] = draw(words)
    sep = draw(st.sampled_from((" ", " ", "\n", ", ", "  ")))
    return sep.join(old_words), " ".join(new_words)


hostile_words = st.sampled_from(
    (
        "<script>window.__pwned=1</script>",
        '<img src=x onerror="window.__pwned=1">',
        "javascript:alert(1)",
        "<style>body{display:none}</style>",
        "&amp;",
        "&lt;b&gt;",
        "**bold**",
        "~~gone~~",
        "1.",
        "# Heading",
        "[link](javascript:alert(1))",
        "`code`",
        "{--x--}",
        "[-x-]",
        "\\",
        "<!--",
        "-->",
        "]]>",
        "\x1b[31m",
    )
)
"""Words that would turn into live markup if a renderer forgot to escape them."""

redline_text = st.lists(words | hostile_words, min_size=0, max_size=25).map(" ".join)
"""Paragraph-like text mixing UN vocabulary, arbitrary characters and hostile markup."""
