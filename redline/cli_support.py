"""What every ``redline`` command shares: loading with one-line errors, colour, output, progress.

click lives in the CLI; this module holds the small pieces of I/O policy the commands
share so each command stays a few lines of argument handling.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TypeVar

import click

from redline.errors import InputError, RedlineError
from redline.load import Source, Tracked, read, read_bytes
from redline.model import Document

T = TypeVar("T")

STDIN = "-"
PROGRESS_THRESHOLD = 8
"""Show a progress bar only for runs over at least this many files (and on a terminal)."""


class Trouble(click.ClickException):
    """Exit status 2 with one line on stderr, as diff(1) does for trouble."""

    exit_code = 2

    def show(self, file: IO[str] | None = None) -> None:
        """Print ``redline: <message>`` on stderr."""
        click.echo(f"redline: {self.format_message()}", err=True)


def load_source(path: str, *, tracked: Tracked = Tracked.ACCEPT) -> Source:
    """Read ``path`` ("-" for standard input) into a Source; raise RedlineError if unreadable."""
    if path == STDIN:
        data = sys.stdin.buffer.read()
        return read_bytes(data, STDIN, tracked=tracked)
    return read(path, tracked=tracked)


def parse_source(source: Source) -> Document:
    """Parse a loaded Source, refusing one with no text at all."""
    # Imported on first use: `redline --help` and `import redline.cli` need no parser.
    from redline.parse import parse as parse_text

    if not source.text.strip():
        raise InputError("empty: there is no text to read", path=source.name)
    return parse_text(source.text, name=source.name)


def load_document(path: str, *, tracked: Tracked = Tracked.ACCEPT) -> Document:
    """Read and parse ``path``, turning any RedlineError into exit status 2 (Trouble)."""
    try:
        return parse_source(load_source(path, tracked=tracked))
    except RedlineError as exc:
        raise Trouble(str(exc)) from None


EMPTY_DOCUMENT = Document(resolutions=())
"""The side of a comparison that does not exist (a file added or deleted in git)."""


def use_color(choice: str, *, stream: IO[str] | None = None, pager: bool = False) -> bool:
    """Decide whether to colour: ``always``/``never``, or ``auto`` (a terminal, NO_COLOR unset).

    ``auto`` also colours when ``pager`` is true (git set GIT_PAGER_IN_USE and pages output).
    An explicit ``always`` overrides NO_COLOR, as https://no-color.org asks.
    """
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    out = stream if stream is not None else sys.stdout
    return pager or _isatty(out)


def stdout_is_terminal() -> bool:
    """Return True when standard output is an interactive terminal."""
    return _isatty(sys.stdout)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def write_output(out: str | bytes, output: str | None) -> None:
    """Write ``out`` to the file ``output`` (UTF-8), or to stdout when it is None or "-"."""
    data = out.encode("utf-8") if isinstance(out, str) else out
    if output is None or output == "-":
        stream = sys.stdout.buffer
        try:
            stream.write(data)
            stream.flush()
        except BrokenPipeError:
            _silence(sys.stdout)  # the reader (e.g. `| head`) has all it wants: not an error
        return
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        raise Trouble(f"{output}: cannot write: {exc.strerror or exc}") from None


def _silence(stream: IO[str]) -> None:
    """Point ``stream`` at /dev/null so Python's exit-time flush does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def say(message: str) -> None:
    """Tell the user something on stderr, prefixed ``redline:`` (nothing if no one reads it)."""
    try:
        click.echo(f"redline: {message}", err=True)
    except BrokenPipeError:
        _silence(sys.stderr)  # `redline demo 2>&1 | head`: the reader is gone, not an error


@contextlib.contextmanager
def progress(items: Sequence[T], *, label: str) -> Iterator[Iterator[T]]:
    """Yield ``items``; show a progress bar on stderr for long runs when stderr is a terminal."""
    if len(items) < PROGRESS_THRESHOLD or not _isatty(sys.stderr):
        yield iter(items)
        return
    with click.progressbar(items, label=label, file=sys.stderr) as bar:
        yield iter(bar)
