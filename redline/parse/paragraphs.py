"""Turn the blocks of one text's body into addressed paragraphs.

Preambular paragraphs come first, unnumbered; operative paragraphs are numbered
("1.", "5 bis."), or lettered at top level in a decision ("(a)"), or, when a text has a
single operative paragraph, unnumbered. Sub-paragraphs nest (a) > (i) > a. under the
paragraph that introduces them. Anything else (headings, lists, tables, closings) is
kind ``other`` and keeps its place. Numbering that restarts at 1 after operative
paragraphs (an agenda list) is kind ``other`` too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from redline.clean import Block
from redline.model import Kind, Paragraph
from redline.parse.patterns import CLOSING, DOT_LETTER, OP_NUMBER, PAREN

# Members read once: Python 3.11 looks an enum member up through its metaclass's attribute
# hook, about ten times the cost of a global, and these are read for every paragraph.
_PREAMBULAR, _OPERATIVE = Kind.PREAMBULAR, Kind.OPERATIVE
_SUBPARAGRAPH, _OTHER = Kind.SUBPARAGRAPH, Kind.OTHER


_ROMAN = frozenset(
    [
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "vi",
        "vii",
        "viii",
        "ix",
        "x",
        "xi",
        "xii",
        "xiii",
        "xiv",
        "xv",
        "xvi",
        "xvii",
        "xviii",
        "xix",
        "xx",
    ]
)
_VERB = re.compile(r"^(?:[A-Z][a-z]+ly |Once again |Also |Further |Again )*[A-Z][a-z]+s\b")
_ACTION = re.compile(r"^(?=[A-Z])(?:[A-Za-z]+ly |Also |Further |Again |Once again )*[A-Za-z][a-z]+(?:s|ed)\b")
_ORGAN_LINE = re.compile(r"^The [A-Z][\w ]*(?:Assembly|Council|Commission|Conference)[,:]?$")
TERMINAL = re.compile(r"[,;:.]\s*[”’\")\]]*$")
"""A paragraph's closing punctuation, quotes and brackets allowed after it."""
_CLOSERS = '”’")]'
_STOPS = (",", ";", ":", ".")


def ends_a_clause(text: str) -> bool:
    """Return True when ``text`` ends in closing punctuation: ``TERMINAL.search(text)``.

    The same verdict (a property test holds the two together) without scanning the whole
    text from each comma: strip closing quotes and brackets, then white space, and look at
    the last character; like ``$``, this also looks past one final line feed.
    """
    if text.rstrip(_CLOSERS).rstrip()[-1:] in _STOPS:
        return True
    return text.endswith("\n") and text[:-1].rstrip(_CLOSERS).rstrip()[-1:] in _STOPS


@dataclass(slots=True)
class _State:
    out: list[Paragraph] = field(default_factory=list)
    mode: str | None = None
    """None before the operative part; "numbered" or "lettered" after its first paragraph."""
    last_op: int = 0
    listing: bool = False
    pp: int = 0
    ops: int = 0
    other: int = 0
    top: str | None = None
    """Address of the current top-level paragraph (sub-paragraphs attach to it)."""
    top_text: str = ""
    letter: str | None = None
    letter_addr: str | None = None
    roman_addr: str | None = None


def _is_roman(token: str, state: _State) -> bool:
    if token not in _ROMAN:
        return False
    if state.letter is not None and len(token) == 1 and ord(token) == ord(state.letter) + 1:
        return False
    return state.letter is not None or state.mode == "numbered" or state.top is not None


def _add(state: _State, block: Block, kind: Kind, number: str | None, address: str, text: str) -> None:
    state.out.append(Paragraph(kind, number, address, text, block.marks, block.lines))


def _other(state: _State, block: Block, number: str | None = None, text: str | None = None) -> None:
    state.other += 1
    _add(state, block, _OTHER, number, f"X{state.other}", block.text if text is None else text)


def _sub(state: _State, block: Block, token: str, label: str, rest: str, level: str) -> None:
    if state.top is None or state.listing:
        _other(state, block, label, rest)
        return
    if level == "letter":
        parent = state.top
        state.letter, state.roman_addr = token, None
        state.letter_addr = f"{parent}({token})"
        address = state.letter_addr
    elif level == "roman":
        parent = state.letter_addr or state.top
        state.roman_addr = f"{parent}({token})"
        address = state.roman_addr
    else:
        parent = state.roman_addr or state.letter_addr or state.top
        address = f"{parent}({token})"
    _add(state, block, _SUBPARAGRAPH, label, address, rest)


def _numbered(state: _State, block: Block, m: re.Match[str]) -> None:
    n = int(m.group(1))
    suffix = m.group(2)
    label = f"{n} {suffix}" if suffix else str(n)
    rest = m.group(3).strip()
    fits = state.mode is None or (
        state.mode == "numbered" and (n > state.last_op or (n == state.last_op and suffix))
    )
    if state.listing and state.mode == "numbered" and n == state.last_op + 1 and _ACTION.match(rest):
        state.listing = False  # the list an operative paragraph introduced has ended
        fits = True
    if state.listing or not fits or not rest:
        state.listing = state.listing or state.mode is not None
        _other(state, block, label, rest)
        state.top = None
        return
    state.mode = "numbered"
    state.last_op = n
    state.ops += 1
    address = f"OP{n}{suffix or ''}"
    _add(state, block, _OPERATIVE, label, address, rest)
    state.top, state.top_text, state.letter, state.letter_addr, state.roman_addr = (
        address,
        rest,
        None,
        None,
        None,
    )


