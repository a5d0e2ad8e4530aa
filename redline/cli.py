"""The ``redline`` command: argument parsing, I/O and exit codes; no logic of its own.

Exit status follows diff(1): 0 no differences, 1 differences, 2 trouble.
"""

from __future__ import annotations

import sys

import click

from redline import __version__
from redline.compare import compare
from redline.errors import RedlineError
from redline.load import read
from redline.model import Document
from redline.parse import parse as parse_text
from redline.render import formats, render
from redline.render.json import document_json, dumps


class Trouble(click.ClickException):
    """Exit status 2 with one line on stderr, as diff(1) does for trouble."""

    exit_code = 2

    def show(self, file: object = None) -> None:
        click.echo(f"redline: {self.format_message()}", err=True)


def load_document(path: str) -> Document:
    """Read and parse ``path``, turning any RedlineError into exit status 2."""
    try:
        source = read(path)
        return parse_text(source.text, name=path)
    except RedlineError as exc:
        raise Trouble(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="redline")
def main() -> None:
    """Compare versions of UN resolutions and render redlines.

    Exit status: 0 no differences, 1 differences found, 2 trouble.
    """


@main.command("parse")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
def parse_cmd(file: str, fmt: str) -> None:
    """Parse FILE into resolutions and addressed paragraphs."""
    doc = load_document(file)
    if fmt == "json":
        click.echo(dumps(document_json(doc)), nl=False)
        return
    for res in doc.resolutions:
        click.echo(f"# {res.label or ''} {res.title or ''}".rstrip())
        for p in res.all_paragraphs():
            click.echo(f"{p.address:>10}  {p.text}")


@main.command("diff")
@click.argument("old", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("new", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-f", "--format", "fmt", default="json", show_default=True)
def diff_cmd(old: str, new: str, fmt: str) -> None:
    """Compare OLD with NEW and print the redline."""
    if fmt not in formats():
        raise Trouble(f"unknown format {fmt!r}; choose from {', '.join(formats())}")
    redline = compare(load_document(old), load_document(new))
    out = render(redline, fmt)
    if isinstance(out, bytes):
        sys.stdout.buffer.write(out)
    else:
        click.echo(out, nl=False)
    sys.exit(1 if redline.changed else 0)
