"""Options of the paragraph alignment: every threshold in one frozen place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Thresholds and limits of `redline.align.align`; the defaults suit UN resolutions."""

    min_similarity: float = 0.5
    """Two paragraphs in the same stretch between anchors are paired when their similarity exceeds this."""
    move_similarity: float = 0.6
    """A paragraph left over after the order-preserving pass is paired across the text (a move) from this."""
    weak_similarity: float = 0.75
    """A pair in place below this is undone when one of its paragraphs has a better partner elsewhere."""
    unmatched_weight: float = 0.25
    """How much an unmatched word costs against a matched one in `similarity`."""
    growth_weight: float = 0.35
    """Share of that cost for a word only the longer paragraph has (lower tolerates growth more)."""
    number_bonus: float = 0.5
    """Words' worth of gain for each exact number a pair shares (the similarity masks numbers)."""
    group_penalty: float = 1.0
    """Words' worth of cost of a split or merge row, so a plain pair wins a tie."""
    anchor_similarity: float = 0.8
    """Similarity from which mutually best pairs steer the anchor chain and a large stretch's corridor."""
    max_cells: int = 40_000
    """A stretch with more old x new cells than this gets a corridor DP instead of a full one."""
    band: int = 25
    """Half-width, in paragraphs, of that corridor."""
