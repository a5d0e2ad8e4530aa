"""Hostile and broken Word files: each gets one clear line (exit 2), never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.errors import InputError
from redline.load import read_bytes, zipcheck
from tests.fixtures.docx.build import typed_docx

GOOD = typed_docx(["The General Assembly,", "1. Decides to act."])


def rezip(data: bytes, *, drop: str | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """Return the zip ``data`` without member ``drop`` and with the members of ``add``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != drop:
                target.writestr(info, source.read(info))
        for name, blob in (add or {}).items():
            target.writestr(name, blob)
    return out.getvalue()


def one_line_error(data: bytes, name: str) -> str:
    with pytest.raises(InputError) as info:
        read_bytes(data, name)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{name}: ")
    return message


def test_zip_bomb_in_disguise_is_refused_before_unpacking() -> None:
    """A member claiming 64 MiB that compresses a thousandfold is refused from the directory alone."""
    bomb = rezip(GOOD, add={"word/media/padding.bin": b"\0" * (64 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    assert "zip bomb" in one_line_error(bomb, "bomb.docx")


def test_archive_too_large_when_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipcheck, "MAX_UNPACKED", 10_000)
    assert "zip bomb" in one_line_error(GOOD, "big.docx")


def test_docx_without_its_main_part() -> None:
    message = one_line_error(rezip(GOOD, drop="word/document.xml"), "parts.docx")
    assert "missing parts" in message


def test_docx_without_content_types() -> None:
    message = one_line_error(rezip(GOOD, drop="[Content_Types].xml"), "types.docx")
    assert "missing or broken parts" in message or "damaged" in message


def test_docx_with_broken_xml() -> None:
    broken = rezip(GOOD, drop="word/document.xml", add={"word/document.xml": b"<w:document><w:body>"})
    assert "damaged" in one_line_error(broken, "xml.docx") or "broken" in one_line_error(broken, "xml.docx")


def test_truncated_docx() -> None:
    assert "damaged" in one_line_error(GOOD[: len(GOOD) // 2], "cut.docx")


def test_encrypted_zip_member() -> None:
    data = bytearray(GOOD)
    # Set the "encrypted" flag of every entry in the central directory.
    start = 0
    while (at := data.find(b"PK\x01\x02", start)) != -1:
        data[at + 8] |= 0x01
        start = at + 4
    assert "encrypted" in one_line_error(bytes(data), "locked.docx")


def test_password_protected_word_file() -> None:
    container = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
    assert "password-protected" in one_line_error(container, "secret.docx")


def test_old_binary_doc_says_what_to_do() -> None:
    doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le")
    assert "save it as .docx" in one_line_error(doc, "old.doc")


def test_zip_that_is_not_word() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notes.txt", "hello")
    assert "not a Word .docx" in one_line_error(out.getvalue(), "archive.docx")


def test_renamed_text_is_not_taken_for_a_docx() -> None:
    assert "renamed" in one_line_error(b"Recalling its resolution,", "draft.docx")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bomb.docx", rezip(GOOD, add={"word/media/padding.bin": b"\0" * (8 * 1024 * 1024)})),
        ("parts.docx", rezip(GOOD, drop="word/document.xml")),
        ("blank.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF"),
    ],
)
def test_cli_exits_2_with_one_line(tmp_path: Path, name: str, data: bytes) -> None:
    """The command line shows the one line and exits 2 (diff(1)'s "trouble")."""
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.docx"
    good.write_bytes(GOOD)
    result = CliRunner().invoke(main, ["diff", "-f", "json", str(good), str(bad)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines() if result.stderr else result.output.strip().splitlines()
    assert len(lines) == 1
    assert str(bad) in lines[0]
    assert "Traceback" not in result.output
