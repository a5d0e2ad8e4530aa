"""Word accounting: where every word of an input went, and which (if any) were lost.

A word is a run of letters or digits. Every word of the input must land in exactly one
place: a title, a label or organ line, a paragraph (with its printed number), a footnote,
the text outside the resolutions, or the removed furniture. A footnote mark detached
from a word counts as a mark ("Strategy5" is "Strategy" in a paragraph and mark "5";
"195414" is "1954" and mark "14").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from redline.model import Document
from redline.parse.patterns import MEETING_ORGAN

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Accounting:
    """Where the words of one input went."""

    places: tuple[tuple[str, int], ...]
    """(place, number of words), places in a fixed order."""
    lost: tuple[str, ...]
    """Input words found nowhere in the Document (must be empty)."""
    added: tuple[str, ...]
    """Document words the input does not hold (must be empty)."""

    @property
    def complete(self) -> bool:
        """Return True when no word was lost and none was made up."""
        return not self.lost and not self.added


def words(text: str) -> list[str]:
    """Return the words of ``text`` (runs of letters and digits, NFC-normalised)."""
    return _WORD.findall(unicodedata.normalize("NFC", text))


def _places(doc: Document) -> dict[str, Counter[str]]:
    places: dict[str, Counter[str]] = {
        p: Counter() for p in ("title", "header", "paragraph", "footnote", "outside", "removed")
    }
    for res in doc.resolutions:
        places["title"].update(words(res.title or ""))
        places["header"].update(words(res.label or ""))
        # An organ read out of a decision's first sentence ("At its 10th meeting, ..., the
        # Commission ...") is not a line of its own: its words are counted in that paragraph.
        first = res.paragraphs[0].text if res.paragraphs else ""
        if res.organ and not MEETING_ORGAN.match(first):
            places["header"].update(words(res.organ))
        for annex in res.annexes:
            places["header"].update(words(annex.label))
            places["title"].update(words(annex.title or ""))
        for para in res.all_paragraphs():
            places["paragraph"].update(words(f"{para.number or ''} {para.text}"))
    for note in doc.footnotes:
        places["footnote"].update(words(f"{note.mark} {note.text}"))
    for para in doc.outside:
        places["outside"].update(words(f"{para.number or ''} {para.text}"))
    for gone in doc.removed:
        places["removed"].update(words(gone.text))
    return places


def account(text: str, doc: Document) -> Accounting:
    """Return where the words of ``text`` went in ``doc`` (parsed from it)."""
    source = Counter(words(text))
    places = _places(doc)
    made: Counter[str] = Counter()
    for bag in places.values():
        made.update(bag)
    missing = source - made
    spare = made - source
    marks = sorted({n.mark for n in doc.footnotes if n.mark.isdigit()}, key=lambda m: (-len(m), m))
    detached = 0
    lost: list[str] = []
    for word in sorted(missing.elements()):
        if word in marks:
            detached += 1
            continue
        for mark in marks:
            head = word[: -len(mark)]
            if word.endswith(mark) and head and spare[head] > 0:
                spare[head] -= 1
                detached += 1
                break
        else:
            lost.append(word)
    counts = [(place, sum(bag.values())) for place, bag in places.items()]
    counts.append(("footnote mark", detached))
    return Accounting(tuple(counts), tuple(lost), tuple(sorted((+spare).elements())))
