"""Paragraph tokens: the words two paragraphs are compared by (coded in `redline.align.encoder`).

A paragraph becomes a sequence of word tokens that ignore what revisions change without
changing meaning: the paragraph number, case, digits (dates, resolution and session numbers)
and session ordinals ("eightieth"), plus a light stemming so "Recalling" meets "Recalls".
`tokens` is the plain definition; `redline.align.encoder` codes each distinct token as one
character, faster, and is tested against it.
"""

from __future__ import annotations

import functools
import re

_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u00ad": ""})
_LEADING_NUMBER = re.compile(
    r"^\s*(?:\d+(?:\s+(?:bis|ter|quater))?\s*[.)]|\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,3})\))\s+", re.I
)
_TOKEN = re.compile(r"\w+(?:[-/.']\w+)*")
_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d")
_NUMBER_ONLY = re.compile(r"[#/.,'-]+")
_PRINTABLE_BYTES = bytes(range(0x20, 0x7F))
_DIGIT_BYTES = bytes(b if chr(b).isdigit() and b < 0x80 else ord(" ") for b in range(256))
_ASCII_BYTES = bytes(range(128))
_ORDINAL_SUFFIX = re.compile(r"#(?:st|nd|rd|th)\b")
ORDINAL_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
ORDINAL_TEENS = ("thir", "four", "fif", "six", "seven", "eigh", "nine")
"""Stems of the ordinals ending in "teenth"."""
ORDINAL_TIES = ("twen", "thir", "for", "fif", "six", "seven", "eigh", "nine")
"""Stems of the ordinals ending in "tieth"."""
ORDINAL_OTHERS = ("tenth", "eleventh", "twelfth", "hundredth")
_UNITS = "|".join(ORDINAL_UNITS)
_ORDINAL = re.compile(
    rf"(?:(?:{'|'.join(ORDINAL_TENS)})-(?:{_UNITS})|{_UNITS}|{'|'.join(ORDINAL_OTHERS)}"
    rf"|(?:{'|'.join(ORDINAL_TEENS)})teenth|(?:{'|'.join(ORDINAL_TIES)})tieth)"
)
"""Session ordinals ("eightieth", "seventy-ninth"), the words `tokens` reads as ``<ord>``."""


def tokens(text: str) -> tuple[str, ...]:
    """Return the comparison tokens of a paragraph text.

    Numbers ("77/16", "2023", "43rd") are left out, session ordinals become ``<ord>``, and
    a word that mixes letters and digits keeps its letters ("A/79/138" is ``a/#/#``). A text
    without any such token falls back to its non-space characters so it still has a body.

    >>> tokens("5. Recalling its resolutions 77/16 of the eightieth session, A/79/138,")
    ('recall', 'its', 'resolution', 'of', 'the', '<ord>', 'session', 'a/#/#')
    """
    text = _LEADING_NUMBER.sub("", text.casefold().translate(_HYPHENS), count=1)
    out = [tok for tok in map(_token, _TOKEN.findall(text)) if tok]
    if not out:
        return tuple(text.split())
    return tuple(out)


_ORDINAL_ENDS = ("st", "nd", "rd", "th")
"""How every word ``_ORDINAL`` matches ends: a cheap test before the pattern."""


@functools.lru_cache(maxsize=1 << 16)
def _token(word: str) -> str:
    if word.endswith(_ORDINAL_ENDS) and _ORDINAL.fullmatch(word):
        return "<ord>"
    # A letter is never a decimal digit (category Nd), so a word of letters has none.
    if not word.isalpha() and _HAS_DIGIT.search(word):
        masked = _ORDINAL_SUFFIX.sub("#", _DIGITS.sub("#", word))
        return "" if _NUMBER_ONLY.fullmatch(masked) else masked
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("es"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def squeeze(text: str) -> str:
    """Return ``text`` with white space runs as single spaces and no space at either end.

    The same as ``" ".join(text.split())``, without splitting a text that is already so:
    every white space character but the space is unprintable.

    >>> squeeze(" Decides\\u00a0to  remain seized\\nof the matter. ")
    'Decides to remain seized of the matter.'
    """
    # An ASCII text is printable when deleting the bytes 0x20 to 0x7E leaves nothing (faster).
    printable = not text.encode().translate(None, _PRINTABLE_BYTES) if text.isascii() else text.isprintable()
    if printable and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def numbers(text: str) -> frozenset[str]:
    """Return the distinct digit runs of a text: what `tokens` masks, kept for exact checks.

    >>> sorted(numbers("resolutions 77/16 and 78/120 of 2023"))
    ['120', '16', '2023', '77', '78']
    """
    # The digit runs are what a bytes translation and a split leave, unless a digit is not
    # ASCII (its UTF-8 bytes become spaces): only its non-ASCII characters need a search.
    data = text.encode("utf-8", "surrogatepass")
    if not text.isascii() and _HAS_DIGIT.search(
        data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    ):
        return frozenset(_DIGITS.findall(text))
    return frozenset(data.translate(_DIGIT_BYTES).decode().split())
