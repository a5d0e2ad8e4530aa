"""Read Markdown from drafting repositories into the canonical plain-text shape.

markdown-it-py lives here and only here. The output is what the parser reads from every
format: paragraphs separated by blank lines, printed numbers typed at their start, and
footnotes as a block after a line of underscores. Markdown markup is gone; its words stay.

- A numbered list item becomes an operative paragraph carrying its computed number
  (``5. Decides ...``), honouring the list's start number as a Markdown viewer does.
- A list nested inside an item becomes sub-paragraphs: ``(a)``, then ``(i)``, then ``a.``.
- Headings, block quotes, code and table rows keep their text as paragraphs of their own.
- Footnotes written ``[^1]`` / ``[^1]: text`` become a mark glued to the word before it
  and a note in the footnote block, as in the UN's printed texts.
- A link keeps its text and drops its address, an image keeps its alt text: what a reader sees.
- HTML comments are dropped (a viewer hides them); the text inside other HTML is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

__all__ = ["markdown_to_text"]

FOOTNOTE_RULE = "_" * 18
"""The line that opens a footnote block in the canonical text (as in the UN's PDFs)."""

_FOOTNOTE_DEF = re.compile(r"\[\^([^\]\s]+)\]:[ \t]*(.*)")
_FOOTNOTE_REF = re.compile(r"[ \t]*\[\^([^\]\s]+)\]")
_HTML_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def markdown_to_text(text: str) -> str:
    """Return the canonical plain text of the Markdown document ``text``.

    Every word of the input's prose is kept, in order; only markup goes. The result ends
    with one newline, or is empty when the input holds no text.

    >>> print(markdown_to_text("*Recalling* its resolution,\\n\\n3. Decides:\\n   1. to act;"), end="")
    Recalling its resolution,
    <BLANKLINE>
    3. Decides:
    <BLANKLINE>
    (a) to act;
    """
    md = _parser()
    walker = _Walker(md)
    walker.walk(md.parse(text))
    blocks = walker.blocks
    if walker.notes:
        marks = _note_marks([label for label, _ in walker.notes])
        blocks = [_replace_refs(b, marks) for b in blocks]
        blocks.append(FOOTNOTE_RULE)
        for label, note in walker.notes:
            blocks.append(f"{marks[label]} {_replace_refs(note, marks)}".rstrip())
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.block.ruler.before("reference", "footnote_def", _footnote_def, {"alt": ["paragraph", "reference"]})
    return md


def _footnote_def(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Block rule: ``[^label]: text`` and the non-blank lines that follow it."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    match = _FOOTNOTE_DEF.fullmatch(_line(state, start))
    if match is None:
        return False
    if silent:
        return True
    parts = [match.group(2).strip()]
    line = start + 1
    while line < end and not state.isEmpty(line):
        following = _line(state, line)
        if _FOOTNOTE_DEF.fullmatch(following):
            break
        parts.append(following.strip())
        line += 1
    token = state.push("footnote_def", "", 0)
    token.meta = {"label": match.group(1)}
    token.content = " ".join(p for p in parts if p)
    token.map = [start, line]
    state.line = line
    return True


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


@dataclass(slots=True)
class _List:
    ordered: bool
    depth: int
    """0 for a top-level list, 1 for a list inside one of its items, and so on."""
    next: int


@dataclass(slots=True)
class _Walker:
    """Turn markdown-it's flat token stream into canonical paragraphs."""

    md: MarkdownIt
    blocks: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    """Numbers of list items opened whose first paragraph has not been written yet."""
    row: list[str] | None = None

    def walk(self, tokens: list[Token]) -> None:
        """Visit ``tokens`` in order, collecting blocks and footnotes."""
        for token in tokens:
            handler = _HANDLERS.get(token.type)
            if handler is not None:
                handler(self, token)

    def emit(self, text: str) -> None:
        """Add a paragraph, prefixed by the numbers of the items it opens."""
        text = _BLANK_LINES.sub("\n\n", text.strip())
        if not text:
            return
        if self.pending:
            text = " ".join([*self.pending, text])
            self.pending.clear()
        self.blocks.append(text)

    def list_open(self, token: Token) -> None:
        start = int(token.attrs.get("start", 1)) if token.type == "ordered_list_open" else 1
        self.lists.append(_List(token.type == "ordered_list_open", len(self.lists), start))

    def list_close(self, token: Token) -> None:
        self.lists.pop()

    def item_open(self, token: Token) -> None:
        current = self.lists[-1]
        number = current.next
        current.next += 1
        if current.depth > 0:
            self.pending.append(_sub_number(current.depth, number))
        elif current.ordered:
            self.pending.append(f"{number}.")

    def item_close(self, token: Token) -> None:
        # An item with no text of its own prints no number (and loses no words).
        self.pending.clear()

    def inline(self, token: Token) -> None:
        text = _inline_text(token.children or [])
        if self.row is not None:
            self.row.append(text)
        else:
            self.emit(text)

    def literal(self, token: Token) -> None:
        self.emit(token.content.rstrip("\n"))

    def html(self, token: Token) -> None:
        self.emit(_HTML_TAG.sub("", _HTML_COMMENT.sub("", token.content)))

    def row_open(self, token: Token) -> None:
        self.row = []

    def row_close(self, token: Token) -> None:
        cells, self.row = self.row or [], None
        self.emit("  ".join(c for c in cells if c))

    def footnote(self, token: Token) -> None:
        tokens = self.md.parseInline(token.content)
        children = tokens[0].children if tokens else None
        self.notes.append((str(token.meta["label"]), _inline_text(children or []).strip()))


_HANDLERS = {
    "ordered_list_open": _Walker.list_open,
    "bullet_list_open": _Walker.list_open,
    "ordered_list_close": _Walker.list_close,
    "bullet_list_close": _Walker.list_close,
    "list_item_open": _Walker.item_open,
    "list_item_close": _Walker.item_close,
    "inline": _Walker.inline,
    "fence": _Walker.literal,
    "code_block": _Walker.literal,
    "html_block": _Walker.html,
    "tr_open": _Walker.row_open,
    "tr_close": _Walker.row_close,
    "footnote_def": _Walker.footnote,
}


def _inline_text(children: list[Token]) -> str:
    """Return the words of an inline run without its markup (emphasis, links, code)."""
    out: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(_inline_text(child.children or []))
        elif child.type == "html_inline":
            out.append(_HTML_TAG.sub("", _HTML_COMMENT.sub("", child.content)))
    return "".join(out).replace("\n", " ")


def _sub_number(depth: int, n: int) -> str:
    """Return the UN's sub-paragraph number: (a) at depth 1, (i) at 2, a. below."""
    if depth == 1:
        return f"({_letters(n)})"
    if depth == 2:
        return f"({_roman(n)})"
    return f"{_letters(n)}."


def _letters(n: int) -> str:
    """Return a, b, ..., z, aa, ab, ... for 1, 2, ... (bijective base 26)."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("a") + rem) + out
    return out or "a"


_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(n: int) -> str:
    """Return ``n`` in lower-case Roman numerals (i, ii, iii, iv, ...)."""
    out = ""
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out or "i"


def _note_marks(labels: list[str]) -> dict[str, str]:
    """Keep numeric and ``*`` labels; number the others after the highest numeric one."""
    numeric = [int(label) for label in labels if label.isdigit()]
    following = max(numeric, default=0) + 1
    marks: dict[str, str] = {}
    for label in labels:
        if label in marks:
            continue
        if label.isdigit() or label == "*":
            marks[label] = label
        else:
            marks[label] = str(following)
            following += 1
    return marks


def _replace_refs(text: str, marks: dict[str, str]) -> str:
    """Glue each defined footnote reference's mark to the word before it."""

    def sub(match: re.Match[str]) -> str:
        mark = marks.get(match.group(1))
        return match.group(0) if mark is None else mark

    return _FOOTNOTE_REF.sub(sub, text)
