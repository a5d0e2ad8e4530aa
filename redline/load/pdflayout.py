"""Build text lines and paragraph breaks from a PDF page's positioned glyphs.

Pure geometry, no PDF library: :mod:`redline.load.pdf` turns pdfminer's characters into
:class:`Glyph` values and this module does the rest, so it can be tested on made-up pages.
PDF coordinates grow upwards: a larger ``y0`` is higher on the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = ["Glyph", "page_lines"]

_MIN_SIZE = 1.5
"""Smaller glyphs are invisible spacers that some producers use for blank paragraphs."""
_SAME_ROW = 0.3
"""Glyphs whose baselines differ by less than this share of the font size share a row."""
_SUP_RATIO = 0.8
"""A raised run at most this share of its line's font size is a footnote mark."""
_SUP_MAX_CHARS = 4
_WORD_GAP = 0.25
"""A horizontal gap wider than this share of the font size separates two words."""
_COLUMN_GAP = 6.0
"""A gap wider than this many font sizes separates two blocks side by side (page header)."""
_PARAGRAPH_GAP = 1.5
"""Baselines further apart than this many font sizes have a paragraph break between them."""
_MARGIN = 0.12
"""Share of the page height at the top and at the bottom where headers, footers and notes sit."""


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character as drawn: its text, horizontal extent, bottom and font size."""

    text: str
    x0: float
    x1: float
    y0: float
    size: float
    order: int = 0
    """Position in the page's drawing order."""


@dataclass(slots=True)
class _Row:
    """Glyphs on one baseline; ``raised`` holds the footnote marks merged into it."""

    y0: float
    size: float
    glyphs: list[Glyph] = field(default_factory=list)
    raised: list[Glyph] = field(default_factory=list)

    def ink(self) -> list[Glyph]:
        return [g for g in self.glyphs if not g.text.isspace()]


def page_lines(glyphs: Iterable[Glyph], *, height: float = 0.0) -> list[str]:
    """Return the page's lines, with " " where a paragraph break falls.

    A blank line inside a page holds one space and a page break is an empty line, the
    convention of the GA text extractions the cleaning stage reads. Raised small runs
    (footnote reference marks) are glued to the text before them; a line opening with
    one (a footnote) starts a new paragraph. Blocks side by side (a running head with
    the symbol beside a two-line title) are read column by column.

    Paragraphs come in the order the PDF draws them, as in those extractions (a word
    processor draws the header and footer first, so the job number and page counter come
    right after the running head), provided that order reads the body between the top and
    bottom margins (``height`` is the page's) from top to bottom; otherwise, top to bottom.
    """
    rows = _merge_raised(_rows(g for g in glyphs if g.size >= _MIN_SIZE))
    rows.sort(key=lambda r: (-r.y0, min(g.x0 for g in r.glyphs)))
    groups: list[_Group] = []
    previous: _Row | None = None
    for row in rows:
        segments = _segments(row)
        if not segments:
            continue
        if previous is None or _breaks(previous, row, segments[0].text):
            groups.append(_Group(row.y0, row.y0, min(g.order for g in row.glyphs), []))
        group = groups[-1]
        group.rows.append(segments)
        group.bottom = row.y0
        group.first = min(group.first, *(g.order for g in row.glyphs))
        previous = row
    out: list[str] = []
    for group in _reading_order(groups, height):
        if out:
            out.append(" ")
        out.extend(_read_columns(group.rows))
    return out


@dataclass(slots=True)
class _Group:
    """A paragraph's rows (each a list of side-by-side segments), top to bottom."""

    top: float
    bottom: float
    first: int
    """Drawing order of the paragraph's first glyph."""
    rows: list[list[_Segment]]


def _reading_order(groups: list[_Group], height: float) -> list[_Group]:
    drawn = sorted(groups, key=lambda g: (g.first, -g.top))
    margin = _MARGIN * height
    body = [g.top for g in drawn if height and margin < g.bottom and g.top < height - margin]
    if body == sorted(body, reverse=True):
        return drawn
    return groups


def _read_columns(group: Sequence[Sequence[_Segment]]) -> list[str]:
    """Return a paragraph's lines, column by column when some row holds several blocks."""
    if all(len(segments) == 1 for segments in group):
        return [segments[0].text for segments in group]
    columns: list[tuple[float, float, list[tuple[int, _Segment]]]] = []
    flat = [(i, s) for i, segments in enumerate(group) for s in segments]
    for i, seg in sorted(flat, key=lambda item: (item[1].x0, item[0])):
        if columns and seg.x0 <= columns[-1][1]:
            lo, hi, members = columns[-1]
            columns[-1] = (lo, max(hi, seg.x1), [*members, (i, seg)])
        else:
            columns.append((seg.x0, seg.x1, [(i, seg)]))
    return [seg.text for _, _, members in columns for _, seg in sorted(members, key=lambda m: m[0])]


