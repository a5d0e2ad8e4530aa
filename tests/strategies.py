"""Hypothesis strategies shared by the property tests: UN-flavoured text mixed with raw text.

Add new strategies at the end of this file; keep each one small and documented.
"""

from __future__ import annotations

from collections.abc import Sequence

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


# --- Paragraph alignment (redline.align) ---------------------------------------------

_SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "pi", "ne", "gra", "sho", "bri", "quo")
DISTINCT_VOCABULARY = tuple(a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in ("n", "r", "s", "l"))
"""784 made-up words: paragraphs drawn from them rarely share words by chance."""


@st.composite
def distinct_resolutions(draw: st.DrawFn, max_size: int = 28) -> list[tuple[str, bool]]:
    """(text, is_preambular) lists, preambular first, as a resolution orders them.

    Paragraph k draws its 3 to 20 words, none repeated, from its own slice of the made-up
    vocabulary, so two paragraphs share no word but their opener: which old paragraph a
    revised one came from is never in doubt.
    """
    count = draw(st.integers(0, max_size))
    preambular = sorted(draw(st.lists(st.booleans(), min_size=count, max_size=count)), reverse=True)
    out = []
    for k, pre in enumerate(preambular):
        own = DISTINCT_VOCABULARY[k::max_size]
        body = " ".join(draw(st.lists(st.sampled_from(own), min_size=3, max_size=20, unique=True)))
        opener = draw(st.sampled_from(PREAMBULAR_OPENERS if pre else OPERATIVE_VERBS))
        out.append((f"{opener} {body}{',' if pre else ';'}", pre))
    return out


@st.composite
def revised_paragraphs(
    draw: st.DrawFn, text: st.SearchStrategy[str] | None = None
) -> tuple[list[str], list[str]]:
    """Two lists of paragraph texts: a resolution and its revision (edits, deletions, insertions, a move)."""
    source = text if text is not None else (preambular_text() | operative_text())
    old = draw(st.lists(source, min_size=0, max_size=8))
    new = list(old)
    for _ in range(draw(st.integers(0, 5))):
        action = draw(st.sampled_from(("edit", "delete", "insert", "move")))
        if action == "insert" or not new:
            new.insert(draw(st.integers(0, len(new))), draw(source))
        elif action == "delete":
            del new[draw(st.integers(0, len(new) - 1))]
        elif action == "move":
            para = new.pop(draw(st.integers(0, len(new) - 1)))
            new.insert(draw(st.integers(0, len(new))), para)
        else:
            at = draw(st.integers(0, len(new) - 1))
            tail = draw(sentence)
            new[at] = new[at][: draw(st.integers(0, len(new[at])))] + " " + tail
    return old, new


# --- Parser strategies: PDF-extracted UN documents with page furniture ----------------------------

PAGE_FURNITURE = (
    "A/C.2/99/L.7",
    "44-12345",
    "44-12345 (E)    061044",
    "*4412345*",
    "2/3",
    "Distr.: General",
    "Original: English",
)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current + " ")
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current + " ")
    return lines


@st.composite
def pdf_document(draw: st.DrawFn) -> str:
    """A GA-style extraction: header, organ, wrapped paragraphs, page breaks with furniture and notes."""
    paras = draw(paragraph_texts)
    width = draw(st.integers(30, 90))
    lines = ["United Nations ", "A/C.2/99/L.7", " ", "General Assembly ", "Distr.: Limited ", " "]
    lines += ["Andorra and Nepal: draft resolution ", " ", draw(sentence), " ", "The General Assembly, ", " "]
    number = 0
    note = 0
    for text in paras:
        if text.endswith(";"):
            number += 1
            text = f"{number}. {text}"
        body = _wrap(text, width)
        if draw(st.booleans()) and len(body) > 1:
            cut = draw(st.integers(1, len(body) - 1))
            note += 1
            notes = ["__________________ ", " ", f"{note} {draw(sentence)} ", ""]
            page = notes if draw(st.booleans()) else [""]
            page += [draw(st.sampled_from(PAGE_FURNITURE)) for _ in range(draw(st.integers(1, 3)))]
            body = [*body[:cut], *page, " ", *body[cut:]]
        lines += [*body, " "]
    return "\n".join(lines)


