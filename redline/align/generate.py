"""Revisions with known answers: edit a list of paragraphs and record the true links.

Used by the property tests and by ``bench/alignment.py``. A revision applies, at random
but reproducibly (one ``random.Random``): deletions, insertions (texts from a pool),
moves (a preambular paragraph moved into the operative part changes "Recalling" into
"Recalls"), splits, merges, word edits, technical updates (session ordinals, years,
resolution numbers), growth, and renumbering of every address.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from redline.align.measure import similarity
from redline.model import Kind, Link, Paragraph, RowKind


@dataclass(frozen=True, slots=True)
class Rates:
    """How often each edit happens, per paragraph."""

    delete: float = 0.06
    insert: float = 0.06
    move: float = 0.04
    split: float = 0.04
    merge: float = 0.04
    edit: float = 0.2
    technical: float = 0.15
    grow: float = 0.05
    edit_share: float = 0.15
    """Share of a paragraph's words touched by a word edit."""
    min_move: int = 3
    """A moved paragraph lands at least this many places away."""


@dataclass(frozen=True, slots=True)
class Revision:
    """An old and a new paragraph list and the links that turn one into the other."""

    old: tuple[Paragraph, ...]
    new: tuple[Paragraph, ...]
    links: tuple[Link, ...]
    """True rows by index; ``moved`` marks paragraphs the generator moved."""


@dataclass(slots=True)
class _Item:
    text: str
    kind: Kind
    origin: tuple[int, ...] = ()
    moved: bool = False
    parts: int = 1
    """1 for a plain paragraph, 2 for each half of a split, 0 for a merge."""


_FILLER = (
    "also",
    "further",
    "in particular",
    "as appropriate",
    "within existing resources",
    "inter alia",
    "all relevant stakeholders",
    "at the national level",
    "and regional",
    "strongly",
)
_ORDINALS = ("seventy-eighth", "seventy-ninth", "eightieth", "eighty-first", "eighty-second", "eighty-third")
_GROWTH = (
    "and its resolution 78/120 of 19 December 2023",
    "including through South-South and triangular cooperation",
    "and in this regard welcomes the work of the Office",
    "taking into account national circumstances and priorities",
)


def address_all(texts: Sequence[tuple[str, Kind]]) -> tuple[Paragraph, ...]:
    """Return paragraphs numbered as printed: PPn for preambular ones, OPn for the rest."""
    out = []
    pp = op = 0
    for text, kind in texts:
        if kind is Kind.PREAMBULAR:
            pp += 1
            out.append(Paragraph(kind, None, f"PP{pp}", text))
        else:
            op += 1
            out.append(Paragraph(Kind.OPERATIVE, str(op), f"OP{op}", text))
    return tuple(out)


def revise(
    paragraphs: Sequence[Paragraph],
    rng: random.Random,
    *,
    pool: Sequence[str] = (),
    rates: Rates | None = None,
) -> Revision:
    """Return a random revision of ``paragraphs`` with its true links.

    Inserted texts come from ``pool``, skipping any that resemble an old paragraph (whose
    true link would be ambiguous). Word edits spare paragraphs shorter than five words.
    """
    r = rates or Rates()
    old = address_all([(p.text, p.kind) for p in paragraphs])
    items = _fates(old, rng, r)
    _move(items, rng, r)
    _insert(items, old, rng, pool, r)
    new = address_all([(it.text, it.kind) for it in items])
    return Revision(old, new, _truth(old, new, items))