def _rows(glyphs: Iterable[Glyph]) -> list[_Row]:
    """Group glyphs into rows by baseline; spaces join a row but never start one."""
    ordered = sorted(glyphs, key=lambda g: (-g.y0, g.x0, g.x1, g.text))
    rows: list[_Row] = []
    for g in ordered:
        row = _nearest_row(rows, g)
        if row is not None:
            row.glyphs.append(g)
            row.size = max(row.size, g.size) if not g.text.isspace() else row.size
        elif not g.text.isspace():
            rows.append(_Row(g.y0, g.size, [g]))
    return rows


def _nearest_row(rows: Sequence[_Row], g: Glyph) -> _Row | None:
    best: _Row | None = None
    for row in reversed(rows):
        if row.y0 - g.y0 > 4 * max(row.size, g.size):
            break
        tolerance = _SAME_ROW * max(row.size, g.size)
        if abs(row.y0 - g.y0) <= tolerance and (best is None or abs(row.y0 - g.y0) < abs(best.y0 - g.y0)):
            best = row
    return best


def _merge_raised(rows: list[_Row]) -> list[_Row]:
    """Fold each short raised small-type row (a footnote mark) into the line it sits on."""
    kept: list[_Row] = []
    for row in rows:
        host = _host(rows, row)
        if host is None:
            kept.append(row)
        else:
            host.raised.extend(row.ink())
    return kept


def _host(rows: Sequence[_Row], row: _Row) -> _Row | None:
    ink = row.ink()
    if not ink or len(ink) > _SUP_MAX_CHARS:
        return None
    left, right = min(g.x0 for g in ink), max(g.x1 for g in ink)
    best: _Row | None = None
    for other in rows:
        if other is row or row.size > _SUP_RATIO * other.size:
            continue
        if not other.y0 < row.y0 < other.y0 + 0.9 * other.size:
            continue
        other_ink = other.ink()
        if not other_ink or len(other_ink) <= _SUP_MAX_CHARS:
            continue
        lo, hi = min(g.x0 for g in other_ink), max(g.x1 for g in other_ink)
        if lo - 4 * other.size <= left and right <= hi + other.size and (best is None or other.y0 > best.y0):
            best = other
    return best


@dataclass(frozen=True, slots=True)
class _Segment:
    """The text of one block of a row, with its horizontal extent."""

    text: str
    x0: float
    x1: float


def _segments(row: _Row) -> list[_Segment]:
    """Return the row's blocks (separated by wide gaps), left to right."""
    marks = {id(g) for g in row.raised}
    entries = sorted([*row.glyphs, *row.raised], key=lambda g: (g.x0, g.x1, g.text))
    blocks: list[list[Glyph | None]] = [[]]
    previous: Glyph | None = None
    space = False
    for g in entries:
        if g.text.isspace():
            space = previous is not None
            continue
        if previous is not None:
            gap = g.x0 - previous.x1
            if gap > _COLUMN_GAP * max(g.size, previous.size):
                blocks.append([])
            elif id(g) in marks and id(previous) not in marks:
                pass  # a footnote mark is glued to the word it follows
            elif space or gap > _WORD_GAP * min(g.size, previous.size):
                blocks[-1].append(None)
        blocks[-1].append(g)
        previous, space = g, False
    return [_segment(block) for block in blocks if block]


def _segment(block: Sequence[Glyph | None]) -> _Segment:
    """Join a block's glyphs, None standing for one space."""
    ink = [g for g in block if g is not None]
    text = "".join(" " if g is None else g.text for g in block)
    return _Segment(" ".join(text.split()), ink[0].x0, max(g.x1 for g in ink))


def _breaks(previous: _Row, row: _Row, first_text: str) -> bool:
    """Tell whether a paragraph break falls between two consecutive rows."""
    if set(first_text) == {"_"}:
        return False  # the rule above a footnote block sits inside the paragraph it cuts
    first = min([*row.glyphs, *row.raised], key=lambda g: (g.x0, g.x1))
    if any(first is g for g in row.raised):
        return True  # a footnote's own number opens it
    return previous.y0 - row.y0 > _PARAGRAPH_GAP * max(previous.size, row.size)
