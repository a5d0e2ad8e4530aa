"""Change summary in PP/OP terms (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from redline.model import Row, Summary


def summarize(rows: Sequence[Row]) -> Summary:
    """Return an empty summary."""
    return Summary(counts=())
