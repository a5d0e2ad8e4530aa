"""Word diff (placeholder): whole-text replace."""

from __future__ import annotations

from redline.model import Chunk, Op


def word_diff(old: str, new: str) -> tuple[Chunk, ...]:
    """Return one delete and one insert chunk, or one equal chunk."""
    if old == new:
        return (Chunk(Op.EQUAL, old),) if old else ()
    return tuple(c for c in (Chunk(Op.DELETE, old), Chunk(Op.INSERT, new)) if c.text)
