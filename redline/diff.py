"""Word diff of one row: the only place diff-match-patch is imported.

Each token (a word, a run of white space, or one punctuation mark) is encoded as one
private-use character, a shortest edit script of the encoded strings is found (rapidfuzz)
and merged and cleaned semantically (diff-match-patch), and the result is decoded (the
``diff_linesToChars`` trick applied to words). A change therefore never starts or ends
inside a word. Rows that share a start and an end are diffed by their middles alone where
that is sure to give the same chunks (see ``_cut_diff``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import cast

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel, Postfix, Prefix

from redline.model import Chunk, Op

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
LCS_CELLS = 50_000_000
"""Rows whose coded lengths multiply past this are searched by diff-match-patch (linear memory)."""
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
    limit = min(COARSE_ABOVE, LCS_CELLS)
    extra = len(head) + len(tail)  # the ends have no more tokens than characters; else count them
    small = (len(old_tokens) + extra) * (len(new_tokens) + extra) <= limit
    if not small:
        ends = tokenize(head), tokenize(tail)
        extra = len(ends[0]) + len(ends[1])
        small = (len(old_tokens) + extra) * (len(new_tokens) + extra) <= limit
    if codes and small and len(old) + len(new) <= _PRIVATE_USE:  # the rows' codes are private
        diffs = _middle_script(*codes)
        if diffs is not None:
            texts = list(_texts(diffs, old_tokens, new_tokens))
            texts[0] = head + texts[0]  # under a head the first piece is equal, over a tail the last
            texts[-1] += tail
            return tuple(map(Chunk, [_OPS[op] for op, _ in diffs], texts))
    head_tokens, tail_tokens = ends or (tokenize(head), tokenize(tail))
    if codes:  # code the shared ends once, for both rows
        try:
            head_code, tail_code = "".join(map(code, head_tokens)), "".join(map(code, tail_tokens))
            codes = head_code + codes[0] + tail_code, head_code + codes[1] + tail_code
        except KeyError:
            codes = None
    return _whole_diff(
        [*head_tokens, *old_tokens, *tail_tokens], [*head_tokens, *new_tokens, *tail_tokens], codes
    )


def _middle_script(old: str, new: str) -> list[tuple[int, str]] | None:
    """Return the cleaned script of two coded middles if it is the whole rows' one, trimmed; else None.

    The rows are ``head + old + tail`` and ``head + new + tail`` in private codes; where the
    head is not empty both middles start with the same code, and where the tail is not
    empty both end with the same code (see ``_shared_ends``). rapidfuzz strips the common
    prefix, then the common suffix, of two strings before its search, so unless one middle
    is a prefix of the other (the rows' common prefix would then run on into the tail) the
    rows' script is the middles' with the head added to its first piece and the tail to its
    last, both equal. ``_grouped_script`` reads only the first code of those pieces, or
    whether a change ends with the first or starts with the last (a trimmed piece can only
    match more often), so a settled middle script is a settled row script, with the same
    work. With no work it is the result; with sliding only, the sliding pass (all places
    score alike in private codes but for an emptied piece) moves every change alike in both
    scripts unless it empties a piece, which it does in the middles' first. Otherwise: None.
    """
    if old.startswith(new) or new.startswith(old):
        return None
    diffs, settled, work = _grouped_script(old, new)
    if not settled or work == _FOLD:
        return None
    if work == _SLIDE:
        slid = list(diffs)
        _DMP.diff_cleanupSemanticLossless(slid)
        if len(slid) < len(diffs):
            return None
        return slid
    return diffs


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


_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0
"""One instance serves every call: its methods keep no state between calls."""


def _script(old: str, new: str, *, cleanup: bool, private: bool = False) -> list[tuple[int, str]]:
    """Return diff-match-patch's diff (ops -1, 0, 1) of two coded strings, cleaned semantically if asked.

    The cleanup runs only as far as the script shows it has work (see ``_run_work``): not at
    all when ``private`` says every character of both strings is a private use one (never a
    letter, digit or space to diff-match-patch's scoring) and no pass has work; only its
    sliding pass (``diff_cleanupSemanticLossless``) when the other two have none and that
    pass removes no equal piece (else the whole cleanup, from the start).
    """
    work = _FOLD
    if len(old) * len(new) > LCS_CELLS:
        diffs: list[tuple[int, str]] = _DMP.diff_main(old, new, False)
    else:
        diffs, settled, work = _grouped_script(old, new)
        if not settled:
            _DMP.diff_cleanupMerge(diffs)
            work = _FOLD
    if not cleanup or (work == _NONE and private):
        return diffs
    if work <= _SLIDE:
        slid = list(diffs)
        _DMP.diff_cleanupSemanticLossless(slid)
        if len(slid) == len(diffs):
            return slid
    _DMP.diff_cleanupSemantic(diffs)
    return diffs


def _edit_script(old: str, new: str, dmp: diff_match_patch) -> list[tuple[int, str]]:
    """Return a shortest script of deletions and insertions from ``old`` to ``new``, merged.

    The script is a longest common subsequence of the two coded strings. rapidfuzz finds one
    in C++ (bit-parallel); diff-match-patch's own search (Myers' bisection) is pure Python and
    was most of the word diff's time. Both find a shortest script; where several exist they may
    pick different ones, and diff-match-patch's merge (which slides edits to a canonical place)
    and semantic cleanup then give the same chunks on nearly all rows (see docs/design.md).
    Very large rows go to diff-match-patch, whose memory stays linear.
    """
    if len(old) * len(new) > LCS_CELLS:
        return dmp.diff_main(old, new, False)  # type: ignore[no-any-return]
    diffs, settled, _ = _grouped_script(old, new)
    if not settled:
        dmp.diff_cleanupMerge(diffs)
    return diffs


def _grouped_script(old: str, new: str) -> tuple[list[tuple[int, str]], bool, int]:
    """Return rapidfuzz's shortest script as pieces, each run of changes a deletion then an insertion.

    Also say whether diff-match-patch's merge would leave the pieces as they are (settled,
    see ``_run_settled``) and, settled, what work its semantic cleanup has (see ``_run_work``).
    """
    diffs: list[tuple[int, str]] = []
    deleted = inserted = ""
    settled = True
    work = _NONE
    before = 0  # the longer side of the run of changes before the last equal piece (0: none)
    steps = cast("list[tuple[str, int, int, int, int]]", Indel.opcodes(old, new).as_list())
    for tag, old_start, old_end, new_start, new_end in steps:
        if tag == "delete":
            deleted += old[old_start:old_end]
        elif tag == "insert":
            inserted += new[new_start:new_end]
        else:
            equal = old[old_start:old_end]
            if deleted or inserted:
                settled = settled and _run_settled(diffs, deleted, inserted, equal)
                if settled and work < _FOLD:  # else the work is known (unsettled: all of it)
                    work = max(work, _run_work(diffs, deleted, inserted, equal, before))
                before = max(len(deleted), len(inserted))
                _add_run(diffs, deleted, inserted)
                deleted = inserted = ""
            elif diffs:
                settled = False  # two equal pieces side by side
            settled = settled and bool(equal)
            diffs.append((0, equal))
    if deleted or inserted:
        settled = settled and _run_settled(diffs, deleted, inserted, "")
        if settled and work < _FOLD:
            work = max(work, _run_work(diffs, deleted, inserted, "", before))
        _add_run(diffs, deleted, inserted)
    return diffs, settled, work


def _add_run(diffs: list[tuple[int, str]], deleted: str, inserted: str) -> None:
    if deleted:
        diffs.append((-1, deleted))
    if inserted:
        diffs.append((1, inserted))


def _run_settled(diffs: list[tuple[int, str]], deleted: str, inserted: str, after: str) -> bool:
    """Return True when diff-match-patch's merge (``diff_cleanupMerge``) has nothing to do with a run.

    The run of changes (a deletion, an insertion, or both, in that order) follows ``diffs``
    and precedes the equal piece ``after`` ("" at the end). The merge would factor out a first
    or last character the deletion and insertion share, or slide a lone change between two
    equal pieces that ends with the one before it or starts with the one after it. Pieces
    built from a shortest script nearly always leave it nothing to do, and checking each run
    costs less than the merge.
    """
    if deleted and inserted:
        return deleted[0] != inserted[0] and deleted[-1] != inserted[-1]
    if not diffs or not after:
        return True
    text = deleted or inserted
    return not text.endswith(diffs[-1][1]) and not text.startswith(after)


_NONE, _SLIDE, _FOLD = 0, 1, 2
"""The work diff-match-patch's semantic cleanup has with a script (see ``_run_work``)."""


