"""The fast coding of paragraphs: one character per distinct token, for rapidfuzz.

`Encoder` gives what coding `redline.align.coding.tokens` one token at a time gives, up to
the choice of characters, in C-level passes over whole batches: the texts of an alignment
are cut into chunks by a bytes translation and one split; the chunks not seen before are
tokenised together by a few regular expressions over their joined lines (`tokenise`); and
tokens are coded, and texts put together, by joins and dict lookups driven from C.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import chain

from redline.align.coding import (
    _ASCII_BYTES,
    _DIGITS,
    _HAS_DIGIT,
    _HYPHENS,
    _LEADING_NUMBER,
    _ORDINAL,
    _ORDINAL_SUFFIX,
    _TOKEN,
)

_HYPHEN_CHARS = frozenset(map(chr, _HYPHENS))
_WORD_CHAR = re.compile(r"\w")
_CHUNK_BYTES = bytes(
    b if b >= 0x80 or _TOKEN.match(chr(b)) or chr(b) in "-/.'" else ord(" ") for b in range(256)
)
"""Bytes of characters no token holds become spaces; UTF-8 bytes of the other characters stay."""
_MARK = "\x00"
"""Stands between the texts of a batch, as a chunk of its own: put in after `_CHUNK_BYTES`
has made every character no token holds, a text's own NUL too, a space."""
_SEPARATOR = "\x00"
"""The code of ``_MARK`` (and of the line feed between chunks): no token's, as codes start at 1."""
_JOINER = f" {_MARK} ".encode()

_LONE_MARK = re.compile(r"[-/.'](?:(?<!\w.)|(?!\w))")
"""A ``-/.'`` no token holds: `_TOKEN` keeps one only between two word characters."""
_NUMBER_WORD = re.compile(r"#(?<!\S#)[#/.,'-]*(?!\S)")
"""A word of numbers only, masked (`coding._NUMBER_ONLY`, starting with a digit's ``#``)."""


_ORDINAL_WORD = re.compile(rf"(?<!\S)(?:{_ORDINAL.pattern})(?!\S)")
"""A session ordinal as a whole word (`coding._ORDINAL`)."""
_ENDING_BACK = re.compile(
    r"g(?<!\S.)ni(?=[^\s#]{3,}(?!\S))|s(?<!\S.)(?:e(?=[^\s#]{3,}(?!\S))|(?=[^\s#s][^\s#]{2,}(?!\S)))"
)
"""`_token`'s endings, read backwards: "ing" after 3+ characters, else "es" after 3+, else "s"
after 3+ not ending in "s"; only in words without a ``#`` (a masked digit, which no word
holds otherwise)."""


class Encoder:
    """Code each distinct token as one character (equal tokens, equal codes; deterministic).

    A paragraph seen before is looked up whole; of the others, each chunk (a run of the
    characters tokens hold) seen before is looked up whole, and the new ones are tokenised
    in one batch.
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
            # (an ASCII text encodes by a copy, and an ASCII mark keeps the batch narrow)
            cut = [_words(text).encode().translate(_CHUNK_BYTES) for text in folded]
            chunks = _JOINER.join(cut).decode().split()
            fresh = [chunk for chunk in dict.fromkeys(chunks) if chunk not in self._chunks]
            if fresh:
                self._learn(fresh)
            coded = "".join(map(self._chunks.__getitem__, chunks)).split(_SEPARATOR)
            for text, fold, out in zip(todo, folded, coded, strict=True):
                if not out:  # no token survived: `tokens` falls back to the non-space runs
                    out = "".join(map(self._codes.__getitem__, fold.split()))
                known[text] = out
        return [known[text] for text in texts]

    def _learn(self, fresh: list[str]) -> None:
        """Code new chunks, and their new tokens in order of first sight."""
        # Tokens split by spaces, chunks by line feeds: "" and "\n" have codes of their own.
        flat = " \n ".join(_tokens_of(fresh)).split(" ")
        self._codes.learn(flat)
        coded = "".join(map(self._codes.__getitem__, flat)).split(_SEPARATOR)
        self._chunks.update(zip(fresh, coded, strict=True))


class _Codes(dict[str, str]):
    """One character per token, given on first sight from U+0001 up.

    Only equality of codes matters. Low codes are the cheap ones: rapidfuzz looks characters
    below 256 up in a table and the others in a hash map, so comparing takes half as long.
    The empty string (between two spaces) codes as nothing and the line feed between chunks
    as ``_SEPARATOR``: no token, and no run a text without tokens falls back to, is either.
    """

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__({"": "", "\n": _SEPARATOR})

    def __missing__(self, tok: str) -> str:
        self.learn((tok,))
        return self[tok]

    def learn(self, toks: Iterable[str]) -> None:
        """Give the tokens not seen before the next codes, in order of first sight."""
        fresh = [tok for tok in dict.fromkeys(toks) if tok not in self]
        k = len(self) - 1  # (the first token's is 1: U+0000 is the line feed's)
        self.update(zip(fresh, map(chr, _code_points(k, k + len(fresh))), strict=True))


def _code_points(start: int, stop: int) -> range | chain[int]:
    """Return the code points of the codes numbered ``start`` to ``stop``, the surrogates skipped."""
    if stop <= 0xD800:
        return range(start, stop)
    low = range(start, min(stop, 0xD800))
    return chain(low, range(max(start, 0xD800) + 0x800, stop + 0x800))


_held: dict[str, str] = {}
"""The tokens of each chunk tokenised so far in this process, joined by spaces.

