"""What pairing knows about one resolution: normalised title, words, cited symbols, shape.

Computed once per resolution, so the cost of pairing grows with the number of candidate
pairs, not with the product of the texts' sizes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redline.model import DocKind, Kind, Resolution

# Members read once: Python 3.11 looks an enum member up through its metaclass's attribute
# hook, about ten times the cost of a global, and these are read for every paragraph.
_PREAMBULAR = Kind.PREAMBULAR


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
_TITLE_WORD = re.compile(r"<ord>|#|[^\W_]+")
_ASCII_BYTES = bytes(range(128))
_WORD_BYTES = bytes(b if b >= 0x80 or _WORD.match(chr(b)) else ord(" ") for b in range(256))
"""ASCII bytes of letters and digits stay, the other ASCII bytes become spaces; UTF-8 bytes stay."""
_LOWER_WORD_BYTES = bytes(b + 32 if 65 <= b <= 90 else b for b in _WORD_BYTES)
"""`_WORD_BYTES` with the ASCII capitals lower-cased."""
_LOWER_ASCII_WORD_BYTES = _LOWER_WORD_BYTES[:128] + b" " * 128
"""`_LOWER_WORD_BYTES` blanking the UTF-8 bytes too, for texts where no character beyond ASCII is a word's."""
_SPACE_BYTES = bytes(ord(" ") if b < 0x80 and chr(b).isspace() else ord("w") for b in range(256))
"""White space bytes (as ``str.split`` counts them) become spaces, every other byte a "w"."""
_SHORT_REF = re.compile(r"\b(\d{1,3}/\d{1,4})\b(?!/)")
"""A resolution cited by its short number, as in "its resolution 79/42 of 2 December 2024"."""
_SHORT_REF_SCAN = re.compile(r"(\d(?<!\w\d)\d{0,2}/\d{1,4})\b(?!/)")
"""`_SHORT_REF` opening with a digit, so the engine skips to digits: before a digit, ``\\b``
is "no word character just before it", which the two-character look-behind says."""
_SHORT_LABEL = re.compile(r"\d{1,3}/\d{1,4}")
_RES_SYMBOL = re.compile(r"(?:^|/)RES/(\d{1,3}/\d{1,4})$")
_REVISION = re.compile(r"(?:/(?:Rev|Add|Corr|Amend)\.\d+)+$", re.I)

STOP_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "its", "of", "on", "the", "to", "with"]
)
"""Title words too common to tell texts apart."""

SKETCH_WORDS = 50
"""How many opening words the cheap prefilter compares."""


@dataclass(frozen=True, slots=True)
class Features:
    """The signals pairing reads from one resolution."""

    title: str
    """Lower-cased title with ordinals as "<ord>" and numbers as "#"; "" when untitled."""
    title_words: frozenset[str]
    """The distinct words of ``title`` but `STOP_WORDS`, which title overlap weighs."""
    words: bytes = field(repr=False)
    """``word_bytes`` of every paragraph's text joined by spaces: the words compared in full,
    split and coded only then."""
    length: int
    """Number of white-space separated words in the paragraphs' texts."""
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
    return " ".join(_TITLE_WORD.findall(text))


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
        for char in _odd_chars(text):
            if not _WORD.match(char):
                text = text.replace(char, " ")
    return text.encode().translate(_WORD_BYTES).decode().split()


def word_bytes(body: str) -> bytes:
    """Return the words of `body_words` as UTF-8, between runs of spaces, in fewer passes.

    ``word_bytes(body).split()`` holds the UTF-8 of each of ``body_words(body)``. A text whose
    characters beyond ASCII are all punctuation, quotes, dashes or spaces (the usual case)
    is not lower-cased as a whole: one bytes translation of its UTF-8 lowers the ASCII
    letters while it blanks every other byte, those characters' included. That is the same,
    as no such character lower-cases to a letter or digit (a test checks every code point).
    """
    if body.isascii():
        return body.encode().translate(_LOWER_WORD_BYTES)
    raw = body.encode("utf-8", "surrogatepass")
    return _word_bytes_beyond(body, raw, _beyond_ascii(raw))


def _word_bytes_beyond(body: str, raw: bytes, odd: list[str]) -> bytes:
    """Return `word_bytes` of a text with characters beyond ASCII, given its UTF-8 and those characters."""
    if not any(_WORD.match(char) for char in odd):
        return raw.translate(_LOWER_ASCII_WORD_BYTES)
    text = body.lower()
    for char in _odd_chars(text):
        if not _WORD.match(char):
            text = text.replace(char, " ")
    return text.encode().translate(_WORD_BYTES)


def _odd_chars(text: str) -> list[str]:
    """Return the distinct characters of ``text`` beyond ASCII, sorted (lone surrogates too)."""
    return _beyond_ascii(text.encode("utf-8", "surrogatepass"))


