"""The ``redline`` command: argument parsing, I/O and exit codes; no logic of its own.

Exit status follows diff(1): 0 no differences, 1 differences, 2 trouble. Shared I/O
policy (loading with one-line errors, colour, output, progress) is in ``cli_support``.

Each command imports the stages it runs in its own body, so that a process loads only
what its command needs: ``redline parse`` and ``check`` never load the comparison
(rapidfuzz, diff-match-patch), ``redline --help`` no stage at all (tests/test_cli.py
checks this in fresh processes).
"""

from __future__ import annotations

import os
import sys

import click

from redline import __version__
from redline.cli_support import (
    EMPTY_DOCUMENT,
    Trouble,
    load_document,
    load_source,
    parse_source,
    progress,
    say,
    stdout_is_terminal,
    use_color,
    write_output,
)
from redline.errors import RedlineError
from redline.load import Tracked, read_bytes
from redline.model import DocKind, Document, Kind
from redline.render import RenderOptions, formats, render

EXIT_HELP = """\b
Exit status (as diff(1)): 0 no differences, 1 differences found,
2 trouble (a missing, binary, empty or undecodable file, or a bad option).
Errors are one line on stderr naming the file."""

TERMINAL_HTML = "redline.html"
"""Where ``redline diff`` writes HTML when standard output is a terminal and no -o is given."""

color_option = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour terminal output; auto colours a terminal unless NO_COLOR is set.",
)


