"""One error hierarchy; the CLI maps it to exit status 2 with a one-line message."""

from __future__ import annotations


class RedlineError(Exception):
    """A user-facing problem with an input or an option: one line, no traceback.

    The message reads ``path: what is wrong`` (or ``path:line: what is wrong``).
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")


class InputError(RedlineError):
    """An input cannot be read: missing, binary, undecodable, corrupt, empty, encrypted."""


class StructureError(RedlineError):
    """An input was read but holds no resolution structure to compare."""
