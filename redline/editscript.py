"""Edit scripts of coded strings: the only place diff-match-patch is imported.

A script lists pieces ``(op, text)`` with op -1 (delete), 0 (equal) or 1 (insert) that turn
one string into another. rapidfuzz (``Indel.opcodes``, C++) finds a shortest one; it is
grouped so that each run of changes is a deletion then an insertion, and diff-match-patch's
merge and semantic cleanup run only as far as the script shows they have work. Strings too
large for rapidfuzz's search (``LCS_CELLS``) are searched by diff-match-patch, whose memory
stays linear. The strings are opaque here: ``redline.diff`` codes each token of a row as one
character and decodes the pieces back into chunks.
"""

from __future__ import annotations

from typing import cast

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

LCS_CELLS = 50_000_000
"""Rows whose coded lengths multiply past this are searched by diff-match-patch (linear memory)."""
_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0
"""One instance serves every call: its methods keep no state between calls."""
_NONE, _SLIDE, _FOLD = 0, 1, 2
"""The work diff-match-patch's semantic cleanup has with a script (see ``_run_work``)."""


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


def _middle_script(old: str, new: str) -> list[tuple[int, str]] | None:
    """Return the cleaned script of two coded middles if it is the whole rows' one, trimmed; else None.

    The rows are ``head + old + tail`` and ``head + new + tail`` in private codes; where the
    head is not empty both middles start with the same code, and where the tail is not
    empty both end with the same code (see ``redline.diff._shared_ends``). rapidfuzz strips the common
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
