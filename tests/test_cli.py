"""The `redline` command: exit codes like diff(1), one-line errors, encodings, stdin, determinism."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline import cli, cli_support
from redline.render import formats

OLD = """The General Assembly,

Recalling its resolution 97/212 of 21 December 2042 on ocean science,

Noting with concern that large parts of the ocean remain poorly observed,

1. Encourages Member States to sustain ocean observation;

2. Requests the Secretary-General to report at its one hundredth session.
"""
NEW = """The General Assembly,

Recalling its resolution 97/212 of 21 December 2042 on ocean science,

Noting with deep concern that large parts of the ocean remain poorly observed,

1. Urges Member States to sustain and expand ocean observation;

2. Requests the Secretary-General to report at its one hundredth session.
"""
CURLY = (
    "The General Assembly,\n\n"
    "Recalling the “Ocean Decade” and the Parties’ commitments,\n\n"
    "1. Decides to act.\n"
)


def needs(fmt: str) -> None:
    """Skip until the renderer for ``fmt`` is registered."""
    if fmt not in formats():
        pytest.skip(f"the {fmt} renderer is not registered yet")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def run(*args: str, input: bytes | str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(code: int, err: str, name: str) -> None:
    """Exit status 2, one line on stderr naming the input, no traceback."""
    assert code == 2
    assert err.count("\n") == 1, err
    assert name in err
    assert "Traceback" not in err


def test_identical_files_exit_0(pair: tuple[Path, Path]) -> None:
    old, _ = pair
    code, out, _err = run("diff", str(old), str(old), "-f", "json")
    assert code == 0
    assert json.loads(out)["schema"] == "redline/1"


def test_different_files_exit_1(pair: tuple[Path, Path]) -> None:
    old, new = pair
    code, out, _err = run("diff", str(old), str(new), "-f", "json")
    assert code == 1
    kinds = [row["kind"] for res in json.loads(out)["resolutions"] for row in res["rows"]]
    assert "changed" in kinds


def test_missing_file_exits_2_with_one_line(pair: tuple[Path, Path], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    code, out, err = run("diff", str(pair[0]), str(missing), "-f", "json")
    assert_one_line_error(code, err, "nowhere.txt")
    assert out == ""


def test_binary_file_exits_2(pair: tuple[Path, Path], tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    code, _out, err = run("diff", str(binary), str(pair[1]), "-f", "json")
    assert_one_line_error(code, err, "image.txt")


def test_undecodable_bytes_exit_2(pair: tuple[Path, Path], tmp_path: Path) -> None:
    """Bytes that are neither UTF-8 nor Windows-1252 (0x81 is undefined there) are refused."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"The General Assembly,\n\n1. Decides \x81\x8d to act.\n")
    code, _out, err = run("diff", str(pair[0]), str(bad), "-f", "json")
    assert_one_line_error(code, err, "bad.txt")


