"""Sectioned texts: budget resolutions' "I", "II" parts and treaties' articles.

Each section is classified on its own (:func:`redline.parse.paragraphs.classify`) and its
addresses carry the section's name, so a restart of numbering never collides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from redline.clean import Block
from redline.model import Kind, Paragraph
from redline.parse.paragraphs import classify, ends_a_clause
from redline.parse.patterns import OP_NUMBER

_PREAMBULAR = re.compile(
    r"^(?:[A-Z][a-z]+ly |Also |Further )*(?:[A-Z][a-z]+ing|Aware|Mindful|Conscious)\b.*,$", re.S
)
_ARTICLE = re.compile(r"^(Article \d+(?: ?[a-z]| bis| ter)?)\.?(?:\s+\S.*)?$")
_SECTION = re.compile(r"^([IVXL]{1,5}|[A-H])(?:\.|\s|$)")
_SECTION_FIRST = frozenset("IVXLABCDEFGH")
"""The letters a section heading can open with."""


def _number_of(block: Block) -> str | None:
    m = OP_NUMBER.match(block.text)
    return m.group(1) if m else None


def _section_starts(blocks: Sequence[Block]) -> list[int]:
    """Return where the sections of a sectioned resolution start, or [] when it has none.

    Budget and omnibus resolutions print "I", "II" (or "A", "B") headings, each over its
    own preamble and its own operative numbering from 1. Headings over continuous
    numbering are only headings, and the text is not split.
    """
    starts = [
        i
        for i, b in enumerate(blocks)
        if b.text[:1] in _SECTION_FIRST
        and _SECTION.match(b.text)
        and not ends_a_clause(b.text)
        and len(b.text.split()) <= 40
    ]
    if len(starts) < 2:
        return []
    restarts = 0
    preambles = 0
    for pos, start in enumerate(starts):
        stop = starts[pos + 1] if pos + 1 < len(starts) else len(blocks)
        if any(_number_of(b) == "1" for b in blocks[start:stop]):
            restarts += 1
        if pos and any(_PREAMBULAR.match(b.text) for b in blocks[start:stop]):
            preambles += 1
    return starts if restarts >= 2 or preambles else []


def classify_sections(blocks: Sequence[Block], *, chapeau: bool = False) -> list[Paragraph]:
    """Return ``blocks`` as paragraphs, each section of a sectioned resolution numbered apart.

    In a sectioned resolution every address carries its section: "II/PP1", "II/OP3";
    the heading itself is kind other with address "II". A treaty's articles are sections
    too: "Article 5/1", "Article 5/1(a)".
    """
    articles = [i for i, b in enumerate(blocks) if b.text.startswith("Article ") and _ARTICLE.match(b.text)]
    starts = articles if len(articles) >= 2 else _section_starts(blocks)
    if not starts:
        return classify(blocks, chapeau=chapeau)
    out = classify(blocks[: starts[0]], chapeau=chapeau)
    for pos, start in enumerate(starts):
        stop = starts[pos + 1] if pos + 1 < len(starts) else len(blocks)
        head = blocks[start]
        article = _ARTICLE.match(head.text)
        name = article.group(1) if article else head.text.split(" ", 1)[0].rstrip(".")
        title = head.text[len(name) :].lstrip(". ")
        out.append(Paragraph(Kind.OTHER, name, name, title, head.marks, head.lines))
        for p in classify(blocks[start + 1 : stop]):
            out.append(Paragraph(p.kind, p.number, f"{name}/{p.address}", p.text, p.footnotes, p.lines))
    return out
