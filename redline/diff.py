"""Word diff of one row: tokens, their codes, and the chunks decoded from an edit script.

Each token (a word, a run of white space, or one punctuation mark) is encoded as one
private-use character (codes shared by all rows of the process), a shortest edit script of
the encoded strings is found, merged and cleaned semantically (``redline.editscript``: the
only place diff-match-patch is imported), and the result is decoded (the
``diff_linesToChars`` trick applied to words). A change therefore never starts or ends
inside a word. Rows that share a start and an end are diffed by their middles alone where
that is sure to give the same chunks (see ``_cut_diff``); long rows are diffed clause by
clause first (see ``_clause_first``); ``normalize`` makes the pieces canonical chunks.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from itertools import chain

from rapidfuzz.distance import Postfix, Prefix

from redline import editscript
from redline.editscript import LCS_CELLS, _middle_script, _script
from redline.model import Chunk, Op

__all__ = ["COARSE_ABOVE", "LCS_CELLS", "TOKEN", "normalize", "tokenize", "word_diff"]

TOKEN = re.compile(r"\s++|\w++(?:[-‐‑'’]\w++)*+|[^\w\s]", re.UNICODE)
"""A white-space run, a word (hyphens and apostrophes inside it kept), or one other mark.

The alternatives start with disjoint characters, so their order changes no token; white
space, the most common, is tried first. The greedy match is the only one, so the runs are
possessive: the matcher keeps no places to backtrack to.
"""
_PRIVATE = "".join(map(chr, range(0xE000, 0xF900)))
"""The first private use area: the codes of rows with up to 6,400 distinct tokens."""

# Code points that encode tokens: the private use areas first; past those, any other
# non-surrogate code point will do, since the encoded strings never mix with real text.
_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD), (0x10000, 0xEFFFF), (0x100, 0xD7FF))
_PRIVATE_USE = sum(end - start + 1 for start, end in _RANGES[:3])
"""How many tokens the private use areas code (``_code_point`` goes past them only beyond)."""
_OPS = {-1: Op.DELETE, 0: Op.EQUAL, 1: Op.INSERT}
_CLAUSE_ENDS = frozenset(";.:")
COARSE_ABOVE = 600 * 600
"""Rows whose token counts multiply past this are diffed clause by clause first."""


def tokenize(text: str) -> list[str]:
    """Split ``text`` into words, white-space runs and single marks; they join back to ``text``.

    Most texts are words and marks between single spaces. Each such space is then a token
    of its own, between parts that neither are empty nor start or end with white space; a
    part of word characters only (``str.isalnum``: the pattern's ``\\w`` but for ``_``) is
    one token. Only the other parts go through the pattern, whose every match costs more
    than a part's test; a text with other white space goes through it whole.
    """
    tokens: list[str] = []
    append, extend, findall = tokens.append, tokens.extend, TOKEN.findall
    for part in text.split(" "):
        if part.isalnum():
            append(part)
        elif part and not part[0].isspace() and not part[-1].isspace():
            extend(findall(part))
        else:  # an empty part (a space at an end or beside another) or white space beside a space
            return findall(text)
        append(" ")
    tokens.pop()
    return tokens


def word_diff(old: str, new: str) -> tuple[Chunk, ...]:
    """Return the word-level chunks that turn ``old`` into ``new``.

    Guarantees: the "=" and "-" chunks join to ``old`` and the "=" and "+" chunks to
    ``new``; no chunk is empty; adjacent chunks never share an op; within a run of
    changes the deletion comes before the insertion. The result depends only on the
    inputs (no time limit, so machine load cannot change it). Long rows are diffed clause
    by clause first (see ``COARSE_ABOVE``).

    >>> [(str(c.op), c.text) for c in word_diff("Requests the Commission", "Encourages the Commission")]
    [('-', 'Requests'), ('+', 'Encourages'), ('=', ' the Commission')]
    """
    if old == new:
        return (Chunk(Op.EQUAL, old),) if old else ()
    if not old or not new:
        return (Chunk(Op.INSERT, new),) if new else (Chunk(Op.DELETE, old),)
    start, stop = _shared_ends(old, new)
    if start or stop < len(old):
        return _cut_diff(old, new, start, stop)
    return _whole_diff(tokenize(old), tokenize(new))


def _whole_diff(
    old_tokens: list[str], new_tokens: list[str], codes: tuple[str, str] | None = None
) -> tuple[Chunk, ...]:
    """Return the chunks of two whole rows' tokens (the plain path), given their shared codes if known."""
    if len(old_tokens) * len(new_tokens) > COARSE_ABOVE:
        return normalize(_clause_first(old_tokens, new_tokens))
    if codes is None:
        diffs = _coded_diff(old_tokens, new_tokens)
    else:  # the shared table's codes are all in the first private use area
        diffs = _script(*codes, cleanup=True, private=True)
    return normalize(_decoded(diffs, old_tokens, new_tokens))


def _cut_diff(old: str, new: str, start: int, stop: int) -> tuple[Chunk, ...]:
    """Return the chunks of two rows that share ``old[:start]`` and ``old[stop:]`` (see ``_shared_ends``).

    The shared ends are tokenised once, and only when needed: the middles are diffed alone
    where the whole rows would take the plain path (rapidfuzz, private codes) and
    ``_middle_script`` vouches for the middles' script; else the whole rows are diffed.
    """
    head, tail = old[:start], old[stop:]
    old_middle, new_middle = old[start:stop], new[start : stop + len(new) - len(old)]
    old_tokens, new_tokens = tokenize(old_middle), tokenize(new_middle)
    codes: tuple[str, str] | None
    try:
        code = _SEEN.__getitem__
        codes = "".join(map(code, old_tokens)), "".join(map(code, new_tokens))
    except KeyError:  # the code area is full: the whole rows' path makes a fresh table
        codes = None
    ends = None
    limit = min(COARSE_ABOVE, editscript.LCS_CELLS)  # read where the search reads it (tests lower it there)
    extra = len(head) + len(tail)  # the ends have no more tokens than characters; else count them
    small = (len(old_tokens) + extra) * (len(new_tokens) + extra) <= limit
    if not small:
        ends = tokenize(head), tokenize(tail)
        extra = len(ends[0]) + len(ends[1])
        small = (len(old_tokens) + extra) * (len(new_tokens) + extra) <= limit
    if codes is not None and small and len(old) + len(new) <= _PRIVATE_USE:  # the rows' codes are private
        diffs = _middle_script(*codes)
        if diffs is not None:
            texts = list(_texts(diffs, old_tokens, new_tokens))
            texts[0] = head + texts[0]  # under a head the first piece is equal, over a tail the last
            texts[-1] += tail
            return tuple(map(Chunk, [_OPS[op] for op, _ in diffs], texts))
    head_tokens, tail_tokens = ends or (tokenize(head), tokenize(tail))
    if codes is not None:  # code the shared ends once, for both rows
        try:
            head_code, tail_code = "".join(map(code, head_tokens)), "".join(map(code, tail_tokens))
            codes = head_code + codes[0] + tail_code, head_code + codes[1] + tail_code
        except KeyError:
            codes = None
    return _whole_diff(
        [*head_tokens, *old_tokens, *tail_tokens], [*head_tokens, *new_tokens, *tail_tokens], codes
    )


def _shared_ends(old: str, new: str) -> tuple[int, int]:
    """Return ``start, stop`` such that the rows share ``old[:start]`` and ``old[stop:]``, cut safely.

    Both cuts fall between a white-space character and another one, where every text splits
    into tokens, inside the shared text, so each text's tokens are its head's, its middle's
    and its tail's. At least one whole shared token stays in each middle at either end.
    The shared end is measured after the shared start, so the two never overlap.
    ``0, len(old)`` when nothing can be cut.
    """
    prefix = Prefix.similarity(old, new)
    suffix = min(Postfix.similarity(old, new), min(len(old), len(new)) - prefix)
    return _cut_before(old, prefix), _cut_after(old, len(old) - suffix)


def _cut_before(text: str, shared: int) -> int:
    """Return a cut in ``text[:shared]`` between a space and a non-space, else 0.

    The non-space run after the cut also ends before ``shared``: its tokens are whole and
    shared, and stay in the middle.
    """
    last = text.rfind(" ", 0, shared)
    at = text.rfind(" ", 0, last) if last > 0 else -1
    while at >= 0 and text[at + 1].isspace():
        at = text.rfind(" ", 0, at)
    return at + 1


def _cut_after(text: str, shared: int) -> int:
    """Return a cut in ``text[shared:]`` between a non-space and a space, else ``len(text)``.

    The non-space run before the cut starts after a space at or after ``shared``: its
    tokens are whole and shared, and stay in the middle.
    """
    first = text.find(" ", shared)
    at = text.find(" ", first + 1) if first >= 0 else -1
    while at >= 0 and text[at - 1].isspace():
        at = text.find(" ", at + 1)
    return at if at >= 0 else len(text)


def _token_diff(old_tokens: list[str], new_tokens: list[str]) -> list[tuple[Op, str]]:
    """Diff two token lists (one private character per token) and clean the result semantically."""
    return list(_decoded(_coded_diff(old_tokens, new_tokens), old_tokens, new_tokens))


def _coded_diff(old_tokens: list[str], new_tokens: list[str]) -> list[tuple[int, str]]:
    """Return diff-match-patch's cleaned diff of the two token lists, one character per token."""
    try:
        code = _SEEN.__getitem__
        old_code, new_code = "".join(map(code, old_tokens)), "".join(map(code, new_tokens))
        private = True  # the shared table's codes are all in the first private use area
    except KeyError:
        table = _learn(chain(old_tokens, new_tokens))
        code = table.__getitem__
        old_code, new_code = "".join(map(code, old_tokens)), "".join(map(code, new_tokens))
        private = len(table) <= _PRIVATE_USE
    return _script(old_code, new_code, cleanup=True, private=private)


class _Codes(dict[str, str]):
    """A token table that codes a token it lacks with the next character of the first private use area.

    Looking a token up codes it, so a row is coded in one C-level pass per side; only a
    token never seen before costs a Python call. A full area raises KeyError.
    """

    __slots__ = ()

    def __missing__(self, token: str) -> str:
        with _SEEN_LOCK:  # another thread may have coded the token since the lookup
            try:
                return self.setdefault(token, _PRIVATE[len(self)])
            except IndexError:
                raise KeyError(token) from None


_SEEN: dict[str, str] = _Codes()
"""Codes (first private use area) of the tokens this process has diffed, shared by all rows.

A diff depends only on which characters of the coded strings are equal (every code is a
private use character: not a letter, digit or space to diff-match-patch's scoring), so any
one-to-one coding gives the same chunks; keeping the codes spares each row building its own
table. Codes are only ever added; when the area is full a fresh table replaces this one.
"""
_SEEN_LOCK = threading.Lock()


def _learn(tokens: Iterable[str]) -> dict[str, str]:
    """Give the unseen ``tokens`` codes and return a table that codes all of them."""
    global _SEEN
    with _SEEN_LOCK:
        table = _SEEN
        distinct = dict.fromkeys(tokens)
        unseen = [token for token in distinct if token not in table]
        if len(table) + len(unseen) <= len(_PRIVATE):
            table.update(zip(unseen, _PRIVATE[len(table) :], strict=False))
            return table
        fresh = _codes(distinct)
        if len(fresh) <= len(_PRIVATE):  # else the row has codes of its own, past the first area
            _SEEN = fresh
        return fresh


def _decoded(
    diffs: list[tuple[int, str]], old_tokens: list[str], new_tokens: list[str]
) -> Iterator[tuple[Op, str]]:
    """Yield each piece of a coded diff as its op and its tokens' text."""
    return zip([_OPS[op] for op, _ in diffs], _texts(diffs, old_tokens, new_tokens), strict=True)


def _texts(diffs: list[tuple[int, str]], old_tokens: list[str], new_tokens: list[str]) -> Iterator[str]:
    """Yield the text of each piece of a coded diff.

    A diff lists both texts in order, so each piece's tokens are the next ones of its side.
    """
    at_old = at_new = 0
    join = "".join
    for op, code in diffs:
        size = len(code)
        if op < 0:
            yield join(old_tokens[at_old : at_old + size])
            at_old += size
        elif op:
            yield join(new_tokens[at_new : at_new + size])
            at_new += size
        else:
            yield join(old_tokens[at_old : at_old + size])
            at_old += size
            at_new += size


def _codes(tokens: Iterable[str]) -> dict[str, str]:
    """Map each distinct token to one character, in order of first sight."""
    order = dict.fromkeys(tokens)
    if len(order) <= len(_PRIVATE):
        return _Codes(zip(order, _PRIVATE, strict=False))
    return {token: _code_point(index) for index, token in enumerate(order)}


def _clause_first(old_tokens: list[str], new_tokens: list[str]) -> list[tuple[Op, str]]:
    """Diff long rows clause by clause, then word by word inside the clauses that changed.

    The word-level algorithm costs (length x differences); on two long, much-rewritten rows
    that takes seconds. Equal clauses are cheap anchors, and only the stretches between
    them are diffed by word, so the work stays near linear and still depends only on input.
    """
    old_clauses, new_clauses = _clauses(old_tokens), _clauses(new_tokens)
    codes: dict[str, str] = {}
    keys = ["".join(c) for c in old_clauses], ["".join(c) for c in new_clauses]
    diffs = _dmp_diff(_encode(keys[0], codes), _encode(keys[1], codes), cleanup=False)
    out: list[tuple[Op, str]] = []
    at = [0, 0]
    pending: tuple[list[str], list[str]] = ([], [])
    for op, text in [*diffs, (Op.EQUAL, "")]:
        if op is not Op.EQUAL:
            side = 0 if op is Op.DELETE else 1
            for _ in text:
                pending[side].extend((old_clauses, new_clauses)[side][at[side]])
                at[side] += 1
            continue
        if pending[0] or pending[1]:
            out.extend(_token_diff(*pending) if pending[0] and pending[1] else _whole(*pending))
            pending = ([], [])
        for _ in text:
            out.append((Op.EQUAL, keys[0][at[0]]))
            at[0] += 1
            at[1] += 1
    return out


def _whole(old_tokens: list[str], new_tokens: list[str]) -> list[tuple[Op, str]]:
    return [(Op.DELETE, "".join(old_tokens)), (Op.INSERT, "".join(new_tokens))]


def _clauses(tokens: list[str]) -> list[list[str]]:
    """Cut tokens after each ; . : or line end (with the white space that follows)."""
    out: list[list[str]] = [[]]
    for token in tokens:
        if token.isspace() and out[-1] and (out[-1][-1] in _CLAUSE_ENDS or "\n" in token):
            out[-1].append(token)
            out.append([])
        else:
            out[-1].append(token)
    return [c for c in out if c]


def _dmp_diff(old: str, new: str, *, cleanup: bool) -> list[tuple[Op, str]]:
    return [(_OPS[op], text) for op, text in _script(old, new, cleanup=cleanup)]


def normalize(pieces: Iterable[tuple[Op, str]]) -> tuple[Chunk, ...]:
    """Drop empty pieces, merge neighbours with one op, and put deletions before insertions."""
    out: list[Chunk] = []
    deleted = inserted = ""
    for op, text in pieces:
        if not text:
            continue
        if op is Op.DELETE:
            deleted += text
        elif op is Op.INSERT:
            inserted += text
        else:
            if deleted:
                out.append(Chunk(Op.DELETE, deleted))
                deleted = ""
            if inserted:
                out.append(Chunk(Op.INSERT, inserted))
                inserted = ""
            if out and out[-1].op is Op.EQUAL:
                out[-1] = Chunk(Op.EQUAL, out[-1].text + text)
            else:
                out.append(Chunk(Op.EQUAL, text))
    if deleted:
        out.append(Chunk(Op.DELETE, deleted))
    if inserted:
        out.append(Chunk(Op.INSERT, inserted))
    return tuple(out)


def _encode(tokens: list[str], codes: dict[str, str]) -> str:
    """Return one character per token, coding tokens not seen before in order of first sight."""
    for token in dict.fromkeys(tokens):
        if token not in codes:
            codes[token] = _code_point(len(codes))
    return "".join(map(codes.__getitem__, tokens))


def _code_point(index: int) -> str:
    if index <= 0xF8FF - 0xE000:  # the common case: the first private use area
        return chr(0xE000 + index)
    for start, end in _RANGES:
        if index <= end - start:
            return chr(start + index)
        index -= end - start + 1
    raise ValueError("more than a million distinct tokens in one row")
