"""Align: set each old paragraph of a resolution against its revision (rapidfuzz lives here).

The backbone keeps reading order: exact anchors, then a DP with pair, split and merge steps
between them; paragraphs it leaves over are paired across the text as moves.
"""

from __future__ import annotations

from redline.align.coding import tokens
from redline.align.core import align
from redline.align.measure import similarity
from redline.align.options import AlignOptions

__all__ = ["AlignOptions", "align", "similarity", "tokens"]
