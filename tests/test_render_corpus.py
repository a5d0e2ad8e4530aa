"""Real UN pairs from the shared corpus: every format gives back both texts, deterministically.

Nothing from the corpus is stored in the project: the texts are read from REDLINE_CORPUS.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from redline.compare import compare
from redline.load import read
from redline.model import Redline
from redline.parse import parse
from redline.render import render
from tests.test_render import check_deterministic, check_nothing_lost
from tests.test_schema import SCHEMA_PATH

PAIRS = (
    ("ga/A_C.1_80_L.22.txt", "ga/A_RES_80_41.txt"),  # First Committee draft -> adopted
    ("ga/A_80_L.9.txt", "ga/A_RES_80_6.txt"),  # plenary draft -> adopted
    ("ga/A_RES_78_43.txt", "ga/A_RES_79_42.txt"),  # the same resolution a session later
    ("ga/A_RES_78_229.txt", "ga/A_RES_80_229.txt"),  # the long omnibus, two sessions apart
)

pytestmark = pytest.mark.corpus


def corpus_redline(corpus: Path, old: str, new: str) -> Redline:
    """Load, parse and compare two corpus files as the CLI does."""
    docs = [parse(read(str(corpus / name)).text, name=name) for name in (old, new)]
    return compare(docs[0], docs[1])


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{Path(o).stem}-{Path(n).stem}" for o, n in PAIRS])
def test_corpus_pair_loses_nothing(corpus: Path, old: str, new: str) -> None:
    """JSON chunks, HTML, Markdown and accept/reject give back both real texts; output is stable."""
    redline = corpus_redline(corpus, old, new)
    assert any(diff.rows for diff in redline.resolutions)
    check_nothing_lost(redline)
    check_deterministic(redline)
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(render(redline, "json")), schema, cls=jsonschema.Draft202012Validator)


def test_report_compared_with_itself_shows_no_change(corpus: Path) -> None:
    """E/2011/30's 18 texts against themselves: every row equal, no mark in any format."""
    redline = corpus_redline(corpus, "E-2011-30.txt", "E-2011-30.txt")
    assert len(redline.resolutions) > 1 and not redline.changed
    check_nothing_lost(redline)
    page = str(render(redline, "html"))
    body = page[page.index("<main>") :]
    assert "<del>" not in body and "<ins>" not in body
    assert 'id="R2-top"' in body
    assert "[-" not in str(render(redline, "terminal")) and "{+" not in str(render(redline, "terminal"))
    rows = [row for d in json.loads(render(redline, "json"))["resolutions"] for row in d["rows"]]
    assert rows and all(row["kind"] == "equal" and not row["moved"] for row in rows)


def test_unpaired_resolutions_render_whole(corpus: Path) -> None:
    """A resolution against an unrelated report: unpaired texts render entirely deleted or inserted."""
    redline = corpus_redline(corpus, "ga/A_RES_79_42.txt", "E-2011-30.txt")
    assert any(d.old is None for d in redline.resolutions) and any(d.new is None for d in redline.resolutions)
    check_nothing_lost(redline)
