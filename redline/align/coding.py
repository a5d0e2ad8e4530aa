"""Paragraph tokens and their coding: one character per distinct token, for rapidfuzz.

A paragraph becomes a sequence of word tokens that ignore what revisions change without
changing meaning: the paragraph number, case, digits (dates, resolution and session numbers)
and session ordinals ("eightieth"), plus a light stemming so "Recalling" meets "Recalls".
`Encoder` codes each distinct token as one character; `tokens` is the plain definition it
is tested against.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u00ad": ""})
_LEADING_NUMBER = re.compile(
    r"^\s*(?:\d+(?:\s+(?:bis|ter|quater))?\s*[.)]|\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,3})\))\s+", re.I
)
_TOKEN = re.compile(r"\w+(?:[-/.']\w+)*")
_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d")
_NUMBER_ONLY = re.compile(r"[#/.,'-]+")
_HYPHEN_CHARS = frozenset(map(chr, _HYPHENS))
_WORD_CHAR = re.compile(r"\w")
_ASCII_BYTES = bytes(range(128))
_CHUNK_BYTES = bytes(
    b if b >= 0x80 or _TOKEN.match(chr(b)) or chr(b) in "-/.'" else ord(" ") for b in range(256)
)
"""Bytes of characters no token holds become spaces; UTF-8 bytes of the other characters stay."""
_PRINTABLE_BYTES = bytes(range(0x20, 0x7F))
_DIGIT_BYTES = bytes(b if chr(b).isdigit() and b < 0x80 else ord(" ") for b in range(256))
_MARK = "\uffff"
"""Stands between the texts of a batch: no token holds it, so no text keeps one."""
_SEPARATOR = "\ud800"
"""The code of ``_MARK``: a surrogate, which no token's code is."""
_ORDINAL_SUFFIX = re.compile(r"#(?:st|nd|rd|th)\b")
_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_ORDINAL = re.compile(
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:{_UNITS})|{_UNITS}"
    r"|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundredth)"
)


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
    if text.isascii():  # the digit runs are what a bytes translation and a split leave
        return frozenset(text.encode().translate(_DIGIT_BYTES).decode().split())
    return frozenset(_DIGITS.findall(text))


class Encoder:
    """Code each distinct token as one character (equal tokens, equal codes; deterministic).

    Gives what coding `tokens` one by one gives, up to the choice of characters, faster: a
    paragraph seen before is looked up whole, and the others are cut at the characters no
    token can hold (one C-level translate and split for a whole batch) into chunks that are
    each tokenised once.
    """

    __slots__ = ("_chunks", "_codes", "_texts")
    # _texts: coded string of each text; _chunks: of each chunk; _codes: of each token.

    def __init__(self) -> None:
        self._codes = _Codes()
        self._chunks: dict[str, str] = {_MARK: _SEPARATOR}
        self._texts: dict[str, str] = {}

    def encode(self, text: str) -> str:
        """Return the coded token string of ``text``."""
        return self.encode_all((text,))[0]

    def encode_all(self, texts: Sequence[str]) -> list[str]:
        """Return the coded token strings of ``texts``, as `encode` on each in turn would."""
        known = self._texts
        todo = [text for text in dict.fromkeys(texts) if text not in known]
        if todo:
            folded = [_fold(text) for text in todo]
            words = f" {_MARK} ".join(_words(text) for text in folded)
            chunks = words.encode().translate(_CHUNK_BYTES).decode().split()
            self._learn(chunks)
            coded = "".join(map(self._chunks.__getitem__, chunks)).split(_SEPARATOR)
            for text, fold, out in zip(todo, folded, coded, strict=True):
                if not out:  # no token survived: `tokens` falls back to the non-space runs
                    out = "".join(map(self._codes.__getitem__, fold.split()))
                known[text] = out
        return [known[text] for text in texts]

    def _learn(self, chunks: Sequence[str]) -> None:
        """Code the chunks not seen before, and their new tokens, in order of first sight."""
        table, codes = self._chunks, self._codes
        for chunk in [chunk for chunk in dict.fromkeys(chunks) if chunk not in table]:
            out = ""
            for tok in _chunk_tokens(chunk):  # most chunks hold one token
                code = codes.get(tok)
                out += codes.new(tok) if code is None else code
            table[chunk] = out


def _fold(text: str) -> str:
    """Return ``text`` as `tokens` reads it: case folded, hyphens unified, no paragraph number."""
    folded = text.casefold()
    if not folded.isascii() and any(char in folded for char in _HYPHEN_CHARS):
        folded = folded.translate(_HYPHENS)
    return _LEADING_NUMBER.sub("", folded, count=1)


def _words(folded: str) -> str:
    """Return a folded text with its non-ASCII characters that no token holds made spaces."""
    for char in sorted(_non_ascii(folded)):
        if not _WORD_CHAR.match(char):
            folded = folded.replace(char, " ")
    return folded


class _Codes(dict[str, str]):
    """One character per token, given on first sight from U+0000 up.

    Only equality of codes matters. Low codes are the cheap ones: rapidfuzz looks characters
    below 256 up in a table and the others in a hash map, so comparing takes half as long.
    """

    __slots__ = ()

    def __missing__(self, tok: str) -> str:
        return self.new(tok)

    def new(self, tok: str) -> str:
        """Give ``tok`` the next code and return it."""
        k = len(self)
        # Skip the surrogate block: every code must be a valid character.
        code = self[tok] = chr(k) if k < 0xD800 else chr(k + 0x800)
        return code


@functools.lru_cache(maxsize=1 << 16)
def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    """Return the tokens of a run of word characters and ``-/.'`` (most hold exactly one)."""
    if _TOKEN.fullmatch(chunk):
        tok = _token(chunk)
        return (tok,) if tok else ()
    return tuple(tok for tok in map(_token, _TOKEN.findall(chunk)) if tok)


def _non_ascii(text: str) -> frozenset[str]:
    """Return the distinct non-ASCII characters of ``text`` (cheaply: most texts have none)."""
    if text.isascii():
        return frozenset()
    return frozenset(
        text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    )
