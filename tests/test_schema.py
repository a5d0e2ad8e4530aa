"""The JSON outputs (parse, diff, pair) validate against docs/redline-1.schema.json."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from redline.compare import compare
from redline.parse import parse
from redline.render import render
from redline.render.json import document_json
from tests.strategies import redline_text, revised_paragraphs
from tests.test_render import redline_of

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "redline-1.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _demo(side: str) -> str:
    return resources.files("redline").joinpath(f"data/demo-{side}.txt").read_text(encoding="utf-8")


def test_demo_parse_and_diff_validate(validator: jsonschema.Draft202012Validator) -> None:
    old, new = parse(_demo("old"), name="demo-old.txt"), parse(_demo("new"), name="demo-new.txt")
    validator.validate(document_json(old))
    diff = json.loads(render(compare(old, new), "json"))
    validator.validate(diff)
    rows = diff["resolutions"][0]["rows"]
    assert any(r["footnotes_changed"] for r in rows)
    assert diff["resolutions"][0]["summary"]["verb_changes"][0]["old"] == "Requests"


@given(revised_paragraphs(redline_text))
def test_generated_redlines_validate(
    validator: jsonschema.Draft202012Validator, pair: tuple[list[str], list[str]]
) -> None:
    validator.validate(json.loads(render(redline_of(*pair), "json")))


def _pair_output() -> dict[str, Any]:
    side = {"path": "a.txt", "label": "Draft resolution III", "title": "Ocean observation"}
    return {
        "schema": "redline/1",
        "pairs": [
            {"old": side, "new": {**side, "path": "b.txt"}, "similarity": 0.87},
            {"old": side, "new": None, "similarity": 0.1},
        ],
        "unpaired_new": [{"path": "c.txt", "label": None, "title": "A note"}],
    }


def test_pair_output_validates(validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(_pair_output())


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["resolutions"][0]["rows"][0].update(chunks=[["*", "text"]]),
        lambda d: d["resolutions"][0]["rows"][0].update(chunks=[["+", ""]]),
        lambda d: d["resolutions"][0]["rows"][0].pop("kind"),
        lambda d: d["resolutions"][0]["rows"][0].update(kind="moved"),
        lambda d: d["resolutions"][0]["summary"].update(unchanged_share=1.5),
        lambda d: d.update(schema="redline/2"),
    ],
)
def test_schema_rejects_broken_diffs(validator: jsonschema.Draft202012Validator, breakage: Any) -> None:
    """The schema has teeth: a wrong op, an empty chunk, a missing or unknown kind fail."""
    data = json.loads(render(redline_of(["Requests a report;"], ["Encourages a report;"]), "json"))
    validator.validate(data)
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_schema_rejects_broken_pairs(validator: jsonschema.Draft202012Validator) -> None:
    data = _pair_output()
    data["pairs"][0].pop("similarity")
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_pair_command_output_validates(validator: jsonschema.Draft202012Validator, tmp_path: Path) -> None:
    """`redline pair --format json` on the demo pair writes what the schema describes."""
    from click.testing import CliRunner

    from redline.cli import main

    for side in ("old", "new"):
        (tmp_path / f"{side}.txt").write_text(_demo(side), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["pair", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validator.validate(data)
    assert data["pairs"][0]["new"] is not None and data["unpaired_new"] == []


@pytest.mark.corpus
def test_pair_command_on_corpus_folders_validates(
    validator: jsonschema.Draft202012Validator, corpus: Path, tmp_path: Path
) -> None:
    """Pairing a few real drafts with their adopted texts (folders of links) validates too."""
    from click.testing import CliRunner

    from redline.cli import main

    for folder, names in (
        ("old", ("A_C.1_80_L.22", "A_80_L.9")),
        ("new", ("A_RES_80_41", "A_RES_80_6", "A_RES_80_229")),
    ):
        (tmp_path / folder).mkdir()
        for name in names:
            (tmp_path / folder / f"{name}.txt").symlink_to(corpus / "ga" / f"{name}.txt")
    result = CliRunner().invoke(main, ["pair", str(tmp_path / "old"), str(tmp_path / "new"), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validator.validate(data)
    assert len(data["pairs"]) == 2 and len(data["unpaired_new"]) == 1
