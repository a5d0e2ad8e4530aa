"""Load: bytes on disk -> decoded text in one canonical shape, whatever the format.

Every format is turned into the same plain-text shape the PDF extractions have
(paragraphs separated by blank lines, printed numbers typed at the start, footnotes as
a block after a line of underscores), so that one cleaning stage and one parser serve
them all. The format is detected by content first and by file name second.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from redline.errors import InputError
from redline.load.text import decode

__all__ = ["Format", "Source", "Tracked", "detect", "read", "read_bytes"]

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Refuse larger inputs outright: no resolution or session report comes near this."""


class Format(StrEnum):
    """The input formats redline reads."""

    TEXT = "text"
    MARKDOWN = "markdown"
    DOCX = "docx"
    PDF = "pdf"


class Tracked(StrEnum):
    """Which side of a .docx file's own pending tracked changes to read."""

    ACCEPT = "accept"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input: canonical text plus where it came from."""

    text: str
    name: str
    """The path as the user gave it, or "-" for standard input."""
    format: Format


_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")


def detect(data: bytes, name: str) -> Format:
    """Return the format of ``data``, by content first and then by the name's suffix.

    Raises InputError for formats redline recognises but cannot read (old binary .doc,
    password-protected Word files, zip archives that are not Word documents, a file named
    .docx or .pdf whose bytes are neither).
    """
    # The PDF specification lets the header sit anywhere in the first 1024 bytes.
    if b"%PDF-" in data[:1024]:
        return Format.PDF
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        from redline.load.zipcheck import is_docx

        if is_docx(data, name):
            return Format.DOCX
        raise InputError("a zip archive that is not a Word .docx document", path=name)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # Word saves a password-protected .docx inside the same container as an old .doc.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(
                "a password-protected Word document; save a copy without the password and try again",
                path=name,
            )
        raise InputError(
            "an old binary Word .doc file; save it as .docx (File > Save As) and try again",
            path=name,
        )
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix in ("docx", "pdf") and data:
        kind = "a Word .docx (zip) file" if suffix == "docx" else "a PDF (no %PDF- header)"
        raise InputError(f"named .{suffix} but not {kind}; it may be damaged or renamed", path=name)
    if name.lower().endswith(_MARKDOWN_SUFFIXES):
        return Format.MARKDOWN
    return Format.TEXT


def read_bytes(data: bytes, name: str, *, tracked: Tracked = Tracked.ACCEPT) -> Source:
    """Decode ``data`` (named ``name`` in messages) into a Source.

    Raises InputError with a one-line message for anything that cannot be read.
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"larger than {MAX_INPUT_BYTES // 2**20} MiB", path=name)
    fmt = detect(data, name)
    if fmt is Format.PDF:
        from redline.load.pdf import pdf_to_text

        return Source(pdf_to_text(data, name), name, fmt)
    if fmt is Format.DOCX:
        from redline.load.docx import docx_to_text

        return Source(docx_to_text(data, name, tracked=tracked), name, fmt)
    text = decode(data, name)
    if fmt is Format.MARKDOWN:
        from redline.load.markdown import markdown_to_text

        return Source(markdown_to_text(text), name, fmt)
    return Source(text, name, fmt)


def read(path: str | os.PathLike[str], *, tracked: Tracked = Tracked.ACCEPT) -> Source:
    """Read and decode the file at ``path``; raise InputError naming it if that fails."""
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=name) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=name) from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot be read", path=name) from None
    return read_bytes(data, name, tracked=tracked)
