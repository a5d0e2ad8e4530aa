"""Find the running title that adopted resolutions repeat in the header of later pages.

On later pages an adopted GA resolution prints its symbol, its title (wrapped as it
fits), the job number and the page counter, in one of two orders. A line next to such
a header is taken for the running title only when its words occur in the document's
first page (where the real title stands), so body text is never removed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from redline.clean.text import collapse

_ORGAN_LINE = re.compile(r"^\s*The [A-Z][\w ,’'-]*(?:Assembly|Council|Commission|Conference)\b")
_PAGE = frozenset({"job number", "page counter", "barcode"})


def _reference(lines: Sequence[str]) -> str:
    stop = min(len(lines), 150)
    for index, line in enumerate(lines[:stop]):
        if _ORGAN_LINE.match(line):
            stop = index
            break
    return " " + collapse(" ".join(lines[:stop])) + " "


def running_titles(
    lines: Sequence[str], removed: Mapping[int, str], notes: Collection[int]
) -> dict[int, str]:
    """Return {index: "running title"} for title lines printed beside later page headers."""
    ref = _reference(lines)
    out: dict[int, str] = {}
    first_body = next((i for i, line in enumerate(lines) if line.strip() and i not in removed), 0)

    def fits(index: int) -> bool:
        text = collapse(lines[index])
        return bool(text) and f" {text} " in ref and index > first_body + 3

    for s, reason in removed.items():
        if reason != "symbol header" or s <= first_body:
            continue
        ahead: list[int] = []
        j = s + 1
        while j < len(lines) and j <= s + 10:
            if j in notes:
                break
            if j in removed:
                if removed[j] in _PAGE and ahead:
                    out.update((k, "running title") for k in ahead if fits(k))
                break
            if lines[j].strip():
                ahead.append(j)
            j += 1
        nxt = next((k for k in range(s + 1, min(len(lines), s + 4)) if lines[k].strip()), None)
        if nxt is None or removed.get(nxt) not in _PAGE:
            continue
        behind: list[int] = []
        k = s - 1
        while k >= 0 and len(behind) < 8:
            if lines[k] == "" or k in removed or k in notes:
                out.update((b, "running title") for b in behind if fits(b))
                break
            if lines[k].strip():
                behind.append(k)
            k -= 1
    return out
