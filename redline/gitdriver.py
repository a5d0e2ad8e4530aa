"""git integration: the external diff driver's arguments, and the files a change touched.

git runs an external diff driver as ``CMD path old-file old-hex old-mode new-file new-hex
new-mode`` (plus ``new-path rename-message`` for a rename); a file that does not exist on
one side is passed as /dev/null. This module turns that into two optional sides, and asks
git (through ``subprocess``, never a shell) which resolution files changed since a base.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from redline.errors import InputError

NULL = "/dev/null"
RESOLUTION_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
"""Files the summary looks at: the formats a drafting repository keeps resolutions in."""


@dataclass(frozen=True, slots=True)
class DriverArgs:
    """What git told the external diff driver about one file."""

    path: str
    old_file: str | None
    """The temporary file holding the old blob; None for a file git reports as added."""
    new_file: str | None
    new_path: str
    """The file's path on the new side (differs from ``path`` for a rename)."""

    @property
    def old_label(self) -> str:
        """The old side as git's own diff names it: ``a/<path>`` or /dev/null."""
        return NULL if self.old_file is None else f"a/{self.path}"

    @property
    def new_label(self) -> str:
        """The new side as git's own diff names it: ``b/<path>`` or /dev/null."""
        return NULL if self.new_file is None else f"b/{self.new_path}"


def driver_args(args: Sequence[str]) -> DriverArgs:
    """Interpret git's 7 (or 9, for a rename) external-diff arguments.

    Raises InputError when the count is not one git sends.

    >>> driver_args(["r.md", "/dev/null", ".", ".", "r.md", "0" * 40, "100644"]).old_label
    '/dev/null'
    """
    if len(args) not in (7, 9):
        raise InputError(
            f"git-diff takes the 7 arguments git passes to an external diff driver, got {len(args)}"
        )
    path, old_file, _old_hex, _old_mode, new_file, _new_hex, _new_mode = args[:7]
    new_path = args[7] if len(args) == 9 else path
    return DriverArgs(
        path=path,
        old_file=None if old_file == NULL else old_file,
        new_file=None if new_file == NULL else new_file,
        new_path=new_path,
    )


@dataclass(frozen=True, slots=True)
class Change:
    """One resolution file a change touched; a side is None where the file does not exist."""

    old_path: str | None
    new_path: str | None

    @property
    def name(self) -> str:
        """The path to show for this change (the new one, or the old one if deleted)."""
        return self.new_path or self.old_path or ""


def changed_files(base: str, *, cwd: str | Path = ".", pathspecs: Sequence[str] = ()) -> list[Change]:
    """Return the resolution files that differ between ``base`` and the working tree, by path.

    Renames are followed (the old path is read from ``base``). Raises InputError if git fails.
    """
    out = _git(["diff", "--name-status", "-z", "-M", base, "--", *pathspecs], cwd=cwd)
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    changes: list[Change] = []
    i = 0
    while i < len(fields) - 1:
        status = fields[i]
        if status.startswith(("R", "C")):
            old, new = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old = new = fields[i + 1]
            i += 2
        change = Change(
            old_path=None if status == "A" else old,
            new_path=None if status == "D" else new,
        )
        if change.name.lower().endswith(RESOLUTION_SUFFIXES):
            changes.append(change)
    return sorted(changes, key=lambda c: (c.name, c.old_path or ""))


def show(base: str, path: str, *, cwd: str | Path = ".") -> bytes:
    """Return the bytes of ``path`` as it was at revision ``base``."""
    return _git(["show", f"{base}:{path}"], cwd=cwd)


def _git(args: list[str], *, cwd: str | Path) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("git is not installed or not on PATH") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"git {args[0]} failed: {detail[-1] if detail else done.returncode}")
    return done.stdout


def toplevel(*, cwd: str | Path = ".") -> str:
    """Return the root folder of the git working tree that holds ``cwd``."""
    return _git(["rev-parse", "--show-toplevel"], cwd=cwd).decode("utf-8", "surrogateescape").strip()
