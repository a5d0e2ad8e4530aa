"""Split a document's blocks into its texts, and each text into header, organ and body.

A session report marks each text with a heading ("Draft resolution I", "Resolution
20/1"); a text there ends at the next heading, chapter or lettered section. A standalone
GA document holds one text whose organ line ("The General Assembly,") divides the
header (sponsors, "80/6. Title", "[on the report of ...]") from the body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redline.clean import Block
from redline.parse.patterns import CHAPTER, LABEL, ORGAN, SECTION


@dataclass(frozen=True, slots=True)
class Span:
    """One text's blocks: the heading label (if any), header blocks, organ, body."""

    label: Block | None
    header: tuple[Block, ...]
    organ: Block | None
    body: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Segments:
    """The texts of a document and the blocks that belong to none of them."""

    spans: tuple[Span, ...]
    outside: tuple[Block, ...]


_LABEL_FIRST = frozenset("DR")
"""The letters a text's label can open with ("Draft resolution", "Resolution", "Decision")."""


def is_organ(block: Block) -> bool:
    """Return True when ``block`` opens with an organ ("The General Assembly,")."""
    m = ORGAN.match(block.text) if block.text.startswith("The ") else None
    if m is None:
        return False
    rest = m.group(3)
    return not rest or rest[:1].islower()


def _split_text(label: Block | None, blocks: Sequence[Block]) -> Span:
    for index, block in enumerate(blocks):
        if is_organ(block):
            return Span(label, tuple(blocks[:index]), block, tuple(blocks[index + 1 :]))
    return Span(label, (), None, tuple(blocks))


def _report(blocks: Sequence[Block], starts: list[int]) -> Segments:
    spans: list[Span] = []
    outside: list[Block] = list(blocks[: starts[0]])
    for pos, start in enumerate(starts):
        stop = starts[pos + 1] if pos + 1 < len(starts) else len(blocks)
        end = stop
        for index in range(start + 1, stop):
            text = blocks[index].text
            first = text[:1]
            if (first == "C" and CHAPTER.match(text)) or ("A" <= first <= "H" and SECTION.match(text)):
                end = index
                break
        text_blocks = list(blocks[start + 1 : end])
        # A text's header runs to its organ line; in a report there is at most a title.
        spans.append(_split_text(blocks[start], text_blocks))
        outside.extend(blocks[end:stop])
    return Segments(tuple(spans), tuple(outside))


def segment(blocks: Sequence[Block]) -> Segments:
    """Return the texts of ``blocks`` and what lies outside them."""
    starts = [i for i, b in enumerate(blocks) if b.text[:1] in _LABEL_FIRST and LABEL.match(b.text)]
    if starts and any(is_organ(b) for b in blocks[starts[0] :]):
        return _report(blocks, starts)
    organs = [i for i, b in enumerate(blocks) if is_organ(b)]
    if not organs:
        return Segments((Span(None, (), None, tuple(blocks)),), ())
    first = organs[0]
    return Segments((Span(None, tuple(blocks[:first]), blocks[first], tuple(blocks[first + 1 :])),), ())