@st.composite
def gain_matrices(draw: st.DrawFn) -> tuple[int, int, dict[tuple[int, int], float]]:
    """A small sparse pairing problem: (old count, new count, {(old, new): gain > 0})."""
    n_old = draw(st.integers(0, 5))
    n_new = draw(st.integers(0, 5))
    cells = [(i, j) for i in range(n_old) for j in range(n_new)]
    chosen = draw(st.lists(st.sampled_from(cells), unique=True, max_size=len(cells))) if cells else []
    gains = {c: draw(st.floats(0.001, 1.0, allow_nan=False)) for c in sorted(chosen)}
    return n_old, n_new, gains


UN_LINES = (
    "",
    " ",
    "__________",
    "1 Note text.",
    " 2 Other note",
    "* Star",
    "The General Assembly,",
    "1.",
    "(a)",
    "(i)",
    "a. item",
    "Annex",
    "Annex II",
    "Draft resolution I",
    "Resolution 20/1",
    "Chapter II",
    "B. Section",
    "Recalling its resolution,",
    "Decides to act;",
    "5 bis. Urges;",
    "counter-",
    "terrorism",
    *PAGE_FURNITURE,
    "80/6. Title",
    "[on the report of the Third Committee (A/80/1, para. 7)]",
    "Andorra: draft resolution",
    "Ruritania: amendment to draft resolution A/C.3/99/L.1",
    "World,2 and 195414",
    "I",
    "II",
    "Article 1",
    "Article 2",
    "52nd plenary meeting",
    "The General Assembly, taking note, decides.",
    "\x0c",
)

un_fragments = st.lists(st.sampled_from(UN_LINES) | st.text(max_size=20), max_size=40).map("\n".join)
"""Lines of UN-shaped fragments in any order: headings, numbers, furniture, notes, raw text."""


