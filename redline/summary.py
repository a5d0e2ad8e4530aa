"""Change summary of one resolution, in the terms negotiators use (PP, OP, leading verbs)."""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Sequence

from redline.model import Kind, Op, Paragraph, Row, RowKind, Summary

PARTS = ("PP", "OP", "sub", "other")
"""Summary parts in output order: preambular, operative, sub-paragraphs, anything else."""
CHANGES = (
    "added",
    "deleted",
    "changed",
    "typographic",
    "moved",
    "renumbered",
    "split",
    "merged",
    "unchanged",
)
"""Counters of each part, in output order."""

_BEFORE_MOVES = frozenset(CHANGES[: CHANGES.index("moved")])
"""Row kinds listed before "moved" and "renumbered" in CHANGES; the others come after."""
_PART_OF = {Kind.PREAMBULAR: "PP", Kind.OPERATIVE: "OP", Kind.SUBPARAGRAPH: "sub", Kind.OTHER: "other"}

# Adverbs that may open an operative paragraph ("Strongly urges", "Once again calls upon").
_ADVERBS = frozenset(
    (
        "also",
        "further",
        "again",
        "once again",
        "strongly",
        "urgently",
        "firmly",
        "deeply",
        "warmly",
        "emphatically",
        "respectfully",
        "earnestly",
        "reiterates and",
        "welcomes and",
    )
)
# Words that belong to the verb ("Calls upon", "Takes note of", "Notes with appreciation").
_PARTICLES = {"calls": ("upon", "on"), "takes": ("note",), "notes": ("with",)}
# Dashes and hyphens, quotes and invisible marks that typesetting varies between versions.
_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2212", "-"),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
    }
)
_FOLDED = re.compile("[" + "".join(map(chr, _TYPOGRAPHY)) + "]")
"""Any character the typography table folds (none is special inside a character class);
rare in a text, so substituting each match is cheaper than translating every character."""
_SPLIT_AT = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
"""The ASCII characters ``str.split`` splits at."""
_VERB_SPAN = 120
"""How much of a paragraph's start leading_verb reads."""
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
"""`_WORD` for ASCII texts, whose letters are these: a plain class is the cheaper test."""
_TEXT = operator.attrgetter("text")
# The members the per-row and per-chunk loops test, read once: Python 3.11 looks a member up
# through the enum's metaclass, about ten times the cost of reading a global.
_EQUAL_OP = Op.EQUAL
_INSERTED, _DELETED, _CHANGED = RowKind.INSERTED, RowKind.DELETED, RowKind.CHANGED
_OPERATIVE = Kind.OPERATIVE


def summarize(rows: Sequence[Row]) -> Summary:
    """Count what the rows of one resolution did, part by part (PP, OP, sub, other).

    A row counts in the part of its first new paragraph (its first old one when it was
    deleted). A split or merge counts as that, not as changed; moved and renumbered are
    counted on top of the row's kind. Parts no row touches are left out.
    """
    tallies: dict[str, dict[str, int]] = {}
    for row in rows:
        part = part_of(row)
        tally = tallies.get(part)
        if tally is None:
            tally = tallies[part] = dict.fromkeys(CHANGES, 0)
        for change in row_changes(row):
            tally[change] += 1
    counts = tuple((part, tuple((c, tallies[part][c]) for c in CHANGES)) for part in PARTS if part in tallies)
    return Summary(counts=counts, verb_changes=verb_changes(rows), unchanged_share=unchanged_share(rows))


def part_of(row: Row) -> str:
    """Return the summary part ("PP", "OP", "sub", "other") a row counts in."""
    para = (row.new or row.old)[0] if (row.new or row.old) else None
    return _PART_OF[para.kind] if para is not None else "other"


def row_changes(row: Row) -> tuple[str, ...]:
    """Return the counters a row adds to, in CHANGES order."""
    if row.kind is _INSERTED or not row.old:
        kind = "added"
    elif row.kind is _DELETED or not row.new:
        kind = "deleted"
    elif len(row.old) == 1 and len(row.new) > 1:
        kind = "split"
    elif len(row.old) > 1 and len(row.new) == 1:
        kind = "merged"
    elif row.kind is _CHANGED:
        kind = "typographic" if typographic_only(row) else "changed"
    else:
        kind = "unchanged"
    if not row.moved and not row.renumbered:
        return (kind,)
    moves = (
        ("moved", "renumbered")
        if row.moved and row.renumbered
        else ("moved",)
        if row.moved
        else ("renumbered",)
    )
    return (kind, *moves) if kind in _BEFORE_MOVES else (*moves, kind)


