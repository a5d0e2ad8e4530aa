"""Decode plain-text bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, cp1252."""

from __future__ import annotations

import codecs
import re

from redline.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, line feed, form feed and carriage return never occur in
# text a person wrote; their presence means the bytes are binary.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode(data: bytes, name: str) -> str:
    """Return ``data`` decoded, with line endings normalised to "\\n" and no BOM.

    UTF-8 is tried first; bytes that are not UTF-8 are read as Windows-1252 (what Word's
    "plain text" export writes on Western systems) only when every byte is defined there.
    Raises InputError for binary data or bytes no supported encoding explains.
    """
    text = _decode(data, name)
    if _CONTROL.search(text, 0, 65536) or "\x00" in text:
        raise InputError("binary data, not text (use a .txt, .md, .docx or .pdf file)", path=name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {encoding.upper()} despite its byte-order mark (byte {exc.start})",
                    path=name,
                ) from None
    if b"\x00" in data[:4096]:
        raise InputError("binary data, not text (use a .txt, .md, .docx or .pdf file)", path=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"cannot be decoded as UTF-8 (byte {first_bad}) or Windows-1252; save it as UTF-8",
            path=name,
        ) from None
