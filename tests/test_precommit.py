"""The pre-commit hooks in .pre-commit-hooks.yaml, run for real with `pre-commit try-repo`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.test_cli import OLD

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
PROSE = "Minutes of the informal consultations held on Tuesday.\n"

pytestmark = pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None or shutil.which("redline") is None,
    reason="needs pre-commit, git and the installed redline script on PATH",
)


def run(cmd: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Drafter",
        "GIT_AUTHOR_EMAIL": "drafter@example.org",
        "GIT_COMMITTER_NAME": "Drafter",
        "GIT_COMMITTER_EMAIL": "drafter@example.org",
        "NO_COLOR": "1",
    }
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600)


def committed_repo(path: Path, files: dict[str, str], home: Path) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    for cmd in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-q", "-m", "init"]):
        assert run(cmd, path, home).returncode == 0
    return path


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """A drafting repository holding one resolution and one file of plain prose."""
    return committed_repo(tmp_path / "drafts", {"ocean.txt": OLD, "minutes.md": PROSE}, tmp_path)


def test_hooks_file_declares_the_check() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"redline-check", "redline-check-system"}
    for hook in hooks.values():
        assert hook["entry"] == "redline check"
        assert "md" in hook["files"] and "docx" in hook["files"]


def test_system_hook_with_try_repo(drafts: Path, tmp_path: Path) -> None:
    """The hook fails on prose with one line naming the file, and passes a resolution."""
    hook_repo = committed_repo(
        tmp_path / "hooks", {".pre-commit-hooks.yaml": HOOKS.read_text("utf-8")}, tmp_path
    )
    try_repo = ["pre-commit", "try-repo", str(hook_repo), "redline-check-system"]
    failed = run([*try_repo, "--all-files"], drafts, tmp_path)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "minutes.md: no resolution found" in failed.stdout
    assert "ocean.txt" not in failed.stdout.split("exit code: 1", 1)[1]
    passed = run([*try_repo, "--files", "ocean.txt"], drafts, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the project's git checkout")
@pytest.mark.skipif(
    not (os.environ.get("CI") or os.environ.get("REDLINE_SLOW_TESTS")),
    reason="installs redline into a fresh environment (~15 s); runs in CI or with REDLINE_SLOW_TESTS=1",
)
def test_python_hook_with_try_repo(drafts: Path, tmp_path: Path) -> None:
    """The `language: python` hook installs redline into pre-commit's own environment and runs."""
    done = run(["pre-commit", "try-repo", str(ROOT), "redline-check", "--all-files"], drafts, tmp_path)
    if "An unexpected error has occurred" in done.stdout + done.stderr:
        pytest.skip("pre-commit could not build the hook's environment (is the package index reachable?)")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "minutes.md: no resolution found" in done.stdout
