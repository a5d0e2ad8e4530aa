"""Align (placeholder): pair paragraphs by position."""

from __future__ import annotations

from collections.abc import Sequence

from redline.model import Link, Paragraph, RowKind


def align(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> tuple[Link, ...]:
    """Pair paragraphs index by index."""
    links = []
    for i in range(max(len(old), len(new))):
        if i >= len(new):
            links.append(Link(RowKind.DELETED, (i,), ()))
        elif i >= len(old):
            links.append(Link(RowKind.INSERTED, (), (i,)))
        else:
            same = old[i].text == new[i].text
            links.append(
                Link(
                    RowKind.EQUAL if same else RowKind.CHANGED,
                    (i,),
                    (i,),
                    False,
                    old[i].number != new[i].number,
                    1.0 if same else 0.5,
                )
            )
    return tuple(links)
