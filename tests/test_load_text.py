"""Decoding of plain-text inputs."""

from __future__ import annotations

import codecs

import pytest

from redline.errors import InputError
from redline.load import read_bytes

TEXT = "The General Assembly,\r\n\r\n1. Decides to remain seized of the matter \u201cpromptly\u201d.\r\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    """UTF-8 with or without BOM, UTF-16 with BOM and cp1252 all give the same text, LF-ended."""
    assert read_bytes(data, "x.txt").text == TEXT.replace("\r\n", "\n")


def test_binary_is_refused_with_the_file_name() -> None:
    with pytest.raises(InputError, match=r"^blob\.bin: binary data"):
        read_bytes(b"\x00\x01\x02garbage\x00", "blob.bin")


def test_old_word_doc_is_refused_with_advice() -> None:
    with pytest.raises(InputError, match=r"save it as \.docx"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "draft.doc")
