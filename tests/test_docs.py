"""Every command shown in the README and docs runs as shown, and the README tour shows real output.

Each `console` block's `$ ` lines, and each line of a `sh` block, are run in order in a
sandbox drafting repository (one per document). A command must exit 0 or 1 (diff's
"same" and "different") unless its line ends with `# exits N`; none may print a traceback.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ["README.md", "docs/cli.md", "docs/recipes.md", "examples/github-actions/README.md"]
SETUP = ["python3 -m pip install -e '.[test]' && redline demo", "python3 -m pytest"]
"""The README's set-up, run as written by .ci/run (the install) and CI itself (the tests)."""

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
_TOUR = re.compile(r"(<!-- tour:(\w+)[^>]*-->\n```console\n)(.*?)(```\n<!-- /tour:\2 -->)", re.S)
_EXITS = re.compile(r"\s+#\s*exits (\d)\s*$")

pytestmark = pytest.mark.skipif(
    shutil.which("redline") is None or shutil.which("git") is None,
    reason="needs git and the installed redline script on PATH",
)


@dataclass(frozen=True)
class Command:
    doc: str
    line: str
    expect: frozenset[int]


def commands(doc: str) -> list[Command]:
    """Return the commands shown in ``doc``, in order, with the exit statuses they may have."""
    found: list[Command] = []
    for info, body in _FENCE.findall((ROOT / doc).read_text(encoding="utf-8")):
        if info == "console":
            lines = [line[2:] for line in body.splitlines() if line.startswith("$ ")]
        elif info == "sh":
            lines = [line for line in body.splitlines() if line.strip() and not line.startswith("#")]
        else:
            continue
        for line in lines:
            match = _EXITS.search(line)
            expect = frozenset({int(match.group(1))}) if match else frozenset({0, 1})
            found.append(Command(doc, _EXITS.sub("", line), expect))
    return found


def demo_text(name: str) -> str:
    return resources.files("redline").joinpath("data", name).read_text(encoding="utf-8")


def shell(cwd: Path, line: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300
    )


def sandbox(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A drafting repository: origin/main holds old versions, the working tree edits them."""
    repo = tmp_path / "drafts"
    (repo / "resolutions").mkdir(parents=True)
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Drafter",
        "GIT_AUTHOR_EMAIL": "drafter@example.org",
        "GIT_COMMITTER_NAME": "Drafter",
        "GIT_COMMITTER_EMAIL": "drafter@example.org",
        "GIT_PAGER": "cat",
        "PAGER": "cat",
        "NO_COLOR": "1",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
    }
    env.pop("GITHUB_STEP_SUMMARY", None)
    old, new = demo_text("demo-old.txt"), demo_text("demo-new.txt")
    (repo / "old.txt").write_text(old, encoding="utf-8")
    (repo / "new.txt").write_text(new, encoding="utf-8")
    (repo / "draft.md").write_text(
        "The General Assembly,\n\n*Recalling* its resolution 97/212,\n\n"
        "1. Decides to act;\n2. Requests a report.\n",
        encoding="utf-8",
    )
    (repo / ".gitattributes").write_text(_gitattributes(), encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(_precommit_config(tmp_path, env), encoding="utf-8")
    (repo / "resolutions" / "ocean.txt").write_text(old, encoding="utf-8")
    for folder, name, text in (("drafts-80", "ocean.txt", old), ("adopted-80", "A_RES_99_1.txt", new)):
        (repo / folder).mkdir()
        (repo / folder / name).write_text(text, encoding="utf-8")
    (repo / "drafts-80" / "coral.md").write_text(
        "The General Assembly,\n\n1. Urges action on coral reefs.\n", "utf-8"
    )
    setup = (
        "git init -q -b main && git add . && git commit -q -m 'First draft'"
        " && git update-ref refs/remotes/origin/main HEAD"
    )
    assert shell(repo, setup, env).returncode == 0
    (repo / "resolutions" / "ocean.txt").write_text(new, encoding="utf-8")
    assert shell(repo, "git commit -q -am 'Rev.1'", env).returncode == 0
    (repo / "resolutions" / "ocean.txt").write_text(new.replace("Urges", "Strongly urges"), encoding="utf-8")
    return repo, env


def _gitattributes() -> str:
    """The .gitattributes the recipe shows, exactly."""
    text = (ROOT / "docs" / "recipes.md").read_text(encoding="utf-8")
    (body,) = [b for info, b in _FENCE.findall(text) if info == "gitattributes"]
    return body


def _precommit_config(tmp_path: Path, env: dict[str, str]) -> str:
    """The recipe's config, pointed at a local copy of the hooks (the system hook: no network)."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", hooks)
    assert shell(hooks, "git init -q && git add . && git commit -q -m hooks", env).returncode == 0
    rev = shell(hooks, "git rev-parse HEAD", env).stdout.strip()
    text = (ROOT / "docs" / "recipes.md").read_text(encoding="utf-8")
    (body,) = [b for info, b in _FENCE.findall(text) if info == "yaml"]
    assert "id: redline-check\n" in body
    body = re.sub(r"repo: \S+", f"repo: {hooks}", body)
    body = re.sub(r"rev: \S+", f"rev: {rev}", body)
    return body.replace("id: redline-check\n", "id: redline-check-system\n")


def test_readme_set_up_is_exactly_the_two_commands() -> None:
    """CI runs these lines; the README must show exactly them as its set-up."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up", 1)[1]
    (body,) = _FENCE.findall(setup)[:1]
    assert body == ("sh", "\n".join(SETUP) + "\n")


@pytest.mark.parametrize("doc", DOCS)
def test_every_command_shown_runs(doc: str, tmp_path: Path) -> None:
    repo, env = sandbox(tmp_path)
    shown = [c for c in commands(doc) if c.line not in SETUP]
    assert shown, f"{doc} shows no command"
    for command in shown:
        done = shell(repo, command.line, env)
        where = f"{doc}: {command.line}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        assert done.returncode in command.expect, where
        assert "Traceback" not in done.stderr, where
        if done.returncode == 2:
            assert done.stderr.count("\n") == 1 and done.stderr.startswith("redline: "), where


def test_tour_shows_real_output(tmp_path: Path, update_goldens: bool) -> None:
    """The README tour's output is what the commands print (the first lines of it)."""
    repo, env = sandbox(tmp_path)
    path = ROOT / "README.md"
    readme = path.read_text(encoding="utf-8")
    tours = _TOUR.findall(readme)
    assert {name for _, name, _, _ in tours} >= {"demo", "parse"}

    def actual(match: re.Match[str]) -> str:
        head, _name, block, tail = match.groups()
        command, *shown = block.rstrip("\n").split("\n")
        done = shell(repo, command.removeprefix("$ "), env)
        assert done.returncode in (0, 1), done.stderr
        real = done.stdout.rstrip("\n").split("\n")[: len(shown)]
        if not update_goldens:
            assert shown == real, f"README tour {command!r} is stale: run pytest --update-goldens"
        return head + "\n".join([command, *real]) + "\n" + tail

    updated = _TOUR.sub(actual, readme)
    if update_goldens and updated != readme:
        path.write_text(updated, encoding="utf-8")
