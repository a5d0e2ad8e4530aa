"""The GitHub Actions example: its summary step, run locally against a file, including truncation."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from redline.render import formats
from redline.stepsummary import Section, build_summary, section_text
from tests.test_cli import NEW, OLD

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / "examples" / "github-actions" / "redline.yml"


def needs(fmt: str) -> None:
    if fmt not in formats():
        pytest.skip(f"the {fmt} renderer is not registered yet")


def workflow_steps() -> list[dict[str, str]]:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` key as True
    assert "pull_request" in triggers
    return list(flow["jobs"]["redline"]["steps"])


def summary_step() -> str:
    (step,) = [s for s in workflow_steps() if "redline summary" in s.get("run", "")]
    return step["run"]


def sh(repo: Path, command: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Drafter",
        "GIT_AUTHOR_EMAIL": "drafter@example.org",
        "GIT_COMMITTER_NAME": "Drafter",
        "GIT_COMMITTER_EMAIL": "drafter@example.org",
        **env,
    }
    if "GITHUB_STEP_SUMMARY" not in env:
        full.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(
        ["bash", "-c", command], cwd=repo, env=full, capture_output=True, text=True, check=False
    )


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A checkout as actions/checkout leaves it: origin/main is the base, the tree holds the PR."""
    if shutil.which("git") is None or shutil.which("redline") is None:
        pytest.skip("needs git and the installed redline script on PATH")
    repo = tmp_path / "drafts"
    (repo / "resolutions").mkdir(parents=True)
    (repo / "resolutions" / "ocean.txt").write_text(OLD, encoding="utf-8")
    (repo / "resolutions" / "retired.md").write_text(
        "The General Assembly,\n\n1. Decides.\n", encoding="utf-8"
    )
    (repo / "build.py").write_text("print('tooling')\n", encoding="utf-8")
    setup = "git init -q -b main && git add . && git commit -q -m base"
    setup += " && git update-ref refs/remotes/origin/main HEAD"
    assert sh(repo, setup).returncode == 0
    (repo / "resolutions" / "ocean.txt").write_text(NEW, encoding="utf-8")
    (repo / "resolutions" / "coral.md").write_text(
        "The General Assembly,\n\n1. Urges action on coral reefs.\n", encoding="utf-8"
    )
    (repo / "build.py").write_text("print('changed tooling')\n", encoding="utf-8")
    assert sh(repo, "git rm -q resolutions/retired.md && git add -A && git commit -q -m 'PR'").returncode == 0
    return repo


def test_workflow_runs_on_pull_requests_and_installs_redline() -> None:
    steps = workflow_steps()
    assert any(s.get("uses", "").startswith("actions/checkout") for s in steps)
    assert any("pip install" in s.get("run", "") for s in steps)
    assert 'redline summary --base "origin/${GITHUB_BASE_REF}"' in summary_step()


def test_summary_step_writes_every_changed_resolution(pull_request: Path, tmp_path: Path) -> None:
    """The workflow's own command, run with GITHUB_STEP_SUMMARY at a file, writes one section per file."""
    needs("markdown")
    target = tmp_path / "summary.md"
    done = sh(pull_request, summary_step(), GITHUB_STEP_SUMMARY=str(target), GITHUB_BASE_REF="main")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    text = target.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## resolutions/coral.md (added)",
        "## resolutions/ocean.txt",
        "## resolutions/retired.md (deleted)",
    ]
    assert "build.py" not in text
    assert "Urges" in text and "Encourages" in text


def test_summary_appends_and_counts_what_is_there(pull_request: Path, tmp_path: Path) -> None:
    needs("markdown")
    target = tmp_path / "summary.md"
    target.write_text("# Earlier step\n\n", encoding="utf-8")
    done = sh(
        pull_request, "redline summary --base origin/main --max-bytes 4096", GITHUB_STEP_SUMMARY=str(target)
    )
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n\n# redline\n")
    assert len(text.encode("utf-8")) <= 4096


def test_summary_truncates_whole_sections_with_a_note(pull_request: Path, tmp_path: Path) -> None:
    """Over the cap, whole sections are left out and a note names them; the file stays under the cap."""
    needs("markdown")
    target = tmp_path / "summary.md"
    full = sh(pull_request, "redline summary --base origin/main").stdout
    sections = full.split("\n## ")
    cap = len(full.encode("utf-8")) - len(sections[-1].encode("utf-8")) + 64
    done = sh(
        pull_request, f"redline summary --base origin/main --max-bytes {cap}", GITHUB_STEP_SUMMARY=str(target)
    )
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) <= cap
    assert "more redline(s) not shown" in text
    assert "`resolutions/retired.md (deleted)`" in text
    assert "## resolutions/coral.md (added)" in text


def test_summary_to_stdout_without_the_variable(pull_request: Path) -> None:
    needs("markdown")
    done = sh(pull_request, "redline summary --base origin/main -- resolutions/ocean.txt")
    assert done.returncode == 0, done.stderr
    assert [line for line in done.stdout.splitlines() if line.startswith("## ")] == [
        "## resolutions/ocean.txt"
    ]


def test_summary_bad_base_is_trouble(pull_request: Path) -> None:
    done = sh(pull_request, "redline summary --base no-such-branch")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("redline: git diff failed")


def test_build_summary_keeps_everything_under_the_cap() -> None:
    sections = [Section("a.md", "x" * 10), Section("b.md", "y" * 10)]
    text = build_summary(sections, limit=10_000)
    assert "not shown" not in text
    assert text == "# redline\n\n" + "".join(section_text(s) for s in sections)


def test_build_summary_without_changes() -> None:
    assert "No resolution files changed" in build_summary([], limit=1000)


sections_strategy = st.lists(
    st.builds(Section, st.text(min_size=1, max_size=12), st.text(max_size=400)), max_size=8
)


def test_build_summary_with_no_room_writes_nothing() -> None:
    assert build_summary([Section("a.md", "x")], limit=0) == ""
    assert len(build_summary([Section("a.md", "x" * 100)], limit=20).encode("utf-8")) <= 20


@given(sections_strategy, st.integers(min_value=0, max_value=3000))
def test_build_summary_respects_the_cap_and_keeps_a_prefix(sections: list[Section], limit: int) -> None:
    """The summary fits the cap, and the sections it shows are whole and come first, in order."""
    text = build_summary(sections, limit=limit)
    assert len(text.encode("utf-8")) <= limit
    body = text.removeprefix("# redline\n\n")
    kept = 0
    while kept < len(sections) and body.startswith(section_text(sections[kept])):
        body = body[len(section_text(sections[kept])) :]
        kept += 1
    if kept < len(sections) and limit >= 256:
        assert "not shown" in body
