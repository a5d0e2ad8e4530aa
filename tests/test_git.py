"""git integration through a real `git`: the external diff driver, textconv and difftool set-ups."""

from __future__ import annotations

import doctest
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.errors import InputError
from redline.gitdriver import NULL, changed_files, driver_args
from redline.render import formats
from tests.test_cli import NEW, OLD

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("redline") is None,
    reason="needs git and the installed redline script on PATH",
)


def needs(fmt: str) -> None:
    if fmt not in formats():
        pytest.skip(f"the {fmt} renderer is not registered yet")


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run git in ``repo``, isolated from the user's and the system's configuration."""
    env = {
        **os.environ,
        "HOME": str(repo.parent),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Drafter",
        "GIT_AUTHOR_EMAIL": "drafter@example.org",
        "GIT_COMMITTER_NAME": "Drafter",
        "GIT_COMMITTER_EMAIL": "drafter@example.org",
        "GIT_PAGER": "cat",
        "NO_COLOR": "1",
    }
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A drafting repository with one committed resolution, then edited in the working tree."""
    root = tmp_path / "drafts"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / ".gitattributes").write_text("*.txt diff=redline\n*.md diff=redline\n", encoding="utf-8")
    (root / "ocean.txt").write_text(OLD, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "First draft")
    (root / "ocean.txt").write_text(NEW, encoding="utf-8")
    return root


def rows(out: str) -> list[dict[str, object]]:
    return [row for res in json.loads(out)["resolutions"] for row in res["rows"]]


def test_driver_args_reads_git_s_seven_arguments() -> None:
    given = driver_args(["r.txt", "/tmp/x_r.txt", "abc", "100644", "r.txt", "def", "100644"])
    assert (given.old_file, given.new_file) == ("/tmp/x_r.txt", "r.txt")
    assert (given.old_label, given.new_label) == ("a/r.txt", "b/r.txt")


def test_driver_args_dev_null_is_a_missing_side() -> None:
    added = driver_args(["r.txt", NULL, ".", ".", "r.txt", "def", "100644"])
    deleted = driver_args(["r.txt", "/tmp/x", "abc", "100644", NULL, ".", "."])
    assert added.old_file is None and added.old_label == NULL
    assert deleted.new_file is None and deleted.new_label == NULL


def test_driver_args_rename_has_nine() -> None:
    given = driver_args(
        ["a.txt", "/t/a", "1", "100644", "b.txt", "2", "100644", "b.txt", "similarity index 90%"]
    )
    assert given.new_label == "b/b.txt"


def test_driver_args_refuses_other_counts() -> None:
    with pytest.raises(InputError, match="7 arguments"):
        driver_args(["one", "two"])


def test_git_diff_driver_shows_the_redline(repo: Path) -> None:
    """`git diff` with diff.redline.command shows redline's comparison, not a line diff."""
    needs("terminal")
    git(repo, "config", "diff.redline.command", "redline git-diff")
    done = git(repo, "diff")
    assert "Urges" in done.stdout and "Encourages" in done.stdout
    assert "@@" not in done.stdout


def test_git_diff_driver_rows(repo: Path) -> None:
    git(repo, "config", "diff.redline.command", "redline git-diff -f json")
    done = git(repo, "diff")
    assert [r["kind"] for r in rows(done.stdout)].count("changed") >= 2


def test_git_diff_driver_added_and_deleted_files(repo: Path) -> None:
    """An added file arrives as /dev/null on the old side, a deleted one on the new side."""
    git(repo, "config", "diff.redline.command", "redline git-diff -f json")
    (repo / "new-draft.md").write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    git(repo, "add", "new-draft.md")
    added = rows(git(repo, "diff", "--cached").stdout)
    assert added and all(r["kind"] == "inserted" for r in added)
    git(repo, "commit", "-q", "-m", "Add a draft")
    git(repo, "rm", "-q", "new-draft.md")
    deleted = rows(git(repo, "diff", "--cached").stdout)
    assert deleted and all(r["kind"] == "deleted" for r in deleted)