def test_empty_side_is_refused_with_exit_2(pair: tuple[Path, Path], tmp_path: Path) -> None:
    """An empty file is refused clearly rather than compared as a deleted resolution."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n")
    code, _out, err = run("diff", str(empty), str(pair[1]), "-f", "json")
    assert_one_line_error(code, err, "empty.txt")
    assert "empty" in err


def test_directory_exits_2(pair: tuple[Path, Path], tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    assert_one_line_error(*run("parse", str(folder))[::2], "drafts")
    assert_one_line_error(*run("diff", str(folder), str(pair[1]))[::2], "drafts")


def test_unknown_format_is_a_usage_error_exit_2(pair: tuple[Path, Path]) -> None:
    code, _out, err = run("diff", str(pair[0]), str(pair[1]), "-f", "pdf-please")
    assert code == 2
    assert "pdf-please" in err


def test_both_sides_from_stdin_refused(pair: tuple[Path, Path]) -> None:
    code, _out, err = run("diff", "-", "-", "-f", "json", input=OLD)
    assert_one_line_error(code, err, "standard input")


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8-sig"),
        lambda s: s.encode("utf-16"),
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8-bom", "utf-16-bom", "crlf"],
)
def test_encodings_parse_to_the_same_paragraphs(tmp_path: Path, encode: object) -> None:
    """UTF-8 with a BOM, UTF-16 with a BOM and CRLF endings read like plain UTF-8."""
    plain, other = tmp_path / "plain.txt", tmp_path / "other.txt"
    plain.write_bytes(CURLY.encode("utf-8"))
    other.write_bytes(encode(CURLY))  # type: ignore[operator]
    code_a, out_a, _ = run("parse", str(plain), "-f", "json")
    code_b, out_b, _ = run("parse", str(other), "-f", "json")
    assert code_a == code_b == 0
    assert json.loads(out_a)["resolutions"] == json.loads(out_b)["resolutions"]


def test_cp1252_keeps_curly_quotes(tmp_path: Path) -> None:
    path = tmp_path / "word-export.txt"
    path.write_bytes(CURLY.encode("cp1252"))
    code, out, _ = run("parse", str(path), "-f", "json")
    assert code == 0
    texts = [p["text"] for r in json.loads(out)["resolutions"] for p in r["paragraphs"]]
    assert any("“Ocean Decade”" in t and "Parties’" in t for t in texts)


def test_stdin_gives_the_same_rows_as_the_file(pair: tuple[Path, Path]) -> None:
    """`redline diff - NEW < OLD` shows the same rows as `redline diff OLD NEW`."""
    old, new = pair
    code_file, out_file, _ = run("diff", str(old), str(new), "-f", "json")
    code_stdin, out_stdin, _ = run("diff", "-", str(new), "-f", "json", input=old.read_bytes())
    assert code_file == code_stdin == 1
    rows = [r["rows"] for r in json.loads(out_file)["resolutions"]]
    assert rows == [r["rows"] for r in json.loads(out_stdin)["resolutions"]]


def test_stdin_on_the_new_side(pair: tuple[Path, Path]) -> None:
    code, _out, _ = run("diff", str(pair[0]), "-", "-f", "json", input=pair[0].read_bytes())
    assert code == 0


@pytest.mark.parametrize("fmt", ["html", "markdown", "json", "terminal"])
def test_two_runs_are_byte_identical(pair: tuple[Path, Path], fmt: str) -> None:
    needs(fmt)
    first = run("diff", str(pair[0]), str(pair[1]), "-f", fmt)
    second = run("diff", str(pair[0]), str(pair[1]), "-f", fmt)
    assert first[0] == 1
    assert first == second
    assert first[1]


def test_output_file_keeps_the_exit_status(pair: tuple[Path, Path], tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run("diff", str(pair[0]), str(pair[1]), "-f", "json", "-o", str(target))
    assert code == 1
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "redline/1"


def test_html_is_written_to_stdout_when_piped(pair: tuple[Path, Path]) -> None:
    needs("html")
    code, out, _ = run("diff", str(pair[0]), str(pair[1]))
    assert code == 1
    assert "<html" in out.lower()


def test_html_at_a_terminal_goes_to_redline_html(
    pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a terminal, the default HTML is written to ./redline.html and the path is said on stderr."""
    needs("html")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "stdout_is_terminal", lambda: True)
    code, out, err = run("diff", str(pair[0]), str(pair[1]))
    assert code == 1
    assert out == ""
    assert "redline.html" in err
    assert "<html" in (tmp_path / "redline.html").read_text(encoding="utf-8").lower()


def test_color_always_and_never(pair: tuple[Path, Path]) -> None:
    needs("terminal")
    _, coloured, _ = run("diff", str(pair[0]), str(pair[1]), "-f", "terminal", "--color", "always")
    _, plain, _ = run("diff", str(pair[0]), str(pair[1]), "-f", "terminal", "--color", "never")
    assert "\x1b[" in coloured
    assert "\x1b[" not in plain


class _Tty:
    def isatty(self) -> bool:
        return True


def test_color_auto_honours_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """auto colours a terminal, unless NO_COLOR is set; always overrides NO_COLOR."""
    tty = _Tty()
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli_support.use_color("auto", stream=tty)  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli_support.use_color("auto", stream=tty)  # type: ignore[arg-type]
    assert cli_support.use_color("always", stream=tty)  # type: ignore[arg-type]
    assert not cli_support.use_color("never", stream=tty)  # type: ignore[arg-type]


def test_color_auto_is_off_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    with open(os.devnull, "w") as devnull:
        assert not cli_support.use_color("auto", stream=devnull)


def test_markdown_style_option_is_passed_on(pair: tuple[Path, Path]) -> None:
    needs("markdown")
    _, html_style, _ = run("diff", str(pair[0]), str(pair[1]), "-f", "markdown")
    _, critic, _ = run(
        "diff", str(pair[0]), str(pair[1]), "-f", "markdown", "--markdown-style", "criticmarkup"
    )
    assert "<del>" in html_style or "<ins>" in html_style
    assert "{--" in critic or "{++" in critic


def test_parse_text_lists_addressed_paragraphs(pair: tuple[Path, Path]) -> None:
    code, out, _ = run("parse", str(pair[0]))
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("OP1 ") and "Encourages Member States" in line for line in lines)
    assert any(line.startswith("OP2 ") for line in lines)