def _fates(old: Sequence[Paragraph], rng: random.Random, r: Rates) -> list[_Item]:
    items: list[_Item] = []
    i = 0
    while i < len(old):
        p = old[i]
        roll = rng.random()
        words = p.text.split()
        if roll < r.delete:
            i += 1
            continue
        roll -= r.delete
        if roll < r.split and len(words) >= 16:
            k = rng.randint(len(words) // 3, 2 * len(words) // 3)
            items.append(_Item(" ".join(words[:k]), p.kind, (i,), parts=2))
            items.append(_Item(" ".join(words[k:]), p.kind, (i,), parts=2))
            i += 1
            continue
        roll -= r.split
        if roll < r.merge and i + 1 < len(old) and len(words) >= 5 and len(old[i + 1].text.split()) >= 5:
            items.append(_Item(p.text + " " + old[i + 1].text, p.kind, (i, i + 1), parts=0))
            i += 2
            continue
        items.append(_Item(_edit(p.text, rng, r), p.kind, (i,)))
        i += 1
    return items


def _edit(text: str, rng: random.Random, r: Rates) -> str:
    if rng.random() < r.technical:
        text = _technical(text, rng)
    words = text.split()
    if rng.random() < r.edit and len(words) >= 5:
        for _ in range(max(1, round(len(words) * r.edit_share * rng.random()))):
            k = rng.randrange(len(words))
            op = rng.random()
            if op < 0.4:
                words[k] = rng.choice(_FILLER)
            elif op < 0.7 and len(words) > 5:
                del words[k]
            else:
                words.insert(k, rng.choice(_FILLER))
        text = " ".join(words)
    if rng.random() < r.grow and len(words) >= 3:
        end = text[-1] if text[-1] in ",;." else ""
        text = text.rstrip(",;.") + ", " + rng.choice(_GROWTH) + end
    return text


def _technical(text: str, rng: random.Random) -> str:
    text = re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(int(m.group(0)) + 1), text)
    text = re.sub(r"\b(\d{2})/(\d{1,3})\b", lambda m: f"{int(m.group(1)) + 1}/{rng.randint(1, 300)}", text)
    for k, word in enumerate(_ORDINALS[:-1]):
        if word in text:
            return text.replace(word, _ORDINALS[k + 1])
    return text


def _move(items: list[_Item], rng: random.Random, r: Rates) -> None:
    count = sum(1 for _ in items if rng.random() < r.move)
    for _ in range(count):
        movable = [k for k, it in enumerate(items) if it.parts == 1 and it.origin and not it.moved]
        if not movable or len(items) <= r.min_move:
            return
        src = rng.choice(movable)
        item = items.pop(src)
        targets = [t for t in _gaps(items) if abs(t - src) >= r.min_move]
        if not targets:
            items.insert(src, item)
            continue
        dst = rng.choice(targets)
        item.moved = True
        before = items[dst - 1].kind if dst > 0 else Kind.PREAMBULAR
        if item.kind is Kind.PREAMBULAR and before is not Kind.PREAMBULAR:
            item.text, item.kind = _to_operative(item.text), Kind.OPERATIVE
        items.insert(dst, item)


def _gaps(items: Sequence[_Item]) -> list[int]:
    """Return the places where a paragraph may go: anywhere but between a split's halves."""
    return [
        k
        for k in range(len(items) + 1)
        if not (0 < k < len(items) and items[k].parts == 2 and items[k].origin == items[k - 1].origin)
    ]


def _to_operative(text: str) -> str:
    """Turn "Recalling ..., " into "Recalls ...;"."""
    m = re.match(r"(\w+?)ing\b", text)
    if m:
        stem = m.group(1)
        verb = stem + ("es" if stem.endswith(("z", "s", "ch", "sh")) else "s")
        text = verb + text[m.end() :]
    return text.rstrip(",") + ";" if text.endswith(",") else text


def _insert(
    items: list[_Item], old: Sequence[Paragraph], rng: random.Random, pool: Sequence[str], r: Rates
) -> None:
    texts = {p.text for p in old}
    fresh = [
        t for t in dict.fromkeys(pool) if t not in texts and all(similarity(t, p.text) < 0.35 for p in old)
    ]
    rng.shuffle(fresh)
    count = min(len(fresh), sum(1 for _ in range(len(old) + 1) if rng.random() < r.insert))
    for text in fresh[:count]:
        at = rng.choice(_gaps(items))
        kind = items[at - 1].kind if at > 0 else Kind.PREAMBULAR
        items.insert(at, _Item(text, kind))


def _truth(old: Sequence[Paragraph], new: Sequence[Paragraph], items: Sequence[_Item]) -> tuple[Link, ...]:
    by_origin: dict[tuple[int, ...], list[int]] = {}
    links: list[Link] = []
    for j, it in enumerate(items):
        if it.origin:
            by_origin.setdefault(it.origin, []).append(j)
        else:
            links.append(Link(RowKind.INSERTED, (), (j,)))
    seen = {i for o in by_origin for i in o}
    for origin, js in by_origin.items():
        same = "\n".join(old[i].text for i in origin) == "\n".join(new[j].text for j in js)
        links.append(
            Link(
                RowKind.EQUAL if same else RowKind.CHANGED,
                origin,
                tuple(js),
                moved=items[js[0]].moved,
                renumbered=old[origin[0]].address != new[js[0]].address,
            )
        )
    links.extend(Link(RowKind.DELETED, (i,), ()) for i in range(len(old)) if i not in seen)
    return tuple(links)
