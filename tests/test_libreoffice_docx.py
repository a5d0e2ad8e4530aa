"""LibreOffice opens the tracked-changes .docx; accepting all gives the new text, rejecting all the old.

No UNO bridge is needed: a fresh LibreOffice profile per test session gets a small Basic
macro (load hidden, accept or reject all tracked changes, save as UTF-8 text), which
``soffice --headless`` runs from a ``macro:///`` URL on the command line.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest

from redline.compare import compare
from redline.load import read
from redline.model import Redline
from redline.parse import parse
from redline.render import render
from tests.builders import printed

pytestmark = pytest.mark.libreoffice

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Convert(inPath As String, outPath As String, mode As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  n = doc.Redlines.Count
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  If mode = "accept" Then
    helper.executeDispatch(doc.CurrentController.Frame, ".uno:AcceptAllTrackedChanges", "", 0, Array())
  ElseIf mode = "reject" Then
    helper.executeDispatch(doc.CurrentController.Frame, ".uno:RejectAllTrackedChanges", "", 0, Array())
  End If
  Dim out(1) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "Text (encoded)"
  out(1).Name = "FilterOptions"
  out(1).Value = "UTF8,LF"
  doc.storeToURL(ConvertToURL(outPath), out())
  doc.close(True)
  f = FreeFile
  Open outPath + ".count" For Output As #f
  Print #f, n
  Close #f
End Sub
</script:module>
"""


@dataclass(frozen=True)
class Office:
    """A headless LibreOffice with its own throw-away profile holding the conversion macro."""

    soffice: str
    profile: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [
            self.soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={self.profile.as_uri()}",
        ]
        return subprocess.run([*command, *args], capture_output=True, text=True, timeout=300, check=False)

    def convert(self, docx: Path, mode: str) -> tuple[list[str], int]:
        """Return the non-empty text lines after accepting or rejecting all, and the number of revisions."""
        out = docx.with_name(f"{docx.stem}-{mode}.txt")
        result = self.run(f'macro:///Standard.Module1.Convert("{docx}","{out}","{mode}")')
        assert out.exists(), f"LibreOffice wrote no text: {result.stderr.strip()}"
        count = int(Path(f"{out}.count").read_text().strip())
        lines = [" ".join(line.split()) for line in out.read_text(encoding="utf-8").splitlines()]
        return [line for line in lines if line], count


@pytest.fixture(scope="session")
def office(tmp_path_factory: pytest.TempPathFactory) -> Office:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer)")
    profile = tmp_path_factory.mktemp("lo-profile")
    office = Office(soffice, profile)
    try:
        started = office.run("--terminate_after_init")
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"LibreOffice cannot start here: {exc}")
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if started.returncode != 0 or not module.exists():
        pytest.skip(
            f"LibreOffice cannot start here (exit {started.returncode}): {started.stderr.strip()[:200]}"
        )
    module.write_text(MACRO, encoding="utf-8")
    return office


def check(office: Office, redline: Redline, path: Path) -> None:
    data = render(redline, "docx")
    assert isinstance(data, bytes)
    path.write_bytes(data)
    diff = redline.resolutions[0]
    for mode, side in (("accept", diff.new), ("reject", diff.old)):
        lines, revisions = office.convert(path, mode)
        assert revisions > 0, "LibreOffice found no tracked changes"
        want = printed(side)
        assert lines[len(lines) - len(want) :] == want, mode


def demo() -> Redline:
    data = resources.files("redline") / "data"
    return compare(parse(read(str(data / "demo-old.txt")).text), parse(read(str(data / "demo-new.txt")).text))


def test_libreoffice_accepts_and_rejects_the_demo_redline(office: Office, tmp_path: Path) -> None:
    check(office, demo(), tmp_path / "demo.docx")


@pytest.mark.corpus
def test_libreoffice_accepts_and_rejects_a_corpus_redline(
    office: Office, tmp_path: Path, corpus: Path
) -> None:
    """A real draft against its adopted text, word for word on both sides."""
    old = parse(read(corpus / "ga" / "A_C.1_80_L.22.txt").text)
    new = parse(read(corpus / "ga" / "A_RES_80_41.txt").text)
    check(office, compare(old, new), tmp_path / "L22-vs-RES-80-41.docx")


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("old_name", "new_name"), [("A_RES_79_6.txt", "A_RES_80_6.txt"), ("A_RES_78_229.txt", "A_RES_80_229.txt")]
)
def test_libreoffice_on_longer_real_pairs(
    office: Office, tmp_path: Path, corpus: Path, old_name: str, new_name: str
) -> None:
    """Longer resolutions, with moves, splits and renumbering, still read back on both sides."""
    old = parse(read(corpus / "ga" / old_name).text)
    new = parse(read(corpus / "ga" / new_name).text)
    check(office, compare(old, new), tmp_path / f"{Path(old_name).stem}.docx")