Only ever added to, or replaced whole when full (never cleared in place), so a thread that
reads the dict it added to finds every chunk it looked for."""
_HELD_MAX = 1 << 16
"""`_held` starts afresh beyond this many chunks."""


def _tokens_of(chunks: list[str]) -> list[str]:
    """Return the space-joined tokens of each chunk, tokenising those not held yet in one batch."""
    global _held
    held = _held
    new = [chunk for chunk in chunks if chunk not in held]
    if new:
        if len(held) > _HELD_MAX:
            held = _held = {}
            new = chunks
        held.update(zip(new, tokenise(new), strict=True))
    return list(map(held.__getitem__, chunks))


def tokenise(chunks: Sequence[str]) -> list[str]:
    """Return the tokens of each chunk (a run of word characters and ``-/.'``), space-separated.

    The chunks are read as lines of one text. What `_TOKEN` leaves out becomes a space; then
    `coding._token`'s rules run as substitutions over whole words: digits (a word with one
    gets a ``#`` for each run), ordinals, then the endings of words without a digit. The
    endings are matched in the text read backwards, where a word's ending is its start: the
    pattern needs no group to put the stem back (a Python call per match before 3.12).
    """
    if not chunks:
        return []
    text = _LONE_MARK.sub(" ", "\n".join(chunks))
    if _HAS_DIGIT.search(text):
        text = _NUMBER_WORD.sub("", _ORDINAL_SUFFIX.sub("#", _DIGITS.sub("#", text)))
    # (ordinals hold no digit, and no ending makes one: "firsts" is the token "first")
    text = _ORDINAL_WORD.sub("<ord>", text)
    return _ENDING_BACK.sub("", text[::-1])[::-1].split("\n")


def _fold(text: str) -> str:
    """Return ``text`` as `tokens` reads it: case folded, hyphens unified, no paragraph number."""
    folded = text.casefold()
    if not folded.isascii() and any(char in folded for char in _HYPHEN_CHARS):
        folded = folded.translate(_HYPHENS)
    first = folded[:1]
    # A paragraph number starts with white space, a digit or "(": most texts need no search.
    if first.isspace() or first.isdigit() or first == "(":
        return _LEADING_NUMBER.sub("", folded, count=1)
    return folded


def _words(folded: str) -> str:
    """Return a folded text with its non-ASCII characters that no token holds made spaces."""
    if folded.isascii():
        return folded
    for char in sorted(_non_ascii(folded)):
        if not _WORD_CHAR.match(char):
            folded = folded.replace(char, " ")
    return folded


def _non_ascii(text: str) -> frozenset[str]:
    """Return the distinct non-ASCII characters of ``text`` (cheaply: most texts have none)."""
    if text.isascii():
        return frozenset()
    return frozenset(
        text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    )
