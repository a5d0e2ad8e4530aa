"""Golden files: input and every rendering of a few small cases, and one real pair by digest.

Each tests/golden/*.txt holds sections (---old---, ---new---, ---markdown---, ---html---,
---terminal---, ---json---) so that a reviewer sees input and output in one diff. Outputs
are rewritten only by ``pytest --update-goldens``, and only after the invariants pass.
The real pair (corpus-*.txt) names its two corpus files and stores only digests and the
text-free structure of the redline: corpus text never enters the project.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from redline.compare import compare
from redline.model import Redline
from redline.parse import parse
from redline.render import RenderOptions, render
from tests.test_render import check_deterministic, check_nothing_lost
from tests.test_render_corpus import corpus_redline

GOLDEN = Path(__file__).parent / "golden"
OUTPUTS = ("markdown", "html", "terminal", "json")
_SECTION = re.compile(r"^---([a-z]+)---\n", re.M)
_OPTIONS = RenderOptions(old_name="old.txt", new_name="new.txt")


def read_sections(path: Path) -> dict[str, str]:
    """Return a golden file's sections by name, each exactly as stored."""
    text = path.read_text(encoding="utf-8")
    marks = list(_SECTION.finditer(text))
    return {
        m.group(1): text[m.end() : nxt.start() if nxt else len(text)]
        for m, nxt in zip(marks, [*marks[1:], None], strict=True)
    }


def write_sections(path: Path, sections: dict[str, str]) -> None:
    """Write sections in the order given, each ending with a newline."""
    body = "".join(
        f"---{name}---\n{text if text.endswith(chr(10)) else text + chr(10)}"
        for name, text in sections.items()
    )
    path.write_text(body, encoding="utf-8")


def small_outputs(redline: Redline) -> dict[str, str]:
    """Render a small case in every text format (HTML from <body> on: the stylesheet is tested apart)."""
    page = str(render(redline, "html", _OPTIONS))
    return {
        "markdown": str(render(redline, "markdown", _OPTIONS)),
        "html": page[page.index("<body>") :],
        "terminal": str(render(redline, "terminal", _OPTIONS)),
        "json": str(render(redline, "json", _OPTIONS)),
    }


def digest_outputs(redline: Redline) -> dict[str, str]:
    """Return, per format, a SHA-256 digest; for JSON also the redline's structure without text."""
    out = {}
    for fmt in OUTPUTS:
        out[fmt] = "sha256 " + hashlib.sha256(str(render(redline, fmt, _OPTIONS)).encode()).hexdigest() + "\n"
    data = json.loads(render(redline, "json", _OPTIONS))
    for diff in data["resolutions"]:
        sides = [diff[k]["symbol"] if diff[k] else None for k in ("old", "new")]
        out["json"] += f"{sides[0]} -> {sides[1]}\n{json.dumps(diff['summary'], sort_keys=True)}\n"
        for row in diff["rows"]:
            flags = [k for k in ("moved", "renumbered", "footnotes_changed") if row[k]]
            ops = "".join(op for op, _ in row["chunks"])
            addresses = f"{','.join(row['old']) or '-'} -> {','.join(row['new']) or '-'}"
            out["json"] += " ".join([row["kind"], addresses, ops, *flags]) + "\n"
    return out


def _compare(path: Path, expected: dict[str, str], got: dict[str, str], update: bool) -> None:
    if update:
        write_sections(path, {k: expected[k] for k in ("old", "new")} | got)
        return
    for fmt in OUTPUTS:
        assert expected.get(fmt) == got[fmt], f"{path.name}: ---{fmt}--- differs; run pytest --update-goldens"


SMALL = sorted(p for p in GOLDEN.glob("*.txt") if not p.name.startswith("corpus-"))


@pytest.mark.parametrize("path", SMALL, ids=[p.stem for p in SMALL])
def test_small_golden(path: Path, update_goldens: bool) -> None:
    """Parsing, aligning, diffing and rendering an invented case gives the stored outputs."""
    sections = read_sections(path)
    redline = compare(parse(sections["old"], name="old.txt"), parse(sections["new"], name="new.txt"))
    check_nothing_lost(redline)
    check_deterministic(redline)
    _compare(path, sections, small_outputs(redline), update_goldens)


@pytest.mark.corpus
def test_corpus_golden(corpus: Path, update_goldens: bool) -> None:
    """A real draft and its adopted text render to the stored digests and structure."""
    path = GOLDEN / "corpus-A_C.1_80_L.22--A_RES_80_41.txt"
    sections = read_sections(path)
    redline = corpus_redline(corpus, sections["old"].strip(), sections["new"].strip())
    check_nothing_lost(redline)
    check_deterministic(redline)
    _compare(path, sections, digest_outputs(redline), update_goldens)


def test_golden_sections_round_trip(tmp_path: Path) -> None:
    sections = {"old": "a\n\nb\n", "new": "---x\n", "json": "{}\n"}
    write_sections(tmp_path / "g.txt", sections)
    assert read_sections(tmp_path / "g.txt") == sections