class _Redline(click.Group):
    """The command group; an interrupt exits 130 as diff(1) does, not click's 1 ("differences")."""

    def invoke(self, ctx: click.Context) -> object:
        """Run the chosen command, turning Ctrl-C into one line and exit status 130."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            say("interrupted")
            raise click.exceptions.Exit(130) from None


@click.group(cls=_Redline, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_HELP)
@click.version_option(__version__, prog_name="redline")
def main() -> None:
    """Compare versions of UN resolutions and render redlines.

    Start with `redline demo`; compare two files with `redline diff OLD NEW`.
    """


@main.command("parse", epilog=EXIT_HELP)
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
def parse_cmd(file: str, fmt: str) -> None:
    """Parse FILE into resolutions and addressed paragraphs ("-" reads stdin).

    The text format prints one paragraph per line after its address (PP3, OP5(a)), which
    also makes it a good git textconv filter; json follows the redline/1 schema.
    """
    from redline.outline import outline
    from redline.render.json import document_json, dumps

    doc = load_document(file)
    write_output(dumps(document_json(doc)) if fmt == "json" else outline(doc), None)


@main.command("diff", epilog=EXIT_HELP)
@click.argument("old", type=click.Path(allow_dash=True))
@click.argument("new", type=click.Path(allow_dash=True))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(formats()),
    default=None,
    help="Output format  [default: html]",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@color_option
@click.option(
    "--markdown-style",
    type=click.Choice(["html", "criticmarkup"]),
    default="html",
    show_default=True,
    help="How Markdown marks changes: inline <del>/<ins>, or CriticMarkup {--/++}.",
)
@click.option(
    "--tracked",
    type=click.Choice(["accept", "reject"]),
    multiple=True,
    help="Read a .docx's own tracked changes accepted or rejected [default: accept]; "
    "give it once for both files or twice (old, then new).",
)
def diff_cmd(
    old: str,
    new: str,
    fmt: str | None,
    output: str | None,
    color: str,
    markdown_style: str,
    tracked: tuple[str, ...],
) -> None:
    """Compare OLD with NEW (either may be "-" for stdin) and write the redline.

    Without -o, the redline goes to standard output, except HTML at a terminal: that is
    written to ./redline.html (and the path printed on stderr) so there is a file to open.
    """
    from redline.compare import compare

    if old == "-" and new == "-":
        raise Trouble("only one of OLD and NEW can be '-' (standard input)")
    fmt = fmt or "html"
    if len(tracked) > 2:
        raise Trouble("--tracked is given at most twice: once for OLD, once for NEW")
    sides = tracked or ("accept",)
    old_tracked, new_tracked = Tracked(sides[0]), Tracked(sides[-1])
    if fmt == "docx" and output in (None, "-"):
        raise Trouble("--format docx writes a Word file: name it with -o FILE.docx")
    html_for_terminal = output is None and fmt == "html" and stdout_is_terminal()
    if html_for_terminal:
        output = TERMINAL_HTML
    options = RenderOptions(
        old_name=old,
        new_name=new,
        color=use_color(color) if output is None else color == "always",
        markdown_style=markdown_style,
    )
    redline = compare(load_document(old, tracked=old_tracked), load_document(new, tracked=new_tracked))
    write_output(render(redline, fmt, options), output)
    if html_for_terminal:
        say(f"wrote the HTML redline to {os.path.abspath(TERMINAL_HTML)}; open it in a browser")
    sys.exit(1 if redline.changed else 0)


@main.command("demo")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Also write the HTML redline here.")
@color_option
def demo_cmd(output: str | None, color: str) -> None:
    """Compare the example pair bundled with redline and show the redline (exit 0).

    The pair is an invented resolution in UN style and its revision.
    """
    from redline.compare import compare

    old, new = _demo_document("demo-old.txt"), _demo_document("demo-new.txt")
    redline = compare(old, new)
    options = RenderOptions(old_name="demo-old.txt", new_name="demo-new.txt", color=use_color(color))
    write_output(render(redline, "terminal", options), None)
    if output is not None:
        write_output(render(redline, "html", RenderOptions("demo-old.txt", "demo-new.txt")), output)
        say(f"wrote the HTML redline to {output}")
    say(
        "compared the bundled example demo-old.txt with demo-new.txt"
        + ("" if output else " (-o FILE also writes the HTML page)")
        + "; compare your own files with: redline diff OLD NEW"
    )


def _demo_document(name: str) -> Document:
    from importlib import resources

    data = resources.files("redline").joinpath("data", name).read_bytes()
    try:
        return parse_source(read_bytes(data, name))
    except RedlineError as exc:  # a broken installation, not a user error
        raise Trouble(f"the bundled example is unreadable: {exc}") from None


@main.command("git-diff", epilog=EXIT_HELP)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice([f for f in formats() if f in ("terminal", "markdown", "json", "html")]),
    default="terminal",
    show_default=True,
)
@color_option
def git_diff_cmd(args: tuple[str, ...], fmt: str, color: str) -> None:
    """Act as git's external diff driver; git passes the 7 ARGS.

    They are: path old-file old-hex old-mode new-file new-hex new-mode (and, for a rename,
    new-path and a message); /dev/null stands for the missing side of an added or deleted file.

    Set it up with `git config diff.redline.command "redline git-diff"` and a line
    `*.md diff=redline` in .gitattributes. Exits 0 after showing a redline (git stops on
    any other status), 2 on trouble.
    """
    from redline.compare import compare
    from redline.gitdriver import driver_args

    if len(args) == 1:  # git passes only the path of an unmerged file
        write_output(f"* Unmerged path {args[0]}\n", None)
        return
    try:
        given = driver_args(args)
    except RedlineError as exc:
        raise Trouble(str(exc)) from None
    old = _git_side(given.old_file, given.old_label)
    new = _git_side(given.new_file, given.new_label)
    options = RenderOptions(
        old_name=given.old_label,
        new_name=given.new_label,
        color=use_color(color, pager=os.environ.get("GIT_PAGER_IN_USE") == "true"),
    )
    write_output(render(compare(old, new), fmt, options), None)


def _git_side(file: str | None, label: str) -> Document:
    """Parse one side git passed (named as git names it), or the empty side of an add/delete."""
    if file is None:
        return EMPTY_DOCUMENT
    try:
        with open(file, "rb") as handle:
            source = read_bytes(handle.read(), label)
        # An empty blob is a real state of a file in git, not a mistake: compare it as empty.
        return parse_source(source) if source.text.strip() else EMPTY_DOCUMENT
    except OSError as exc:
        raise Trouble(f"{label}: {exc.strerror or 'cannot be read'}") from None
    except RedlineError as exc:
        raise Trouble(str(exc)) from None


@main.command("check", epilog="Exit status: 0 all files are resolutions, 1 some are not.")
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
def check_cmd(files: tuple[str, ...]) -> None:
    """Check that each FILE holds a resolution or decision with operative paragraphs (for pre-commit).

    Every resolution or decision found must have operative paragraphs, and there must be
    at least one. Prints one line per file that fails, and exits 1 if any does.
    """
    bad = 0
    with progress(files, label="checking") as items:
        for path in items:
            problem = _check_one(path)
            if problem is not None:
                click.echo(f"{path}: {problem}", err=True)
                bad += 1
    sys.exit(1 if bad else 0)


def _check_one(path: str) -> str | None:
    try:
        doc = parse_source(load_source(path))
    except RedlineError as exc:
        return exc.detail
    texts = [res for res in doc.resolutions if res.kind in (DocKind.RESOLUTION, DocKind.DECISION)]
    if not texts:
        kind = doc.resolutions[0].kind if doc.resolutions else doc.kind
        return f"no resolution found (it reads as {kind} text; is this a resolution?)"
    for res in texts:
        if not any(p.kind is Kind.OPERATIVE for p in res.all_paragraphs()):
            name = f"{res.label or res.title}: " if res.label or res.title else ""
            return f"{name}no operative paragraphs found"
    return None


@main.command("summary")
@click.option("--base", required=True, help="The git revision to compare the working tree with.")
@click.argument("pathspecs", nargs=-1)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Append here  [default: $GITHUB_STEP_SUMMARY, else stdout]",
)
@click.option("--max-bytes", type=click.IntRange(min=256), default=None, help="Size cap [default: 1 MiB].")
def summary_cmd(base: str, pathspecs: tuple[str, ...], output: str | None, max_bytes: int | None) -> None:
    """Write the Markdown redline of every resolution file changed since BASE (for CI).

    Meant for a GitHub Actions step: it appends to $GITHUB_STEP_SUMMARY, keeping within
    GitHub's 1 MiB cap by leaving out whole sections, with a note saying which. Exits 0
    when the summary was written, whether or not files changed.
    """
    from redline.ci import changes, section
    from redline.stepsummary import STEP_SUMMARY_LIMIT, build_summary

    target = output or os.environ.get("GITHUB_STEP_SUMMARY") or None
    limit = max_bytes or STEP_SUMMARY_LIMIT
    if target is not None and os.path.exists(target):
        limit -= os.path.getsize(target)
    try:
        found = changes(base, pathspecs=pathspecs)
        with progress(found, label="comparing") as items:
            sections = [section(change, base=base) for change in items]
    except RedlineError as exc:
        raise Trouble(str(exc)) from None
    text = build_summary(sections, limit=max(limit, 0))
    if not text:
        say(f"{target}: the summary is already at its size cap; nothing added")
        return
    if target is None:
        write_output(text, None)
        return
    try:
        with open(target, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise Trouble(f"{target}: cannot write: {exc.strerror or exc}") from None


@main.command("pair", epilog=EXIT_HELP)
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["json", "html", "markdown", "terminal"]),
    default="terminal",
    show_default=True,
)
@click.option("-o", "--output", "outdir", type=click.Path(file_okay=False), help="Write into this folder.")
def pair_cmd(old: str, new: str, fmt: str, outdir: str | None) -> None:
    """Pair the texts of OLD and NEW (each a file or a folder) one to one.

    A folder contributes its .txt, .md, .docx and .pdf files. html writes index.html and one
    redline page per pair into the -o folder (required); other formats go to stdout, or to
    pairs.json / pairs.md / pairs.txt in the -o folder. Exits 0 once the pairing is written.
    """
    from pathlib import Path

    from redline.pair.files import pair_paths
    from redline.render.pairs import RENDERERS, pairs_html

    if fmt == "html" and outdir is None:
        raise Trouble("--format html writes a folder of pages: name it with -o DIR")
    try:
        paired = pair_paths(old, new)
        files = pairs_html(paired) if fmt == "html" else {}
        text = RENDERERS[fmt](paired) if fmt != "html" else ""
    except RedlineError as exc:
        raise Trouble(str(exc)) from None
    if outdir is None:
        write_output(text, None)
        return
    if fmt != "html":
        files = {"pairs." + {"json": "json", "markdown": "md", "terminal": "txt"}[fmt]: text}
    try:
        Path(outdir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Trouble(f"{outdir}: cannot create: {exc.strerror or exc}") from None
    for name, content in files.items():
        write_output(content, str(Path(outdir) / name))
