"""The frozen data that flows between redline's stages.

Every stage (load, clean, parse, pair, align, diff, render) takes these objects and
returns new ones; nothing here is mutated after construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a paragraph is within a resolution."""

    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    OTHER = "other"


class DocKind(StrEnum):
    """What a text is: a resolution, or something that only looks like one."""

    RESOLUTION = "resolution"
    DECISION = "decision"
    AMENDMENT = "amendment"
    NOTE = "note"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Footnote:
    """A numbered note printed at the foot of a page."""

    mark: str
    """The reference mark as printed: "2", "*"."""
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One addressed paragraph of a resolution, its number removed from its text."""

    kind: Kind
    number: str | None
    """The printed number or letter: "5", "5 bis", "(a)", "(ii)", "a."; None when unnumbered."""
    address: str
    """Unique within its resolution: "PP3", "OP5", "OP5(a)(ii)", "OP(a)", "Annex I/3"."""
    text: str
    """Clean text: furniture, glued footnote digits and the number removed; wording untouched."""
    footnotes: tuple[str, ...] = ()
    """Marks of the footnotes this paragraph cites, in order of first citation."""
    lines: tuple[int, ...] = ()
    """1-based numbers of the source lines the paragraph came from."""


@dataclass(frozen=True, slots=True)
class Annex:
    """An annex, kept apart from the body; its numbering restarts."""

    label: str
    """As printed: "Annex", "Annex II"."""
    title: str | None
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a text came from, as its document or its report's narrative says."""

    symbols: tuple[str, ...] = ()
    """Source document symbols, e.g. ("E/CN.15/2011/L.8/Rev.1",)."""
    changes: tuple[str, ...] = ()
    """How it reached adoption: "as revised", "as orally amended", "introduced orally"."""
    sponsors: tuple[str, ...] = ()
    meeting: str | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """One resolution or decision (or a text that merely stands in its place)."""

    label: str | None
    """The document's own heading: "Draft resolution III", "Resolution 20/1", "80/6"."""
    title: str | None
    organ: str | None
    """The adopting organ without its comma: "The General Assembly"."""
    symbol: str | None
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    annexes: tuple[Annex, ...] = ()
    kind: DocKind = DocKind.RESOLUTION
    provenance: Provenance | None = None

    def all_paragraphs(self) -> tuple[Paragraph, ...]:
        """Return the body paragraphs followed by every annex's, in reading order."""
        out = list(self.paragraphs)
        for annex in self.annexes:
            out.extend(annex.paragraphs)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of source text that cleaning took out, and why: nothing is silently lost."""

    line: int
    text: str
    reason: str
    """E.g. "symbol header", "job number", "barcode", "page counter", "distribution"."""


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed file: one or more resolutions plus everything around them."""

    resolutions: tuple[Resolution, ...]
    footnotes: tuple[Footnote, ...] = ()
    kind: DocKind = DocKind.RESOLUTION
    symbol: str | None = None
    path: str | None = None
    outside: tuple[Paragraph, ...] = ()
    """Text that belongs to no resolution (a report's narrative, a header block), kind other."""
    removed: tuple[Removed, ...] = field(default=(), repr=False)


class RowKind(StrEnum):
    """How one row of an alignment relates its old and new paragraphs."""

    EQUAL = "equal"
    CHANGED = "changed"
    INSERTED = "inserted"
    DELETED = "deleted"


class Op(StrEnum):
    """A word-diff operation, spelled as in the JSON contract."""

    EQUAL = "="
    DELETE = "-"
    INSERT = "+"


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of text with one operation. Adjacent chunks never share an op."""

    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class Link:
    """One row of an alignment, by paragraph index (what `align` returns)."""

    kind: RowKind
    old: tuple[int, ...]
    new: tuple[int, ...]
    moved: bool = False
    renumbered: bool = False
    similarity: float = 0.0


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a redline: old paragraphs set against new ones, with the word diff."""

    kind: RowKind
    old: tuple[Paragraph, ...]
    new: tuple[Paragraph, ...]
    moved: bool
    renumbered: bool
    similarity: float
    chunks: tuple[Chunk, ...]

    @property
    def old_text(self) -> str:
        """The old paragraphs' texts joined by one newline (the chunks' contract)."""
        return "\n".join(p.text for p in self.old)

    @property
    def new_text(self) -> str:
        """The new paragraphs' texts joined by one newline (the chunks' contract)."""
        return "\n".join(p.text for p in self.new)


@dataclass(frozen=True, slots=True)
class Summary:
    """What changed in one resolution, counted in PP/OP terms."""

    counts: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    """(("PP", (("added", 1), ("deleted", 0), ...)), ("OP", (...)))."""
    verb_changes: tuple[tuple[str, str, str], ...] = ()
    """(new address, old verb, new verb) for operative paragraphs whose leading verb changed."""
    unchanged_share: float = 1.0
    """Share of the old text's characters kept unchanged."""


@dataclass(frozen=True, slots=True)
class ResolutionDiff:
    """The redline of one pair of resolutions; one side is None when unpaired."""

    old: Resolution | None
    new: Resolution | None
    rows: tuple[Row, ...]
    summary: Summary
    similarity: float = 1.0
    """How sure the pairing was."""


@dataclass(frozen=True, slots=True)
class Redline:
    """The comparison of two documents."""

    old: Document
    new: Document
    resolutions: tuple[ResolutionDiff, ...]

    @property
    def changed(self) -> bool:
        """Return True when anything differs (what diff(1)'s exit status reports)."""
        return any(
            r.old is None or r.new is None or any(row.kind != RowKind.EQUAL or row.moved for row in r.rows)
            for r in self.resolutions
        )
