"""Word diff of one row: the only place diff-match-patch is imported.

Each token (a word, a run of white space, or one punctuation mark) is encoded as one
private-use character, the encoded strings are diffed and cleaned semantically, and the
result is decoded (the ``diff_linesToChars`` trick applied to words). A change therefore
never starts or ends inside a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from diff_match_patch import diff_match_patch

from redline.model import Chunk, Op

TOKEN = re.compile(r"\w+(?:[-‐‑'’]\w+)*|\s+|[^\w\s]", re.UNICODE)
"""A word (hyphens and apostrophes inside it kept), a white-space run, or one other mark."""

# Code points that encode tokens: the private use areas first; past those, any other
# non-surrogate code point will do, since the encoded strings never mix with real text.
_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD), (0x10000, 0xEFFFF), (0x100, 0xD7FF))
_OPS = {-1: Op.DELETE, 0: Op.EQUAL, 1: Op.INSERT}


def tokenize(text: str) -> list[str]:
    """Split ``text`` into words, white-space runs and single marks; they join back to ``text``."""
    return TOKEN.findall(text)


def word_diff(old: str, new: str) -> tuple[Chunk, ...]:
    """Return the word-level chunks that turn ``old`` into ``new``.

    Guarantees: the "=" and "-" chunks join to ``old`` and the "=" and "+" chunks to
    ``new``; no chunk is empty; adjacent chunks never share an op; within a run of
    changes the deletion comes before the insertion. The result depends only on the
    inputs (no time limit, so machine load cannot change it).

    >>> [(str(c.op), c.text) for c in word_diff("Requests the Commission", "Encourages the Commission")]
    [('-', 'Requests'), ('+', 'Encourages'), ('=', ' the Commission')]
    """
    if old == new:
        return (Chunk(Op.EQUAL, old),) if old else ()
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    codes: dict[str, str] = {}
    old_encoded = _encode(old_tokens, codes)
    new_encoded = _encode(new_tokens, codes)
    decode = {char: token for token, char in codes.items()}
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(old_encoded, new_encoded, False)
    dmp.diff_cleanupSemantic(diffs)
    return normalize((_OPS[op], "".join(decode[c] for c in text)) for op, text in diffs)


def normalize(pieces: Iterable[tuple[Op, str]]) -> tuple[Chunk, ...]:
    """Drop empty pieces, merge neighbours with one op, and put deletions before insertions."""
    out: list[Chunk] = []
    pending = {Op.DELETE: "", Op.INSERT: ""}

    def flush() -> None:
        for op in (Op.DELETE, Op.INSERT):
            if pending[op]:
                out.append(Chunk(op, pending[op]))
                pending[op] = ""

    for op, text in pieces:
        if not text:
            continue
        if op is Op.EQUAL:
            flush()
            if out and out[-1].op is Op.EQUAL:
                out[-1] = Chunk(Op.EQUAL, out[-1].text + text)
            else:
                out.append(Chunk(Op.EQUAL, text))
        else:
            pending[op] += text
    flush()
    return tuple(out)


def _encode(tokens: list[str], codes: dict[str, str]) -> str:
    chars = []
    for token in tokens:
        char = codes.get(token)
        if char is None:
            char = codes[token] = _code_point(len(codes))
        chars.append(char)
    return "".join(chars)


def _code_point(index: int) -> str:
    for start, end in _RANGES:
        if index <= end - start:
            return chr(start + index)
        index -= end - start + 1
    raise ValueError("more than a million distinct tokens in one row")
