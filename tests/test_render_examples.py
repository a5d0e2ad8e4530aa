"""The committed example redlines are what `sh examples/regenerate.sh` writes today."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import main

OCEAN = Path(__file__).resolve().parent.parent / "examples" / "ocean"
FILES = {"html": "redline.html", "markdown": "redline.md", "terminal": "redline.txt", "json": "redline.json"}


def test_example_pair_is_the_bundled_demo() -> None:
    """examples/ocean links to the package's demo pair: one source of truth."""
    data = Path(__file__).resolve().parent.parent / "redline" / "data"
    for side in ("old", "new"):
        assert (OCEAN / f"{side}.txt").resolve() == (data / f"demo-{side}.txt").resolve()


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_committed_example_is_current(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Re-running the documented command reproduces the committed file byte for byte."""
    monkeypatch.chdir(OCEAN)
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = CliRunner().invoke(main, ["diff", "old.txt", "new.txt", "--format", fmt, "--color", "never"])
    assert result.exit_code == 1, result.output
    committed = (OCEAN / FILES[fmt]).read_bytes()
    assert result.stdout_bytes == committed, (
        f"examples/ocean/{FILES[fmt]} is stale: run sh examples/regenerate.sh"
    )