@st.composite
def paged_resolution(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """A GA draft as extracted from a PDF, with the preambular and operative texts it must parse back to.

    Paragraphs wrap at a drawn width; some are cut by a page break (furniture, and a footnote
    block whose mark is glued to the last word before the cut).
    """
    vocabulary = [w for w in VOCABULARY if w != "(a)"]
    clause = st.lists(st.sampled_from(vocabulary), min_size=1, max_size=25).map(" ".join)
    pps = [
        f"{draw(st.sampled_from(PREAMBULAR_OPENERS))} {draw(clause)}," for _ in range(draw(st.integers(0, 5)))
    ]
    ops = [
        f"{draw(st.sampled_from(OPERATIVE_VERBS))} {draw(clause)};" for _ in range(draw(st.integers(1, 5)))
    ]
    width = draw(st.integers(30, 90))
    lines = ["United Nations ", "A/C.2/99/L.7", " ", "General Assembly ", "Distr.: Limited ", " "]
    lines += [
        "Andorra and Nepal: draft resolution ",
        " ",
        "Mountain development",
        " ",
        "The General Assembly, ",
        " ",
    ]
    note = 0
    for k, text in enumerate(pps + ops):
        body = _wrap(text if k < len(pps) else f"{k - len(pps) + 1}. {text}", width)
        if draw(st.booleans()) and len(body) > 1:
            cut = draw(st.integers(1, len(body) - 1))
            page = [""]
            if draw(st.booleans()) and not body[cut - 1].rstrip()[-1].isdigit():
                note += 1
                body[cut - 1] = f"{body[cut - 1].rstrip()}{note} "
                page = ["__________________ ", " ", f"{note} See A/99/{note}. ", ""]
            page += [draw(st.sampled_from(PAGE_FURNITURE)) for _ in range(draw(st.integers(1, 3)))]
            body = [*body[:cut], *page, " ", *body[cut:]]
        lines += [*body, " "]
    return "\n".join(lines), pps, ops


_ODD_SPACE = st.sampled_from(["", " ", "  ", "\t", "\xa0", "\u2003", "\x0b", "\x0c", "\x1c", "\u2028", "\r"])
_LINE_CHARS = st.sampled_from('0123456789*_/-.():,;AESDOLrgi ”’"\t\xa0') | st.characters(
    blacklist_characters="\n"
)


@st.composite
def extracted_lines(draw: st.DrawFn) -> str:
    """One line of a PDF extraction (no line feed): UN-shaped or raw, with odd white space around it."""
    core = draw(st.sampled_from(UN_LINES) | st.text(alphabet=_LINE_CHARS, max_size=30))
    return (draw(_ODD_SPACE) + core.replace("\n", " ") + draw(_ODD_SPACE)).replace("\n", " ")


narrative_text = st.lists(
    st.sampled_from(
        [
            "At its 10th meeting, on 15 April 2042, the Commission",
            "At the same meeting",
            "at THE twenty-first MEETING, held on 3 May",
            "At its 9th MEETİNG",
            "AT ITS 2nd meetıng, on 1 June",
            "At its ",
            "meetİng",
            "meetıng",
            "Meeting",
            "meeting",
            " and ",
            "and",
            ",",
            "(",
            ")",
            "sponsored by",
            "Colombia (on behalf of Mexico and Peru)",
            "the delegation of Sweden",
        ]
    )
    | st.text(alphabet=st.sampled_from("Ati gnem(),İı KK \xa0"), max_size=12)
    | st.text(max_size=8),
    max_size=12,
).map("".join)
"""Report narrative with meeting phrases in odd cases (incl. Turkish dotted/dotless i) and sponsor lists."""


clause_endings = st.tuples(
    st.text(max_size=12) | st.sampled_from(["", "Decides to act", "Recalling its resolution 80/6"]),
    st.text(alphabet=st.sampled_from(',;:.”’")]\n\t \xa0\u2003\x1ca-”'), max_size=8),
).map("".join)
"""Paragraph endings: punctuation, closing quotes, brackets, white space and line feeds in any order."""


def texts_with(odd: Sequence[str], *, max_size: int) -> st.SearchStrategy[list[str]]:
    """Lists of texts: UN-style sentences, ``odd`` pieces run together, and arbitrary text."""
    pieces = st.lists(st.sampled_from(odd), max_size=12).map("".join)
    return st.lists(sentence | redline_text | pieces | st.text(max_size=30), max_size=max_size)


# --- Word diff of rows that share long ends (redline.diff) ----------------------------

ROW_PIECES = ("-", "’", "'", ",", ";", ".", "(a)", "a", "1", "\u00a0", "\n")
"""Fragments that join or split words where they meet (hyphens, apostrophes, odd white space)."""
ROW_GAPS = (" ", " ", " ", " ", " ", "", "  ", "\n", " \n", "\u00a0", "-", "’")
"""What follows each word of a row: mostly one space."""


@st.composite
def revised_rows(draw: st.DrawFn) -> tuple[str, str]:
    """A row of words and separators and a revision with a few edits, often near either end.

    Edits replace, insert or delete whole pieces or single characters (inside words too), so
    the two rows share a long start and end whose edges cut through words and white space.
    """
    pieces = draw(
        st.lists(
            st.tuples(words | st.sampled_from(ROW_PIECES), st.sampled_from(ROW_GAPS)), min_size=1, max_size=50
        )
    )
    old = "".join(word + gap for word, gap in pieces)
    new = list(old)
    for _ in range(draw(st.integers(1, 4))):
        size = len(new)
        near = st.sampled_from(
            sorted({0, 1, 2, 3, max(size - 3, 0), max(size - 2, 0), max(size - 1, 0), size})
        )
        at = draw(near | st.integers(0, size))
        fresh = list(draw(words | st.sampled_from((*ROW_PIECES, *ROW_GAPS))))
        action = draw(st.sampled_from(("insert", "delete", "replace")))
        if action == "insert" or not new:
            new[at:at] = fresh
        elif action == "delete":
            del new[at : at + draw(st.integers(1, 6))]
        else:
            new[at : at + draw(st.integers(1, 6))] = fresh
    return old, "".join(new)