def _run_work(diffs: list[tuple[int, str]], deleted: str, inserted: str, after: str, before: int) -> int:
    """Return what ``diff_cleanupSemantic`` may do with a run of settled pieces.

    The run follows ``diffs`` (ending with an equal piece, if any, that follows a run whose
    longer side is ``before`` long) and precedes the equal piece ``after`` ("" at the end).
    ``_FOLD``: the first or the last of the cleanup's three passes may act, as that equal
    piece is no longer than the longer side of the runs on both its sides (it is folded into
    them), or a deletion and the insertion after it may overlap (one holds the other's first
    character). ``_SLIDE``: only the middle pass may act, as a lone change between two equal
    pieces can slide right (its first character is the next piece's first). ``_NONE``:
    otherwise; such a change may then only slide left, never so far that the piece before it
    empties (the pieces are settled), and in private use characters every place scores the
    same, so the pass keeps the rightmost place: where the change already is.
    """
    equal = len(diffs[-1][1]) if diffs else 0
    if 0 < equal <= before and equal <= max(len(deleted), len(inserted)):
        return _FOLD
    if deleted and inserted:
        return _FOLD if inserted[0] in deleted or deleted[0] in inserted else _NONE
    return _SLIDE if diffs and after and (deleted or inserted)[0] == after[0] else _NONE


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