def test_parse_json_follows_the_contract(pair: tuple[Path, Path]) -> None:
    code, out, _ = run("parse", str(pair[0]), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "redline/1"
    addresses = [p["address"] for r in doc["resolutions"] for p in r["paragraphs"]]
    assert "OP1" in addresses and "OP2" in addresses


def test_parse_missing_file_exit_2() -> None:
    code, _out, err = run("parse", "no-such-resolution.txt")
    assert_one_line_error(code, err, "no-such-resolution.txt")


def test_check_passes_resolutions_and_fails_prose(tmp_path: Path) -> None:
    good, prose = tmp_path / "good.txt", tmp_path / "prose.md"
    good.write_text(OLD, encoding="utf-8")
    prose.write_text("Minutes of the informal consultations held on Tuesday.\n", encoding="utf-8")
    assert run("check", str(good))[0] == 0
    code, _out, err = run("check", str(good), str(prose), str(tmp_path / "gone.txt"))
    assert code == 1
    first, second = err.splitlines()
    assert first.startswith(f"{prose}: no resolution found (it reads as ")
    assert second == f"{tmp_path / 'gone.txt'}: no such file"


def test_check_without_files_passes() -> None:
    assert run("check")[0] == 0


def test_check_shows_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    files = []
    for i in range(cli_support.PROGRESS_THRESHOLD + 2):
        path = tmp_path / f"r{i}.txt"
        path.write_text(OLD, encoding="utf-8")
        files.append(str(path))
    code, out, err = run("check", *files)
    assert code == 0
    assert out == err == ""


def test_help_documents_exit_status() -> None:
    code, out, _ = run("diff", "--help")
    assert code == 0
    assert "Exit status" in out and "2 trouble" in out


def test_demo_runs_on_the_bundled_pair() -> None:
    needs("terminal")
    code, out, err = run("demo", "--color", "never")
    assert code == 0
    assert "ocean" in out.lower()
    assert "redline diff OLD NEW" in err


def test_demo_writes_html_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    needs("terminal")
    needs("html")
    monkeypatch.chdir(tmp_path)
    assert run("demo", "--color", "never")[0] == 0
    assert list(tmp_path.iterdir()) == []
    assert run("demo", "-o", "demo.html")[0] == 0
    assert "<html" in (tmp_path / "demo.html").read_text(encoding="utf-8").lower()


# A few tests through the installed console script, as users and git run it.

REDLINE = shutil.which("redline")
installed = pytest.mark.skipif(REDLINE is None, reason="the redline script is not installed")


@installed
def test_script_missing_file_one_line_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(REDLINE), "diff", "a.txt", "b.txt"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert done.stderr == "redline: a.txt: no such file\n"


@installed
def test_script_stdin_redirect(pair: tuple[Path, Path]) -> None:
    """The shell form `redline diff - NEW < OLD` works through the real script."""
    old, new = pair
    with old.open("rb") as stdin:
        done = subprocess.run(
            [str(REDLINE), "diff", "-", str(new), "-f", "json"], stdin=stdin, capture_output=True, check=False
        )
    assert done.returncode == 1
    assert json.loads(done.stdout)["schema"] == "redline/1"


@installed
def test_script_demo_from_another_directory(tmp_path: Path) -> None:
    """`redline demo` finds its bundled pair from any directory and writes no file there."""
    needs("terminal")
    done = subprocess.run(
        [str(REDLINE), "demo"], cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.strip()
    assert list(tmp_path.iterdir()) == []


@installed
def test_script_demo_into_a_closed_pipe_exits_0(tmp_path: Path) -> None:
    """`redline demo 2>&1 | head`: a reader that has gone away is no error, on stdout or stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write to the pipe now fails with EPIPE, as after `head` exits
    try:
        done = subprocess.run(
            [str(REDLINE), "demo"], cwd=tmp_path, stdout=write_end, stderr=write_end, check=False, timeout=120
        )
    finally:
        os.close(write_end)
    assert done.returncode == 0


def test_check_shows_progress_when_stderr_is_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long runs get a progress bar (labelled) on stderr when stderr is a terminal; stdout stays clean."""
    monkeypatch.setattr(cli_support, "_isatty", lambda stream: True)
    files = []
    for i in range(cli_support.PROGRESS_THRESHOLD):
        path = tmp_path / f"r{i}.txt"
        path.write_text(OLD, encoding="utf-8")
        files.append(str(path))
    code, out, err = run("check", *files)
    assert code == 0
    assert out == ""
    assert "checking" in err


def test_docx_output_needs_a_file(pair: tuple[Path, Path]) -> None:
    needs("docx")
    code, out, err = run("diff", str(pair[0]), str(pair[1]), "-f", "docx")
    assert_one_line_error(code, err, "-o")
    assert out == ""


@installed
@pytest.mark.parametrize("fmt", ["html", "markdown", "json", "terminal"])
def test_script_output_does_not_depend_on_hash_seed(tmp_path: Path, fmt: str) -> None:
    """Separate processes with different string-hash seeds write byte-identical output (demo pair)."""
    old, new = tmp_path / "demo-old.txt", tmp_path / "demo-new.txt"
    for path in (old, new):
        path.write_bytes(resources.files("redline").joinpath("data", path.name).read_bytes())
    outputs = set()
    for seed in ("1", "2"):
        done = subprocess.run(
            [str(REDLINE), "diff", str(old), str(new), "-f", fmt, "--color", "always"],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_interrupt_exits_130_not_1(pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C must not look like "differences found" (click's default status for an abort is 1)."""

    import redline.compare as compare_module

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(compare_module, "compare", interrupted)
    code, _out, err = run("diff", str(pair[0]), str(pair[1]), "-f", "json")
    assert code == 130
    assert err == "redline: interrupted\n"


def test_color_in_a_file_only_when_always(pair: tuple[Path, Path], tmp_path: Path) -> None:
    needs("terminal")
    auto, always = tmp_path / "auto.txt", tmp_path / "always.txt"
    run("diff", str(pair[0]), str(pair[1]), "-f", "terminal", "-o", str(auto))
    run("diff", str(pair[0]), str(pair[1]), "-f", "terminal", "--color", "always", "-o", str(always))
    assert "\x1b[" not in auto.read_text(encoding="utf-8")
    assert "\x1b[" in always.read_text(encoding="utf-8")


@pytest.mark.corpus
def test_check_accepts_real_adopted_resolutions(corpus: Path) -> None:
    """The pre-commit check passes (almost) every adopted resolution: a sample of one in ten."""
    files = sorted(str(p) for p in (corpus / "ga").glob("A_RES_*.txt"))[::10]
    code, _out, err = run("check", *files)
    failing = err.splitlines()
    assert len(failing) <= 0.02 * len(files), failing
    assert code == (1 if failing else 0)


@pytest.mark.corpus
def test_check_flags_amendments_as_not_resolutions(corpus: Path) -> None:
    """An amendment to a draft ("Insert after operative paragraph 64 ...") is not a resolution."""
    code, _out, err = run("check", str(corpus / "ga" / "A_C.3_80_L.57.txt"))
    assert code == 1
    assert "amendment" in err


# A command imports only the stages it runs (see the cli module docstring). Each case runs
# in a fresh interpreter and lists the redline and third-party modules it ended with.
_MODULES_AFTER = """
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.__stderr__))
from redline.cli import main
if len(sys.argv) > 1:
    main(sys.argv[1:])
"""
_WORD_AND_PDF = ("docx", "lxml", "pdfminer", "redline.load.docx", "redline.load.pdf", "redline.load.zipcheck")
_COMPARISON = (
    "redline.compare",
    "redline.align",
    "redline.pair",
    "redline.diff",
    "redline.editscript",
    "rapidfuzz",
    "diff_match_patch",
)


def modules_after(*args: str) -> list[str]:
    """Return the modules loaded by a fresh ``redline ARGS`` process (none given: the import alone)."""
    done = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER, *args], capture_output=True, text=True, check=False
    )
    return list(json.loads(done.stderr.strip().splitlines()[-1]))


def loaded(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    """Return the ``modules`` that are one of ``packages`` or inside one."""
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in packages)]


def test_text_diff_imports_no_word_pdf_or_ci_machinery(pair: tuple[Path, Path], tmp_path: Path) -> None:
    """Comparing two text files into HTML loads no Word/PDF reader, no other renderer, no git/CI helper."""
    modules = modules_after("diff", str(pair[0]), str(pair[1]), "-f", "html", "-o", str(tmp_path / "r.html"))
    assert "redline.render.html" in modules  # the process did run the comparison
    unwanted = ("redline.render.docx", "redline.render.json", "redline.outline", "redline.gitdriver")
    assert loaded(modules, _WORD_AND_PDF + unwanted + ("redline.ci", "redline.stepsummary")) == []


def test_importing_the_cli_loads_no_stage() -> None:
    """``import redline.cli`` (what --help and --version cost) loads neither the parser nor the comparison."""
    modules = modules_after()
    assert loaded(modules, _COMPARISON + _WORD_AND_PDF + ("redline.parse", "redline.clean")) == []


def test_parse_command_loads_no_comparison(pair: tuple[Path, Path]) -> None:
    """``redline parse`` (git's textconv filter, run once per file) never loads rapidfuzz or the diff."""
    modules = modules_after("parse", str(pair[0]))
    assert "redline.parse" in modules
    assert loaded(modules, _COMPARISON + _WORD_AND_PDF) == []