def _beyond_ascii(raw: bytes) -> list[str]:
    """Return the distinct characters beyond ASCII of a UTF-8 text (surrogates passed), sorted."""
    return sorted(set(raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")))


class BodyCodec:
    """Code texts as one character per distinct word of `body_words` (a word holding a digit: U+0000).

    Comparing two coded texts gives the Indel similarity of their word sequences at string
    speed; only equality of codes matters. Words are taken as bytes from `word_bytes` (one
    translation and split per text) and looked up in one C-level pass; a word seen for the
    first time gets the next code. Use one codec for all texts of a comparison.
    """

    __slots__ = ("_codes", "_texts")

    def __init__(self) -> None:
        self._codes = _Codes()
        self._texts: dict[bytes, str] = {}

    def encode(self, body: str) -> str:
        """Return ``body`` as one character per word."""
        return self.encode_words(word_bytes(body))

    def encode_words(self, words: bytes) -> str:
        """Return a text given as ``word_bytes(body)`` (`Features.words`) as one character per word."""
        done = self._texts.get(words)
        if done is None:
            done = self._texts[words] = "".join(map(self._codes.__getitem__, words.split()))
        return done


class _Codes(dict[bytes, str]):
    """One character per word (UTF-8), given on first sight from U+0001; words with a digit share U+0000."""

    __slots__ = ()

    def __missing__(self, word: bytes) -> str:
        # The usual new word is ASCII letters (bytes.isalpha): nothing to decode or look for.
        if not word.isalpha() and _has_digit(word.decode("utf-8", "surrogatepass")):
            code = "\0"
        else:
            n = len(self) + 1
            # Skip the surrogate block: those code points cannot stand alone in a str.
            code = chr(n if n < 0xD800 else n + 0x800)
        self[word] = code
        return code


def _has_digit(word: str) -> bool:
    """Return True when ``word`` holds a digit and is not all letters (the words coded U+0000)."""
    return not word.isalpha() and any(c.isdigit() for c in word)


def words_and_count(body: str) -> tuple[bytes, int]:
    """Return ``(word_bytes(body), count_words(body))``, encoding the text and reading its
    characters beyond ASCII once for both."""
    if body.isascii():
        raw = body.encode()
        return raw.translate(_LOWER_WORD_BYTES), _runs(raw.translate(_SPACE_BYTES))
    raw = body.encode("utf-8", "surrogatepass")
    odd = _beyond_ascii(raw)
    words = _word_bytes_beyond(body, raw, odd)
    if any(char.isspace() for char in odd):
        return words, count_words(body)
    return words, _runs(raw.translate(_SPACE_BYTES))


def _runs(marks: bytes) -> int:
    """Return how many runs of "w" ``marks`` holds (`_SPACE_BYTES` marks: words)."""
    return marks.count(b" w") + marks.startswith(b"w")


def count_words(text: str) -> int:
    """Return ``len(text.split())`` without making the words: count where a run of non-space begins.

    >>> count_words(" Decides\\tto remain  seized\\u00a0of the matter. ")
    7
    """
    if not text.isascii():
        for char in _odd_chars(text):
            if char.isspace():
                text = text.replace(char, " ")
    return _runs(text.encode("utf-8", "surrogatepass").translate(_SPACE_BYTES))


def _short_refs(text: str) -> list[str]:
    """Return ``_SHORT_REF.findall(text)``, trying only the one to three starts before each slash.

    Every match is one to three digits, a slash and digits, so it begins at a digit in the
    three characters before its slash; slashes are few in a text, and the look-behind still
    sees the characters before each start. Matches cannot overlap, so a start before the
    end of the last match is not tried.
    """
    found: list[str] = []
    end = 0
    at = text.find("/")
    while at >= 0:
        for start in range(max(end, at - 3), at):
            m = _SHORT_REF_SCAN.match(text, start) if text[start].isdecimal() else None
            if m is not None:
                found.append(m.group(1))
                end = m.end()
                break
        at = text.find("/", max(at, end) + 1)
    return found


def features(res: Resolution, *, titles: dict[str, str] | None = None) -> Features:
    """Return the pairing features of ``res`` (cheap: the full text is normalised only on demand).

    ``titles`` remembers normalised titles across the calls of one comparison, where most
    titles come twice (once per side).
    """
    paras = res.all_paragraphs()
    body = " ".join([p.text for p in paras])
    kinds = [p.kind for p in res.paragraphs]
    preamble = [p.text for p in paras if p.kind is _PREAMBULAR]
    own: list[str] = [base_symbol(res.symbol)] if res.symbol else []
    short = [m.group(1) for m in [_RES_SYMBOL.search(own[0])] if m] if own else []
    if res.label and _SHORT_LABEL.fullmatch(res.label.strip()):
        short.append(res.label.strip())
    cites = tuple(base_symbol(s) for s in (res.provenance.symbols if res.provenance else ()))
    title = _title(res.title, titles)
    opening = word_bytes(body[: SKETCH_WORDS * 12]).split()[:SKETCH_WORDS]
    words, length = words_and_count(body)
    return Features(
        title=title,
        title_words=frozenset(title.split()) - STOP_WORDS,
        words=words,
        length=length,
        sketch=_NUMBER.sub("#", b" ".join(opening).decode()),
        symbols=tuple(own),
        short=tuple(dict.fromkeys(short)),
        cites=cites,
        recalls=frozenset(ref for text in preamble or [body] for ref in _short_refs(text)),
        preambular=kinds.count(Kind.PREAMBULAR),
        operative=kinds.count(Kind.OPERATIVE),
        kind=res.kind,
    )


def _title(title: str | None, seen: dict[str, str] | None) -> str:
    if seen is None or not title:
        return normalise_title(title)
    done = seen.get(title)
    if done is None:
        done = seen[title] = normalise_title(title)
    return done