def typographic_only(row: Row) -> bool:
    """Return True when a changed row differs only in typography: dashes, quotes, spaces, width.

    Such a row still shows its exact character changes (the texts do differ), but counts as
    "typographic" rather than "changed": a draft adopted word for word is not reworded.

    >>> from redline.diff import word_diff
    >>> from redline.model import Paragraph
    >>> old = Paragraph(Kind.PREAMBULAR, None, "PP1", "on the non\u2011proliferation of “weapons”,")
    >>> new = Paragraph(Kind.PREAMBULAR, None, "PP1", 'on the non-proliferation of "weapons",')
    >>> chunks = word_diff(old.text, new.text)
    >>> typographic_only(Row(RowKind.CHANGED, (old,), (new,), False, False, 0.9, chunks))
    True
    """
    if not row.old or not row.new:
        return False
    old, new = _text(row.old), _text(row.new)
    return old != new and _read_alike(old, new)


def _squeezed(text: str) -> bytes:
    """Return an ASCII ``text`` without the characters ``str.split`` splits at, in one C pass."""
    return text.encode().translate(None, _SPLIT_AT)


def _text(paras: tuple[Paragraph, ...]) -> str:
    """Return ``Row.old_text`` (or ``new_text``) of these paragraphs; a lone paragraph's own string.

    The paragraph's own string keeps its hash once computed, so the remembered pairs of
    ``_read_alike`` are found without hashing the text again.
    """
    return paras[0].text if len(paras) == 1 else "\n".join([p.text for p in paras])


@functools.lru_cache(maxsize=4096)
def _read_alike(old: str, new: str) -> bool:
    """Return True when two texts have the same words once typography is folded.

    Remembered for the last few thousand pairs: the summary asks first, then each renderer
    asks again about the same rows.
    """
    if old.isascii() and new.isascii():
        # Nothing to fold; texts with the same words have the same characters between the
        # spaces, which one C pass each compares without making the words.
        return _squeezed(old) == _squeezed(new) and old.split() == new.split()
    return _typography_words(old) == _typography_words(new)


def _typography_words(text: str) -> list[str]:
    """Return the words of ``text`` with typography folded; texts read alike when these are equal.

    Comparing word lists is comparing the words joined by single spaces, without the join.
    ASCII text is already NFKC and holds no character the table folds, so it is only split.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = _FOLDED.sub(_fold, text)
    return text.split()


def _fold(match: re.Match[str]) -> str:
    return _TYPOGRAPHY[ord(match.group())]


def leading_verb(text: str) -> str | None:
    """Return the opening verb phrase of an operative paragraph, adverbs included.

    >>> leading_verb("Strongly urges all States to act;")
    'Strongly urges'
    >>> leading_verb("Calls upon Member States to sustain funding;")
    'Calls upon'
    >>> leading_verb("Once again calls on States to act;")
    'Once again calls on'
    """
    # The words of the first _VERB_SPAN characters, read only three past the adverbs taken:
    # the phrase is a few words long, and the pattern (a Unicode class tried at every
    # character) scanning the rest was most of the cost.
    pattern = _ASCII_WORD if text.isascii() else _WORD
    more = map(re.Match.group, pattern.finditer(text, 0, _VERB_SPAN))
    words = list(itertools.islice(more, 3))
    if not words:
        return None
    taken = 0
    while taken < len(words):
        two = " ".join(words[taken : taken + 2]).lower()
        if two in _ADVERBS and taken + 2 < len(words):
            taken += 2
        elif words[taken].lower() in _ADVERBS and taken + 1 < len(words):
            taken += 1
        else:
            break
        words += itertools.islice(more, max(0, taken + 3 - len(words)))
    verb = words[taken : taken + 1]
    following = words[taken + 1 : taken + 2]
    if verb and following and following[0].lower() in _PARTICLES.get(verb[0].lower(), ()):
        verb = [verb[0], following[0]]
    return " ".join(words[:taken] + verb) or None


def verb_changes(rows: Sequence[Row]) -> tuple[tuple[str, str, str], ...]:
    """List (new address, old verb, new verb) for operative rows whose leading verb changed.

    Verbs compare case-insensitively; a split or merge compares its first paragraphs.
    """
    out: list[tuple[str, str, str]] = []
    for row in rows:
        if not row.old or not row.new or not _operative(row.old[0]) or not _operative(row.new[0]):
            continue
        if row.old[0].text[:_VERB_SPAN] == row.new[0].text[:_VERB_SPAN]:  # the same verb, unread
            continue
        old_verb, new_verb = leading_verb(row.old[0].text), leading_verb(row.new[0].text)
        if old_verb and new_verb and old_verb.lower() != new_verb.lower():
            out.append((row.new[0].address, old_verb, new_verb))
    return tuple(out)


def unchanged_share(rows: Sequence[Row]) -> float:
    """Return the share of the old text's characters that the word diff kept ("=" chunks).

    Deleted rows count in full as not kept; two empty texts give 1.0.
    """
    kept = sum(len(c.text) for row in rows for c in row.chunks if c.op is _EQUAL_OP)
    # len(row.old_text) without the join: the texts and one newline between each two.
    total = sum(sum(map(len, map(_TEXT, row.old))) + len(row.old) - 1 for row in rows if row.old)
    if total == 0:
        return 1.0 if all(not row.new_text for row in rows) else 0.0
    return kept / total


def _operative(p: Paragraph) -> bool:
    return p.kind is _OPERATIVE
