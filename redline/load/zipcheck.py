"""Inspect a zip container before anything unpacks it: is it a .docx, and is it safe to read?

Python's zipfile never inflates a member past the size its directory declares (it stops
and reports a CRC error), so checking the declared sizes here bounds the memory any later
reader (python-docx) can use, whatever the archive claims.
"""

from __future__ import annotations

import io
import zipfile

from redline.errors import InputError

__all__ = ["MAX_MEMBERS", "MAX_RATIO", "MAX_UNPACKED", "is_docx", "open_zip"]

MAX_UNPACKED = 256 * 1024 * 1024
"""Refuse archives that would unpack to more than this: a long report's .docx is a few MiB."""
MAX_RATIO = 200
"""Refuse a large member that claims to compress better than this (text XML reaches ~20)."""
MAX_MEMBERS = 10_000

_DAMAGED = "a damaged .docx (not a readable zip archive); re-save it from Word and try again"


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip archive after checking it is neither damaged nor a zip bomb.

    Raises InputError (one line) for a corrupt or encrypted archive, too many members, or
    declared sizes or compression ratios no real document has.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise InputError(_DAMAGED, path=name) from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"a zip archive with {len(infos)} members, too many for a document", path=name)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError("an encrypted zip archive; save an unprotected copy and try again", path=name)
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNPACKED or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise InputError(
                "a zip bomb: it would unpack to far more data than any document holds; refusing to open it",
                path=name,
            )
    return archive


def is_docx(data: bytes, name: str) -> bool:
    """Return True when the zip archive ``data`` is a Word document (has word/document.xml).

    Raises InputError when it is damaged, encrypted or a zip bomb, or when it is a Word
    package missing its main part.
    """
    names = set(open_zip(data, name).namelist())
    if "word/document.xml" in names:
        return True
    if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        raise InputError("a .docx with missing parts (no word/document.xml); re-save it from Word", path=name)
    return False
