"""What pairing knows about one resolution: normalised title, words, cited symbols, shape.

Computed once per resolution, so the cost of pairing grows with the number of candidate
pairs, not with the product of the texts' sizes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redline.model import DocKind, Kind, Resolution

_ORDINAL = re.compile(
    r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-‑ ])?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)\b"
    r"|\b\d+(?:st|nd|rd|th)\b"
)
"""Session and conference ordinals ("Twelfth Congress", "eighty-first session", "80th")."""
_NUMBER = re.compile(r"\d+(?:[-–‑/.]\d+)*")
_WORD = re.compile(r"[^\W_]+")
_ASCII_BYTES = bytes(range(128))
_WORD_BYTES = bytes(b if b >= 0x80 or _WORD.match(chr(b)) else ord(" ") for b in range(256))
"""ASCII bytes of letters and digits stay, the other ASCII bytes become spaces; UTF-8 bytes stay."""
_SPACE_BYTES = bytes(ord(" ") if b < 0x80 and chr(b).isspace() else ord("w") for b in range(256))
"""White space bytes (as ``str.split`` counts them) become spaces, every other byte a "w"."""
_SHORT_REF = re.compile(r"\b(\d{1,3}/\d{1,4})\b(?!/)")
"""A resolution cited by its short number, as in "its resolution 79/42 of 2 December 2024"."""
_SHORT_LABEL = re.compile(r"\d{1,3}/\d{1,4}")
_RES_SYMBOL = re.compile(r"(?:^|/)RES/(\d{1,3}/\d{1,4})$")
_REVISION = re.compile(r"(?:/(?:Rev|Add|Corr|Amend)\.\d+)+$", re.I)

SKETCH_WORDS = 50
"""How many opening words the cheap prefilter compares."""


@dataclass(frozen=True, slots=True)
class Features:
    """The signals pairing reads from one resolution."""

    title: str
    """Lower-cased title with ordinals as "<ord>" and numbers as "#"; "" when untitled."""
    body: str = field(repr=False)
    """Every paragraph's text, joined by spaces (normalised only when compared in full)."""
    length: int
    """Number of white-space separated words in ``body``."""
    sketch: str
    """The opening SKETCH_WORDS words of the normalised body, for the cheap prefilter."""
    symbols: tuple[str, ...]
    """This text's own symbol without revision suffixes (empty when it has none)."""
    short: tuple[str, ...]
    """Its short resolution number ("79/42"), from the symbol or the label."""
    cites: tuple[str, ...]
    """Symbols this text cites in its header or provenance, without revision suffixes."""
    recalls: frozenset[str]
    """Short resolution numbers ("79/42") its preambular paragraphs mention (all text if none)."""
    preambular: int
    operative: int
    kind: DocKind


def base_symbol(symbol: str) -> str:
    """Return ``symbol`` without /Rev.n, /Add.n or /Corr.n suffixes.

    >>> base_symbol("E/CN.15/2011/L.8/Rev.1")
    'E/CN.15/2011/L.8'
    """
    return _REVISION.sub("", symbol.strip())


def normalise_title(title: str | None) -> str:
    """Return ``title`` lower-cased, ordinals as "<ord>", numbers as "#", punctuation dropped.

    >>> normalise_title("Twelfth United Nations Congress, 2010")
    '<ord> united nations congress #'
    """
    if not title:
        return ""
    text = _ORDINAL.sub(" <ord> ", title.lower())
    text = _NUMBER.sub(" # ", text)
    return " ".join(re.findall(r"<ord>|#|[^\W_]+", text))


def body_words(body: str) -> list[str]:
    """Return the lower-cased words of ``body``, punctuation dropped (numbers split at "/").

    The runs of ``[^\\W_]`` (letters and digits), found without a regular expression: every
    other character becomes a space, the ASCII ones in one bytes translation, and the text
    is split.

    >>> body_words("Recalling its resolution 79/42 of 2 December 2024,")
    ['recalling', 'its', 'resolution', '79', '42', 'of', '2', 'december', '2024']
    """
    text = body.lower()
    if not text.isascii():
        odd = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
        for char in sorted(set(odd.decode("utf-8", "surrogatepass"))):
            if not _WORD.match(char):
                text = text.replace(char, " ")
    return text.encode().translate(_WORD_BYTES).decode().split()


def count_words(text: str) -> int:
    """Return ``len(text.split())`` without making the words: count where a run of non-space begins.

    >>> count_words(" Decides\\tto remain  seized\\u00a0of the matter. ")
    7
    """
    if not text.isascii():
        odd = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
        for char in sorted(set(odd.decode("utf-8", "surrogatepass"))):
            if char.isspace():
                text = text.replace(char, " ")
    marks = b" " + text.encode("utf-8", "surrogatepass").translate(_SPACE_BYTES)
    return marks.count(b" w")


def _short_refs(text: str) -> list[str]:
    """Return ``_SHORT_REF.findall(text)``, scanning from where the first match could begin.

    Each match holds a slash after at most three digits, and ``\\b`` still sees the
    character before the start position.
    """
    at = text.find("/")
    return _SHORT_REF.findall(text, max(0, at - 3)) if at >= 0 else []


def features(res: Resolution) -> Features:
    """Return the pairing features of ``res`` (cheap: the full text is normalised only on demand)."""
    paras = res.all_paragraphs()
    body = " ".join(p.text for p in paras)
    preamble = [p.text for p in paras if p.kind is Kind.PREAMBULAR] or [body]
    own: list[str] = [base_symbol(res.symbol)] if res.symbol else []
    short = [m.group(1) for m in [_RES_SYMBOL.search(own[0])] if m] if own else []
    if res.label and _SHORT_LABEL.fullmatch(res.label.strip()):
        short.append(res.label.strip())
    cites = tuple(base_symbol(s) for s in (res.provenance.symbols if res.provenance else ()))
    return Features(
        title=normalise_title(res.title),
        body=body,
        length=count_words(body),
        sketch=_NUMBER.sub("#", " ".join(body_words(body[: SKETCH_WORDS * 12])[:SKETCH_WORDS])),
        symbols=tuple(own),
        short=tuple(dict.fromkeys(short)),
        cites=cites,
        recalls=frozenset(ref for text in preamble for ref in _short_refs(text)),
        preambular=sum(1 for p in res.paragraphs if p.kind is Kind.PREAMBULAR),
        operative=sum(1 for p in res.paragraphs if p.kind is Kind.OPERATIVE),
        kind=res.kind,
    )