def test_git_diff_driver_rename(repo: Path) -> None:
    git(repo, "config", "diff.redline.command", "redline git-diff -f json")
    git(repo, "commit", "-q", "-am", "Revise")
    git(repo, "mv", "ocean.txt", "ocean-rev1.txt")
    done = git(repo, "diff", "--cached", "-M")
    assert all(r["kind"] == "equal" for r in rows(done.stdout))


def test_git_diff_driver_trouble_stops_git_with_one_line(repo: Path) -> None:
    git(repo, "config", "diff.redline.command", "redline git-diff -f json")
    (repo / "ocean.txt").write_bytes(b"\x00\x01binary\x00")
    done = git(repo, "diff", check=False)
    assert done.returncode != 0
    ours = [line for line in done.stderr.splitlines() if line.startswith("redline:")]
    assert ours == ["redline: b/ocean.txt: binary data, not text (use a .txt, .md, .docx or .pdf file)"]
    assert "Traceback" not in done.stderr


def test_textconv_shows_a_paragraph_per_line(repo: Path) -> None:
    """With `redline parse --format text` as textconv, git's own diff reads by paragraph."""
    git(repo, "config", "diff.redline.textconv", "redline parse --format text")
    done = git(repo, "diff")
    minus = [line for line in done.stdout.splitlines() if line.startswith("-OP")]
    plus = [line for line in done.stdout.splitlines() if line.startswith("+OP")]
    assert minus and "Encourages Member States" in minus[0]
    assert plus and "Urges Member States" in plus[0]


def test_difftool_runs_redline_diff(repo: Path) -> None:
    git(repo, "config", "difftool.redline.cmd", 'redline diff -f json "$LOCAL" "$REMOTE"')
    done = git(repo, "difftool", "--no-prompt", "--tool=redline")
    assert any(r["kind"] == "changed" for r in rows(done.stdout))


def test_changed_files_lists_resolution_files_only(repo: Path) -> None:
    (repo / "tool.py").write_text("print('not a resolution')\n", encoding="utf-8")
    (repo / "extra.md").write_text("The General Assembly,\n\n1. Decides.\n", encoding="utf-8")
    git(repo, "add", "tool.py", "extra.md")
    found = changed_files("HEAD", cwd=repo)
    assert [(c.old_path, c.new_path) for c in found] == [(None, "extra.md"), ("ocean.txt", "ocean.txt")]


def test_git_diff_wrong_argument_count_is_trouble() -> None:
    result = CliRunner().invoke(main, ["git-diff", "only", "three", "args"])
    assert result.exit_code == 2
    assert result.stderr == (
        "redline: git-diff takes the 7 arguments git passes to an external diff driver, got 3\n"
    )


def test_git_diff_colours_when_git_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git sets GIT_PAGER_IN_USE when it pipes into its pager: colour then, unless NO_COLOR."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    args = ["git-diff", "r.txt", str(old), "1" * 40, "100644", str(new), "2" * 40, "100644"]
    monkeypatch.delenv("NO_COLOR", raising=False)
    paged = CliRunner().invoke(main, args, env={"GIT_PAGER_IN_USE": "true"})
    plain = CliRunner().invoke(main, args, env={"GIT_PAGER_IN_USE": "true", "NO_COLOR": "1"})
    assert paged.exit_code == plain.exit_code == 0
    assert "\x1b[" in paged.stdout
    assert "\x1b[" not in plain.stdout


def test_git_diff_unmerged_path_is_reported_not_refused() -> None:
    result = CliRunner().invoke(main, ["git-diff", "resolutions/ocean.txt"])
    assert result.exit_code == 0
    assert result.stdout == "* Unmerged path resolutions/ocean.txt\n"


def test_git_diff_driver_empty_blob_compares_as_empty(repo: Path) -> None:
    """A file emptied in git is compared with an empty side (it is not refused as a mistake)."""
    git(repo, "config", "diff.redline.command", "redline git-diff -f json")
    (repo / "ocean.txt").write_text("", encoding="utf-8")
    done = git(repo, "diff")
    assert rows(done.stdout) and all(r["kind"] == "deleted" for r in rows(done.stdout))


def test_docstring_examples_run() -> None:
    import redline.gitdriver

    assert doctest.testmod(redline.gitdriver).failed == 0