def _lettered(state: _State, block: Block, token: str, rest: str, chapeau: bool) -> bool:
    """Open or continue a decision's top-level lettered operative paragraphs."""
    acting = _ACTION.match(rest) is not None
    starting = state.mode is None and token == "a" and (chapeau or acting)
    continuing = (
        state.mode == "lettered" and (state.top or "").startswith("OP(") and not _is_deeper(state, token)
    )
    if not (starting or continuing):
        return False
    state.mode = "lettered"
    state.ops += 1
    address = f"OP({token})"
    _add(state, block, _OPERATIVE, f"({token})", address, rest)
    state.top, state.top_text, state.letter, state.letter_addr, state.roman_addr = (
        address,
        rest,
        token,
        None,
        None,
    )
    return True


def _is_deeper(state: _State, token: str) -> bool:
    return token in _ROMAN and not (state.letter and len(token) == 1 and ord(token) == ord(state.letter) + 1)


_LOOSE = re.compile(r"^(\d{1,3})()\s+([A-Z].*)$", re.S)


def _loose_number(state: _State, text: str) -> re.Match[str] | None:
    """Match "26 Condemns ..." (a number whose full stop the extraction lost), in sequence only."""
    m = _LOOSE.match(text)
    if m and state.mode == "numbered" and int(m.group(1)) == state.last_op + 1 and _ACTION.match(m.group(3)):
        return m
    return None


def classify(blocks: Sequence[Block], *, chapeau: bool = False) -> list[Paragraph]:
    """Return ``blocks`` as addressed paragraphs (see the module docstring).

    ``chapeau`` says the organ line ended in a colon, so lettered items that follow are
    the decision's operative paragraphs.
    """
    state = _State()
    for block in blocks:
        text = block.text
        # Each pattern is tried only where its first character is ("\\d" is str.isdecimal).
        first = text[:1]
        m = (OP_NUMBER.match(text) or _loose_number(state, text)) if first.isdecimal() else None
        if m:
            _numbered(state, block, m)
            continue
        m = PAREN.match(text) if first == "(" else None
        if m:
            token, rest = m.group(1), m.group(2).strip()
            if (
                state.mode != "numbered"
                and not _is_roman(token, state)
                and _lettered(state, block, token, rest, chapeau)
            ):
                continue
            level = "roman" if _is_roman(token, state) else "letter"
            if state.mode == "lettered" and level == "letter" and state.top and state.top.startswith("OP("):
                level = "roman" if token in _ROMAN else "letter"
            _sub(state, block, token, f"({token})", rest, level)
            continue
        m = DOT_LETTER.match(text) if "a" <= first <= "z" and state.top is not None else None
        if m:
            _sub(state, block, m.group(1), f"{m.group(1)}.", m.group(2).strip(), "dot")
            continue
        _unnumbered(state, block)
    return _single_operative(state.out)


def _unnumbered(state: _State, block: Block) -> None:
    text = block.text
    closing = text[:1].isdecimal() and CLOSING.match(text) is not None
    if closing or not ends_a_clause(text) or (text.startswith("The ") and _ORGAN_LINE.match(text)):
        _other(state, block)
        if not closing and state.mode is not None:
            state.top = None
        return
    if state.mode is None and not state.listing:
        state.pp += 1
        address = f"PP{state.pp}"
        _add(state, block, _PREAMBULAR, None, address, text)
        state.top, state.top_text, state.letter, state.letter_addr, state.roman_addr = (
            address,
            text,
            None,
            None,
            None,
        )
        return
    _other(state, block)


def _single_operative(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Turn trailing unnumbered paragraphs that read as operative into OP1.. (number None).

    A text with no numbered operative paragraph may still have one: "Approves the
    report of the Credentials Committee." ends with a full stop and opens with a verb.
    """
    if any(p.kind is _OPERATIVE for p in paragraphs):
        return paragraphs
    pps = [i for i, p in enumerate(paragraphs) if p.kind is _PREAMBULAR]
    if not pps:
        return paragraphs
    first = None
    for i in pps:
        text = paragraphs[i].text
        if _VERB.match(text) and not text.rstrip('”’")').endswith(","):
            first = i
            break
    if first is None:
        last = pps[-1]
        if paragraphs[last].text.rstrip('”’")').endswith("."):
            first = last
        else:
            return paragraphs
    out = list(paragraphs)
    count = 0
    renumber: dict[str, str] = {}
    for i in range(first, len(out)):
        p = out[i]
        if p.kind is _PREAMBULAR:
            count += 1
            renumber[p.address] = f"OP{count}"
            out[i] = Paragraph(_OPERATIVE, None, f"OP{count}", p.text, p.footnotes, p.lines)
        elif p.kind is _SUBPARAGRAPH:
            head = p.address.split("(", 1)[0]
            if head in renumber:
                out[i] = Paragraph(
                    p.kind, p.number, renumber[head] + p.address[len(head) :], p.text, p.footnotes, p.lines
                )
    return out
