"""`redline pair OLD NEW`: files or folders in, the pairing out in four formats."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner
from markdown_it import MarkdownIt

from redline.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "pairs"
OLD = str(FIXTURES / "old")
NEW = str(FIXTURES / "new")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["pair", *args])
    return result.exit_code, result.output


def test_json_lists_every_old_text_once_and_the_unpaired_new() -> None:
    code, out = _run(OLD, NEW, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "redline/1"
    olds = [p["old"]["label"] for p in data["pairs"]]
    assert olds == ["70/10", "70/11", "70/12"]
    partners = {p["old"]["label"]: (p["new"] or {}).get("label") for p in data["pairs"]}
    assert partners == {"70/10": "71/5", "70/11": "71/6", "70/12": None}
    assert all(set(p["old"]) >= {"path", "label", "title"} for p in data["pairs"])
    assert all(isinstance(p["similarity"], float) for p in data["pairs"])
    unpaired = sorted(Path(u["path"]).name for u in data["unpaired_new"])
    assert unpaired == ["A_C.2_71_L.9.txt", "A_RES_71_7.txt"]


def test_json_is_deterministic() -> None:
    assert _run(OLD, NEW, "-f", "json") == _run(OLD, NEW, "-f", "json")


def test_single_files_pair_directly() -> None:
    code, out = _run(
        str(FIXTURES / "old" / "A_RES_70_11.txt"), str(FIXTURES / "new" / "A_RES_71_6.txt"), "-f", "json"
    )
    assert code == 0
    assert json.loads(out)["pairs"][0]["new"]["label"] == "71/6"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v for k, v in attrs if tag == "a" and k == "href" and v]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_writes_an_index_linking_each_pair_page(tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, _ = _run(OLD, NEW, "-f", "html", "-o", str(out))
    assert code == 0
    parser = _Links()
    parser.feed((out / "index.html").read_text(encoding="utf-8"))
    assert parser.links == ["pair-001.html", "pair-002.html"]
    for link in parser.links:
        page = (out / link).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
    text = " ".join(parser.text)
    assert "International Day of Lighthouses" in text
    assert "Question of the Windward Atolls" in text


def test_html_needs_an_output_folder() -> None:
    code, out = _run(OLD, NEW, "-f", "html")
    assert code == 2
    assert "-o DIR" in out


def test_markdown_reads_back_as_a_table() -> None:
    code, out = _run(OLD, NEW, "-f", "markdown")
    assert code == 0
    tokens = MarkdownIt().enable("table").parse(out)
    cells = [t.content for t in tokens if t.type == "inline"]
    assert any("70/10" in c for c in cells)
    assert any("unpaired" in c for c in cells)


def test_terminal_and_output_folder(tmp_path: Path) -> None:
    code, out = _run(OLD, NEW)
    assert code == 0
    assert "->" in out and "(unpaired)" in out
    code, _ = _run(OLD, NEW, "-f", "json", "-o", str(tmp_path))
    assert code == 0
    assert json.loads((tmp_path / "pairs.json").read_text(encoding="utf-8"))["schema"] == "redline/1"


def test_missing_path_is_trouble_in_one_line(tmp_path: Path) -> None:
    code, out = _run(str(tmp_path / "nowhere"), NEW)
    assert code == 2
    assert out.count("\n") == 1 and "nowhere" in out


def test_folder_without_texts_is_trouble(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    code, out = _run(str(tmp_path), NEW)
    assert code == 2
    assert "holds no" in out


def test_json_validates_against_the_redline_1_schema() -> None:
    import jsonschema

    schema = json.loads(
        (Path(__file__).parent.parent / "docs" / "redline-1.schema.json").read_text(encoding="utf-8")
    )
    code, out = _run(OLD, NEW, "-f", "json")
    assert code == 0
    jsonschema.validate(json.loads(out), {**schema, "anyOf": [{"$ref": "#/$defs/pair"}]})
