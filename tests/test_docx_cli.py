"""The command line with Word files: --tracked per side, --format docx with -o."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from redline.cli import main
from redline.load import Tracked, read
from tests.fixtures.docx.build import DocxBuilder


def pending_changes(path: Path) -> Path:
    """Write a draft whose second operative paragraph has a pending tracked edit."""
    b = DocxBuilder()
    b.paragraph("The General Assembly,")
    b.paragraph("Recalling its resolution 79/42,")
    b.paragraph("1. Decides to act;")
    p = b.paragraph("2. ")
    b.run(p, "Requests", "del")
    b.run(p, "Encourages", "ins")
    b.run(p, " the Secretary-General to report.")
    path.write_bytes(b.save())
    return path


def test_tracked_per_side_shows_a_drafts_own_pending_changes(tmp_path: Path) -> None:
    draft = pending_changes(tmp_path / "draft.docx")
    args = ["diff", "-f", "json", "--tracked", "reject", str(draft), "--tracked", "accept", str(draft)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    rows = json.loads(result.stdout)["resolutions"][0]["rows"]
    changed = [r for r in rows if r["kind"] == "changed"]
    assert [r["new"] for r in changed] == [["OP2"]]
    assert ["-", "Requests"] in changed[0]["chunks"] and ["+", "Encourages"] in changed[0]["chunks"]


def test_tracked_once_applies_to_both_sides(tmp_path: Path) -> None:
    draft = pending_changes(tmp_path / "draft.docx")
    result = CliRunner().invoke(main, ["diff", "-f", "json", "--tracked", "reject", str(draft), str(draft)])
    assert result.exit_code == 0, result.output


def test_tracked_more_than_twice_is_trouble(tmp_path: Path) -> None:
    draft = pending_changes(tmp_path / "draft.docx")
    args = [
        "diff",
        "--tracked",
        "accept",
        "--tracked",
        "accept",
        "--tracked",
        "reject",
        str(draft),
        str(draft),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "--tracked" in result.stderr


def test_docx_output_needs_a_file(tmp_path: Path) -> None:
    draft = pending_changes(tmp_path / "draft.docx")
    result = CliRunner().invoke(main, ["diff", "-f", "docx", str(draft), str(draft)])
    assert result.exit_code == 2
    assert "-o" in result.stderr
    assert result.stdout == ""


def test_docx_output_is_written_and_reads_back(tmp_path: Path) -> None:
    draft = pending_changes(tmp_path / "draft.docx")
    out = tmp_path / "redline.docx"
    args = [
        "diff",
        "-f",
        "docx",
        "-o",
        str(out),
        "--tracked",
        "reject",
        str(draft),
        "--tracked",
        "accept",
        str(draft),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "Encourages the Secretary-General" in read(out, tracked=Tracked.ACCEPT).text
    assert "Requests the Secretary-General" in read(out, tracked=Tracked.REJECT).text
